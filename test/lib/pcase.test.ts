import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

describe('pcase', () => {
  it('matches backquote patterns against lists, dotted tails and vectors', () => {
    expect(lisp("(pcase '(1 2 3) (`(,a . ,rest) (list a rest)))")).toBe('(1 (2 3))');
    expect(lisp("(pcase [1 2 3] (`[,a ,b] 'two) (`[,a ,b ,c] (list c b a)))")).toBe('(3 2 1)');
    expect(lisp("(pcase '(1 (2 3)) (`(,a (,b ,c)) (list c b a)))")).toBe('(3 2 1)');
    expect(lisp("(pcase '(a nil) (`(a nil) 'ok))")).toBe('ok');
  });

  it('combines pred, guard, and, or and app', () => {
    expect(lisp('(pcase 5 ((and x (pred (< 3)) (guard (= 1 (% x 2)))) (* x 2)))')).toBe('10');
    expect(lisp('(pcase "x" ((pred (not stringp)) \'no) (_ \'yes))')).toBe('yes');
    expect(lisp("(pcase 4 ((pred (lambda (n) (> n 3))) 'big))")).toBe('big');
    expect(lisp("(pcase 2 ((or 1 2 3) 'small) (_ 'big))")).toBe('small');
    expect(lisp("(pcase '(1 . 2) ((app car 1) 'car-is-1))")).toBe('car-is-1');
    expect(lisp("(pcase 3 ((cl-type integer) 'int))")).toBe('int');
  });

  it('binds variables a branch of or leaves out to nil', () => {
    expect(lisp("(pcase '(2 x) ((or `(1 ,y) `(2 ,z)) (list y z)))")).toBe('(nil x)');
  });

  it('compares quoted values with equal and literals by type', () => {
    expect(lisp("(pcase 1.0 (1 'int) ('1.0 'float))")).toBe('float');
    expect(lisp("(pcase '(a b) ('(a b) 'exact))")).toBe('exact');
    expect(lisp('(pcase "abc" ("xyz" 1) ("abc" 2))')).toBe('2');
    expect(lisp('(pcase :k (:j 1))')).toBe('nil');
  });

  it('evaluates the scrutinee once and binds lexically for closures', () => {
    expect(lisp("(let ((n 0)) (pcase (setq n (1+ n)) (2 'two) (1 'one)) n)")).toBe('1');
    expect(lisp("(mapcar #'funcall (pcase '(1 2) (`(,a ,b) (list (lambda () a) (lambda () b)))))")).toBe('(1 2)');
  });

  it('pcase-exhaustive signals when no clause matches', () => {
    expect(lispError("(pcase-exhaustive '(x) (`(y) 1))")).toBe('(error "No clause matching ‘(x)’")');
  });
});

describe('pcase-let and friends', () => {
  it('pcase-let evaluates every value before binding, pcase-let* in sequence', () => {
    expect(lisp("(let ((a 1)) (pcase-let ((`(,a) '(10)) (b a)) (list a b)))")).toBe('(10 1)');
    expect(lisp("(pcase-let* ((`(,a) '(10)) (b a)) (list a b))")).toBe('(10 10)');
    expect(lisp("(pcase-let ((`(,a ,b ,c) '(1 2))) (list a b c))")).toBe('(1 2 nil)');
  });

  it('pcase-setq returns the value assigned last', () => {
    expect(lisp("(let (a b c) (pcase-setq a 1 `(,b ,c) '(2 3)))")).toBe('3');
    expect(lisp("(let (a b) (pcase-setq `(,a . ,b) '(1 2)))")).toBe('(2)');
  });

  it('pcase-dolist and pcase-lambda destructure their arguments', () => {
    expect(lisp("(let (acc) (pcase-dolist (`(,k . ,v) '((a . 1) (b . 2))) (push (list v k) acc)) acc)")).toBe('((2 b) (1 a))');
    expect(lisp("(funcall (pcase-lambda (x `(,y . ,z)) (list x y z)) 1 '(2 . 3))")).toBe('(1 2 3)');
  });
});

describe('cl-case and cl-typecase', () => {
  it('cl-case compares keys with eql and accepts key lists and otherwise', () => {
    expect(lisp("(cl-case 'b (a 1) ((b c) 2) (otherwise 3))")).toBe('2');
    expect(lisp("(cl-case 'z (a 1) ((b c) 2))")).toBe('nil');
    expect(lisp("(cl-case 1.0 (1.0 'f) (t 'no))")).toBe('f');
    expect(lisp("(mapcar (lambda (c) (cl-case c (?a 'vowel) ((?b ?c) 'consonant) (t 'unknown))) \"abz\")")).toBe('(vowel consonant unknown)');
  });

  it('cl-ecase and cl-etypecase name every key in their error', () => {
    expect(lispError("(cl-ecase 'z (a 1) ((b c) 2))")).toBe('(error "cl-ecase failed: z, (a c b)")');
    expect(lispError("(cl-etypecase 'x (integer 1) (string 2))")).toBe('(error "cl-etypecase failed: x, (integer string)")');
  });

  it('cl-typecase understands basic and compound type specifiers', () => {
    expect(lisp("(cl-typecase 1.5 (integer 'i) (float 'f))")).toBe('f');
    expect(lisp("(cl-typecase nil (null 'null) (list 'list))")).toBe('null');
    expect(lisp("(cl-typecase 5 ((integer 0 3) 'small) ((integer 4 *) 'big))")).toBe('big');
    expect(lisp("(list (cl-typep 3 '(or string integer)) (cl-typep 3 '(member 1 2 3)))")).toBe('(t t)');
  });
});

describe('cl-coerce', () => {
  it('converts between sequence types, to characters and to floats', () => {
    expect(lisp("(list (cl-coerce [1 2] 'list) (cl-coerce '(97 98) 'string) (cl-coerce '(1 2) 'vector) (cl-coerce \"ab\" 'array) (cl-coerce \"ab\" 'vector))")).toBe('((1 2) "ab" [1 2] "ab" [97 98])');
    expect(lisp("(list (cl-coerce 3 'float) (cl-coerce \"a\" 'character))")).toBe('(3.0 97)');
  });

  it('signals when the value cannot be coerced', () => {
    expect(lispError("(cl-coerce \"ab\" 'character)")).toBe('(error "Can’t coerce ab to type character")');
    expect(lispError("(cl-coerce 3 'list)")).toBe('(wrong-type-argument sequencep 3)');
  });
});

describe('let-alist and seq-let', () => {
  it('let-alist binds dotted symbols, including nested paths', () => {
    expect(lisp("(let-alist '((a . 1) (b . ((c . 2)))) (list .a .b.c .d))")).toBe('(1 2 nil)');
    expect(lisp("(let-alist '((x . ((y . 5)))) (let-alist .x .y))")).toBe('5');
  });

  it('seq-let destructures lists, vectors and strings', () => {
    expect(lisp("(seq-let (a b) '(1 2 3) (list a b))")).toBe('(1 2)');
    expect(lisp("(seq-let (a b c) [1 2] (list a b c))")).toBe('(1 2 nil)');
    expect(lisp('(seq-let (a &rest r) "abc" (list a r))')).toBe('(97 "bc")');
    expect(lisp("(seq-let (a (b c)) '(1 [2 3]) (list a b c))")).toBe('(1 2 3)');
  });
});
