// The arithmetic half of data.c (with what bignum.c does behind it):
// + - * / % mod, comparisons, max/min, bit operations, the number
// predicates, number-to-string and string-to-number; also `random` (fns.c)
// and the cl-lib number predicates.
//
// Integers are JS numbers while they are safe integers and bigints beyond;
// every integer result goes through normalizeBig or makeInteger. The
// two-argument helpers (add2, lt2, ...) are what the evaluator calls
// directly: with two JS numbers they do one JS operation and a range check,
// and allocate nothing.
import { floatToString } from '../reader/printer.js';
import {
  type LispObject, type LispSymbol, LispFloat, LispString, NIL, T, Q, intern, Constancy,
  normalizeBig, isFixnum, isBignum, signal, wrongType, argsOutOfRange, makeString,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, optional, any, number, string, bool } from '../lisp/defun.js';
import { symbolValue } from '../eval/state.js';

declareModule('data');

export type Int = number | bigint;
export type Num = number | bigint | LispFloat;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);
const TWO_32 = 4294967296;
const TWO_128 = 1n << 128n;

const Qinteger_width = intern('integer-width');
const Qmarker = intern('marker');

// ---- markers ---------------------------------------------------------------

let markerToNumber: ((x: LispObject) => number | undefined) | null = null;

/**
 * Lets the buffer layer make markers count as numbers in arithmetic: FN
 * returns the marker's position (signalling itself if it points nowhere), or
 * undefined for anything that is not a marker.
 */
export function setMarkerToNumber(fn: (x: LispObject) => number | undefined): void {
  markerToNumber = fn;
}

function isMarker(x: LispObject): boolean {
  return typeof x === 'object' && x !== null && 'lispType' in x && x.lispType === Qmarker;
}

/** An argument checked as Emacs's CHECK_NUMBER_COERCE_MARKER does. */
export function numberOrMarker(x: LispObject): Num {
  if (typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat) return x;
  if (markerToNumber !== null) {
    const n = markerToNumber(x);
    if (n !== undefined) return n;
  }
  return wrongType(Q.number_or_marker_p, x);
}

/** An argument checked as CHECK_INTEGER_COERCE_MARKER does. */
export function integerOrMarker(x: LispObject): Int {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  if (markerToNumber !== null && !(x instanceof LispFloat)) {
    const n = markerToNumber(x);
    if (n !== undefined) return n;
  }
  return wrongType(Q.integer_or_marker_p, x);
}

// ---- integers --------------------------------------------------------------

export function overflowError(): never {
  return signal(Q.overflow_error, NIL);
}

export function arithError(): never {
  return signal(Q.arith_error, NIL);
}

/** Bits in the magnitude of B (mpz_sizeinbase (B, 2)). */
export function bitLength(b: bigint): number {
  if (b < 0n) b = -b;
  if (b === 0n) return 0;
  const hex = b.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0], 16)));
}

/** The largest integer magnitude allowed, in bits (Emacs: above both 128 and `integer-width`). */
export function integerBitLimit(): number {
  const w = symbolValue(Qinteger_width);
  const width = typeof w === 'number' ? w : 65536;
  return width > 128 ? width : 128;
}

/** A computed bigint as a Lisp integer: overflow-error beyond `integer-width` bits, as make_integer_mpz. */
export function makeInteger(b: bigint): Int {
  if (b <= MAX_SAFE_BIG && b >= -MAX_SAFE_BIG) return Number(b);
  if ((b >= TWO_128 || b <= -TWO_128) && bitLength(b) > integerBitLimit()) overflowError();
  return b;
}

/** A float's integral value (already rounded) as a Lisp integer; overflow-error for infinities and NaNs. */
export function doubleToInteger(d: number): Int {
  if (d <= MAX_SAFE && d >= -MAX_SAFE) return d === 0 ? 0 : d;
  if (!Number.isFinite(d)) overflowError();
  return makeInteger(BigInt(d));
}

export function toBig(x: Int): bigint {
  return typeof x === 'bigint' ? x : BigInt(x);
}

/** The value as a double, as XFLOATINT (bignums rounded to nearest). */
export function toDouble(x: Num): number {
  if (typeof x === 'number') return x;
  if (typeof x === 'bigint') return Number(x);
  return x.value;
}

// ---- NaN signs ---------------------------------------------------------------
// Emacs prints the sign of a NaN; these helpers set sign bits where a JS
// operation would not produce the same NaN as the C library on x86-64.

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

export function signBit(x: number): boolean {
  f64[0] = x;
  return u32[1] >>> 31 === 1;
}

/** X with its sign bit set to NEGATIVE (works for NaNs and zeros too). */
export function withSign(x: number, negative: boolean): number {
  f64[0] = x;
  u32[1] = negative ? u32[1] | 0x80000000 : u32[1] & 0x7fffffff;
  return f64[0];
}

/** The NaN the C library returns for an invalid operation (sign bit set on x86-64). */
export const NEGATIVE_NAN = withSign(NaN, true);

/** A quiet NaN carrying PAYLOAD (the low 51 bits), as the reader makes for `N.0e+NaN`. */
export function makeNaN(payload: bigint, negative: boolean): number {
  const p = payload & ((1n << 51n) - 1n);
  u32[1] = (negative ? 0x80000000 : 0) | 0x7ff80000 | Number(p >> 32n);
  u32[0] = Number(p & 0xffffffffn);
  return f64[0];
}

/** The payload of a NaN (its significand without the quiet bit). */
export function nanPayload(x: number): bigint {
  f64[0] = x;
  return (BigInt(u32[1] & 0x7ffff) << 32n) | BigInt(u32[0]);
}

/** A float result; a NaN made from non-NaN operands gets the sign x86-64 gives it (Emacs prints it). */
export function floatResult(r: number, a: number, b: number): LispFloat {
  return new LispFloat(r === r || a !== a || b !== b ? r : NEGATIVE_NAN);
}

// ---- the two-argument operations --------------------------------------------

function addNum(a: Num, b: Num): Num {
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a + b;
      return r <= MAX_SAFE && r >= -MAX_SAFE ? r : normalizeBig(BigInt(a) + BigInt(b));
    }
    if (typeof b === 'bigint') return makeInteger(BigInt(a) + b);
    return floatResult(a + b.value, a, b.value);
  }
  if (typeof a === 'bigint') {
    if (b instanceof LispFloat) return floatResult(Number(a) + b.value, 0, b.value);
    return makeInteger(a + toBig(b));
  }
  const y = toDouble(b);
  return floatResult(a.value + y, a.value, y);
}

function subNum(a: Num, b: Num): Num {
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a - b;
      return r <= MAX_SAFE && r >= -MAX_SAFE ? r : normalizeBig(BigInt(a) - BigInt(b));
    }
    if (typeof b === 'bigint') return makeInteger(BigInt(a) - b);
    return floatResult(a - b.value, a, b.value);
  }
  if (typeof a === 'bigint') {
    if (b instanceof LispFloat) return floatResult(Number(a) - b.value, 0, b.value);
    return makeInteger(a - toBig(b));
  }
  const y = toDouble(b);
  return floatResult(a.value - y, a.value, y);
}

function mulNum(a: Num, b: Num): Num {
  if (typeof a === 'number') {
    if (typeof b === 'number') {
      const r = a * b;
      // 0 * -5 is -0 in JS; an integer zero has no sign.
      if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
      return makeInteger(BigInt(a) * BigInt(b));
    }
    if (typeof b === 'bigint') return makeInteger(BigInt(a) * b);
    return floatResult(a * b.value, a, b.value);
  }
  if (typeof a === 'bigint') {
    if (b instanceof LispFloat) return floatResult(Number(a) * b.value, 0, b.value);
    return makeInteger(a * toBig(b));
  }
  const y = toDouble(b);
  return floatResult(a.value * y, a.value, y);
}

/** Integer division truncating towards zero; arith-error on a zero divisor. */
export function quoInt(a: Int, b: Int): Int {
  if (b === 0) arithError();
  if (typeof a === 'number' && typeof b === 'number') {
    // Exact: a - a % b is a multiple of b (a / b alone could round up).
    const q = (a - (a % b)) / b;
    return q === 0 ? 0 : q;
  }
  return makeInteger(toBig(a) / toBig(b));
}

/** `%`: the remainder with the sign of the dividend. */
export function remInt(a: Int, b: Int): Int {
  if (b === 0) arithError();
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a % b;
    return r === 0 ? 0 : r;
  }
  return normalizeBig(toBig(a) % toBig(b));
}

/** `mod` on integers: the remainder with the sign of the divisor. */
export function modInt(a: Int, b: Int): Int {
  if (b === 0) arithError();
  if (typeof a === 'number' && typeof b === 'number') {
    let r = a % b;
    if (r === 0) return 0;
    if (r < 0 !== b < 0) r += b;
    return r;
  }
  const bb = toBig(b);
  let r = toBig(a) % bb;
  if (r !== 0n && r < 0n !== bb < 0n) r += bb;
  return normalizeBig(r);
}

/** `mod` on floats, as Emacs's fmod_float. */
export function modFloat(a: number, b: number): number {
  let r = a % b;
  if (r !== r) return a !== a || b !== b ? r : NEGATIVE_NAN;
  if (b < 0 ? r > 0 : r < 0) r += b;
  return r;
}

function negate(a: Num): Num {
  if (typeof a === 'number') return 0 - a;
  if (typeof a === 'bigint') return normalizeBig(-a);
  const v = a.value;
  return new LispFloat(v === v ? -v : withSign(v, !signBit(v)));
}

/** `(+ a b)`. */
export function add2(a: LispObject, b: LispObject): LispObject {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a + b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return addNum(numberOrMarker(a), numberOrMarker(b));
}

/** `(- a b)`. */
export function sub2(a: LispObject, b: LispObject): LispObject {
  if (typeof a === 'number' && typeof b === 'number') {
    const r = a - b;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  return subNum(numberOrMarker(a), numberOrMarker(b));
}

/** `(* a b)`. */
export function mul2(a: LispObject, b: LispObject): LispObject {
  return mulNum(numberOrMarker(a), numberOrMarker(b));
}

/** `(1+ a)`. */
export function add1(a: LispObject): LispObject {
  if (typeof a === 'number' && a < MAX_SAFE) return a + 1;
  return addNum(numberOrMarker(a), 1);
}

/** `(1- a)`. */
export function sub1(a: LispObject): LispObject {
  if (typeof a === 'number' && a > -MAX_SAFE) return a - 1;
  return subNum(numberOrMarker(a), 1);
}

// Comparisons are exact between any two of fixnum, bignum and float: JS
// compares a bigint with a number by mathematical value, and false with NaN.
const enum Cmp {
  Eq,
  Lt,
  Gt,
  Le,
  Ge,
}

function compareNum(a: Num, b: Num, op: Cmp): boolean {
  const x = a instanceof LispFloat ? a.value : a;
  const y = b instanceof LispFloat ? b.value : b;
  switch (op) {
    case Cmp.Eq:
      // eslint-disable-next-line eqeqeq -- loose equality compares bigint with number exactly
      return x == y;
    case Cmp.Lt:
      return x < y;
    case Cmp.Gt:
      return x > y;
    case Cmp.Le:
      return x <= y;
    case Cmp.Ge:
      return x >= y;
  }
}

function compare(a: LispObject, b: LispObject, op: Cmp): boolean {
  return compareNum(numberOrMarker(a), numberOrMarker(b), op);
}

// The comparisons as JS booleans (for compiled conditions), then as Lisp values.

export function numLt(a: LispObject, b: LispObject): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  return compare(a, b, Cmp.Lt);
}

export function numGt(a: LispObject, b: LispObject): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a > b;
  return compare(a, b, Cmp.Gt);
}

export function numLe(a: LispObject, b: LispObject): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a <= b;
  return compare(a, b, Cmp.Le);
}

export function numGe(a: LispObject, b: LispObject): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a >= b;
  return compare(a, b, Cmp.Ge);
}

export function numEq(a: LispObject, b: LispObject): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b;
  return compare(a, b, Cmp.Eq);
}

/** `(< a b)`: t or nil. */
export function lt2(a: LispObject, b: LispObject): LispSymbol {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? T : NIL;
  return compare(a, b, Cmp.Lt) ? T : NIL;
}

export function gt2(a: LispObject, b: LispObject): LispSymbol {
  if (typeof a === 'number' && typeof b === 'number') return a > b ? T : NIL;
  return compare(a, b, Cmp.Gt) ? T : NIL;
}

export function le2(a: LispObject, b: LispObject): LispSymbol {
  if (typeof a === 'number' && typeof b === 'number') return a <= b ? T : NIL;
  return compare(a, b, Cmp.Le) ? T : NIL;
}

export function ge2(a: LispObject, b: LispObject): LispSymbol {
  if (typeof a === 'number' && typeof b === 'number') return a >= b ? T : NIL;
  return compare(a, b, Cmp.Ge) ? T : NIL;
}

export function numEq2(a: LispObject, b: LispObject): LispSymbol {
  if (typeof a === 'number' && typeof b === 'number') return a === b ? T : NIL;
  return compare(a, b, Cmp.Eq) ? T : NIL;
}

// ---- arithmetic builtins ------------------------------------------------------

defunRest('+', 0, (args) => {
  const n = args.length;
  if (n === 0) return 0;
  let acc = numberOrMarker(args[0]);
  for (let i = 1; i < n; i++) acc = addNum(acc, numberOrMarker(args[i]));
  return acc;
});

defunRest('-', 0, (args) => {
  const n = args.length;
  if (n === 0) return 0;
  let acc = numberOrMarker(args[0]);
  if (n === 1) return negate(acc);
  for (let i = 1; i < n; i++) acc = subNum(acc, numberOrMarker(args[i]));
  return acc;
});

defunRest('*', 0, (args) => {
  const n = args.length;
  if (n === 0) return 1;
  let acc = numberOrMarker(args[0]);
  for (let i = 1; i < n; i++) acc = mulNum(acc, numberOrMarker(args[i]));
  return acc;
});

defunRest('/', 1, (args) => {
  const n = args.length;
  // One float anywhere makes the whole division a float one: (/ 7 2 2.0) is 1.75.
  let anyFloat = false;
  for (let i = 0; i < n; i++) {
    if (args[i] instanceof LispFloat) {
      anyFloat = true;
      break;
    }
  }
  if (anyFloat) {
    let acc = toDouble(numberOrMarker(args[0]));
    if (n === 1) return new LispFloat(1 / acc);
    for (let i = 1; i < n; i++) {
      const d = toDouble(numberOrMarker(args[i]));
      const q = acc / d;
      acc = q === q || acc !== acc || d !== d ? q : NEGATIVE_NAN;
    }
    return new LispFloat(acc);
  }
  let acc = numberOrMarker(args[0]) as Int;
  if (n === 1) return quoInt(1, acc);
  for (let i = 1; i < n; i++) acc = quoInt(acc, numberOrMarker(args[i]) as Int);
  return acc;
});

defun('%', [any, any], (a, b) => remInt(integerOrMarker(a), integerOrMarker(b)));

defun('mod', [any, any], (a, b) => {
  const x = numberOrMarker(a);
  const y = numberOrMarker(b);
  if (x instanceof LispFloat || y instanceof LispFloat) return new LispFloat(modFloat(toDouble(x), toDouble(y)));
  return modInt(x, y);
});

defun('1+', [any], add1);
defun('1-', [any], sub1);

function compareDriver(args: LispObject[], op: Cmp): LispSymbol {
  for (let i = 1; i < args.length; i++) if (!compare(args[i - 1], args[i], op)) return NIL;
  return T;
}

defunRest('=', 1, (args) => (args.length === 2 ? numEq2(args[0], args[1]) : compareDriver(args, Cmp.Eq)));
defunRest('<', 1, (args) => (args.length === 2 ? lt2(args[0], args[1]) : compareDriver(args, Cmp.Lt)));
defunRest('>', 1, (args) => (args.length === 2 ? gt2(args[0], args[1]) : compareDriver(args, Cmp.Gt)));
defunRest('<=', 1, (args) => (args.length === 2 ? le2(args[0], args[1]) : compareDriver(args, Cmp.Le)));
defunRest('>=', 1, (args) => (args.length === 2 ? ge2(args[0], args[1]) : compareDriver(args, Cmp.Ge)));
defun('/=', [any, any], (a, b) => bool(!numEq(a, b)));

// The first argument wins ties; a NaN anywhere after the first is returned at once.
function minMax(args: LispObject[], op: Cmp.Gt | Cmp.Lt): Num {
  let acc = numberOrMarker(args[0]);
  for (let i = 1; i < args.length; i++) {
    const v = numberOrMarker(args[i]);
    if (compareNum(v, acc, op)) acc = v;
    else if (v instanceof LispFloat && Number.isNaN(v.value)) return v;
  }
  return acc;
}

defunRest('max', 1, (args) => minMax(args, Cmp.Gt));
defunRest('min', 1, (args) => minMax(args, Cmp.Lt));

// ---- bit operations -----------------------------------------------------------

const enum BitOp {
  And,
  Ior,
  Xor,
}

function bitOp(a: Int, b: Int, op: BitOp): Int {
  if (typeof a === 'number' && typeof b === 'number') {
    if ((a | 0) === a && (b | 0) === b) return op === BitOp.And ? a & b : op === BitOp.Ior ? a | b : a ^ b;
    // 54-bit two's complement in two halves: the high half fits an int32.
    const ah = Math.floor(a / TWO_32), bh = Math.floor(b / TWO_32);
    const al = a >>> 0, bl = b >>> 0;
    let hi: number, lo: number;
    if (op === BitOp.And) (hi = ah & bh), (lo = (al & bl) >>> 0);
    else if (op === BitOp.Ior) (hi = ah | bh), (lo = (al | bl) >>> 0);
    else (hi = ah ^ bh), (lo = (al ^ bl) >>> 0);
    const r = hi * TWO_32 + lo;
    return r >= -MAX_SAFE ? r : BigInt(r);
  }
  const x = toBig(a), y = toBig(b);
  return normalizeBig(op === BitOp.And ? x & y : op === BitOp.Ior ? x | y : x ^ y);
}

// The first argument must be an integer or marker; the others are checked as
// numbers first, so (logand 0 'a) names number-or-marker-p and (logand 1 2.0)
// integer-or-marker-p, as in Emacs.
function bitDriver(args: LispObject[], identity: Int, op: BitOp): Int {
  const n = args.length;
  if (n === 0) return identity;
  let acc = integerOrMarker(args[0]);
  for (let i = 1; i < n; i++) {
    const v = numberOrMarker(args[i]);
    if (v instanceof LispFloat) wrongType(Q.integer_or_marker_p, v);
    acc = bitOp(acc, v as Int, op);
  }
  return acc;
}

defunRest('logand', 0, (args) => bitDriver(args, -1, BitOp.And));
defunRest('logior', 0, (args) => bitDriver(args, 0, BitOp.Ior));
defunRest('logxor', 0, (args) => bitDriver(args, 0, BitOp.Xor));

function checkInteger(x: LispObject): Int {
  if (typeof x === 'number' || typeof x === 'bigint') return x;
  return wrongType(Q.integerp, x);
}

export function lognot(a: Int): Int {
  if (typeof a === 'number') {
    const r = -1 - a;
    return r >= -MAX_SAFE ? r : BigInt(r);
  }
  return normalizeBig(~a);
}

defun('lognot', [any], (a) => lognot(checkInteger(a)));

function popcount32(x: number): number {
  x = x - ((x >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  return (Math.imul((x + (x >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24);
}

defun('logcount', [any], (x) => {
  let a = checkInteger(x);
  // A negative number counts its zero bits.
  if (a < 0) a = lognot(a);
  if (typeof a === 'number') return popcount32(a >>> 0) + popcount32(Math.floor(a / TWO_32));
  let count = 0;
  const bin = a.toString(2);
  for (let i = 0; i < bin.length; i++) if (bin.charCodeAt(i) === 49) count++;
  return count;
});

/** `(ash value count)`: arithmetic shift, rounding towards minus infinity when shifting right. */
export function ash(value: Int, count: Int): Int {
  if (typeof count === 'bigint') {
    if (value === 0) return 0;
    if (count < 0n) return value < 0 ? -1 : 0;
    return overflowError();
  }
  if (count === 0) return value;
  if (count < 0) {
    if (typeof value === 'number') {
      if (count < -60) return value < 0 ? -1 : 0;
      return Math.floor(value / 2 ** -count);
    }
    return normalizeBig(value >> BigInt(-count));
  }
  if (value === 0) return 0;
  if (typeof value === 'number' && count < 53) {
    const r = value * 2 ** count;
    if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
  }
  const v = toBig(value);
  if (bitLength(v) + count > integerBitLimit()) overflowError();
  return makeInteger(v << BigInt(count));
}

defun('ash', [any, any], (value, count) => ash(checkInteger(value), checkInteger(count)));

const MOST_POSITIVE_FIXNUM_BIG = (1n << 61n) - 1n;
const MOST_NEGATIVE_FIXNUM_BIG = -(1n << 61n);

// lsh is Lisp in Emacs 28 (subr.el): a negative fixnum shifted right is first
// made positive within the fixnum width.
defun('lsh', [any, any], (value, count) => {
  if (numLt(value, 0) && numLt(count, 0)) {
    const v = numberOrMarker(value);
    if (v instanceof LispFloat) return wrongType(Q.integerp, value);
    if (v < MOST_NEGATIVE_FIXNUM_BIG) argsOutOfRange(v, count);
    return ash(bitOp(ash(v, -1), MOST_POSITIVE_FIXNUM_BIG, BitOp.And), checkInteger(add1(count)));
  }
  return ash(checkInteger(value), checkInteger(count));
});

// ---- predicates ---------------------------------------------------------------

export function isNumberOrMarker(x: LispObject): boolean {
  return typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat || isMarker(x);
}

defun('integerp', [any], (x) => bool(typeof x === 'number' || typeof x === 'bigint'));
const natnump = defun('natnump', [any], (x) => bool((typeof x === 'number' || typeof x === 'bigint') && x >= 0));
// Emacs defines wholenump as an alias: (symbol-function 'wholenump) is #<subr natnump>.
intern('wholenump').fn = natnump;
defun('fixnump', [any], (x) => bool(isFixnum(x)));
defun('bignump', [any], (x) => bool(isBignum(x)));
defun('floatp', [any], (x) => bool(x instanceof LispFloat));
defun('numberp', [any], (x) => bool(typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat));
defun('number-or-marker-p', [any], (x) => bool(isNumberOrMarker(x)));
defun('integer-or-marker-p', [any], (x) => bool(typeof x === 'number' || typeof x === 'bigint' || isMarker(x)));
defun('zerop', [any], (x) => {
  const n = numberOrMarker(x);
  return bool(n === 0 || (n instanceof LispFloat && n.value === 0));
});

// cl-lib's, written as Emacs writes them: (> x 0) and (eq (logand x 1) 0).
declareModule('cl-lib');
defun('cl-plusp', [any], (x) => gt2(x, 0));
defun('cl-minusp', [any], (x) => lt2(x, 0));
function isOdd(x: LispObject): boolean {
  const n = integerOrMarker(x);
  return typeof n === 'number' ? n % 2 !== 0 : (n & 1n) !== 0n;
}
defun('cl-evenp', [any], (x) => bool(!isOdd(x)));
defun('cl-oddp', [any], (x) => bool(isOdd(x)));
declareModule('data');

// ---- number-to-string -----------------------------------------------------------

/**
 * Emacs's float printing (float_to_string with the default format): the
 * shortest "%.Ng" that reads back to the same double, N tried from 15 up for
 * normal numbers and from 1 for subnormals, with ".0" appended when the
 * result looks like an integer.
 */
/** The printed form of an integer or float, as number-to-string and prin1 show it. */
export function numberToString(x: Num): string {
  return x instanceof LispFloat ? floatToString(x.value) : String(x);
}

defun('number-to-string', [number], (x) => makeString(numberToString(x), false));

// ---- string-to-number -------------------------------------------------------------

function digitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 122) return c - 87;
  if (c >= 65 && c <= 90) return c - 55;
  return 99;
}

function isDecimalDigit(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

function integerFromDigits(digits: string, base: number, negative: boolean): Int {
  if (digits.length === 0) return 0;
  let n: Int;
  if (base === 10 && digits.length <= 15) n = parseInt(digits, 10);
  else if (base === 16 && digits.length <= 13) n = parseInt(digits, 16);
  else if (base === 10) n = normalizeBig(BigInt(digits));
  else {
    let b = 0n;
    const bb = BigInt(base);
    for (let i = 0; i < digits.length; i++) b = b * bb + BigInt(digitValue(digits.charCodeAt(i)));
    n = normalizeBig(b);
  }
  if (!negative) return n;
  return typeof n === 'number' ? 0 - n : normalizeBig(-n);
}

/**
 * The number at the start of S (after spaces and tabs) as string-to-number
 * reads it: 0 when there is none. Float syntax is only recognised in base 10,
 * including the `1.0e+INF` and `N.0e+NaN` forms.
 */
export function parseNumberPrefix(s: string, base = 10): Num {
  let i = 0;
  while (s.charCodeAt(i) === 32 || s.charCodeAt(i) === 9) i++;
  const start = i;
  let negative = false;
  if (s[i] === '-' || s[i] === '+') {
    negative = s[i] === '-';
    i++;
  }
  const leadStart = i;
  if (base !== 10) {
    while (i < s.length && digitValue(s.charCodeAt(i)) < base) i++;
    return integerFromDigits(s.slice(leadStart, i), base, negative);
  }
  // The digits' value as they go by, exact up to 15 of them: most strings hold a plain integer.
  let lead = 0;
  for (let c = s.charCodeAt(i); c >= 48 && c <= 57; c = s.charCodeAt(++i)) lead = lead * 10 + (c - 48);
  const leadEnd = i;
  const hasLead = leadEnd > leadStart;
  if (hasLead && leadEnd - leadStart <= 15) {
    const c = s.charCodeAt(i);
    // Nothing that could make it a float follows.
    if (c !== 46 /* . */ && c !== 101 /* e */ && c !== 69 /* E */) return negative ? 0 - lead : lead;
  }
  let hasTrail = false;
  if (s[i] === '.') {
    i++;
    const trailStart = i;
    while (isDecimalDigit(s, i)) i++;
    hasTrail = i > trailStart;
  }
  let hasExp = false;
  let special: 'inf' | 'nan' | null = null;
  if (s[i] === 'e' || s[i] === 'E') {
    let j = i + 1;
    if (s[j] === '+' || s[j] === '-') j++;
    if (isDecimalDigit(s, j)) {
      while (isDecimalDigit(s, j)) j++;
      hasExp = true;
      i = j;
    } else if (s[i + 1] === '+' && s.startsWith('INF', i + 2)) {
      hasExp = true;
      special = 'inf';
    } else if (s[i + 1] === '+' && s.startsWith('NaN', i + 2)) {
      hasExp = true;
      special = 'nan';
    }
  }
  if (!(hasTrail || (hasLead && hasExp))) return hasLead ? integerFromDigits(s.slice(leadStart, leadEnd), 10, negative) : 0;
  if (special === 'inf') return new LispFloat(negative ? -Infinity : Infinity);
  if (special === 'nan') return new LispFloat(makeNaN(hasLead ? BigInt(s.slice(leadStart, leadEnd)) : 0n, negative));
  return new LispFloat(Number(s.slice(start, i)));
}

defun('string-to-number', [string, optional(any)], (s, base) => {
  let b = 10;
  if (base !== NIL) {
    if (typeof base !== 'number') return wrongType(Q.fixnump, base);
    if (base < 2 || base > 16) return argsOutOfRange(base);
    b = base;
  }
  return parseNumberPrefix(s.value, b);
});

// ---- random -------------------------------------------------------------------------
// xoshiro128**: any good generator will do, as long as a seed string makes
// the sequence reproducible.

declareModule('fns');

let rs0 = 0, rs1 = 0, rs2 = 0, rs3 = 0;

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

function next32(): number {
  const result = Math.imul(rotl(Math.imul(rs1, 5), 7), 9) >>> 0;
  const t = rs1 << 9;
  rs2 ^= rs0;
  rs3 ^= rs1;
  rs1 ^= rs2;
  rs0 ^= rs3;
  rs2 ^= t;
  rs3 = rotl(rs3, 11);
  return result;
}

// splitmix32 spreads one seed word over the state.
function seedWords(words: number[]): void {
  let h = 0x9e3779b9;
  const mixed: number[] = [];
  for (let n = 0; n < 4; n++) {
    for (const w of words) h = Math.imul(h ^ w, 0x85ebca6b) + 0x6b43a9b5;
    h = (h + 0x9e3779b9) | 0;
    let z = h;
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad);
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97);
    mixed.push((z ^ (z >>> 15)) >>> 0);
  }
  [rs0, rs1, rs2, rs3] = mixed;
  if ((rs0 | rs1 | rs2 | rs3) === 0) rs0 = 1;
}

function seedFromString(s: string): void {
  const words = [s.length];
  for (let i = 0; i < s.length; i++) words.push(s.charCodeAt(i));
  seedWords(words);
}

function seedFromEntropy(): void {
  seedWords([Date.now() | 0, (Math.random() * TWO_32) >>> 0, (Math.random() * TWO_32) >>> 0, process.pid]);
}

seedFromEntropy();

/** A uniformly random integer in [0, limit) for 0 < limit <= 2^53. */
function randomBelow(limit: number): number {
  if (limit <= TWO_32) {
    const bound = TWO_32 - (TWO_32 % limit);
    for (;;) {
      const r = next32();
      if (r < bound) return r % limit;
    }
  }
  const TWO_53 = 9007199254740992;
  const bound = TWO_53 - (TWO_53 % limit);
  for (;;) {
    const r = (next32() >>> 11) * TWO_32 + next32();
    if (r < bound) return r % limit;
  }
}

function randomBits(bits: number): bigint {
  let r = 0n;
  let have = 0;
  while (have < bits) {
    r = (r << 32n) | BigInt(next32());
    have += 32;
  }
  return r >> BigInt(have - bits);
}

function randomBelowBig(limit: bigint): bigint {
  const bits = bitLength(limit);
  for (;;) {
    const r = randomBits(bits);
    if (r < limit) return r;
  }
}

defun('random', [optional(any)], (limit) => {
  if (limit === T) seedFromEntropy();
  else if (limit instanceof LispString) seedFromString(limit.value);
  if (typeof limit === 'number' && limit > 0) return randomBelow(limit);
  if (typeof limit === 'bigint' && limit > 0n) return normalizeBig(randomBelowBig(limit));
  // Otherwise any fixnum.
  return normalizeBig(randomBits(62) + MOST_NEGATIVE_FIXNUM_BIG);
});

declareModule('data');

// ---- variables ------------------------------------------------------------------------

function defconstant(name: string, value: LispObject): void {
  defvar(name, value).constancy = Constancy.Constant;
}

defconstant('most-positive-fixnum', MOST_POSITIVE_FIXNUM_BIG);
defconstant('most-negative-fixnum', MOST_NEGATIVE_FIXNUM_BIG);
defvar('integer-width', 65536);
defvar('float-pi', new LispFloat(Math.PI));
defvar('float-e', new LispFloat(Math.E));


export { floatToString };
