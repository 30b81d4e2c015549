// Test helpers for the string builtins: call a builtin directly and show
// results in Lisp's printed syntax (enough of it for these tests).
import {
  type LispObject, LispString, LispSymbol, Cons, LispFloat, LispSignal, Subr, NIL, intern,
} from '../../src/lisp/index.js';
import { LispHashTable } from '../../src/lisp/hashtable.js';

/** A Lisp string; multibyte when it has non-ASCII text, as the reader makes it. */
export function str(s: string, multibyte = /[^\x00-\x7f]/.test(s)): LispString {
  return new LispString(s, multibyte);
}

/** A unibyte string from byte values. */
export function bytes(...bs: number[]): LispString {
  return new LispString(String.fromCharCode(...bs), false);
}

export const sym = intern;

export function call(name: string, ...args: LispObject[]): LispObject {
  const subr = intern(name).fn;
  if (!(subr instanceof Subr)) throw new Error(`${name} is not a builtin`);
  if (subr.max < 0) return subr.fn(args);
  while (args.length < subr.max) args.push(NIL);
  return subr.fn(...args);
}

export function show(x: LispObject): string {
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x instanceof LispFloat) return Object.is(x.value, -0) ? '-0.0' : Number.isInteger(x.value) ? x.value.toFixed(1) : String(x.value);
  if (x instanceof LispSymbol) return x.name;
  if (x instanceof LispString) {
    let out = '"';
    for (const c of x.codes()) {
      if (c === 34 || c === 92) out += '\\' + String.fromCharCode(c);
      else if (!x.multibyte && c >= 0x80) out += '\\' + c.toString(8);
      else if (c >= 0x3fff80) out += '\\' + (c - 0x3fff00).toString(8);
      else out += String.fromCodePoint(c);
    }
    return out + '"';
  }
  if (Array.isArray(x)) return '[' + x.map(show).join(' ') + ']';
  if (x instanceof Cons) {
    const parts: string[] = [];
    let l: LispObject = x;
    while (l instanceof Cons) {
      parts.push(show(l.car));
      l = l.cdr;
    }
    return '(' + parts.join(' ') + (l === NIL ? '' : ' . ' + show(l)) + ')';
  }
  if (x instanceof LispHashTable) {
    const parts: string[] = [];
    x.forEach((k, v) => parts.push(show(k), show(v)));
    return `#s(hash-table test ${x.test.name.name} data (${parts.join(' ')}))`;
  }
  return String(x);
}

/** Calls a builtin and shows its value, or the error it signals as (ERR symbol . data). */
export function run(name: string, ...args: LispObject[]): string {
  try {
    return show(call(name, ...args));
  } catch (e) {
    if (e instanceof LispSignal) return show(new Cons(intern('ERR'), new Cons(e.symbol, e.data)));
    throw e;
  }
}
