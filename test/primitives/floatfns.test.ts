// floatfns.c: float conversion, rounding, expt, roots, logarithms,
// trigonometry and the IEEE helpers, checked against GNU Emacs 28.2.
import { describe, it, expect } from 'vitest';
import {
  type LispObject, LispSymbol, LispFloat, LispString, Cons, Subr, MANY, NIL, LispSignal, intern,
  makeString, arrayToList, normalizeBig,
} from '../../src/lisp/index.js';
import { symbolValue } from '../../src/eval/state.js';
import { floatToString, parseNumberPrefix } from '../../src/primitives/arith.js';
import { rint, ldexp, frexp } from '../../src/primitives/floatfns.js';

import { lisp, lispError, withIntegerWidth } from '../helpers.js';


describe('float and abs', () => {
  it('float converts integers and returns floats unchanged', () => {
    expect(lisp('(list (float 3) (float 2.5))')).toBe('(3.0 2.5)');
    expect(lisp('(float (expt 2 64))')).toBe('1.8446744073709552e+19');
    expect(lisp('(float most-positive-fixnum)')).toBe('2.305843009213694e+18');
    expect(lisp('(list (float (expt 10 400)) (float (- (expt 10 400))))')).toBe('(1.0e+INF -1.0e+INF)');
    expect(lispError("(float 'a)")).toBe('(wrong-type-argument numberp a)');
  });

  it('abs works on every kind of number', () => {
    expect(lisp('(list (abs -5) (abs 5) (abs -2.5) (abs 0))')).toBe('(5 5 2.5 0)');
    expect(lisp('(abs most-negative-fixnum)')).toBe('2305843009213693952');
    expect(lisp('(abs (- (expt 2 70)))')).toBe('1180591620717411303424');
    expect(lisp('(list (abs -0.0) (abs -1.0e+INF) (abs (- 0.0e+NaN)))')).toBe('(0.0 1.0e+INF 0.0e+NaN)');
    expect(lispError("(abs 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('floor, ceiling, round and truncate', () => {
  it('round floats to integers, round going to even on ties', () => {
    const rows: [string, string, string, string, string][] = [
      ['2.5', '2', '3', '2', '2'],
      ['-2.5', '-3', '-2', '-2', '-2'],
      ['3.5', '3', '4', '4', '3'],
      ['-3.5', '-4', '-3', '-4', '-3'],
      ['2.4', '2', '3', '2', '2'],
      ['2.6', '2', '3', '3', '2'],
      ['-2.6', '-3', '-2', '-3', '-2'],
      ['0.5', '0', '1', '0', '0'],
      ['-0.5', '-1', '0', '0', '0'],
      ['1.5', '1', '2', '2', '1'],
      ['7', '7', '7', '7', '7'],
      ['-7', '-7', '-7', '-7', '-7'],
      ['0.0', '0', '0', '0', '0'],
      ['-0.0', '0', '0', '0', '0'],
    ];
    for (const [x, floor, ceiling, round, truncate] of rows) {
      expect(lisp(`(list (floor ${x}) (ceiling ${x}) (round ${x}) (truncate ${x}))`), x).toBe(`(${floor} ${ceiling} ${round} ${truncate})`);
    }
  });

  it('divide integers with each rounding, round going to even on ties', () => {
    const rows: [string, string][] = [
      ['7 2', '(3 4 4 3)'],
      ['-7 2', '(-4 -3 -4 -3)'],
      ['7 -2', '(-4 -3 -4 -3)'],
      ['5 2', '(2 3 2 2)'],
      ['-5 2', '(-3 -2 -2 -2)'],
      ['6 4', '(1 2 2 1)'],
      ['9 3', '(3 3 3 3)'],
      ['-1 2', '(-1 0 0 0)'],
      ['1 -2', '(-1 0 0 0)'],
      ['3 -2', '(-2 -1 -2 -1)'],
    ];
    for (const [args, results] of rows) {
      expect(lisp(`(list (floor ${args}) (ceiling ${args}) (round ${args}) (truncate ${args}))`), args).toBe(results);
    }
    expect(lisp('(round (expt 10 30) 4)')).toBe('250000000000000000000000000000');
    expect(lisp('(floor (expt 2 70) (expt 2 69))')).toBe('2');
    expect(lisp('(ceiling (expt 2 70) 3)')).toBe('393530540239137101142');
    expect(lisp('(round (expt 2 70) 3)')).toBe('393530540239137101141');
    expect(lisp('(list (floor 5 (expt 2 70)) (floor -5 (expt 2 70)))')).toBe('(0 -1)');
    expect(lisp('(list (round (expt 2 70) (expt 2 71)) (round (* 3 (expt 2 70)) (expt 2 71)))')).toBe('(0 2)');
    expect(lisp('(floor 5 nil)')).toBe('5');
  });

  it('divide exactly when a float is involved', () => {
    expect(lisp('(floor 7 2.5)')).toBe('2');
    expect(lisp('(round 2.6 1.3)')).toBe('2');
    expect(lisp('(truncate 7.5 2)')).toBe('3');
    expect(lisp('(list (floor 1 0.1) (ceiling 1 0.1) (round 1 0.1) (truncate -1 0.1) (floor -1 0.1))')).toBe('(9 10 10 -9 -10)');
    expect(lisp('(list (floor 0.3 0.1) (round 0.3 0.1) (floor 0.7 0.1) (truncate 7 0.7))')).toBe('(2 3 6 10)');
    expect(lisp('(list (round 2.5 1) (round -2.5 1) (round 2.5 0.5) (round 2.5 -1.0) (truncate 2.5 -1.0))')).toBe('(2 -2 5 -2 -2)');
    expect(lisp('(list (floor -7.5 2) (floor 7 -2.0) (floor 1.5 0.5) (round 7 2.0))')).toBe('(-4 -4 3 4)');
    expect(lisp('(floor (expt 10 30) 7.0)')).toBe('142857142857142857142857142857');
    expect(lisp('(floor (expt 2 70) 0.5)')).toBe('2361183241434822606848');
    expect(lisp('(list (floor 5e-324 1e300) (floor -5e-324 1e300))')).toBe('(0 -1)');
    expect(lisp('(floor 1e300 7)')).toBe(
      '142857142857142864643537179314917178386352654444022736416550587930257493998415456540910196440063980577672063404697696882420360462194347225092113169255243854692626742989510829105404319113541155722766993319281542849297302719852520125724950391825734642082751255545722406119730809924599483837922771505737',
    );
    expect(lisp('(floor 1e300 1e-300)')).toBe(
      '1000000000000000027445668419995659875244796358044313676727560640707721473677129974465030959007791523737770641007428964959882495731025663624106378316147323965003504481201666647589977342127480258076802105106130501481098580391304349935418871974203032166042985002456270442020084075063273390391540777564193110182711662115108254645395450887763669395137932406983787779369901988610709753985682440518274480101045044222319804448592891955004281158975890153655920804900126986847655461642241911870109200044413086162246654156782408345890095918627729681258275637897481180158583341416181375201704389907976207969478018',
    );
  });

  it('convert big floats to bignums', () => {
    expect(lisp('(truncate 1e20)')).toBe('100000000000000000000');
    expect(lisp('(floor 1e20)')).toBe('100000000000000000000');
    expect(lisp('(round 4.611686018427388e+18)')).toBe('4611686018427387904');
    expect(lisp('(round -4.611686018427388e+18)')).toBe('-4611686018427387904');
    expect(lisp('(round 1e16 3)')).toBe('3333333333333333');
    expect(lisp('(round 1e300)')).toBe(
      '1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160',
    );
  });

  it('give 0 for a finite number over an infinite divisor', () => {
    expect(lisp('(list (floor 5 1.0e+INF) (floor -5 1.0e+INF) (floor -5 -1.0e+INF) (ceiling 5 1.0e+INF))')).toBe('(0 0 0 0)');
  });

  it('signal overflow-error for infinities and NaNs, arith-error for zero divisors', () => {
    for (const form of ['(truncate 1.0e+INF)', '(floor 0.0e+NaN)', '(truncate 1.0e+INF 2)', '(floor 5 0.0e+NaN)', '(floor 1.0e+INF 1.0e+INF)', '(floor 0.0e+NaN 2)']) {
      expect(lispError(form), form).toBe('(overflow-error)');
    }
    for (const form of ['(floor 5 0)', '(floor 5.0 0)', '(floor 5 0.0)', '(round 5 0.0)', '(floor 5.5 -0.0)']) {
      expect(lispError(form), form).toBe('(arith-error)');
    }
    expect(withIntegerWidth(100, () => lispError('(truncate 1e40)'))).toBe('(overflow-error)');
  });

  it('check both arguments as numbers, without markers', () => {
    expect(lispError("(floor 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(floor 'a 0)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(floor 5 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('ffloor, fceiling, fround and ftruncate', () => {
  it('round floats to floats', () => {
    expect(lisp('(ffloor 2.5)')).toBe('2.0');
    expect(lisp('(fceiling 2.1)')).toBe('3.0');
    expect(lisp('(list (fround 2.5) (fround 3.5) (fround -0.4) (fround -0.5))')).toBe('(2.0 4.0 -0.0 -0.0)');
    expect(lisp('(ftruncate -2.7)')).toBe('-2.0');
    expect(lisp('(list (ffloor 1.0e+INF) (fround 0.0e+NaN))')).toBe('(1.0e+INF 0.0e+NaN)');
  });

  it('accept only floats', () => {
    expect(lispError('(ffloor 2)')).toBe('(wrong-type-argument floatp 2)');
    expect(lispError('(fround 2)')).toBe('(wrong-type-argument floatp 2)');
    expect(lispError("(ftruncate 'a)")).toBe('(wrong-type-argument floatp a)');
  });

  it('rint ties to even like C', () => {
    const cases: [number, number][] = [[0.5, 0], [1.5, 2], [2.5, 2], [-2.5, -2], [-3.5, -4], [0.49999999999999994, 0], [4503599627370497, 4503599627370497]];
    for (const [x, r] of cases) expect(rint(x)).toBe(r);
  });
});

describe('expt', () => {
  it('is exact for an integer to a natural power', () => {
    expect(lisp('(expt 2 10)')).toBe('1024');
    expect(lisp('(expt 0 0)')).toBe('1');
    expect(lisp('(expt -3 3)')).toBe('-27');
    expect(lisp('(expt 2 100)')).toBe('1267650600228229401496703205376');
    expect(lisp('(expt 3 50)')).toBe('717897987691852588770249');
    expect(lisp('(expt -2 63)')).toBe('-9223372036854775808');
    expect(lisp('(expt 3 33)')).toBe('5559060566555523');
    expect(lisp('(expt (expt 2 70) 2)')).toBe('1393796574908163946345982392040522594123776');
    expect(lisp('(logb (expt 2 65535))')).toBe('65535');
  });

  it('special-cases 0, 1 and -1 under huge exponents and overflows otherwise', () => {
    expect(lisp('(list (expt 1 (expt 2 70)) (expt -1 (1+ (expt 2 70))) (expt 0 (expt 2 70)))')).toBe('(1 -1 0)');
    expect(lispError('(expt 2 (expt 2 70))')).toBe('(overflow-error)');
    expect(lispError('(expt 2 1000000000)')).toBe('(overflow-error)');
    expect(lispError('(expt 2 65536)')).toBe('(overflow-error)');
    expect(withIntegerWidth(100, () => lispError('(expt 2 200)'))).toBe('(overflow-error)');
  });

  it('uses floats for a negative exponent or a float argument', () => {
    expect(lisp('(list (expt 2 -1) (expt 2 -2) (expt 1 -2) (expt -1 -3) (expt -1 -2) (expt 3 -1))')).toBe('(0.5 0.25 1.0 -1.0 1.0 0.3333333333333333)');
    expect(lisp('(list (expt 0 -1) (expt 0.0 -1))')).toBe('(1.0e+INF 1.0e+INF)');
    expect(lisp('(list (expt 2.0 -1) (expt 2 0.5) (expt 2.0 3) (expt -2 3.0) (expt 2.5 2) (expt 0 0.0))')).toBe('(0.5 1.4142135623730951 8.0 -8.0 6.25 1.0)');
    expect(lisp('(expt (expt 2 70) 0.5)')).toBe('34359738368.0');
    expect(lisp('(list (expt 2.0 (expt 2 70)) (expt 0.5 (expt 2 70)) (expt 2 (- (expt 2 70))))')).toBe('(1.0e+INF 0.0 0.0)');
  });

  it('follows C pow for 1, -1 and negative bases', () => {
    expect(lisp('(expt 1.0 0.0e+NaN)')).toBe('1.0');
    expect(lisp('(expt -1 1.0e+INF)')).toBe('1.0');
    expect(lisp('(expt -8.0 0.5)')).toBe('-0.0e+NaN');
    expect(lisp('(expt -8 (/ 1.0 3))')).toBe('-0.0e+NaN');
  });

  it('checks both arguments as numbers', () => {
    expect(lispError("(expt 'a 2)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(expt 2 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('sqrt, exp and log', () => {
  it('compute roots and exponentials', () => {
    expect(lisp('(list (sqrt 16) (sqrt 2) (sqrt 0) (sqrt -0.0))')).toBe('(4.0 1.4142135623730951 0.0 -0.0)');
    expect(lisp('(sqrt (expt 2 100))')).toBe('1125899906842624.0');
    expect(lisp('(sqrt -1)')).toBe('-0.0e+NaN');
    expect(lisp('(list (exp 0) (exp 1) (exp 1000))')).toBe('(1.0 2.718281828459045 1.0e+INF)');
    expect(lisp('(exp 0.0e+NaN)')).toBe('0.0e+NaN');
  });

  it('take logarithms in any base, using log2 and log10 for 2 and 10', () => {
    expect(lisp('(list (log 1) (log (exp 2)) (log 0) (log -1))')).toBe('(0.0 2.0 -1.0e+INF -0.0e+NaN)');
    expect(lisp('(list (log 100 10) (log 1000 10) (log 0.001 10) (log 1e-300 10))')).toBe('(2.0 3.0 -3.0 -300.0)');
    expect(lisp('(list (log 8 2) (log 8 2.0) (log 1024 2) (log 7 2))')).toBe('(3.0 3.0 10.0 2.807354922057604)');
    // (log 27 3) is 3.0 and (log 243 3) 4.999999999999999 in Emacs; V8's log(3) is one ulp off glibc's.
    expect(lisp('(list (log 3 3.0) (log 10) (log 2) (log 7))')).toBe('(1.0 2.302585092994046 0.6931471805599453 1.9459101490553132)');
    expect(lisp('(list (log 2 0) (log 0 0) (log 8 1) (log 1 1) (log 0.0 2) (log -8 2) (log 8 -2))')).toBe(
      '(-0.0 -0.0e+NaN 1.0e+INF -0.0e+NaN -1.0e+INF -0.0e+NaN -0.0e+NaN)',
    );
    expect(lisp('(list (log (expt 10 400)) (log (expt 10 400) 10))')).toBe('(1.0e+INF 1.0e+INF)');
  });

  it('check their arguments as numbers', () => {
    expect(lispError("(sqrt 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(exp 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(log 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(log 8 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('trigonometry', () => {
  it('computes the functions and their inverses', () => {
    expect(lisp('(list (sin 0) (cos 0) (sin 1) (tan 1))')).toBe('(0.0 1.0 0.8414709848078965 1.5574077246549023)');
    expect(lisp('(list (atan 1) (atan 1 1) (atan 1 0) (atan 0 0))')).toBe('(0.7853981633974483 0.7853981633974483 1.5707963267948966 0.0)');
    expect(lisp('(list (atan 0.0 -1) (atan -0.0 -1))')).toBe('(3.141592653589793 -3.141592653589793)');
    expect(lisp('(list (asin 2) (acos 2) (sin 1.0e+INF) (atan 0.0e+NaN))')).toBe('(0.0e+NaN 0.0e+NaN -0.0e+NaN 0.0e+NaN)');
  });

  it('checks its arguments as numbers', () => {
    expect(lispError("(sin 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(atan 'a)")).toBe('(wrong-type-argument numberp a)');
    expect(lispError("(atan 1 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('IEEE helpers', () => {
  it('isnan and copysign take floats only', () => {
    expect(lisp('(list (isnan 0.0e+NaN) (isnan 1.0) (isnan (- 1.0e+INF 1.0e+INF)))')).toBe('(t nil t)');
    expect(lisp('(list (copysign 1.0 -2.0) (copysign 1.0 -0.0) (copysign -3.0 2.0) (copysign 0.0e+NaN -1.0))')).toBe('(-1.0 -1.0 3.0 -0.0e+NaN)');
    expect(lispError('(isnan 1)')).toBe('(wrong-type-argument floatp 1)');
    expect(lispError('(copysign 1 2.0)')).toBe('(wrong-type-argument floatp 1)');
    expect(lispError('(copysign 1.0 2)')).toBe('(wrong-type-argument floatp 2)');
  });

  it('frexp splits a number into a fraction and a power of two', () => {
    expect(lisp('(list (frexp 8.0) (frexp 5) (frexp 0) (frexp -0.0) (frexp 1.0e+INF) (frexp 0.0e+NaN) (frexp 5e-324))')).toBe(
      '((0.5 . 4) (0.625 . 3) (0.0 . 0) (-0.0 . 0) (1.0e+INF . 0) (0.0e+NaN . 0) (0.5 . -1073))',
    );
    expect(frexp(-3)).toEqual([-0.75, 2]);
    expect(lispError("(frexp 'a)")).toBe('(wrong-type-argument numberp a)');
  });

  it('ldexp scales by a power of two, rounding once', () => {
    expect(lisp('(list (ldexp 0.5 4) (ldexp 1 2) (ldexp 1.0 10000) (ldexp 1.0 -1074) (ldexp 1.0 -1075) (ldexp 0.75 -1073))')).toBe(
      '(8.0 4.0 1.0e+INF 5e-324 0.0 1e-323)',
    );
    expect(ldexp(1.5, -1074)).toBe(2 * 5e-324);
    expect(ldexp(0.75, 1025)).toBe(2 ** 1024 * 0.75 * 1);
    expect(lispError('(ldexp 1.0 2.0)')).toBe('(wrong-type-argument fixnump 2.0)');
    expect(lispError('(ldexp 1.0 (expt 2 70))')).toBe('(wrong-type-argument fixnump 1180591620717411303424)');
  });

  it('logb gives the binary exponent', () => {
    expect(lisp('(list (logb 10) (logb 8.0) (logb 1) (logb -8) (logb 0.5) (logb 5e-324))')).toBe('(3 3 0 3 -1 -1074)');
    expect(lisp('(list (logb (expt 2 100)) (logb (1- (expt 2 100))) (logb 9007199254740991) (logb 4503599627370496))')).toBe('(100 99 52 52)');
    expect(lisp('(list (logb 0) (logb 0.0) (logb 1.0e+INF) (logb -1.0e+INF) (logb 0.0e+NaN))')).toBe('(-1.0e+INF -1.0e+INF 1.0e+INF 1.0e+INF 0.0e+NaN)');
    expect(lispError("(logb 'a)")).toBe('(wrong-type-argument numberp a)');
  });
});

describe('ldexp checks and clamps its exponent first, as floatfns.c does', () => {
  it('matches GNU Emacs 28.2', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp('(list (ldexp 3.7 most-negative-fixnum) (condition-case e (ldexp "x" 1.5) (error e)) (ldexp 1.0 most-positive-fixnum) (condition-case e (ldexp "x" 1) (error e)))')).toBe(
      '(0.0 (wrong-type-argument fixnump 1.5) 1.0e+INF (wrong-type-argument numberp "x"))',
    );
  });
});
