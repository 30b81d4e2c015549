// Vector-like objects other than plain vectors (which are JS arrays).
import type { LispObject } from './types.js';
import { NIL } from './symbol.js';

/** A record: slot 0 is the type (a symbol or a class record). */
export class LispRecord {
  constructor(public slots: LispObject[]) {}
}

export class BoolVector {
  constructor(public bits: Uint8Array) {}
  get length(): number {
    return this.bits.length;
  }
}

/** A char-table: a default value and explicit per-character entries. */
export class CharTable {
  readonly entries = new Map<number, LispObject>();
  parent: LispObject = NIL;
  /** Counts changes to the contents, the default and the parent (so a cache over the table knows it is stale). */
  modiff = 0;
  /** Counts changes to any char-table: a cache over a table and its parents is stale when this moved. */
  static epoch = 0;
  extras: LispObject[];
  constructor(
    public subtype: LispObject,
    public defalt: LispObject,
    nExtras = 0,
  ) {
    this.extras = new Array<LispObject>(nExtras).fill(NIL);
  }
}

export function isVector(x: LispObject): x is LispObject[] {
  return Array.isArray(x);
}

/**
 * The index of the run that holds C, for runs laid end to end from 0 whose
 * last characters are ENDS (ascending); C must not be past the last run.
 * Binary search: char-tables made from runs and the standard syntax table.
 */
export function runIndex(ends: Int32Array, c: number): number {
  let lo = 0;
  let hi = ends.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ends[mid] < c) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
