import { describe, it, expect } from 'vitest';
import '../../src/primitives/json.js';
import { run, str, sym } from './lisp-helpers.js';
import { list, NIL, T, Cons, makeFloat, LispHashTable, intern } from '../../src/lisp/index.js';
import { equalTest, eqTest } from '../../src/lisp/hashtable.js';
import { specbind, unbindTo, specpdlDepth } from '../../src/eval/state.js';

function binding<R>(name: string, value: any, body: () => R): R {
  const depth = specpdlDepth();
  specbind(intern(name), value);
  try {
    return body();
  } finally {
    unbindTo(depth);
  }
}
const pair = (k: string, v: any) => new Cons(sym(k), v);

describe('json-encode (json.el)', () => {
  it('encodes alists, plists, vectors, lists and hash tables', () => {
    expect(run('json-encode', list(pair('a', 1), pair('b', str('x'))))).toBe('"{\\"a\\":1,\\"b\\":\\"x\\"}"');
    expect(run('json-encode', list(sym(':a'), 1, sym(':b'), [1, 2]))).toBe('"{\\"a\\":1,\\"b\\":[1,2]}"');
    expect(run('json-encode', [1, makeFloat(2.5), str('é'), NIL, T])).toBe('"[1,2.5,\\"é\\",null,true]"');
    expect(run('json-encode', list(1, 2, 3))).toBe('"[1,2,3]"');
    expect(run('json-encode', list(sym('a'), sym('b')))).toBe('"[\\"a\\",\\"b\\"]"');
    expect(run('json-encode', list(list(sym('a'), 1, 2)))).toBe('"{\\"a\\":[1,2]}"');
    const h = new LispHashTable(eqTest);
    h.put(sym('a'), 1);
    h.put(str('b'), 2);
    expect(run('json-encode', h)).toBe('"{\\"a\\":1,\\"b\\":2}"');
  });
  it('encodes keywords, symbols, floats and escapes', () => {
    expect(run('json-encode', NIL)).toBe('"null"');
    expect(run('json-encode', sym(':json-false'))).toBe('"false"');
    expect(run('json-encode', sym('sym'))).toBe('"\\"sym\\""');
    expect(run('json-encode', sym(':kw'))).toBe('"\\"kw\\""');
    expect(run('json-encode', str('a"\n\t\u0001/'))).toBe('"\\"a\\\\\\"\\\\n\\\\t\\\\u0001/\\""');
    expect(run('json-encode', makeFloat(1))).toBe('"1.0"');
    expect(run('json-encode', makeFloat(1e20))).toBe('"1e+20"');
    expect(run('json-encode', makeFloat(1e-5))).toBe('"1e-05"');
    expect(run('json-encode', makeFloat(100))).toBe('"100.0"');
    expect(run('json-encode', makeFloat(-0))).toBe('"-0.0"');
    expect(run('json-encode', 100000000000000000000n)).toBe('"100000000000000000000"');
  });
  it('signals json-key-format for keys that are not strings', () => {
    expect(run('json-encode', list(new Cons(1, 2)))).toBe('(ERR json-key-format 1)');
  });
});

describe('json-read-from-string (json.el)', () => {
  it('reads objects as alists and arrays as vectors by default', () => {
    expect(run('json-read-from-string', str('{"a": [1, 2.5, true, false, null, "x\\u00e9"]}'))).toBe('((a . [1 2.5 t :json-false nil "xé"]))');
    expect(run('json-read-from-string', str('{"a":1,"a":2}'))).toBe('((a . 1) (a . 2))');
    expect(run('json-read-from-string', str('{}'))).toBe('nil');
    expect(run('json-read-from-string', str('[]'))).toBe('[]');
    expect(run('json-read-from-string', str('  3.5e2 '))).toBe('350.0');
    expect(run('json-read-from-string', str('-0'))).toBe('0');
    expect(run('json-read-from-string', str('1 2'))).toBe('1');
    expect(run('json-read-from-string', str('"\\ud83d\\ude00"'))).toBe('"😀"');
  });
  it('follows json-object-type, json-array-type and json-key-type', () => {
    expect(binding('json-object-type', sym('plist'), () => run('json-read-from-string', str('{"a":1,"b":2}')))).toBe('(:a 1 :b 2)');
    expect(binding('json-object-type', sym('hash-table'), () => run('json-read-from-string', str('{"a":1}')))).toBe('#s(hash-table test equal data ("a" 1))');
    expect(binding('json-array-type', sym('list'), () => run('json-read-from-string', str('[1,[2]]')))).toBe('(1 (2))');
    expect(binding('json-key-type', sym('string'), () => run('json-read-from-string', str('{"a":1}')))).toBe('(("a" . 1))');
  });
  it("signals json.el's errors", () => {
    expect(run('json-read-from-string', str(''))).toBe('(ERR json-end-of-file)');
    expect(run('json-read-from-string', str('[1,'))).toBe('(ERR json-end-of-file)');
    expect(run('json-read-from-string', str('"abc'))).toBe('(ERR json-end-of-file)');
    expect(run('json-read-from-string', str('[1 2]'))).toBe('(ERR json-array-format "," 50)');
    expect(run('json-read-from-string', str('{"a" 1}'))).toBe('(ERR json-object-format ":" 49)');
    expect(run('json-read-from-string', str('tru'))).toBe('(ERR json-unknown-keyword "tru")');
    expect(run('json-read-from-string', str('@'))).toBe('(ERR json-readtable-error 64)');
    expect(run('json-read-from-string', str('1.'))).toBe('(ERR json-number-format 2)');
  });
});

describe('json-serialize (json.c)', () => {
  it('serializes alists, plists, vectors and the special objects', () => {
    expect(run('json-serialize', list(pair('a', 1), pair('b', [1, makeFloat(2.5), str('é'), sym(':null'), sym(':false'), T])))).toBe(
      '"{\\"a\\":1,\\"b\\":[1,2.5,\\"é\\",null,false,true]}"',
    );
    expect(run('json-serialize', list(sym(':a'), 1, sym(':b'), 2))).toBe('"{\\"a\\":1,\\"b\\":2}"');
    expect(run('json-serialize', NIL)).toBe('"{}"');
    expect(run('json-serialize', list(pair('a', 1), pair('a', 2)))).toBe('"{\\"a\\":1}"');
    expect(run('json-serialize', list(pair(':a', 1)))).toBe('"{\\":a\\":1}"');
    expect(run('json-serialize', list(list(sym('a'))))).toBe('"{\\"a\\":{}}"');
    const h = new LispHashTable(equalTest);
    h.put(str('a'), 1);
    h.put(str('b'), NIL);
    expect(run('json-serialize', h)).toBe('"{\\"a\\":1,\\"b\\":{}}"');
  });
  it('prints reals as jansson does', () => {
    expect(run('json-serialize', makeFloat(0.1))).toBe('"0.10000000000000001"');
    expect(run('json-serialize', makeFloat(1e20))).toBe('"1e20"');
    expect(run('json-serialize', makeFloat(1e16))).toBe('"10000000000000000.0"');
    expect(run('json-serialize', makeFloat(1e-5))).toBe('"1.0000000000000001e-5"');
    expect(run('json-serialize', makeFloat(-0))).toBe('"-0.0"');
  });
  it('signals for values JSON cannot hold', () => {
    expect(run('json-serialize', list(1, 2))).toBe('(ERR wrong-type-argument symbolp 1)');
    expect(run('json-serialize', list(new Cons(str('a'), 1)))).toBe('(ERR wrong-type-argument symbolp "a")');
    expect(run('json-serialize', sym('a'))).toBe('(ERR wrong-type-argument json-value-p a)');
    expect(run('json-serialize', list(sym(':a')))).toBe('(ERR wrong-type-argument consp nil)');
    expect(run('json-serialize', new Cons(sym('a'), 1))).toBe('(ERR wrong-type-argument consp 1)');
    expect(run('json-serialize', str('\udce9'))).toBe('(ERR wrong-type-argument utf-8-string-p "\\351")');
    expect(run('json-serialize', makeFloat(Infinity))).toBe('(ERR json-out-of-memory)');
    expect(run('json-serialize', 100000000000000000000000n)).toBe(
      '(ERR args-out-of-range 100000000000000000000000 -9223372036854775808 9223372036854775807)',
    );
    const h = new LispHashTable(eqTest);
    h.put(sym('a'), 1);
    expect(run('json-serialize', h)).toBe('(ERR wrong-type-argument stringp a)');
  });
});

describe('json-parse-string (json.c)', () => {
  it('parses into hash tables and vectors by default', () => {
    expect(run('json-parse-string', str('{"a": [1, 2.5, true, false, null, "x\\u00e9"]}'))).toBe(
      '#s(hash-table test equal data ("a" [1 2.5 t :false :null "xé"]))',
    );
    expect(run('json-parse-string', str('-0.0'))).toBe('-0.0');
    expect(run('json-parse-string', str('1e2'))).toBe('100.0');
    expect(run('json-parse-string', str('"\\ud83d\\ude00"'))).toBe('"😀"');
  });
  it('follows the keyword arguments', () => {
    expect(run('json-parse-string', str('{"a":1,"a":2}'), sym(':object-type'), sym('alist'))).toBe('((a . 2))');
    expect(run('json-parse-string', str('{"a":1, "b":2}'), sym(':object-type'), sym('plist'))).toBe('(:a 1 :b 2)');
    expect(run('json-parse-string', str('[null,false]'), sym(':null-object'), NIL, sym(':false-object'), sym('no'))).toBe('[nil no]');
    expect(run('json-parse-string', str('{"a":{"b":[]}}'), sym(':object-type'), sym('alist'), sym(':array-type'), sym('list'))).toBe('((a (b)))');
  });
  it('rejects bad keyword arguments', () => {
    expect(run('json-parse-string', str('{}'), sym(':object-type'), sym('foo'))).toBe('(ERR error "One of hash-table, alist or plist should be specified" foo)');
    expect(run('json-parse-string', str('[1]'), sym(':array-type'), sym('foo'))).toBe('(ERR error "One of array or list should be specified" foo)');
    expect(run('json-parse-string', str('{}'), sym(':object-type'))).toBe('(ERR wrong-type-argument plistp (:object-type))');
    expect(run('json-parse-string', sym('a'))).toBe('(ERR wrong-type-argument stringp a)');
  });
  it("reports jansson's messages with line, column and position", () => {
    const cases: [string, string][] = [
      ['', '(ERR json-end-of-file "unexpected token near end of file" "<string>" 1 0 0)'],
      ['[1,', `(ERR json-end-of-file "']' expected near end of file" "<string>" 1 3 3)`],
      ['[1 2]', `(ERR json-parse-error "']' expected near '2'" "<string>" 1 4 4)`],
      ['1 2', `(ERR json-trailing-content "end of file expected near '2'" "<string>" 1 3 3)`],
      ['tru', `(ERR json-parse-error "invalid token near 'tru'" "<string>" 1 3 3)`],
      ['"abc', `(ERR json-end-of-file "premature end of input near '\\"abc'" "<string>" 1 4 4)`],
      ['@', `(ERR json-parse-error "invalid token near '@'" "<string>" 1 1 1)`],
      ['12345678901234567890', `(ERR json-parse-error "too big integer near '12345678901234567890'" "<string>" 1 20 20)`],
      ['1E400', `(ERR json-parse-error "real number overflow near '1E400'" "<string>" 1 5 5)`],
      ['"\\ud83d"', `(ERR json-parse-error "invalid Unicode '\\\\uD83D' near '\\"\\\\ud83d\\"'" "<string>" 1 8 8)`],
      ['"a\\x"', `(ERR json-parse-error "invalid escape near '\\"a\\\\x'" "<string>" 1 4 4)`],
      ['"a\nb"', `(ERR json-parse-error "unexpected newline near '\\"a'" "<string>" 1 2 2)`],
      ['[01]', `(ERR json-parse-error "invalid token near '0'" "<string>" 1 2 2)`],
      ['{"a":1', `(ERR json-end-of-file "'}' expected near end of file" "<string>" 1 6 6)`],
    ];
    for (const [input, expected] of cases) expect(run('json-parse-string', str(input))).toBe(expected);
    expect(run('json-parse-string', str('"\0"'))).toBe('(ERR wrong-type-argument string-without-embedded-nulls-p "\\"\0\\"")');
  });
});

describe("json.el's errors and keywords, as GNU Emacs 28.2 has them once json.el is loaded", () => {
  it('json.el defines its errors, so condition-case on error catches them', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp("(progn (require 'json) (list (get 'json-unknown-keyword 'error-conditions) (get 'json-end-of-file 'error-conditions) (get 'json-error 'error-message)))")).toBe(
      '((json-unknown-keyword json-error error) (json-end-of-file end-of-file error json-error) "Unknown JSON error")',
    );
    expect(lisp('(condition-case e (json-read-from-string "nul") (error (list (car e) (featurep \'json))))')).toBe('(json-unknown-keyword t)');
  });
  it('reads a keyword from its first letter and wants a value end after it', () => {
    const cases: [string, string][] = [
      ['abc', '(ERR json-readtable-error 97)'],
      ['trueX', '(ERR json-unknown-keyword "trueX")'],
      ['true-x', '(ERR json-unknown-keyword "true")'],
      ['[tr]', '(ERR json-unknown-keyword "tr")'],
      ['+1', '(ERR json-readtable-error 43)'],
      ['[true,false]', '[t :json-false]'],
    ];
    for (const [input, expected] of cases) expect(run('json-read-from-string', str(input)), input).toBe(expected);
  });
  it('json-encode of a circular list signals circular-list with the tail Emacs reports', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp("(let ((print-circle t) (l (list 1 2 3))) (setcdr (cddr l) l) (format \"%S\" (condition-case e (json-encode l) (error e))))")).toBe(
      '"(circular-list #1=(3 1 2 . #1#))"',
    );
  });
});
