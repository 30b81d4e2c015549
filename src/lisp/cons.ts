import type { LispObject } from './types.js';
import { NIL } from './symbol.js';
import { Q } from './q.js';
import { signal } from './signal.js';

/**
 * A cons cell. Its fields are read-only to TypeScript: every change goes
 * through setCar/setCdr, which tell listMutation (and so the lookup indexes
 * in list-index.ts) that some list may have changed, or through linkCdr
 * for a cell no Lisp code has seen yet.
 */
export class Cons {
  constructor(
    readonly car: LispObject,
    readonly cdr: LispObject,
  ) {}
}

type MutableCons = { car: LispObject; cdr: LispObject };

/** Counts changes to conses and strings Lisp code may hold: an index built at one epoch is good until the next. */
export const listMutation = { epoch: 0 };

export function setCar(cell: Cons, value: LispObject): void {
  listMutation.epoch++;
  (cell as MutableCons).car = value;
}

export function setCdr(cell: Cons, value: LispObject): void {
  listMutation.epoch++;
  (cell as MutableCons).cdr = value;
}

/** setCdr for a cell this code has just made and no Lisp code can have looked up yet (list builders). */
export function linkCdr(cell: Cons, value: LispObject): void {
  (cell as MutableCons).cdr = value;
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

/**
 * Emacs's FOR_EACH_TAIL cycle check (Brent's: the tortoise jumps to the
 * walker after 2, 4, 8 ... steps) for a walk down a list that does work
 * per element: call step(tail) after each cdr. A circular list signals
 * circular-list with the cons where the walk met itself, as Emacs does;
 * a walk that went on instead would grow its output until V8 ended the
 * process (invalid size).
 */
/**
 * Steps a lookup walks before it starts checking for a cycle. An element
 * found, or the end reached, within them is what the checked walk finds too:
 * Brent's check visits every cons before it can see one again, so only a
 * walk that goes on longer needs it (and then starts over with it).
 */
export const UNCHECKED_STEPS = 4096;

/*
 * Hot list walks test `x.constructor === Cons` rather than `instanceof Cons`:
 * V8 compiles it to a map check and a constant compare, where instanceof
 * walks the prototype chain (assq over a 300-element alist: 54 ms against
 * 88 ms in plain Node). Only written inline in a walker whose sites see few
 * kinds of object; a shared helper would make the one property load
 * megamorphic for every caller.
 */

export class TailCheck {
  private tortoise: LispObject;
  private lap = 2;
  private left = 2;

  constructor(start: LispObject) {
    this.tortoise = start;
  }

  step(tail: LispObject): void {
    if (--this.left === 0) {
      this.lap *= 2;
      this.left = this.lap;
      this.tortoise = tail;
    } else if (tail === this.tortoise) signal(Q.circular_list, list(tail));
  }
}

/** The elements of a list, up to a non-cons tail; a circular list signals circular-list (see TailCheck). */
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
