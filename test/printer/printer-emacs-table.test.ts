// The printer against values recorded from Emacs 28.2 (emacs -Q --batch, lexical binding):
// each row is a form and the prin1 text of its value in Emacs.
import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';

/** Evaluates the form and prints its value, errors as (ERROR (SYMBOL . DATA)) as the table records them. */
function run(src: string): string {
  return lisp(`(condition-case e ${src} (error (list 'ERROR e)))`);
}

describe("floats", () => {
  it.each([
    ["(prin1-to-string 1.0)", "\"1.0\""],
    ["(prin1-to-string 100.0)", "\"100.0\""],
    ["(prin1-to-string 1e16)", "\"1e+16\""],
    ["(prin1-to-string 1e15)", "\"1e+15\""],
    ["(prin1-to-string 1234567890123456.0)", "\"1234567890123456.0\""],
    ["(prin1-to-string 12345678901234567.0)", "\"12345678901234568.0\""],
    ["(prin1-to-string 123456789012345678.0)", "\"1.2345678901234568e+17\""],
    ["(prin1-to-string 1e-5)", "\"1e-05\""],
    ["(prin1-to-string 0.0001)", "\"0.0001\""],
    ["(prin1-to-string -0.0)", "\"-0.0\""],
    ["(prin1-to-string (/ 1.0 3))", "\"0.3333333333333333\""],
    ["(prin1-to-string (+ 0.1 0.2))", "\"0.30000000000000004\""],
    ["(prin1-to-string 5e-324)", "\"5e-324\""],
    ["(prin1-to-string 1.5e-320)", "\"1.5e-320\""],
    ["(prin1-to-string 2.2250738585072014e-308)", "\"2.2250738585072014e-308\""],
    ["(prin1-to-string 1.7976931348623157e308)", "\"1.7976931348623157e+308\""],
    ["(prin1-to-string 1e23)", "\"1e+23\""],
    ["(prin1-to-string 9007199254740993.0)", "\"9007199254740992.0\""],
    ["(prin1-to-string (float most-positive-fixnum))", "\"2.305843009213694e+18\""],
    ["(prin1-to-string 1.0e+INF)", "\"1.0e+INF\""],
    ["(prin1-to-string -1.0e+INF)", "\"-1.0e+INF\""],
    ["(prin1-to-string 0.0e+NaN)", "\"0.0e+NaN\""],
    ["(prin1-to-string (- 0.0e+NaN))", "\"-0.0e+NaN\""],
    ["(let ((float-output-format \"%.3f\")) (prin1-to-string 1.23456))", "\"1.235\""],
    ["(let ((float-output-format \"%.0f\")) (prin1-to-string 2.5))", "\"2\""],
    ["(let ((float-output-format \"%.f\")) (prin1-to-string 2.5))", "\"2.0\""],
    ["(let ((float-output-format \"%.3e\")) (prin1-to-string 1234.5))", "\"1.234e+03\""],
    ["(let ((float-output-format \"%.10g\")) (prin1-to-string 100.0))", "\"100.0\""],
    ["(let ((float-output-format \"%.16g\")) (prin1-to-string (+ 0.1 0.2)))", "\"0.30000000000000004\""],
    ["(let ((float-output-format \"%.0e\")) (prin1-to-string 1.0))", "\"1.0\""],
    ["(let ((float-output-format \"%g\")) (prin1-to-string 0.5))", "\"0.5\""],
    ["(let ((float-output-format \"%.3f\")) (prin1-to-string 1.0e+INF))", "\"1.0e+INF\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("strings", () => {
  it.each([
    ["(prin1-to-string \"a\\\"b\\\\c\")", "\"\\\"a\\\\\\\"b\\\\\\\\c\\\"\""],
    ["(prin1-to-string \"a\\nb\\tc\\fd\")", "\"\\\"a\nb\tc\fd\\\"\""],
    ["(let ((print-escape-newlines t)) (prin1-to-string \"a\\nb\\tc\\fd\\r\"))", "\"\\\"a\\\\nb\tc\\\\fd\r\\\"\""],
    ["(let ((print-escape-control-characters t)) (prin1-to-string \"a\\nb\\tc\\e\\d\"))", "\"\\\"a\\\\12b\\\\11c\\\\33\\\\177\\\"\""],
    ["(let ((print-escape-control-characters t)) (prin1-to-string (string 1 ?7 1 ?8)))", "\"\\\"\\\\0017\\\\18\\\"\""],
    ["(let ((print-escape-control-characters t) (print-escape-newlines t)) (prin1-to-string \"a\\nb\\f\\t\"))", "\"\\\"a\\\\nb\\\\f\\\\11\\\"\""],
    ["(prin1-to-string \"caf\\u00e9 \\u03bb\")", "\"\\\"café λ\\\"\""],
    ["(let ((print-escape-multibyte t)) (prin1-to-string \"caf\\u00e9 \\u03bb\\U0001F600x\"))", "\"\\\"caf\\\\x00e9 \\\\x03bb\\\\x1f600x\\\"\""],
    ["(let ((print-escape-multibyte t)) (prin1-to-string \"\\u00e9a \\u00e9g\"))", "\"\\\"\\\\x00e9\\\\ a \\\\x00e9g\\\"\""],
    ["(let ((print-escape-nonascii t)) (prin1-to-string \"caf\\u00e9\"))", "\"\\\"café\\\"\""],
    ["(prin1-to-string (string ?a #x3fffc8 ?b))", "\"\\\"a\\\\310b\\\"\""],
    ["(prin1-to-string (string ?a #x3fffc8 ?b) t)", "\"a\\\\310b\""],
    ["(prin1-to-string \"caf\\u00e9\" t)", "\"café\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("symbols", () => {
  it.each([
    ["(prin1-to-string (intern \"a b\"))", "\"a\\\\ b\""],
    ["(prin1-to-string (intern \"1\"))", "\"\\\\1\""],
    ["(prin1-to-string (intern \"-1.5\"))", "\"\\\\-1\\\\.5\""],
    ["(prin1-to-string (intern \"+.5\"))", "\"\\\\+\\\\.5\""],
    ["(prin1-to-string (intern \"1.e5\"))", "\"\\\\1\\\\.e5\""],
    ["(prin1-to-string (intern \"5e+INF\"))", "\"\\\\5e+INF\""],
    ["(prin1-to-string (intern \"1.0eINF\"))", "\"1\\\\.0eINF\""],
    ["(prin1-to-string (intern \"1.5e\"))", "\"1\\\\.5e\""],
    ["(prin1-to-string (intern \".5\"))", "\"\\\\.5\""],
    ["(prin1-to-string (intern \"-\"))", "\"-\""],
    ["(prin1-to-string (intern \"1+\"))", "\"1+\""],
    ["(prin1-to-string (intern \"a?b\"))", "\"a\\\\?b\""],
    ["(prin1-to-string (intern \"a.b\"))", "\"a\\\\.b\""],
    ["(prin1-to-string (intern \"a,b\"))", "\"a\\\\,b\""],
    ["(prin1-to-string (intern \"(x)\"))", "\"\\\\(x\\\\)\""],
    ["(prin1-to-string (intern \"[x]\"))", "\"\\\\[x\\\\]\""],
    ["(prin1-to-string (intern \"a;b\"))", "\"a\\\\;b\""],
    ["(prin1-to-string (intern \"a'b`c\\\"d#e\\\\f\"))", "\"a\\\\'b\\\\`c\\\\\\\"d\\\\#e\\\\\\\\f\""],
    ["(prin1-to-string (intern (string ?a 160 ?b)))", "\"a\\\\ b\""],
    ["(prin1-to-string (intern (string ?a 9 ?b)))", "\"a\\\\\tb\""],
    ["(prin1-to-string (intern \"\"))", "\"##\""],
    ["(prin1-to-string (intern \"\") t)", "\"##\""],
    ["(prin1-to-string (make-symbol \"\"))", "\"##\""],
    ["(let ((print-gensym t)) (prin1-to-string (make-symbol \"\")))", "\"#:\""],
    ["(let ((print-gensym t)) (prin1-to-string (make-symbol \"g\")))", "\"#:g\""],
    ["(let ((print-gensym t)) (prin1-to-string (make-symbol \"g\") t))", "\"#:g\""],
    ["(let ((print-gensym t)) (prin1-to-string 'interned))", "\"interned\""],
    ["(prin1-to-string (make-symbol \"g\"))", "\"g\""],
    ["(prin1-to-string :key)", "\":key\""],
    ["(prin1-to-string (intern \"a:b\"))", "\"a:b\""],
    ["(prin1-to-string (intern \"日本\"))", "\"日本\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("lists", () => {
  it.each([
    ["(prin1-to-string '(quote x))", "\"'x\""],
    ["(prin1-to-string '(quote x y))", "\"(quote x y)\""],
    ["(prin1-to-string '(function f))", "\"#'f\""],
    ["(prin1-to-string '(\\` (a (\\, b) (\\,@ c))))", "\"`(a ,b ,@c)\""],
    ["(prin1-to-string '(\\, x))", "\"(\\\\, x)\""],
    ["(prin1-to-string '(\\,@ x))", "\"(\\\\,@ x)\""],
    ["(prin1-to-string '(a quote b))", "\"(a quote b)\""],
    ["(let ((print-quoted nil)) (prin1-to-string '('a #'b `(c ,d))))", "\"((quote a) (function b) (\\\\` (c (\\\\, d))))\""],
    ["(prin1-to-string '(a . b))", "\"(a . b)\""],
    ["(prin1-to-string '(a b . c))", "\"(a b . c)\""],
    ["(prin1-to-string [a (b . c) \"d\" [e]])", "\"[a (b . c) \\\"d\\\" [e]]\""],
    ["(prin1-to-string (record 'foo 1 \"two\"))", "\"#s(foo 1 \\\"two\\\")\""],
    ["(prin1-to-string (make-record 'foo 2 'x))", "\"#s(foo x x)\""],
    ["(prin1-to-string (bool-vector t nil t t nil nil nil nil t))", "\"#&9\\\"\r\u0001\\\"\""],
    ["(prin1-to-string (make-bool-vector 16 t))", "\"#&16\\\"\\\\377\\\\377\\\"\""],
    ["(prin1-to-string (make-bool-vector 0 nil))", "\"#&0\\\"\\\"\""],
    ["(let ((bv (make-bool-vector 16 nil))) (dolist (i '(1 3 5 10 11)) (aset bv i t)) (prin1-to-string bv))", "\"#&16\\\"*\f\\\"\""],
    ["(let ((bv (make-bool-vector 16 nil))) (dolist (i '(1 3 5 10 11)) (aset bv i t)) (let ((print-escape-newlines t)) (prin1-to-string bv)))", "\"#&16\\\"*\\\\f\\\"\""],
    ["(let ((bv (make-bool-vector 16 nil))) (dolist (i '(0 8 9 10)) (aset bv i t)) (let ((print-escape-control-characters t)) (prin1-to-string bv)))", "\"#&16\\\"\\\\1\\\\7\\\"\""],
    ["(prin1-to-string (symbol-function 'car))", "\"#<subr car>\""],
    ["(prin1-to-string (symbol-function 'if))", "\"#<subr if>\""],
    ["(prin1-to-string (let ((x 1)) (lambda (y) (+ x y))))", "\"(closure ((x . 1) t) (y) (+ x y))\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("printvars", () => {
  it.each([
    ["(let ((print-length 2)) (prin1-to-string '(1 2 3)))", "\"(1 2 ...)\""],
    ["(let ((print-length 2)) (prin1-to-string '(1 2)))", "\"(1 2)\""],
    ["(let ((print-length 0)) (prin1-to-string '(1 2)))", "\"(...)\""],
    ["(let ((print-length 0)) (prin1-to-string [1 2]))", "\"[ ...]\""],
    ["(let ((print-length 1)) (prin1-to-string (record 'r 1 2)))", "\"#s(r ...)\""],
    ["(let ((print-length 1)) (prin1-to-string (make-bool-vector 20 t)))", "\"#&20\\\"\\\\377 ...\\\"\""],
    ["(let ((print-length 2)) (prin1-to-string \"abcdef\"))", "\"\\\"abcdef\\\"\""],
    ["(let ((print-length -1)) (prin1-to-string '(1 2 3)))", "\"(1 2 3)\""],
    ["(let ((print-level 1)) (prin1-to-string '(1 (2) [3 (4)])))", "\"(1 ... [3 ...])\""],
    ["(let ((print-level 0)) (prin1-to-string '(1)))", "\"...\""],
    ["(let ((print-level 0)) (prin1-to-string [1 (2)]))", "\"[1 ...]\""],
    ["(let ((print-level 2)) (prin1-to-string ''(a (b (c)))))", "\"'(a ...)\""],
    ["(let ((print-level 1)) (prin1-to-string (record 'a (record 'b '(c)))))", "\"#s(a #s(b ...))\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("hash", () => {
  it.each([
    ["(prin1-to-string (make-hash-table))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data ())\""],
    ["(prin1-to-string (make-hash-table :test 'equal :size 3))", "\"#s(hash-table size 3 test equal rehash-size 1.5 rehash-threshold 0.8125 data ())\""],
    ["(prin1-to-string (make-hash-table :weakness t))", "\"#s(hash-table size 65 test eql weakness key-and-value rehash-size 1.5 rehash-threshold 0.8125 data ())\""],
    ["(prin1-to-string (make-hash-table :weakness 'value :test 'eq))", "\"#s(hash-table size 65 test eq weakness value rehash-size 1.5 rehash-threshold 0.8125 data ())\""],
    ["(let ((h (make-hash-table))) (puthash 'a 1 h) (puthash 'b '(2) h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (a 1 b (2)))\""],
    ["(let ((h (make-hash-table))) (puthash 'a 1 h) (puthash 'b 2 h) (remhash 'a h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (b 2))\""],
    ["(let ((h (make-hash-table))) (puthash 'a 1 h) (puthash 'b 2 h) (remhash 'a h) (puthash 'c 3 h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (c 3 b 2))\""],
    ["(let ((h (make-hash-table)) (print-length 1)) (puthash 'a 1 h) (puthash 'b 2 h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (a 1 ...))\""],
    ["(let ((h (make-hash-table)) (print-length 0)) (puthash 'a 1 h) (puthash 'b 2 h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (a 1 b 2))\""],
    ["(let ((h (make-hash-table :size 1))) (puthash 'a 1 h) (puthash 'b 2 h) (prin1-to-string h))", "\"#s(hash-table size 2 test eql rehash-size 1.5 rehash-threshold 0.8125 data (a 1 b 2))\""],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});

describe("circle", () => {
  it.each([
    ["(let ((x (list 1 2 3))) (setcdr (cddr x) x) (prin1-to-string x))", "\"(1 2 3 1 2 . #2)\""],
    ["(let ((x (list 1))) (setcdr x x) (prin1-to-string x))", "\"(1 . #0)\""],
    ["(let ((x (number-sequence 1 10))) (setcdr (last x) (nthcdr 3 x)) (prin1-to-string x))", "\"(1 2 3 4 5 6 7 8 9 10 4 5 6 . #6)\""],
    ["(let ((x (number-sequence 1 40))) (setcdr (last x) (nthcdr 5 x)) (prin1-to-string x))", "\"(1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 33 34 35 36 37 38 39 40 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 . #48)\""],
    ["(let ((x (list 1 2 3))) (setcar (cdr x) x) (prin1-to-string (list 'a x)))", "\"(a (1 #1 3))\""],
    ["(let ((v (vector 1 2))) (aset v 1 v) (prin1-to-string (list v)))", "\"([1 #1])\""],
    ["(let ((r (record 'foo 1))) (aset r 1 r) (prin1-to-string r))", "\"#s(foo #0)\""],
    ["(let ((h (make-hash-table))) (puthash 1 h h) (prin1-to-string h))", "\"#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (1 #0))\""],
    ["(let ((x (list 1 2))) (setcar x x) (setcdr (cdr x) x) (prin1-to-string x))", "\"(#0 2 #0 2 . #2)\""],
    ["(let ((x (list 1 2 3))) (setcdr (cddr x) x) (let ((print-length 4)) (prin1-to-string x)))", "\"(1 2 3 1 ...)\""],
    ["(let ((x (list 1 2)) (print-circle t)) (prin1-to-string (list x x)))", "\"(#1=(1 2) #1#)\""],
    ["(let ((x (list 1 2)) (print-circle t)) (prin1-to-string (list x (vector x) (record 'r x))))", "\"(#1=(1 2) [#1#] #s(r #1#))\""],
    ["(let* ((a (list 'a)) (b (list a a)) (print-circle t)) (prin1-to-string (list b b a)))", "\"(#2=(#1=(a) #1#) #2# #1#)\""],
    ["(let ((x (list 1 2 3)) (print-circle t)) (prin1-to-string (list (cdr x) x)))", "\"(#1=(2 3) (1 . #1#))\""],
    ["(let ((x (list 1 2 3)) (print-circle t)) (setcdr (cddr x) (cdr x)) (prin1-to-string x))", "\"(1 . #1=(2 3 . #1#))\""],
    ["(let ((x (list 'a)) (print-circle t)) (prin1-to-string (list x (list 'quote x))))", "\"(#1=(a) '#1#)\""],
    ["(let ((x (list 'a)) (print-circle t) (print-level 1)) (prin1-to-string (list x (list x))))", "\"(#1=... ...)\""],
    ["(let ((s \"str\") (print-circle t)) (prin1-to-string (list s s)))", "\"(\\\"str\\\" \\\"str\\\")\""],
    ["(let ((g (make-symbol \"g\")) (print-circle t) (print-gensym t)) (prin1-to-string (list g g)))", "\"(#1=#:g #1#)\""],
    ["(let ((g (make-symbol \"g\")) (print-circle t)) (prin1-to-string (list g g)))", "\"(g g)\""],
    ["(let ((h (make-hash-table)) (print-circle t)) (puthash 1 h h) (prin1-to-string (list h h)))", "\"(#1=#s(hash-table size 65 test eql rehash-size 1.5 rehash-threshold 0.8125 data (1 #1#)) #1#)\""],
    ["(let ((x (list 1 2)) (print-circle t)) (prin1-to-string (list x x) t))", "\"(#1=(1 2) #1#)\""],
    ["(let ((x nil)) (dotimes (i 199) (setq x (list x))) (length (prin1-to-string x)))", "401"],
    ["(let ((x nil)) (dotimes (i 200) (setq x (list x))) (condition-case e (prin1-to-string x) (error e)))", "(error \"Apparently circular structure being printed\")"],
    ["(let ((x nil)) (dotimes (i 300) (setq x (vector x))) (condition-case e (prin1-to-string x) (error e)))", "(error \"Apparently circular structure being printed\")"],
    ["(let ((x nil) (print-circle t)) (dotimes (i 1000) (setq x (list x))) (length (prin1-to-string x)))", "2003"],
  ])('%s gives %s, as in Emacs 28.2', (src, expected) => {
    expect(run(src)).toBe(expected);
  });
});
