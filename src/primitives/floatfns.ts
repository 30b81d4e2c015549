// floatfns.c: float conversion, rounding with an optional divisor, expt,
// roots, logarithms, trigonometry and the IEEE helpers (frexp, ldexp, logb,
// copysign, isnan).
//
// The math library is V8's (fdlibm-derived); glibc can differ from it in the
// last bit for some arguments of the transcendental functions.
import { type LispObject, LispFloat, NIL, Q, Cons, wrongType, normalizeBig, isFixnum } from '../lisp/index.js';
import { declareModule, defun, optional, any, number } from '../lisp/defun.js';
import {
  type Int, type Num, arithError, overflowError, makeInteger, doubleToInteger, toBig, toDouble, bitLength,
  integerBitLimit, withSign, signBit, NEGATIVE_NAN,
} from './arith.js';

declareModule('floatfns');

function checkFloat(x: LispObject): number {
  if (x instanceof LispFloat) return x.value;
  return wrongType(Q.floatp, x);
}

// ---- float, abs -------------------------------------------------------------

defun('float', [number], (x) => (x instanceof LispFloat ? x : new LispFloat(Number(x))));

defun('abs', [number], (x) => {
  if (typeof x === 'number') return x < 0 ? -x : x;
  if (typeof x === 'bigint') return x < 0n ? makeInteger(-x) : x;
  return new LispFloat(withSign(x.value, false));
});

// ---- rounding -----------------------------------------------------------------

/** C's rint: round to nearest, ties to even. */
export function rint(x: number): number {
  const r = Math.round(x);
  // Math.round takes ties upwards; move the odd ones back down.
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

const enum Rounding {
  Floor,
  Ceiling,
  Round,
  Truncate,
}

const roundDouble: Record<Rounding, (x: number) => number> = {
  [Rounding.Floor]: Math.floor,
  [Rounding.Ceiling]: Math.ceil,
  [Rounding.Round]: rint,
  [Rounding.Truncate]: Math.trunc,
};

function adjustQuotient(q: number, r: number, n: number, d: number, mode: Rounding): number {
  if (r === 0) return q;
  switch (mode) {
    case Rounding.Floor:
      return r < 0 !== d < 0 ? q - 1 : q;
    case Rounding.Ceiling:
      return r < 0 === d < 0 ? q + 1 : q;
    case Rounding.Round: {
      const twice = 2 * Math.abs(r), ad = Math.abs(d);
      if (twice > ad || (twice === ad && q % 2 !== 0)) return n < 0 === d < 0 ? q + 1 : q - 1;
      return q;
    }
    case Rounding.Truncate:
      return q;
  }
}

function adjustQuotientBig(q: bigint, r: bigint, n: bigint, d: bigint, mode: Rounding): bigint {
  if (r === 0n) return q;
  switch (mode) {
    case Rounding.Floor:
      return r < 0n !== d < 0n ? q - 1n : q;
    case Rounding.Ceiling:
      return r < 0n === d < 0n ? q + 1n : q;
    case Rounding.Round: {
      const twice = 2n * (r < 0n ? -r : r), ad = d < 0n ? -d : d;
      if (twice > ad || (twice === ad && (q & 1n) !== 0n)) return n < 0n === d < 0n ? q + 1n : q - 1n;
      return q;
    }
    case Rounding.Truncate:
      return q;
  }
}

/** Integer division of N by D (D nonzero) rounded as MODE says; ties go to even. */
export function divideRounding(n: Int, d: Int, mode: Rounding): Int {
  if (typeof n === 'number' && typeof d === 'number') {
    const r = n % d;
    const q = (n - r) / d;
    const result = adjustQuotient(q, r, n, d, mode);
    return result === 0 ? 0 : result;
  }
  const bn = toBig(n), bd = toBig(d);
  return makeInteger(adjustQuotientBig(bn / bd, bn % bd, bn, bd, mode));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

/** frexp: X = mantissa * 2^exponent with |mantissa| in [0.5, 1); zeros, infinities and NaNs come back unchanged with 0. */
export function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let scale = 0;
  f64[0] = x;
  if (((u32[1] >>> 20) & 0x7ff) === 0) {
    // Subnormal: bring it into the normal range first.
    f64[0] = x * 2 ** 64;
    scale = 64;
  }
  const biased = (u32[1] >>> 20) & 0x7ff;
  u32[1] = (u32[1] & 0x800fffff) | (1022 << 20);
  return [f64[0], biased - 1022 - scale];
}

/** A finite double as an exact integer times a power of two. */
function exactParts(x: number): [bigint, number] {
  const [m, e] = frexp(x);
  return [BigInt(m * 2 ** 53), e - 53];
}

// Emacs divides exactly when a float is involved: both operands become
// integers scaled by a common power of two, so (floor 1 0.1) is 9 although
// 1/0.1 rounds to 10.0.
function roundingDivide(n: Num, d: Num, mode: Rounding): Int {
  const dv = toDouble(d);
  if (dv === 0) arithError();
  const nv = toDouble(n);
  if (Number.isNaN(dv) || !Number.isFinite(nv)) overflowError();
  if (!Number.isFinite(dv)) return 0;
  let [nm, ne] = n instanceof LispFloat ? exactParts(nv) : [toBig(n as Int), 0];
  let [dm, de] = d instanceof LispFloat ? exactParts(dv) : [toBig(d as Int), 0];
  if (ne > de) (nm <<= BigInt(ne - de)), (ne = de);
  else if (de > ne) (dm <<= BigInt(de - ne)), (de = ne);
  return divideRounding(normalizeBig(nm), normalizeBig(dm), mode);
}

function roundingDriver(n: Num, d: LispObject, mode: Rounding): Int {
  if (d === NIL) return n instanceof LispFloat ? doubleToInteger(roundDouble[mode](n.value)) : n;
  if (!(typeof d === 'number' || typeof d === 'bigint' || d instanceof LispFloat)) return wrongType(Q.numberp, d);
  if (!(n instanceof LispFloat) && !(d instanceof LispFloat)) {
    if (d === 0) arithError();
    return divideRounding(n, d, mode);
  }
  return roundingDivide(n, d, mode);
}

defun('floor', [number, optional(any)], (n, d) => roundingDriver(n, d, Rounding.Floor));
defun('ceiling', [number, optional(any)], (n, d) => roundingDriver(n, d, Rounding.Ceiling));
defun('round', [number, optional(any)], (n, d) => roundingDriver(n, d, Rounding.Round));
defun('truncate', [number, optional(any)], (n, d) => roundingDriver(n, d, Rounding.Truncate));

defun('ffloor', [any], (x) => new LispFloat(Math.floor(checkFloat(x))));
defun('fceiling', [any], (x) => new LispFloat(Math.ceil(checkFloat(x))));
defun('fround', [any], (x) => new LispFloat(rint(checkFloat(x))));
defun('ftruncate', [any], (x) => new LispFloat(Math.trunc(checkFloat(x))));

// ---- expt ----------------------------------------------------------------------

/** C's pow, where it differs from Math.pow: pow(1, y) and pow(-1, ±inf) are 1; a negative base to a fractional power is -NaN. */
export function cpow(x: number, y: number): number {
  if (x === 1) return 1;
  if (x === -1 && (y === Infinity || y === -Infinity)) return 1;
  if (x < 0 && Number.isFinite(x) && Number.isFinite(y) && !Number.isInteger(y)) return NEGATIVE_NAN;
  return Math.pow(x, y);
}

/** An integer to a natural power, exactly. */
export function exptInteger(x: Int, y: Int): Int {
  if (x === 1) return 1;
  if (x === 0) return y === 0 ? 1 : 0;
  if (x === -1) return (typeof y === 'number' ? y % 2 !== 0 : (y & 1n) !== 0n) ? -1 : 1;
  if (typeof y === 'bigint') return overflowError();
  // A lower bound on the result's size, to refuse before computing.
  const minBits = (typeof x === 'number' ? logbSafe(Math.abs(x)) : bitLength(x) - 1) * y;
  if (minBits > integerBitLimit()) overflowError();
  if (typeof x === 'number' && Math.log2(Math.abs(x)) * y < 52) {
    // Products stay below 2^53, so repeated squaring in doubles is exact.
    let result = 1, base = x, e = y;
    while (e > 0) {
      if (e & 1) result *= base;
      e = Math.floor(e / 2);
      if (e > 0) base *= base;
    }
    return result;
  }
  return makeInteger(toBig(x) ** BigInt(y));
}

defun('expt', [number, number], (x, y) => {
  if (!(x instanceof LispFloat) && !(y instanceof LispFloat) && y >= 0) return exptInteger(x, y);
  return new LispFloat(cpow(toDouble(x), toDouble(y)));
});

// ---- roots, exponentials, logarithms ----------------------------------------------

// glibc answers a negative argument with -NaN, V8 with NaN.
function negativeDomain(f: (x: number) => number): (x: number) => number {
  return (x) => (x < 0 ? NEGATIVE_NAN : f(x));
}
const sqrt = negativeDomain(Math.sqrt);
const log = negativeDomain(Math.log);
const log2 = negativeDomain(Math.log2);
const log10 = negativeDomain(Math.log10);

defun('sqrt', [number], (x) => new LispFloat(sqrt(toDouble(x))));
defun('exp', [number], (x) => new LispFloat(Math.exp(toDouble(x))));

defun('log', [number, optional(number)], (x, base) => {
  const d = toDouble(x);
  if (base === NIL) return new LispFloat(log(d));
  const b = toDouble(base as Num);
  if (b === 10) return new LispFloat(log10(d));
  if (b === 2) return new LispFloat(log2(d));
  const q = log(d) / log(b);
  // log(1)/log(1) is 0/0: the division's NaN is negative on x86-64.
  return new LispFloat(q === q || d !== d || b !== b ? q : NEGATIVE_NAN);
});

// ---- trigonometry ---------------------------------------------------------------

// Out of their domain, glibc's sin, cos and tan give -NaN, its asin and acos NaN.
function domainNaN(f: (x: number) => number, negative: boolean): (x: number) => number {
  return (x) => {
    const r = f(x);
    return r === r || x !== x ? r : withSign(NaN, negative);
  };
}
const sin = domainNaN(Math.sin, true);
const cos = domainNaN(Math.cos, true);
const tan = domainNaN(Math.tan, true);
const asin = domainNaN(Math.asin, false);
const acos = domainNaN(Math.acos, false);

defun('sin', [number], (x) => new LispFloat(sin(toDouble(x))));
defun('cos', [number], (x) => new LispFloat(cos(toDouble(x))));
defun('tan', [number], (x) => new LispFloat(tan(toDouble(x))));
defun('asin', [number], (x) => new LispFloat(asin(toDouble(x))));
defun('acos', [number], (x) => new LispFloat(acos(toDouble(x))));
defun('atan', [number, optional(number)], (y, x) =>
  new LispFloat(x === NIL ? Math.atan(toDouble(y)) : Math.atan2(toDouble(y), toDouble(x as Num))),
);

// ---- IEEE helpers ---------------------------------------------------------------

defun('isnan', [any], (x) => (Number.isNaN(checkFloat(x)) ? Q.t : NIL));

defun('copysign', [any, any], (x1, x2) => {
  const magnitude = checkFloat(x1);
  return new LispFloat(withSign(magnitude, signBit(checkFloat(x2))));
});

defun('frexp', [number], (x) => {
  const [m, e] = frexp(toDouble(x));
  return new Cons(new LispFloat(m), e);
});

/** ldexp: X * 2^E with a single rounding, even into the subnormal range. */
export function ldexp(x: number, e: number): number {
  if (x === 0 || !Number.isFinite(x)) return x;
  const [m, me] = frexp(x);
  const total = me + e;
  if (total > 1024) return withSign(Infinity, m < 0);
  if (total >= -1021) return total > 1000 ? m * 2 ** 1000 * 2 ** (total - 1000) : m * 2 ** total;
  if (total < -1080) return withSign(0, m < 0);
  // m * 2^-1000 is still normal and exact; the last multiplication rounds once.
  return m * 2 ** -1000 * 2 ** (total + 1000);
}

// floatfns.c checks the exponent first, and clamps a fixnum beyond int's range (ours may be a bigint).
defun('ldexp', [any, any], (x, e) => {
  if (!isFixnum(e)) return wrongType(Q.fixnump, e);
  if (!(typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat)) return wrongType(Q.numberp, x);
  const exponent = typeof e === 'number' ? e : (e as bigint) < 0n ? -2147483648 : 2147483647;
  return new LispFloat(ldexp(toDouble(x), Math.max(-2147483648, Math.min(2147483647, exponent))));
});

defun('logb', [number], (x) => {
  if (x instanceof LispFloat) {
    const f = x.value;
    if (f === 0) return new LispFloat(-Infinity);
    if (!Number.isFinite(f)) return f < 0 ? new LispFloat(Infinity) : x;
    return frexp(f)[1] - 1;
  }
  if (x === 0) return new LispFloat(-Infinity);
  if (typeof x === 'bigint') return bitLength(x) - 1;
  return logbSafe(Math.abs(x));
});

/** floor(log2(n)) for a positive safe integer, without trusting Math.log2's rounding near powers of two. */
export function logbSafe(n: number): number {
  const hi = Math.floor(n / 4294967296);
  return hi > 0 ? 63 - Math.clz32(hi) : 31 - Math.clz32(n >>> 0);
}

