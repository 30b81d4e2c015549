import type { LispObject } from './types.js';
import { NIL } from './symbol.js';
import { Q } from './q.js';
import { signal } from './signal.js';

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
/**
 * The elements of a list. A circular list signals circular-list with the
 * cons where the walk met itself, as Emacs's FOR_EACH_TAIL (Brent's check):
 * an array that grew forever would end the process (V8's invalid size).
 */
export function listToArray(l: LispObject): LispObject[] {
  const out: LispObject[] = [];
  let tortoise = l;
  let lap = 2;
  let left = 2;
  while (l instanceof Cons) {
    out.push(l.car);
    l = l.cdr;
    if (--left === 0) {
      lap *= 2;
      left = lap;
      tortoise = l;
    } else if (l === tortoise) signal(Q.circular_list, list(l));
  }
  return out;
}

export function isList(x: LispObject): x is Cons | typeof NIL {
  return x === NIL || x instanceof Cons;
}
