import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

describe('special forms', () => {
  it('quote returns its argument unevaluated', () => {
    expect(lisp("(quote (a b))")).toBe('(a b)');
    expect(lisp("'x")).toBe('x');
  });
  it('if evaluates then or the else body', () => {
    expect(lisp('(if t 1 2)')).toBe('1');
    expect(lisp('(if nil 1 2 3)')).toBe('3');
    expect(lisp('(if nil 1)')).toBe('nil');
  });
  it('cond returns the test value for a clause without body', () => {
    expect(lisp('(cond (nil 1) (5) (t 2))')).toBe('5');
    expect(lisp('(cond ((= 1 2) 1) (t 2 3))')).toBe('3');
    expect(lisp('(cond)')).toBe('nil');
  });
  it('and/or short-circuit and return the deciding value', () => {
    expect(lisp('(and 1 2 3)')).toBe('3');
    expect(lisp('(and 1 nil 3)')).toBe('nil');
    expect(lisp('(and)')).toBe('t');
    expect(lisp('(or nil 2 3)')).toBe('2');
    expect(lisp('(or)')).toBe('nil');
  });
  it('progn, prog1 and prog2 return the right value', () => {
    expect(lisp('(progn 1 2 3)')).toBe('3');
    expect(lisp('(prog1 1 2 3)')).toBe('1');
    expect(lisp('(prog2 1 2 3)')).toBe('2');
  });
  it('while loops until the test is nil', () => {
    expect(lisp('(let ((i 0) (s 0)) (while (< i 5) (setq s (+ s i) i (1+ i))) s)')).toBe('10');
  });
  it('setq with an odd number of arguments signals', () => {
    expect(lispError('(setq a)')).toBe('(wrong-number-of-arguments setq 1)');
  });
  it('setting a constant signals setting-constant', () => {
    expect(lispError('(setq t 1)')).toBe('(setting-constant t)');
    expect(lispError('(setq nil 1)')).toBe('(setting-constant nil)');
    expect(lispError('(let ((:k 1)) 1)')).toBe('(setting-constant :k)');
  });
  it('special forms with too few arguments signal with the form name', () => {
    expect(lispError('(if)')).toBe('(wrong-number-of-arguments if 0)');
    expect(lispError('(quote 1 2)')).toBe('(wrong-number-of-arguments quote 2)');
  });
});

describe('let and binding modes', () => {
  it('let binds in parallel, let* in sequence', () => {
    expect(lisp('(let ((x 1)) (let ((x 2) (y x)) y))')).toBe('1');
    expect(lisp('(let ((x 1)) (let* ((x 2) (y x)) y))')).toBe('2');
  });
  it('lexical closures capture bindings and see mutation', () => {
    expect(lisp('(let ((n 0)) (let ((inc (lambda () (setq n (1+ n))))) (funcall inc) (funcall inc) n))')).toBe('2');
  });
  it('each dolist iteration gets a fresh binding for closures', () => {
    expect(lisp('(let (fs) (dolist (x (list 1 2 3)) (push (lambda () x) fs)) (mapcar #\'funcall fs))')).toBe('(3 2 1)');
  });
  it('a let inside a loop gives each closure its own variable', () => {
    expect(
      lisp('(let ((i 0) fs) (while (< i 3) (let ((j i)) (push (lambda () j) fs)) (setq i (1+ i))) (mapcar #\'funcall fs))'),
    ).toBe('(2 1 0)');
  });
  it('closures nested two levels deep reach the outer variable', () => {
    expect(lisp('(let ((x 10)) (funcall (funcall (lambda () (lambda () x)))))')).toBe('10');
  });
  it('defvar makes a variable special so let binds it dynamically', () => {
    expect(lisp('(defvar my-special 1) (defun get-special () my-special) (let ((my-special 2)) (get-special))')).toBe('2');
    expect(lisp('(defvar my-special2 1) (let ((my-special2 2)) nil) my-special2')).toBe('1');
  });
  it('a bare (defvar x) makes x dynamic for the rest of the body only', () => {
    expect(lisp('(defun read-lv () (if (boundp (quote lv)) lv (quote unbound))) (let ((lv 1)) (read-lv))')).toBe('unbound');
    expect(lisp('(let () (defvar lv2) (let ((lv2 5)) (funcall (lambda () (symbol-value (quote lv2))))))')).toBe('5');
  });
  it('dynamic binding mode makes every let dynamic', () => {
    expect(lisp('(defun dyn-get () dynx) (let ((dynx 7)) (dyn-get))', false)).toBe('7');
  });
  it('lambda in dynamic mode evaluates to a lambda list', () => {
    expect(lisp('(lambda (x) x)', false)).toBe('(lambda (x) x)');
  });
  it('a lexical closure prints as a closure with its environment', () => {
    expect(lisp('(let ((y 1)) (lambda (x) (+ x y)))')).toBe('(closure ((y . 1) t) (x) (+ x y))');
    expect(lisp('(lambda (x) x)')).toBe('(closure (t) (x) x)');
  });
});

describe('functions', () => {
  it('defun with &optional and &rest', () => {
    expect(lisp('(defun f3 (a &optional b &rest c) (list a b c)) (list (f3 1) (f3 1 2) (f3 1 2 3 4))')).toBe(
      '((1 nil nil) (1 2 nil) (1 2 (3 4)))',
    );
  });
  it('wrong argument counts signal with Emacs data', () => {
    expect(lispError('(defun one (x) x) (one 1 2)')).toBe('(wrong-number-of-arguments ((t) (x) x) 2)');
    expect(lispError('(car 1 2)')).toBe('(wrong-number-of-arguments car 2)');
    expect(lispError('(funcall (lambda (x) x))')).toBe('(wrong-number-of-arguments ((t) (x) x) 0)');
  });
  it('calling an undefined function signals void-function before evaluating arguments', () => {
    expect(lispError('(undefined-fn (error "x"))')).toBe('(void-function undefined-fn)');
  });
  it('invalid function heads signal invalid-function', () => {
    expect(lispError('(funcall "s")')).toBe('(invalid-function "s")');
    expect(lispError('(1 2)')).toBe('(invalid-function 1)');
  });
  it('apply spreads its last argument', () => {
    expect(lisp("(apply #'+ 1 2 '(3 4))")).toBe('10');
    expect(lisp("(apply '(+ 1 2))")).toBe('3');
  });
  it('func-arity describes subrs, special forms and closures', () => {
    expect(lisp("(func-arity 'car)")).toBe('(1 . 1)');
    expect(lisp("(func-arity 'if)")).toBe('(2 . unevalled)');
    expect(lisp("(func-arity (lambda (a &optional b) a))")).toBe('(1 . 2)');
    expect(lisp("(func-arity (lambda (a &rest b) a))")).toBe('(1 . many)');
  });
  it('macros expand, and a macro defined after a function that uses it still works', () => {
    expect(lisp('(defmacro my-inc (v) (list (quote setq) v (list (quote 1+) v))) (let ((z 1)) (my-inc z) z)')).toBe('2');
    expect(lisp('(defun uses-late () (late-mac 3)) (defmacro late-mac (x) (list (quote *) x 2)) (uses-late)')).toBe('6');
  });
  it('macroexpand and macroexpand-1', () => {
    expect(lisp("(macroexpand '(when a b c))")).toBe('(if a (progn b c))');
    expect(lisp("(defmacro m1 (x) (list 'm2 x)) (defmacro m2 (x) x) (list (macroexpand-1 '(m1 5)) (macroexpand '(m1 5)))")).toBe('((m2 5) 5)');
  });
  it('backquote splices and nests', () => {
    expect(lisp("(let ((x 1) (l '(2 3))) `(a ,x ,@l b))")).toBe('(a 1 2 3 b)');
    expect(lisp("(let ((x 1)) `(a . ,x))")).toBe('(a . 1)');
    expect(lisp("(let ((x 1)) `[a ,x])")).toBe('[a 1]');
    expect(lisp("`(a `(b ,(c ,(+ 1 2))))")).toBe('(a `(b ,(c 3)))');
  });
});

describe('non-local exits', () => {
  it('catch and throw', () => {
    expect(lisp("(catch 'done (dotimes (i 10) (when (= i 3) (throw 'done i))))")).toBe('3');
  });
  it('throw without a catch signals no-catch', () => {
    expect(lispError("(throw 'foo 1)")).toBe('(no-catch foo 1)');
  });
  it('unwind-protect runs cleanup on throw and on error', () => {
    expect(lisp("(let ((log nil)) (catch 'x (unwind-protect (throw 'x 1) (push 'clean log))) log)")).toBe('(clean)');
    expect(lisp("(let ((log nil)) (condition-case nil (unwind-protect (car 1) (push 'clean log)) (error log)))")).toBe('(clean)');
  });
  it('condition-case matches by condition hierarchy', () => {
    expect(lisp("(condition-case e (car 1) (wrong-type-argument (list 'caught e)))")).toBe('(caught (wrong-type-argument listp 1))');
    expect(lisp("(condition-case e (car 1) (error 'generic))")).toBe('generic');
    expect(lisp("(condition-case e (signal 'quit nil) (error 'no) (quit 'yes))")).toBe('yes');
    expect(lisp("(condition-case nil (signal 'quit nil) (t 'all))")).toBe('all');
  });
  it('condition-case :success runs with the value bound', () => {
    expect(lisp("(condition-case v (+ 1 2) (error 'bad) (:success (* v 10)))")).toBe('30');
  });
  it('dynamic bindings are restored after a throw', () => {
    expect(lisp("(defvar dyn-r 1) (catch 'x (let ((dyn-r 2)) (throw 'x nil))) dyn-r")).toBe('1');
  });
  it('deep recursion signals max-lisp-eval-depth and the interpreter stays healthy', () => {
    expect(lisp('(defun rec (n) (if (= n 0) 0 (1+ (rec (1- n))))) (rec 300)')).toBe('300');
    expect(lispError('(rec 100000)')).toBe('(error "Lisp nesting exceeds ‘max-lisp-eval-depth’")');
    expect(lisp('(rec 10)')).toBe('10');
  });
});

describe('equal on deep and circular structure', () => {
  it('signals like Emacs instead of overflowing or looping', () => {
    expect(lispError('(let ((l nil) (m nil)) (dotimes (_ 300) (setq l (list l) m (list m))) (equal l m))')).toBe(
      '(error "Stack overflow in equal")',
    );
    expect(lisp("(let ((a (list 1)) (b (list 1))) (setcdr a a) (setcdr b b) (car (condition-case e (equal a b) (circular-list e))))")).toBe('circular-list');
    expect(lisp('(let ((l nil) (m nil)) (dotimes (i 100000) (push i l) (push i m)) (equal l m))')).toBe('t');
  });
});

describe('with-temp-file', () => {
  it('writes the buffer it made to the file and returns the body value', () => {
    const file = `${process.env.TMPDIR ?? '/tmp'}/elisp-wtf-${process.pid}.txt`;
    expect(lisp(`(list (with-temp-file "${file}" (insert "hello") 42)
                       (with-temp-buffer (insert-file-contents "${file}") (buffer-string))
                       (progn (delete-file "${file}") (file-exists-p "${file}")))`)).toBe('(42 "hello" nil)');
  });
});

describe('named-let', () => {
  it('loops in constant stack for calls in tail position, as Emacs optimises them', () => {
    expect(lisp('(named-let loop ((i 0)) (if (< i 100000) (loop (1+ i)) i))')).toBe('100000');
    expect(lisp("(named-let c ((l '(1 2 3)) (acc nil)) (cond ((null l) acc) (t (c (cdr l) (cons (car l) acc)))))")).toBe('(3 2 1)');
  });
  it('recurses for calls not in tail position, and gives each iteration fresh bindings', () => {
    expect(lisp('(named-let f ((n 5)) (if (= n 0) 1 (* n (f (1- n)))))')).toBe('120');
    expect(lisp("(let (fs) (named-let lp ((i 0)) (when (< i 3) (push (lambda () i) fs) (lp (1+ i)))) (mapcar #'funcall fs))")).toBe('(2 1 0)');
  });
});
