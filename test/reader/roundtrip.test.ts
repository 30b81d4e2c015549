// Printing any readable object with prin1 and reading the text back gives an
// `equal' object: the printer and the reader agree on every syntax they share.
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { lisp, lispError } from '../helpers.js';
import {
  type LispObject, Cons, NIL, T, intern, makeFloat, makeString, LispRecord, BoolVector, equal, normalizeBig,
} from '../../src/lisp/index.js';
import { printToString } from '../../src/reader/printer.js';
import { readFromString } from '../../src/reader/reader.js';

const symbolChars = fc.constantFrom(
  ...'abcxyz-+*/_<>=!?$%&:.|~^1209 ();"\'`,#[]\\\t\né日λ😀'.split(/(?:)/u),
);
const symbolName = fc.array(symbolChars, { minLength: 1, maxLength: 8 }).map((cs) => cs.join(''));

const integer = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }),
  fc.bigInt({ min: -(1n << 80n), max: 1n << 80n }).map((b) => normalizeBig(b)),
);
const float = fc
  .oneof(fc.double(), fc.constantFrom(0, -0, 1e16, 1e-5, 100, 0.1, Infinity, -Infinity, NaN))
  .map((v) => makeFloat(v));
const stringValue = fc
  .array(fc.oneof(fc.constantFrom('"', '\\', '\n', '\t', '\x01', 'é', '日', '😀', '\x7f'), fc.string({ maxLength: 4 })), {
    maxLength: 6,
  })
  .map((parts) => makeString(parts.join('')));
const symbol = fc.oneof(symbolName.map((n) => intern(n)), fc.constantFrom(NIL, T, intern(':kw'), intern('')));

const lispObject: fc.Arbitrary<LispObject> = fc.letrec<{ obj: LispObject }>((tie) => ({
  obj: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    integer,
    float,
    stringValue,
    symbol,
    fc.array(tie('obj'), { maxLength: 4 }).map((items) => {
      let l: LispObject = NIL;
      for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i], l);
      return l;
    }),
    fc.tuple(tie('obj'), tie('obj')).map(([a, b]) => new Cons(a, b)),
    fc.array(tie('obj'), { maxLength: 4 }),
    fc.tuple(symbol, fc.array(tie('obj'), { maxLength: 3 })).map(([type, slots]) => new LispRecord([type, ...slots])),
    fc.array(fc.boolean(), { maxLength: 20 }).map((bits) => new BoolVector(Uint8Array.from(bits.map(Number)))),
  ),
})).obj;

describe('print/read round trip', () => {
  it('prin1 output of generated objects reads back equal', () => {
    fc.assert(
      fc.property(lispObject, (obj) => {
        const text = printToString(obj, true);
        const back = readFromString(text).value;
        // NaN payloads print as 0.0e+NaN: compare the printed forms for those.
        expect(equal(back, obj) || printToString(back, true) === text, text).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('a 10,000-deep nested list prints (with print-circle, as Emacs needs) and reads back', () => {
    expect(
      lisp(`(let ((l nil) (print-circle t))
              (dotimes (_ 10000) (setq l (list l)))
              (let ((text (prin1-to-string l)))
                (list (length text) (length (prin1-to-string (car (read-from-string text)))))))`),
    ).toBe('(20003 20003)');
  });

  it('without print-circle, deep nesting signals as in Emacs instead of overflowing', () => {
    expect(lispError('(let ((l nil)) (dotimes (_ 10000) (setq l (list l))) (prin1-to-string l))')).toBe(
      '(error "Apparently circular structure being printed")',
    );
  });
});
