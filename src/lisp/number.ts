// Numbers. An integer is a JS number when it is a safe integer and a bigint
// otherwise (normalised both ways); Emacs's fixnum range (62 bits) is only
// visible through `fixnump`/`bignump` and `eq`.
import type { LispObject } from './types.js';

export class LispFloat {
  constructor(readonly value: number) {}
}

export const MOST_POSITIVE_FIXNUM = (1n << 61n) - 1n;
export const MOST_NEGATIVE_FIXNUM = -(1n << 61n);

const MAX_SAFE_BIG = BigInt(Number.MAX_SAFE_INTEGER);
const MIN_SAFE_BIG = -MAX_SAFE_BIG;

/** The canonical representation of an exact integer. */
export function normalizeBig(b: bigint): number | bigint {
  return b <= MAX_SAFE_BIG && b >= MIN_SAFE_BIG ? Number(b) : b;
}

export function isInteger(x: LispObject): x is number | bigint {
  return typeof x === 'number' || typeof x === 'bigint';
}

export function isNumber(x: LispObject): x is number | bigint | LispFloat {
  return typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat;
}

export function isFixnum(x: LispObject): boolean {
  if (typeof x === 'number') return true;
  return typeof x === 'bigint' && x <= MOST_POSITIVE_FIXNUM && x >= MOST_NEGATIVE_FIXNUM;
}

export function isBignum(x: LispObject): boolean {
  return typeof x === 'bigint' && (x > MOST_POSITIVE_FIXNUM || x < MOST_NEGATIVE_FIXNUM);
}

export function makeFloat(v: number): LispFloat {
  return new LispFloat(v);
}

export function toBig(x: number | bigint): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** A JS number for an integer or float (bigints lose precision). */
export function numberValue(x: number | bigint | LispFloat): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  return x.value;
}
