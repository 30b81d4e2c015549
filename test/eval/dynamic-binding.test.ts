// The same special forms under dynamic binding (files without the
// lexical-binding cookie): every binding is a dynamic one.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

const dyn = (src: string): string => lisp(src, false);
const dynError = (src: string): string => lispError(src, false);

describe('special forms under dynamic binding', () => {
  it('let and let* bind dynamically, visible to called functions', () => {
    expect(dyn('(defun dyn-see () dv) (let ((dv 1)) (dyn-see))')).toBe('1');
    expect(dyn('(let* ((dv 1) (dw (1+ dv))) dw)')).toBe('2');
    expect(dyn('(let ((dv 1)) (let ((dv 2) (dw dv)) dw))')).toBe('1');
  });
  it('bindings are undone on normal exit, throw and error', () => {
    expect(dyn("(setq dg 'top) (list (let ((dg 1)) dg) dg)")).toBe('(1 top)');
    expect(dyn("(setq dg 'top) (catch 'x (let ((dg 1)) (throw 'x dg))) dg")).toBe('top');
    expect(dyn("(setq dg 'top) (condition-case nil (let ((dg 1)) (car 1)) (error dg))")).toBe('top');
  });
  it('function parameters are dynamic bindings', () => {
    expect(dyn('(defun dyn-inner () dp) (defun dyn-outer (dp) (dyn-inner)) (dyn-outer 42)')).toBe('42');
    expect(dyn('(defun dyn-opt (a &optional b &rest c) (list a b c)) (dyn-opt 1 2 3 4)')).toBe('(1 2 (3 4))');
  });
  it('lambda is a list, and funcall of a lambda list works', () => {
    expect(dyn("(funcall (lambda (x) (* x 2)) 21)")).toBe('42');
    expect(dyn("(funcall '(lambda (x) (+ x 1)) 1)")).toBe('2');
    expect(dyn("(symbol-function (progn (defun dyn-sf (x) x) 'dyn-sf))")).toBe('(lambda (x) x)');
  });
  it('condition-case binds its variable dynamically', () => {
    expect(dyn("(defun dyn-err () e) (condition-case e (car 1) (error (dyn-err)))")).toBe('(wrong-type-argument listp 1)');
  });
  it('setq sets the innermost dynamic binding', () => {
    expect(dyn('(setq ds 0) (let ((ds 1)) (setq ds 5) ds)')).toBe('5');
    expect(dyn('(setq ds 0) (let ((ds 1)) (setq ds 5)) ds')).toBe('0');
  });
  it('if, cond, and, or, while, progn, prog1 behave as in lexical code', () => {
    expect(dyn('(list (if nil 1 2) (cond ((= 1 2) 1) (3)) (and 1 2) (or nil 3) (prog1 1 2) (progn 1 2))')).toBe('(2 3 2 3 1 2)');
    expect(dyn('(let ((i 0) (s 0)) (while (< i 4) (setq s (+ s i) i (1+ i))) s)')).toBe('6');
  });
  it('unwind-protect runs its cleanup', () => {
    expect(dyn("(setq dlog nil) (catch 'x (unwind-protect (throw 'x 1) (setq dlog 'done))) dlog")).toBe('done');
  });
  it('errors carry the same data as in lexical code', () => {
    expect(dynError('(dyn-undefined 1)')).toBe('(void-function dyn-undefined)');
    expect(dynError('dyn-unbound-var')).toBe('(void-variable dyn-unbound-var)');
    expect(dynError('(funcall (lambda (x) x))')).toBe('(wrong-number-of-arguments (lambda (x) x) 0)');
  });
  it('eval with LEXICAL nil and t chooses the binding mode', () => {
    expect(lisp("(let ((f (eval '(let ((y 1)) (lambda () y)) t))) (funcall f))")).toBe('1');
    expect(lisp("(car (eval '(lambda (x) x) nil))")).toBe('lambda');
    expect(lisp("(eval 'ev-x '((ev-x . 5)))")).toBe('5');
  });
});

describe('let and let* of two special variables', () => {
  it('bind in parallel or in sequence, and restore both after a return, a throw or an error in the second init', () => {
    lisp('(progn (defvar two-a 1) (defvar two-b 2) (defun two-see () (list two-a two-b)))');
    expect(lisp('(list (let ((two-a 10) (two-b two-a)) (two-see)) (let* ((two-a 10) (two-b two-a)) (two-see)) (two-see))')).toBe('((10 1) (10 10) (1 2))');
    expect(lisp("(list (catch 'out (let* ((two-a 5) (two-b 6)) (throw 'out (two-see)))) (two-see))")).toBe('((5 6) (1 2))');
    expect(lisp("(list (condition-case e (let* ((two-a 5) (two-b (car two-a))) 'unreached) (error e)) (two-see))")).toBe(
      '((wrong-type-argument listp 5) (1 2))',
    );
    expect(lisp("(list (condition-case e (let ((two-a 5) (two-b (car 'x))) 'unreached) (error e)) (two-see))")).toBe('((wrong-type-argument listp x) (1 2))');
  });
});
