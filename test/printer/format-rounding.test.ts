import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { formatString } from '../../src/primitives/format.js';
import { floatToString } from '../../src/reader/printer.js';
import { makeString, makeFloat } from '../../src/lisp/index.js';

function format(fmt: string, ...args: number[]): string {
  return formatString(makeString(fmt), args.map(makeFloat), false).value;
}

/** The exact value of a double as numerator / 2^shift, both BigInt. */
function exactRational(x: number): { num: bigint; shift: bigint } {
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(x));
  const bits = buf.getBigUint64(0);
  const e = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  const mant = e === 0 ? frac : frac | (1n << 52n);
  const e2 = (e === 0 ? -1074 : e - 1075);
  return e2 >= 0 ? { num: mant << BigInt(e2), shift: 0n } : { num: mant, shift: BigInt(-e2) };
}

/** %.Nf computed independently: scale by 10^N, round half to even on the exact rational. */
function referenceFixed(x: number, n: number): string {
  const { num, shift } = exactRational(x);
  const scaled = num * 10n ** BigInt(n);
  const den = 1n << shift;
  let q = scaled / den;
  const r = scaled % den;
  if (2n * r > den || (2n * r === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString().padStart(n + 1, '0');
  const body = n > 0 ? digits.slice(0, digits.length - n) + '.' + digits.slice(digits.length - n) : digits;
  return (x < 0 || Object.is(x, -0) ? '-' : '') + body;
}

describe('rounding in %f, %e and %g is on the exact binary value, half to even', () => {
  it('(format "%.2f" 2.675) is 2.67 because 2.675 is slightly below 2.675', () => {
    expect(format('%.2f', 2.675)).toBe('2.67');
  });

  it('%.0f rounds exact halves to even', () => {
    expect(format('%.0f %.0f %.0f %.0f %.0f', 0.5, 1.5, 2.5, 3.5, -2.5)).toBe('0 2 2 4 -2');
  });

  it('%.1f of 0.25 and 0.35 follows the binary values', () => {
    expect(format('%.1f %.1f', 0.25, 0.35)).toBe('0.2 0.3');
  });

  it('%.Nf of any finite double equals exact decimal rounding', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer({ min: 0, max: 30 }), (x, n) => {
        expect(format(`%.${n}f`, x)).toBe(referenceFixed(x, n));
      }),
      { numRuns: 2000 },
    );
  });

  it('%.Nf of doubles that are exact halves at the cut rounds them to even', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 6 }), (k, n) => {
        const x = (k + 0.5) / 2 ** n;
        expect(format(`%.${n}f`, x)).toBe(referenceFixed(x, n));
      }),
    );
  });
});

describe('the printed form of a float reads back as the same float', () => {
  it('for random doubles', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const s = floatToString(x);
        expect(Object.is(Number(s), x)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});
