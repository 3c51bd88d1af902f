/**
 * spf13/pflag v1.0.9 as cobra uses it: interspersed flags, `--` terminator, `--f=v`,
 * `--f v`, bool flags without a value, `-h`, and pflag's exact error texts.
 */
import { goQuote } from '../go/json.mjs';

/**
 * @typedef {object} FlagDef
 * @property {string} name
 * @property {'bool' | 'string' | 'int' | 'stringSlice'} type
 * @property {string} usage
 * @property {string | number | boolean | string[]} [def] default value
 * @property {string} [shorthand]
 * @property {boolean} [required] cobra MarkFlagRequired
 */

export class FlagError extends Error {}
/** pflag returns ErrHelp for `-h`/`--help`; cobra then prints help. */
export const HELP = Symbol('help');

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);
// strconv.ParseInt(s, 0, 64): optional sign, 0x/0o/0b prefixes, legacy leading-0 octal,
// underscores between digits.
const GO_INT = /^[+-]?(0[xX](_?[0-9a-fA-F])+|0[oO](_?[0-7])+|0[bB](_?[01])+|0(_?[0-7])*|[1-9](_?[0-9])*)$/;

/** The zero-valued default of a flag type. */
export function flagDefault(/** @type {FlagDef} */ def) {
  if (def.def !== undefined) return def.def;
  return { bool: false, string: '', int: 0, stringSlice: [] }[def.type];
}

/** @param {FlagDef} def @param {string} raw @param {unknown} current */
function convert(def, raw, current) {
  const invalid = (/** @type {string} */ cause) => {
    const name = def.shorthand ? `-${def.shorthand}, --${def.name}` : `--${def.name}`;
    return new FlagError(`invalid argument ${goQuote(raw)} for ${goQuote(name)} flag: ${cause}`);
  };
  if (def.type === 'bool') {
    if (TRUE.has(raw)) return true;
    if (FALSE.has(raw)) return false;
    throw invalid(`strconv.ParseBool: parsing ${goQuote(raw)}: invalid syntax`);
  }
  if (def.type === 'int') {
    if (!GO_INT.test(raw)) throw invalid(`strconv.ParseInt: parsing ${goQuote(raw)}: invalid syntax`);
    const clean = raw.replaceAll('_', '');
    const sign = clean.startsWith('-') ? -1n : 1n;
    const body = clean.replace(/^[+-]/, '');
    const big = /^0[0-7]+$/.test(body) ? BigInt('0o' + body.slice(1)) : BigInt(body);
    const value = sign * big;
    if (value > 9223372036854775807n || value < -9223372036854775808n) {
      throw invalid(`strconv.ParseInt: parsing ${goQuote(raw)}: value out of range`);
    }
    return Number(value);
  }
  if (def.type === 'stringSlice') {
    const items = raw === '' ? [] : raw.split(',');
    return [...(Array.isArray(current) ? current : []), ...items];
  }
  return raw;
}

/**
 * pflag `FlagSet.Parse`.
 * @param {string[]} args
 * @param {FlagDef[]} defs
 * @returns {{ values: Record<string, any>, changed: Set<string>, positionals: string[], help: boolean }}
 * @throws {FlagError}
 */
export function parseFlags(args, defs) {
  /** @type {Record<string, any>} */
  const values = Object.fromEntries(defs.map((d) => [d.name, flagDefault(d)]));
  const changed = new Set();
  const positionals = [];
  const rest = [...args];
  const set = (/** @type {FlagDef} */ def, /** @type {string} */ raw) => {
    values[def.name] = convert(def, raw, changed.has(def.name) ? values[def.name] : undefined);
    changed.add(def.name);
  };

  while (rest.length > 0) {
    const s = /** @type {string} */ (rest.shift());
    if (s.length < 2 || s[0] !== '-') {
      positionals.push(s);
      continue;
    }
    if (s === '--') {
      positionals.push(...rest.splice(0));
      break;
    }
    if (s[1] === '-') {
      const body = s.slice(2);
      if (body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
      const eq = body.indexOf('=');
      const name = eq === -1 ? body : body.slice(0, eq);
      const def = defs.find((d) => d.name === name);
      if (!def) throw new FlagError(`unknown flag: --${name}`);
      if (eq !== -1) set(def, body.slice(eq + 1));
      else if (def.type === 'bool') set(def, 'true');
      else if (rest.length > 0) set(def, /** @type {string} */ (rest.shift()));
      else throw new FlagError(`flag needs an argument: ${s}`);
      continue;
    }
    let shorts = s.slice(1);
    while (shorts.length > 0) {
      const c = /** @type {string} */ (shorts[0]);
      const def = defs.find((d) => d.shorthand === c);
      if (!def) throw new FlagError(`unknown shorthand flag: '${goQuote(c).slice(1, -1)}' in ${s}`);
      if (shorts.length > 2 && shorts[1] === '=') {
        set(def, shorts.slice(2));
        shorts = '';
      } else if (def.type === 'bool') {
        set(def, 'true');
        shorts = shorts.slice(1);
      } else if (shorts.length > 1) {
        set(def, shorts.slice(1));
        shorts = '';
      } else if (rest.length > 0) {
        set(def, /** @type {string} */ (rest.shift()));
        shorts = '';
      } else {
        throw new FlagError(`flag needs an argument: '${c}' in ${s}`);
      }
    }
  }
  return { values, changed, positionals, help: values.help === true };
}

/** pflag `FlagUsages()`: sorted, aligned, defaults shown when not zero. */
export function flagUsages(/** @type {FlagDef[]} */ defs) {
  const sorted = [...defs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const varname = { bool: '', string: 'string', int: 'int', stringSlice: 'strings' };
  const lines = sorted.map((def) => {
    let left = def.shorthand ? `  -${def.shorthand}, --${def.name}` : `      --${def.name}`;
    if (varname[def.type]) left += ' ' + varname[def.type];
    let usage = def.usage;
    const d = def.def;
    if (def.type === 'string' && d) usage += ` (default ${goQuote(String(d))})`;
    else if (def.type === 'int' && d) usage += ` (default ${d})`;
    else if (def.type === 'bool' && d === true) usage += ' (default true)';
    return { left, usage };
  });
  // NOTE: pflag measures with the \x00 separator included, then Fprintln adds a space on
  // each side of the padding, hence `maxlen - len(left)` spaces plus two.
  const maxlen = Math.max(...lines.map((l) => l.left.length + 1));
  return lines.map((l) => `${l.left} ${' '.repeat(maxlen - l.left.length)} ${l.usage}\n`).join('');
}
