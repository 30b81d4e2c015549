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
