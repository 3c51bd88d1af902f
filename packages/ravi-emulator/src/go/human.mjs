/**
 * The CLI's `HumanFormatter` (`--human`): reflection-driven `key: value` lines, numbered
 * slices, and `text/tabwriter` tables (padding 2, no minimum width).
 */
import { goTimeString } from './json.mjs';

/** @typedef {import('./types.mjs').GoType} GoType */

/** `%v` of a value. Structs inside slices print as `{a b c}`, as fmt does. */
function formatV(/** @type {GoType} */ type, /** @type {any} */ value) {
  if (type === 'time') return goTimeString(value);
  if (typeof type === 'string') return String(value);
  if ('slice' in type) {
    return '[' + (value ?? []).map((/** @type {any} */ item) => formatV(type.slice, item)).join(' ') + ']';
  }
  return '{' + type.fields.map(([name, fieldType]) => formatV(fieldType, value[name])).join(' ') + '}';
}

function printStruct(
  /** @type {import('./types.mjs').Shape} */ shape,
  /** @type {any} */ value,
  indent = '',
) {
  let out = '';
  for (const [name, type] of shape.fields) {
    if (type === 'time') {
      // NOTE: the real formatter recurses into time.Time as a struct and finds no exported
      // fields, so the line ends at the colon (seen with a real v0.6.2 binary).
      out += `${indent}${name}:\n`;
    } else if (typeof type === 'object' && 'fields' in type) {
      out += `${indent}${name}:\n` + printStruct(type, value[name], indent + '  ');
    } else {
      out += `${indent}${name}: ${formatV(type, value[name])}\n`;
    }
  }
  return out;
}

/**
 * `HumanFormatter.Print`: what the real CLI prints for a decoded value.
 * NOTE: Go ranges over maps in random order; we print map keys sorted so tests are stable.
 * @param {GoType | 'map'} type
 * @param {any} value
 */
export function humanPrint(type, value) {
  if (value === null || value === undefined) return '';
  if (type === 'map') {
    return Object.keys(value)
      .sort()
      .map((key) => `${key}: ${value[key]}\n`)
      .join('');
  }
  if (typeof type === 'string') return formatV(type, value) + '\n';
  if ('fields' in type) return printStruct(type, value);
  const itemType = type.slice;
  return value
    .map((/** @type {any} */ item, /** @type {number} */ i) => {
      if (typeof itemType === 'object' && 'fields' in itemType) {
        return `[${i + 1}]\n` + printStruct(itemType, item, '  ') + (i < value.length - 1 ? '\n' : '');
      }
      return `[${i + 1}] ${formatV(itemType, item)}\n`;
    })
    .join('');
}

/**
 * `text/tabwriter` with minwidth 0, tabwidth 0, padding 2, padchar ' ': every cell but the
 * last in a line is padded to its column's widest cell plus two.
 * @param {string[]} headers
 * @param {string[][]} rows
 */
export function humanTable(headers, rows) {
  const lines = [headers, headers.map((h) => '-'.repeat([...h].length)), ...rows];
  const widths = headers.map((_, col) => Math.max(...lines.map((line) => [...(line[col] ?? '')].length)));
  return lines
    .map((line) =>
      line
        .map((cell, col) => (col === line.length - 1 ? cell : cell.padEnd((widths[col] ?? 0) + 2)))
        .join(''),
    )
    .map((line) => line + '\n')
    .join('');
}
