// The vocabulary of Lisp values. Integers are JS numbers (always integral)
// or bigints (only outside the safe-integer range); floats are boxed so that
// 1.0 and 1 stay distinct; vectors are plain JS arrays.
import type { LispSymbol } from './symbol.js';
import type { Cons } from './cons.js';
import type { LispFloat } from './number.js';
import type { LispString } from './string.js';
import type { LispRecord, BoolVector, CharTable } from './vector.js';
import type { LispHashTable } from './hashtable.js';
import type { Subr, LispClosure } from './function.js';

/** Objects defined in higher layers (buffers, markers, processes...). */
export interface LispOpaque {
  /** What `type-of` returns. */
  readonly lispType: LispSymbol;
  /** The printed representation, e.g. `#<buffer foo>`. */
  printRepr(): string;
}

export type LispObject =
  | LispSymbol
  | Cons
  | number
  | bigint
  | LispFloat
  | LispString
  | LispObject[]
  | LispRecord
  | BoolVector
  | CharTable
  | LispHashTable
  | Subr
  | LispClosure
  | LispOpaque;
