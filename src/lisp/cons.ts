import type { LispObject } from './types.js';
import { NIL } from './symbol.js';

export class Cons {
  constructor(
    public car: LispObject,
    public cdr: LispObject,
  ) {}
}

export function cons(car: LispObject, cdr: LispObject): Cons {
  return new Cons(car, cdr);
}

export function list(...items: LispObject[]): LispObject {
  return arrayToList(items);
}

export function arrayToList(items: readonly LispObject[], tail: LispObject = NIL): LispObject {
  let r = tail;
  for (let i = items.length - 1; i >= 0; i--) r = new Cons(items[i], r);
  return r;
}

/** The elements of a proper list (stops at the first non-cons tail). */
export function listToArray(l: LispObject): LispObject[] {
  const out: LispObject[] = [];
  while (l instanceof Cons) {
    out.push(l.car);
    l = l.cdr;
  }
  return out;
}

export function isList(x: LispObject): x is Cons | typeof NIL {
  return x === NIL || x instanceof Cons;
}
