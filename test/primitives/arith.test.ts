// Arithmetic, comparison, bit operations, number predicates and conversions
// (data.c), checked against GNU Emacs 28.2.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import {
  type LispObject, LispSymbol, LispFloat, LispString, Cons, Subr, MANY, NIL, LispSignal, intern,
  makeString, arrayToList, normalizeBig, type LispOpaque,
} from '../../src/lisp/index.js';
import { symbolValue } from '../../src/eval/state.js';
import {
  add2, sub2, add1, sub1, lt2, gt2, numLt, numEq, floatToString, parseNumberPrefix, setMarkerToNumber,
} from '../../src/primitives/arith.js';
import '../../src/primitives/floatfns.js';

import { lisp, lispError, withIntegerWidth } from '../helpers.js';


describe('+ - * / with fixnums, bignums and floats', () => {
  it('adds, subtracts and multiplies integers', () => {
    expect(lisp('(+ 1 2 3)')).toBe('6');
    expect(lisp('(+)')).toBe('0');
    expect(lisp('(- 10 3 2)')).toBe('5');
    expect(lisp('(- 5)')).toBe('-5');
    expect(lisp('(-)')).toBe('0');
    expect(lisp('(* 2 3 4)')).toBe('24');
    expect(lisp('(*)')).toBe('1');
    expect(lisp('(+ ?a 1)')).toBe('98');
  });

  it('makes the result a float once a float is involved', () => {
    expect(lisp('(+ 1 2.0)')).toBe('3.0');
    expect(lisp('(* 2 1.5)')).toBe('3.0');
    expect(lisp('(- 2.5)')).toBe('-2.5');
    expect(lisp('(+ 1 (* 2 3) 0.5)')).toBe('7.5');
    expect(lisp('(+ (expt 2 64) 0.5)')).toBe('1.8446744073709552e+19');
  });

  it('makes invalid float operations the negative NaN of x86-64', () => {
    expect(lisp('(list (/ 0.0 0) (* 1.0e+INF 0) (- 1.0e+INF 1.0e+INF) (+ 1.0e+INF -1.0e+INF) (/ 1.0e+INF 1.0e+INF))')).toBe(
      '(-0.0e+NaN -0.0e+NaN -0.0e+NaN -0.0e+NaN -0.0e+NaN)',
    );
    expect(lisp('(+ 0.0e+NaN 1)')).toBe('0.0e+NaN');
  });

  it('keeps the sign of zero the way C arithmetic does', () => {
    expect(lisp('(- 0.0)')).toBe('-0.0');
    expect(lisp('(- 0)')).toBe('0');
    expect(lisp('(+ -0.0)')).toBe('-0.0');
    expect(lisp('(+ -0.0 0)')).toBe('0.0');
    expect(lisp('(* -0.0 0)')).toBe('-0.0');
    expect(lisp('(* 0 -5)')).toBe('0');
    expect(Object.is(lisp('(* 0 -5)'), '0')).toBe(true);
  });

  it('divides integers truncating towards zero', () => {
    expect(lisp('(/ 7 2)')).toBe('3');
    expect(lisp('(/ -7 2)')).toBe('-3');
    expect(lisp('(/ 7 -2)')).toBe('-3');
    expect(lisp('(/ 100 5 2)')).toBe('10');
    expect(lisp('(/ 8)')).toBe('0');
    expect(lisp('(/ 1)')).toBe('1');
    expect(lisp('(/ -1)')).toBe('-1');
    expect(lisp('(/ 1 (expt 2 70))')).toBe('0');
    expect(lisp('(/ (expt 2 70) -3)')).toBe('-393530540239137101141');
    expect(lisp('(/ most-negative-fixnum -1)')).toBe('2305843009213693952');
  });

  it('divides in floats throughout when any argument is a float', () => {
    expect(lisp('(/ 7 2.0)')).toBe('3.5');
    expect(lisp('(/ 7 2 2.0)')).toBe('1.75');
    expect(lisp('(/ 4.0)')).toBe('0.25');
    expect(lisp('(/ 0.0)')).toBe('1.0e+INF');
    expect(lisp('(/ 5.0 0)')).toBe('1.0e+INF');
    expect(lisp('(/ 5 0 1.0)')).toBe('1.0e+INF');
    expect(lisp('(/ -5 0.0)')).toBe('-1.0e+INF');
    expect(lisp('(/ 6 -0.0)')).toBe('-1.0e+INF');
  });

  it('signals arith-error for integer division by zero, in argument order', () => {
    expect(lispError('(/ 5 0)')).toBe('(arith-error)');
    expect(lispError('(/ 0)')).toBe('(arith-error)');
    expect(lispError("(/ 5 0 'a)")).toBe('(arith-error)');
    expect(lispError("(/ 'a 0)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(/ 5 'a 0.0)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('names number-or-marker-p for non-numbers', () => {
    expect(lispError("(+ 1 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(+ 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(* 0 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(- 5 'a 2.0)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(1+ nil)")).toBe('(wrong-type-argument number-or-marker-p nil)');
    expect(lispError("(1- 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('overflows from fixnums into bignums and back', () => {
    expect(lisp('(* most-positive-fixnum 2)')).toBe('4611686018427387902');
    expect(lisp('(1+ most-positive-fixnum)')).toBe('2305843009213693952');
    expect(lisp('(1- most-negative-fixnum)')).toBe('-2305843009213693953');
    expect(lisp('(- most-negative-fixnum)')).toBe('2305843009213693952');
    expect(lisp('(+ (expt 2 64) 1)')).toBe('18446744073709551617');
    expect(lisp('(- (expt 2 64) (expt 2 64))')).toBe('0');
    expect(lisp('(fixnump (- (expt 2 64) (expt 2 64)))')).toBe('t');
    expect(lisp('(* (expt 10 20) (expt 10 20))')).toBe('10000000000000000000000000000000000000000');
    expect(lisp('(1+ 9007199254740991)')).toBe('9007199254740992');
    expect(lisp('(1- -9007199254740991)')).toBe('-9007199254740992');
    expect(lisp('(1+ 1.5)')).toBe('2.5');
  });

  it('signals overflow-error past integer-width bits (but never below 128 bits)', () => {
    expect(lispError('(* (expt 2 40000) (expt 2 40000))')).toBe('(overflow-error)');
    expect(withIntegerWidth(100, () => lisp('(* (expt 2 60) (expt 2 60))'))).toBe('1329227995784915872903807060280344576');
    expect(withIntegerWidth(0, () => lisp('(1+ most-positive-fixnum)'))).toBe('2305843009213693952');
    expect(withIntegerWidth(100, () => lispError('(* (expt 2 100) (expt 2 100))'))).toBe('(overflow-error)');
  });
});

describe('% and mod', () => {
  it('takes the remainder with the sign of the dividend (%) or of the divisor (mod)', () => {
    const rows = [
      ['7 3', '1', '1'],
      ['-7 3', '-1', '2'],
      ['7 -3', '1', '-2'],
      ['-7 -3', '-1', '-1'],
      ['0 5', '0', '0'],
      ['6 3', '0', '0'],
      ['-6 3', '0', '0'],
    ];
    for (const [args, rem, mod] of rows) {
      expect(lisp(`(% ${args})`)).toBe(rem);
      expect(lisp(`(mod ${args})`)).toBe(mod);
    }
  });

  it('works on bignums', () => {
    expect(lisp('(mod (expt 10 30) 97)')).toBe('85');
    expect(lisp('(% (expt 10 30) 97)')).toBe('85');
    expect(lisp('(% (- (expt 10 20)) 7)')).toBe('-2');
    expect(lisp('(mod (- (expt 10 20)) 7)')).toBe('5');
    expect(lisp('(% -7 (expt 2 70))')).toBe('-7');
    expect(lisp('(mod -7 (expt 2 70))')).toBe('1180591620717411303417');
    expect(lisp('(% most-negative-fixnum -1)')).toBe('0');
  });

  it('mod accepts floats, % does not', () => {
    expect(lisp('(mod 5.5 2)')).toBe('1.5');
    expect(lisp('(mod -5.5 2)')).toBe('0.5');
    expect(lisp('(mod 7 3.0)')).toBe('1.0');
    expect(lisp('(mod 5.0 -3)')).toBe('-1.0');
    expect(lisp('(mod 7.5 -2)')).toBe('-0.5');
    expect(lisp('(mod -0.0 2)')).toBe('-0.0');
    expect(lisp('(mod 5.0 0)')).toBe('-0.0e+NaN');
    expect(lisp('(mod 1.0e+INF 2)')).toBe('-0.0e+NaN');
    expect(lisp('(mod 0.0e+NaN 0)')).toBe('0.0e+NaN');
    expect(lisp('(mod -5 1.0e+INF)')).toBe('1.0e+INF');
    expect(lispError('(% 5.0 2)')).toBe('(wrong-type-argument integer-or-marker-p 5.0)');
    expect(lispError('(% 5 2.0)')).toBe('(wrong-type-argument integer-or-marker-p 2.0)');
    expect(lispError("(% 'a 0)")).toBe('(wrong-type-argument integer-or-marker-p a)');
    expect(lispError("(mod 5 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('signals arith-error for an integer zero divisor', () => {
    expect(lispError('(% 5 0)')).toBe('(arith-error)');
    expect(lispError('(mod 5 0)')).toBe('(arith-error)');
  });
});

describe('comparisons', () => {
  it('compares integers and floats by value', () => {
    expect(lisp('(= 1 1.0)')).toBe('t');
    expect(lisp('(list (< 1 2 3) (< 1 3 2) (<= 1 1 2) (> 3 2 1) (>= 3 3 3))')).toBe('(t nil t t t)');
    expect(lisp('(list (= 1 1 1) (= 1 1 2))')).toBe('(t nil)');
    expect(lisp('(list (/= 1 2) (/= 1 1.0))')).toBe('(t nil)');
    expect(lisp('(list (< 1 1.5 2) (> 2.0 1))')).toBe('(t t)');
    expect(lisp('(= 0.0 -0.0)')).toBe('t');
  });

  it('compares exactly across the float precision limit', () => {
    expect(lisp('(= (1+ (expt 2 53)) (float (expt 2 53)))')).toBe('nil');
    expect(lisp('(= 9007199254740993 9007199254740992.0)')).toBe('nil');
    expect(lisp('(< 9007199254740992.0 9007199254740993)')).toBe('t');
    expect(lisp('(< (expt 2 53) (1+ (expt 2 53)) (float (expt 2 54)))')).toBe('t');
    expect(lisp('(list (< (expt 2 64) (expt 2 65)) (= (expt 2 64) (* (expt 2 32) (expt 2 32))) (> most-positive-fixnum (expt 2 64)))')).toBe('(t t nil)');
    expect(lisp('(list (< most-positive-fixnum 1.0e+INF) (> -1.0e+INF most-negative-fixnum))')).toBe('(t nil)');
  });

  it('is false for NaN except /=', () => {
    expect(lisp('(= 0.0e+NaN 0.0e+NaN)')).toBe('nil');
    expect(lisp('(< 0.0e+NaN 1)')).toBe('nil');
    expect(lisp('(/= 0.0e+NaN 0.0e+NaN)')).toBe('t');
  });

  it('stops at the first false pair without checking later arguments', () => {
    expect(lisp("(= 1 2 'a)")).toBe('nil');
    expect(lisp("(< 2 1 'a)")).toBe('nil');
    expect(lisp("(= 'a)")).toBe('t');
    expect(lispError("(= 1 1 1.0 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(< 1 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(/= 1 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('exposes allocation-free two-argument helpers', () => {
    expect(add2(1, 2)).toBe(3);
    expect(add2(Number.MAX_SAFE_INTEGER, 1)).toBe(9007199254740992n);
    expect(sub2(-Number.MAX_SAFE_INTEGER, 1)).toBe(-9007199254740992n);
    expect(add1(9007199254740992n - 2n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(sub1(9007199254740992n)).toBe(Number.MAX_SAFE_INTEGER);
    expect(lt2(1, 2)).toBe(intern('t'));
    expect(gt2(1, 2)).toBe(NIL);
    expect(numLt(1, new LispFloat(1.5))).toBe(true);
    expect(numEq(2n ** 70n, new LispFloat(2 ** 70))).toBe(true);
  });
});

describe('max and min', () => {
  it('return the winning argument itself, float or integer', () => {
    expect(lisp('(max 1 5 3)')).toBe('5');
    expect(lisp('(max 1 2.0)')).toBe('2.0');
    expect(lisp('(max 3 2.0)')).toBe('3');
    expect(lisp('(min 1 2.0)')).toBe('1');
    expect(lisp('(list (max 1 1.0) (max 1.0 1))')).toBe('(1 1.0)');
    expect(lisp('(list (max 3 1 4 1 5) (min 3 1 4 1 5))')).toBe('(5 1)');
    expect(lisp('(max 9007199254740993 9007199254740992.0)')).toBe('9007199254740993');
    expect(lisp('(max 1 (expt 2 64) 5)')).toBe('18446744073709551616');
    expect(lisp('(list (max -0.0 0.0) (max 0.0 -0.0) (max 0 -0.0))')).toBe('(-0.0 0.0 0)');
  });

  it('return NaN as soon as they meet one', () => {
    expect(lisp('(max 1 0.0e+NaN)')).toBe('0.0e+NaN');
    expect(lisp('(max 0.0e+NaN 1)')).toBe('0.0e+NaN');
    expect(lisp('(min 1 0.0e+NaN 3)')).toBe('0.0e+NaN');
  });

  it('check every argument', () => {
    expect(lispError("(max 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError("(min 1 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });
});

describe('bit operations', () => {
  it('shift with ash, rounding right shifts down', () => {
    expect(lisp('(ash 1 10)')).toBe('1024');
    expect(lisp('(ash 1024 -3)')).toBe('128');
    expect(lisp('(ash -8 -1)')).toBe('-4');
    expect(lisp('(ash -7 -1)')).toBe('-4');
    expect(lisp('(ash -5 -1)')).toBe('-3');
    expect(lisp('(ash 5 0)')).toBe('5');
    expect(lisp('(ash 1 70)')).toBe('1180591620717411303424');
    expect(lisp('(ash (ash 1 70) -68)')).toBe('4');
    expect(lisp('(ash (expt 2 64) -60)')).toBe('16');
    expect(lisp('(ash (- (expt 2 70)) -69)')).toBe('-2');
    expect(lisp('(ash 5 -100)')).toBe('0');
    expect(lisp('(ash 1 61)')).toBe('2305843009213693952');
  });

  it('signal overflow-error for huge left shifts and saturate huge right shifts', () => {
    expect(lispError('(ash 1 most-positive-fixnum)')).toBe('(overflow-error)');
    expect(lispError('(ash 1 65536)')).toBe('(overflow-error)');
    expect(lisp('(logb (ash 1 65535))')).toBe('65535');
    expect(lisp('(ash 0 (expt 2 70))')).toBe('0');
    expect(lisp('(ash 1 (- (expt 2 70)))')).toBe('0');
    expect(lisp('(ash -1 (- (expt 2 70)))')).toBe('-1');
    expect(withIntegerWidth(100, () => lisp('(logb (ash 1 100))'))).toBe('100');
    expect(lispError('(ash 1.0 2)')).toBe('(wrong-type-argument integerp 1.0)');
    expect(lispError('(ash 1 2.0)')).toBe('(wrong-type-argument integerp 2.0)');
  });

  it('shift with lsh as Emacs 28 subr.el does', () => {
    expect(lisp('(lsh 3 2)')).toBe('12');
    expect(lisp('(lsh 8 -1)')).toBe('4');
    expect(lisp('(lsh -1 -1)')).toBe('2305843009213693951');
    expect(lisp('(lsh -5 -2)')).toBe('1152921504606846974');
    expect(lisp('(lsh -1 1)')).toBe('-2');
    expect(lisp('(lsh -1 -61)')).toBe('1');
    expect(lisp('(lsh -1 -62)')).toBe('0');
    expect(lisp('(lsh most-negative-fixnum -1)')).toBe('1152921504606846976');
    expect(lisp('(lsh (expt 2 70) -1)')).toBe('590295810358705651712');
    expect(lispError('(lsh (- (expt 2 70)) -1)')).toBe('(args-out-of-range -1180591620717411303424 -1)');
    expect(lispError("(lsh 'a 1)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('combine with logand, logior and logxor', () => {
    expect(lisp('(logand 12 10)')).toBe('8');
    expect(lisp('(logand 15 7 3)')).toBe('3');
    expect(lisp('(logand)')).toBe('-1');
    expect(lisp('(logior 12 10)')).toBe('14');
    expect(lisp('(logior)')).toBe('0');
    expect(lisp('(logxor 1 2 4 1)')).toBe('6');
    expect(lisp('(logxor)')).toBe('0');
    expect(lisp('(logand -1 255)')).toBe('255');
    expect(lisp('(logior -256 15)')).toBe('-241');
    expect(lisp('(logand (1- (expt 2 80)) (ash 255 60))')).toBe('293994983674745978880');
    expect(lisp('(logand (- (expt 2 70)) -1)')).toBe('-1180591620717411303424');
    expect(lisp('(logior (- (expt 2 70)) 1)')).toBe('-1180591620717411303423');
    expect(lisp('(logxor (- (expt 2 70)) (expt 2 71))')).toBe('-3541774862152233910272');
    expect(lisp('(logand -9007199254740991 -2)')).toBe('-9007199254740992');
    expect(lisp('(logand 4503599627370497 6755399441055745)')).toBe('4503599627370497');
  });

  it('check the first argument as an integer and the rest as numbers first', () => {
    expect(lispError('(logand 1.0)')).toBe('(wrong-type-argument integer-or-marker-p 1.0)');
    expect(lispError("(logand 'a)")).toBe('(wrong-type-argument integer-or-marker-p a)');
    expect(lispError("(logand 0 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError('(logand 1 2.0)')).toBe('(wrong-type-argument integer-or-marker-p 2.0)');
    expect(lispError('(logxor 1 2.0)')).toBe('(wrong-type-argument integer-or-marker-p 2.0)');
  });

  it('complement with lognot and count bits with logcount', () => {
    expect(lisp('(lognot 5)')).toBe('-6');
    expect(lisp('(lognot -1)')).toBe('0');
    expect(lisp('(lognot (expt 2 70))')).toBe('-1180591620717411303425');
    expect(lisp('(lognot 9007199254740991)')).toBe('-9007199254740992');
    expect(lisp('(list (logcount 255) (logcount 0) (logcount -1) (logcount -8))')).toBe('(8 0 0 3)');
    expect(lisp('(logcount (1- (expt 2 70)))')).toBe('70');
    expect(lisp('(logcount (- (expt 2 70)))')).toBe('70');
    expect(lisp('(logcount 9007199254740991)')).toBe('53');
    expect(lispError('(lognot 1.0)')).toBe('(wrong-type-argument integerp 1.0)');
    expect(lispError('(logcount 1.0)')).toBe('(wrong-type-argument integerp 1.0)');
  });
});

describe('number predicates', () => {
  it('classify numbers', () => {
    expect(lisp('(list (numberp 1) (numberp 1.5) (numberp "1") (numberp nil))')).toBe('(t t nil nil)');
    expect(lisp('(list (integerp 1) (integerp 1.0) (integerp -5) (integerp (expt 2 70)))')).toBe('(t nil t t)');
    expect(lisp('(list (floatp 1) (floatp 1.0))')).toBe('(nil t)');
    expect(lisp('(list (natnump 0) (natnump 1) (natnump -1) (natnump 1.0) (natnump (expt 2 70)))')).toBe('(t t nil nil t)');
    expect(lisp('(list (wholenump 0) (wholenump -1))')).toBe('(t nil)');
    expect(lisp("(list (fixnump 0) (fixnump 1.0) (fixnump 'a) (bignump 'a))")).toBe('(t nil nil nil)');
    expect(lisp('(list (fixnump most-positive-fixnum) (fixnump (1+ most-positive-fixnum)) (bignump (1- most-negative-fixnum)))')).toBe('(t nil t)');
    expect(lisp('(list (fixnump (expt 2 60)) (bignump (expt 2 60)))')).toBe('(t nil)');
    expect(lisp("(list (number-or-marker-p 5) (number-or-marker-p 'a) (integer-or-marker-p 1.0))")).toBe('(t nil nil)');
  });

  it('zerop is true for either zero and checks its argument', () => {
    expect(lisp('(list (zerop 0) (zerop 0.0) (zerop -0.0) (zerop 1))')).toBe('(t t t nil)');
    expect(lispError("(zerop 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
  });

  it('wholenump is natnump itself', () => {
    expect(intern('wholenump').fn).toBe(intern('natnump').fn);
  });

  it("cl-lib's number predicates behave as their Lisp definitions", () => {
    expect(lisp('(list (cl-evenp 4) (cl-oddp 4) (cl-oddp -3) (cl-evenp (expt 2 70)))')).toBe('(t nil t t)');
    expect(lisp('(list (cl-plusp 0.5) (cl-plusp 0) (cl-minusp -0.5))')).toBe('(t nil t)');
    expect(lispError("(cl-plusp 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError('(cl-evenp 2.0)')).toBe('(wrong-type-argument integer-or-marker-p 2.0)');
    expect(lispError("(cl-oddp 'a)")).toBe('(wrong-type-argument integer-or-marker-p a)');
  });
});

describe('number variables', () => {
  it('hold the fixnum range and the float constants', () => {
    expect(lisp('most-positive-fixnum')).toBe('2305843009213693951');
    expect(lisp('most-negative-fixnum')).toBe('-2305843009213693952');
    expect(lisp('float-pi')).toBe('3.141592653589793');
    expect(lisp('float-e')).toBe('2.718281828459045');
    expect(lisp('integer-width')).toBe('65536');
  });

  it('make the fixnum limits constants but not float-pi', () => {
    expect(intern('most-positive-fixnum').constancy).not.toBe(0);
    expect(intern('most-negative-fixnum').constancy).not.toBe(0);
    expect(intern('float-pi').constancy).toBe(0);
    expect(intern('float-pi').special).toBe(true);
  });
});

describe('number-to-string', () => {
  it('prints integers in decimal', () => {
    expect(lisp('(number-to-string 12)')).toBe('"12"');
    expect(lisp('(number-to-string -12)')).toBe('"-12"');
    expect(lisp('(number-to-string (expt 7 30))')).toBe('"22539340290692258087863249"');
  });

  it('prints floats in the shortest %g form that reads back, from 15 digits up', () => {
    const cases: [string, string][] = [
      ['1.5', '1.5'],
      ['2.0', '2.0'],
      ['1e100', '1e+100'],
      ['0.000123', '0.000123'],
      ['1e-5', '1e-05'],
      ['1e-4', '0.0001'],
      ['0.1', '0.1'],
      ['100.0', '100.0'],
      ['1e15', '1e+15'],
      ['1e14', '100000000000000.0'],
      ['1e16', '1e+16'],
      ['1.5e16', '1.5e+16'],
      ['1e21', '1e+21'],
      ['123456789012345678.0', '1.2345678901234568e+17'],
      ['123456.7', '123456.7'],
      ['5e-324', '5e-324'],
      ['1e-320', '1e-320'],
      ['2.2250738585072014e-308', '2.2250738585072014e-308'],
      ['1.7976931348623157e308', '1.7976931348623157e+308'],
      ['-0.0', '-0.0'],
      ['1.0e+INF', '1.0e+INF'],
      ['-1.0e+INF', '-1.0e+INF'],
      ['0.0e+NaN', '0.0e+NaN'],
    ];
    for (const [input, printed] of cases) expect(lisp(`(number-to-string ${input})`)).toBe(`"${printed}"`);
    expect(lisp('(number-to-string (/ 1.0 3))')).toBe('"0.3333333333333333"');
    expect(lisp('(number-to-string (* 0.1 3))')).toBe('"0.30000000000000004"');
    expect(lisp('(number-to-string (float most-positive-fixnum))')).toBe('"2.305843009213694e+18"');
  });

  it('shows the sign and payload of a NaN', () => {
    expect(lisp('(- 0.0e+NaN)')).toBe('-0.0e+NaN');
    expect(lisp('(string-to-number "2e+NaN")')).toBe('2.0e+NaN');
    expect(floatToString(-0 / 1)).toBe('-0.0');
  });

  it('accepts only numbers', () => {
    expect(lispError("(number-to-string 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('string-to-number', () => {
  it('reads the number at the start of the string, or 0', () => {
    const cases: [string, string][] = [
      ['12', '12'],
      ['12.5', '12.5'],
      ['1e3', '1000.0'],
      [' 12', '12'],
      ['  \t7', '7'],
      ['\n8', '0'],
      [' \r5', '0'],
      ['12abc', '12'],
      ['abc', '0'],
      ['', '0'],
      ['-0', '0'],
      ['-0.0', '-0.0'],
      ['+3', '3'],
      ['1.5e2', '150.0'],
      ['0x10', '0'],
      ['.5', '0.5'],
      ['-.5', '-0.5'],
      ['+.5', '0.5'],
      ['1.', '1'],
      ['1.e3', '1000.0'],
      ['.e3', '0'],
      ['1e', '1'],
      ['1e+', '1'],
      ['0.5e', '0.5'],
      ['-12.5e-1', '-1.25'],
      ['1.5e+3x', '1500.0'],
      ['1E3', '1000.0'],
      ['1e500', '1.0e+INF'],
      ['1e-500', '0.0'],
      ['99999999999999999999', '99999999999999999999'],
      ['123456789012345678901234567890', '123456789012345678901234567890'],
      ['123456789012345678901234567890.0', '1.2345678901234568e+29'],
      ['1_000', '1'],
      ['3.14.15', '3.14'],
      ['- 5', '0'],
      ['5-', '5'],
      ['00012', '12'],
      ['.', '0'],
      ['-', '0'],
    ];
    for (const [input, value] of cases) expect(lisp(`(string-to-number ${JSON.stringify(input)})`), input).toBe(value);
  });

  it('reads the infinity and NaN syntax, with the NaN payload', () => {
    const cases: [string, string][] = [
      ['1.0e+INF', '1.0e+INF'],
      ['1e+INF', '1.0e+INF'],
      ['-1e+INF', '-1.0e+INF'],
      ['0e+INF', '1.0e+INF'],
      ['.0e+INF', '1.0e+INF'],
      ['1.0e+INFx', '1.0e+INF'],
      ['1.0e-INF', '1.0'],
      ['1eINF', '1'],
      ['1.0e+inf', '1.0'],
      ['e+INF', '0'],
      ['0.0e+NaN', '0.0e+NaN'],
      ['-0.0e+NaN', '-0.0e+NaN'],
      ['2e+NaN', '2.0e+NaN'],
      ['4.5e+NaN', '4.0e+NaN'],
    ];
    for (const [input, value] of cases) expect(lisp(`(string-to-number "${input}")`), input).toBe(value);
  });

  it('reads integers in bases 2 to 16, ignoring float syntax', () => {
    expect(lisp('(string-to-number "ff" 16)')).toBe('255');
    expect(lisp('(string-to-number "FF" 16)')).toBe('255');
    expect(lisp('(string-to-number "-ff" 16)')).toBe('-255');
    expect(lisp('(string-to-number "  -7f" 16)')).toBe('-127');
    expect(lisp('(string-to-number "1011" 2)')).toBe('11');
    expect(lisp('(string-to-number "1021" 2)')).toBe('2');
    expect(lisp('(string-to-number "777" 8)')).toBe('511');
    expect(lisp('(string-to-number "1.5" 16)')).toBe('1');
    expect(lisp('(string-to-number "1e3" 16)')).toBe('483');
    expect(lisp('(string-to-number "12" 3)')).toBe('5');
    expect(lisp('(string-to-number "+7" 2)')).toBe('0');
    expect(lisp('(string-to-number "ffffffffffffffffffffffff" 16)')).toBe('79228162514264337593543950335');
    expect(lisp('(string-to-number "1" nil)')).toBe('1');
  });

  it('rejects bad arguments', () => {
    expect(lispError('(string-to-number "1" 1)')).toBe('(args-out-of-range 1)');
    expect(lispError('(string-to-number "1" 17)')).toBe('(args-out-of-range 17)');
    expect(lispError("(string-to-number \"1\" 'a)")).toBe('(wrong-type-argument fixnump a)');
    expect(lispError('(string-to-number "1" 2.0)')).toBe('(wrong-type-argument fixnump 2.0)');
    expect(lispError('(string-to-number 1)')).toBe('(wrong-type-argument stringp 1)');
  });

  it('reads back what number-to-string prints', () => {
    expect(lisp('(string-to-number (number-to-string 0.1))')).toBe('0.1');
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (d) => {
        const back = lisp(`(string-to-number "${floatToString(d)}")`);
        expect(back).toBe(floatToString(d));
      }),
    );
  });
});

describe('random', () => {
  it('returns numbers below a positive limit', () => {
    for (const limit of ['1', '10', '1000000', '(expt 2 40)', '(expt 2 70)']) {
      const n = lisp(`(random ${limit})`);
      expect(BigInt(n) >= 0n && BigInt(n) < BigInt(lisp(limit))).toBe(true);
    }
    expect(lisp('(random 1)')).toBe('0');
  });

  it('returns any fixnum without a positive integer limit', () => {
    for (const arg of ['', ' 0', ' -5', ' 1.5', " 'a", ' t']) expect(lisp(`(fixnump (random${arg}))`)).toBe('t');
  });

  it('repeats its sequence after the same seed string', () => {
    const first = lisp('(list (random "x") (random 10) (random 1000) (random (expt 2 70)))');
    const second = lisp('(list (random "x") (random 10) (random 1000) (random (expt 2 70)))');
    expect(second).toBe(first);
    expect(lisp('(list (random "y") (random 1000000))')).not.toBe(lisp('(list (random "x") (random 1000000))'));
  });
});

describe('markers in arithmetic', () => {
  it('count as their position once the buffer layer installs the hook', () => {
    const marker: LispOpaque = { lispType: intern('marker'), printRepr: () => '#<marker at 3 in foo>' };
    const looseMarker: LispOpaque = { lispType: intern('marker'), printRepr: () => '#<marker in no buffer>' };
    setMarkerToNumber((x) => {
      if (x === marker) return 3;
      if (x === looseMarker) throw new LispSignal(intern('error'), arrayToList([makeString('Marker does not point anywhere')]));
      return undefined;
    });
    const m = intern('test-marker');
    const loose = intern('test-loose-marker');
    m.value = marker;
    loose.value = looseMarker;
    try {
      expect(lisp('(list (1+ test-marker) (% test-marker 2) (mod test-marker 2) (logand test-marker 7) (max test-marker 1) (= test-marker 3) (/ test-marker 2))')).toBe('(4 1 1 3 3 t 1)');
      expect(lisp('(list (number-or-marker-p test-marker) (integer-or-marker-p test-marker) (numberp test-marker) (natnump test-marker) (zerop test-marker))')).toBe('(t t nil nil nil)');
      expect(lispError('(abs test-marker)')).toBe('(wrong-type-argument numberp #<marker at 3 in foo>)');
      expect(lispError('(ash test-marker 1)')).toBe('(wrong-type-argument integerp #<marker at 3 in foo>)');
      expect(lispError('(+ test-loose-marker 1)')).toBe('(error "Marker does not point anywhere")');
      expect(lisp('(number-or-marker-p test-loose-marker)')).toBe('t');
    } finally {
      setMarkerToNumber(() => undefined);
    }
  });
});

describe('integer arithmetic across the fixnum and bignum boundaries', () => {
  const edges = [0n, 1n, 2n ** 31n, 2n ** 32n, 2n ** 52n, 2n ** 53n, 2n ** 61n, 2n ** 62n, 2n ** 64n, 2n ** 200n];
  const near = fc.tuple(fc.constantFrom(...edges), fc.integer({ min: -3, max: 3 }), fc.boolean()).map(([e, d, neg]) => {
    const v = e + BigInt(d);
    return neg ? -v : v;
  });
  const anyInt = fc.oneof(near, fc.bigInt({ min: -(2n ** 300n), max: 2n ** 300n }), fc.integer().map(BigInt));
  const lispInt = (b: bigint): string => b.toString();
  const truncDiv = (a: bigint, b: bigint): bigint => a / b;
  const floorMod = (a: bigint, b: bigint): bigint => ((a % b) + b) % b;

  it('agrees with BigInt for + - * / % mod', () => {
    fc.assert(
      fc.property(anyInt, anyInt, (a, b) => {
        const x = lispInt(a), y = lispInt(b);
        expect(lisp(`(+ ${x} ${y})`)).toBe((a + b).toString());
        expect(lisp(`(- ${x} ${y})`)).toBe((a - b).toString());
        expect(lisp(`(* ${x} ${y})`)).toBe((a * b).toString());
        if (b !== 0n) {
          expect(lisp(`(/ ${x} ${y})`)).toBe(truncDiv(a, b).toString());
          expect(lisp(`(% ${x} ${y})`)).toBe((a % b).toString());
          expect(lisp(`(mod ${x} ${y})`)).toBe(floorMod(a, b).toString());
        }
        expect(lisp(`(< ${x} ${y})`)).toBe(a < b ? 't' : 'nil');
        expect(lisp(`(= ${x} ${y})`)).toBe(a === b ? 't' : 'nil');
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with BigInt for ash, logand, logior and logxor', () => {
    fc.assert(
      fc.property(anyInt, anyInt, fc.integer({ min: -300, max: 300 }), (a, b, shift) => {
        const x = lispInt(a), y = lispInt(b);
        expect(lisp(`(ash ${x} ${shift})`)).toBe((shift >= 0 ? a << BigInt(shift) : a >> BigInt(-shift)).toString());
        expect(lisp(`(logand ${x} ${y})`)).toBe((a & b).toString());
        expect(lisp(`(logior ${x} ${y})`)).toBe((a | b).toString());
        expect(lisp(`(logxor ${x} ${y})`)).toBe((a ^ b).toString());
        expect(lisp(`(lognot ${x})`)).toBe((~a).toString());
      }),
      { numRuns: 500 },
    );
  });

  it('keeps every safe integer result a JS number and every other one a bigint', () => {
    fc.assert(
      fc.property(anyInt, anyInt, (a, b) => {
        const x = normalizeBig(a), y = normalizeBig(b);
        for (const r of [add2(x, y), sub2(x, y)]) {
          const safe = typeof r === 'number';
          expect(safe).toBe(Number.isSafeInteger(Number(r)) && BigInt(Number(r)) === BigInt(r as number | bigint));
        }
      }),
    );
  });
});
