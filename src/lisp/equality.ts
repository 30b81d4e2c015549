// eq, eql, equal and the hashes that agree with them.
import type { LispObject } from './types.js';
import { LispSymbol, NIL, intern } from './symbol.js';
import { error, signal } from './signal.js';
import { Cons } from './cons.js';
import { LispFloat } from './number.js';
import { LispString, sameStringText } from './string.js';
import { LispRecord, BoolVector } from './vector.js';
import { LispClosure } from './function.js';

/**
 * `eq`: identity, except that integers compare by value (fixnums are
 * immediate in Emacs; equal bignums are rarely the same object there).
 */
export function eq(a: LispObject, b: LispObject): boolean {
  return a === b;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function sameFloatBits(a: number, b: number): boolean {
  f64[0] = a;
  const a0 = u32[0], a1 = u32[1];
  f64[0] = b;
  return a0 === u32[0] && a1 === u32[1];
}

/** `eql`: like eq, but floats compare by value and sign (and NaN by bits). */
export function eql(a: LispObject, b: LispObject): boolean {
  if (a === b) return true;
  if (a instanceof LispFloat && b instanceof LispFloat) return sameFloatBits(a.value, b.value);
  return false;
}

/**
 * `equal`: structural equality on conses, strings, vectors and records.
 * Like Emacs, recursion depth (through cars and elements; cdrs loop) above
 * 200 signals "Stack overflow in equal", and two circular lists signal
 * circular-list instead of looping.
 */
/** How equal compares two strings: by text, or (equal-including-properties) by text and properties. */
export type StringEquality = (a: LispString, b: LispString) => boolean;

export function equal(a: LispObject, b: LispObject, depth = 0, sameStrings: StringEquality = sameStringText): boolean {
  if (depth > 200) error('Stack overflow in equal');
  let steps = 0;
  let tortoise = a;
  for (;;) {
    if (a === b) return true;
    if (a instanceof Cons) {
      if (!(b instanceof Cons)) return false;
      if (!equal(a.car, b.car, depth + 1, sameStrings)) return false;
      a = a.cdr;
      b = b.cdr;
      // Brent-style check, only on long lists.
      if (++steps > 64) {
        if (a === tortoise) signal(intern('circular-list'), new Cons(a, NIL));
        if ((steps & (steps - 1)) === 0) tortoise = a;
      }
      continue;
    }
    if (a instanceof LispString) return b instanceof LispString && sameStrings(a, b);
    if (a instanceof LispFloat) return b instanceof LispFloat && sameFloatBits(a.value, b.value);
    if (Array.isArray(a)) return Array.isArray(b) && equalArrays(a, b, depth, sameStrings);
    if (a instanceof LispRecord) return b instanceof LispRecord && equalArrays(a.slots, b.slots, depth, sameStrings);
    // Interpreted closures are lists in Emacs, (closure ENV ARGS . BODY): equal compares them so.
    if (a instanceof LispClosure) return b instanceof LispClosure && equal(a.asList(), b.asList(), depth + 1, sameStrings);
    if (a instanceof BoolVector) {
      if (!(b instanceof BoolVector) || a.bits.length !== b.bits.length) return false;
      for (let i = 0; i < a.bits.length; i++) if (a.bits[i] !== b.bits[i]) return false;
      return true;
    }
    return false;
  }
}

function equalArrays(a: LispObject[], b: LispObject[], depth: number, sameStrings: StringEquality): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!equal(a[i], b[i], depth + 1, sameStrings)) return false;
  return true;
}

// ---- hashing -------------------------------------------------------------

const objectIds = new WeakMap<object, number>();
let nextObjectId = 1;

/** A stable identity hash for a heap object. */
export function identityHash(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = nextObjectId++;
    objectIds.set(o, id);
  }
  return id;
}

function mix(h: number, v: number): number {
  return (Math.imul(h ^ v, 0x9e3779b1) + 0x7f4a7c15) | 0;
}

function stringHash(s: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h;
}

function floatHash(v: number): number {
  f64[0] = v;
  return mix(u32[0], u32[1]);
}

export function sxhashEq(x: LispObject): number {
  if (typeof x === 'number') return x | 0;
  if (typeof x === 'bigint') return stringHash(x.toString());
  return identityHash(x as object);
}

export function sxhashEql(x: LispObject): number {
  if (x instanceof LispFloat) return floatHash(x.value);
  return sxhashEq(x);
}

/** A hash consistent with `equal`, looking at most 3 levels / 7 elements deep as Emacs does. */
export function sxhashEqual(x: LispObject, depth = 0): number {
  if (typeof x === 'number') return x | 0;
  if (typeof x === 'bigint') return stringHash(x.toString());
  if (x instanceof LispString) return stringHash(x.value);
  if (x instanceof LispFloat) return floatHash(x.value);
  if (x instanceof LispSymbol) return identityHash(x);
  if (depth > 3) return 0;
  if (x instanceof Cons) {
    let h = 17;
    let n = 0;
    let l: LispObject = x;
    while (l instanceof Cons && n < 7) {
      h = mix(h, sxhashEqual(l.car, depth + 1));
      l = l.cdr;
      n++;
    }
    if (!(l instanceof Cons) && n < 7) h = mix(h, sxhashEqual(l, depth + 1));
    return h;
  }
  if (Array.isArray(x) || x instanceof LispRecord) {
    const arr = Array.isArray(x) ? x : x.slots;
    let h = mix(31, arr.length);
    for (let i = 0; i < Math.min(arr.length, 7); i++) h = mix(h, sxhashEqual(arr[i], depth + 1));
    return h;
  }
  if (x instanceof BoolVector) {
    let h = mix(37, x.bits.length);
    for (let i = 0; i < Math.min(x.bits.length, 64); i++) h = mix(h, x.bits[i]);
    return h;
  }
  return identityHash(x as object);
}
