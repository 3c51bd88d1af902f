/**
 * Go's `encoding/json` syntax check (`checkValid`), reproduced for its error texts, so a
 * malformed config file fails with the same message the real CLI prints, e.g.
 * `invalid character '}' looking for beginning of object key string`.
 */
import { goQuoteChar } from './json.mjs';

class Syntax extends Error {}

const WS = new Set([' ', '\t', '\r', '\n']);
const END = 'unexpected end of JSON input';

/** @param {string} text @returns {string | null} Go's error message, or null when valid */
export function goJsonSyntaxError(text) {
  let i = 0;
  const fail = (/** @type {string} */ context) => {
    throw new Syntax(i >= text.length ? END : `invalid character ${goQuoteChar(text[i] ?? '')} ${context}`);
  };
  const skipWs = () => {
    while (i < text.length && WS.has(/** @type {string} */ (text[i]))) i++;
  };
  const digits = () => {
    const start = i;
    while (i < text.length && /[0-9]/.test(/** @type {string} */ (text[i]))) i++;
    return i - start;
  };

  const literal = (/** @type {string} */ word) => {
    for (let k = 1; k < word.length; k++) {
      i++;
      if (text[i] !== word[k])
        fail(`in literal ${word} (expecting ${goQuoteChar(/** @type {string} */ (word[k]))})`);
    }
    i++;
  };

  const number = () => {
    if (text[i] === '-') {
      i++;
      if (!/[0-9]/.test(text[i] ?? '')) fail('in numeric literal');
    }
    if (text[i] === '0') i++;
    else digits();
    if (text[i] === '.') {
      i++;
      if (digits() === 0) fail('after decimal point in numeric literal');
    }
    if (text[i] === 'e' || text[i] === 'E') {
      i++;
      if (text[i] === '+' || text[i] === '-') i++;
      if (digits() === 0) fail('in exponent of numeric literal');
    }
  };

  const string = () => {
    i++;
    for (;;) {
      if (i >= text.length) fail('');
      const ch = /** @type {string} */ (text[i]);
      if (ch === '"') return void i++;
      if (ch === '\\') {
        i++;
        const esc = text[i] ?? '';
        if (esc === 'u') {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? '')) fail('in \\u hexadecimal character escape');
          }
        } else if (!'"\\/bfnrt'.includes(esc) || esc === '') fail('in string escape code');
        i++;
      } else if (ch < ' ') fail('in string literal');
      else i++;
    }
  };

  /** @param {string} context what Go says when the value cannot start here */
  const value = (context) => {
    skipWs();
    const ch = text[i];
    if (ch === '{') return object();
    if (ch === '[') return array();
    if (ch === '"') return string();
    if (ch === '-' || /[0-9]/.test(ch ?? '')) return number();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    fail(context);
  };

  const object = () => {
    i++;
    skipWs();
    if (text[i] === '}') return void i++;
    for (;;) {
      skipWs();
      if (text[i] !== '"') fail('looking for beginning of object key string');
      string();
      skipWs();
      if (text[i] !== ':') fail('after object key');
      i++;
      value('looking for beginning of value');
      skipWs();
      if (text[i] === '}') return void i++;
      if (text[i] !== ',') fail('after object key:value pair');
      i++;
    }
  };

  const array = () => {
    i++;
    skipWs();
    if (text[i] === ']') return void i++;
    for (;;) {
      value('looking for beginning of value');
      skipWs();
      if (text[i] === ']') return void i++;
      if (text[i] !== ',') fail('after array element');
      i++;
    }
  };

  try {
    value('looking for beginning of value');
    skipWs();
    if (i < text.length) fail('after top-level value');
    return null;
  } catch (error) {
    if (error instanceof Syntax) return error.message;
    throw error;
  }
}
