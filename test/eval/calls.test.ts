// Call sites: inline builtins keep their meaning, non-local exits restore the
// evaluator's state, and signals carry the frames they passed through.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';
import { evalString } from '../../src/eval/index.js';
import { callState } from '../../src/eval/state.js';
import { LispSignal, LispSymbol } from '../../src/lisp/index.js';
import { printToString } from '../../src/reader/printer.js';

/** The frames of the error src signals, as `fn(args)` strings, innermost first. */
function framesOf(src: string): string[] {
  try {
    evalString(src, true);
  } catch (e) {
    if (!(e instanceof LispSignal)) throw e;
    return e.frames.map((f) => {
      const fn = f.fn instanceof LispSymbol ? f.fn.name : printToString(f.fn, true);
      return `${fn}(${(f.args ?? []).map((a) => printToString(a, true)).join(' ')})`;
    });
  }
  throw new Error('no error');
}

describe('inline builtins', () => {
  it('compute as the builtins do, off the fast path too', () => {
    expect(lisp('(list (+ 1 2) (- 1 2) (* 0 -5) (% -4 2) (% 7 -2) (1+ 1) (1- 0))')).toBe('(3 -1 0 0 1 2 -1)');
    expect(lisp('(list (+ 1 2.5) (* 2 0.5) (< 1 1.5) (= 1 1.0) (>= 2 2) (<= 3 2) (> 3 2))')).toBe('(3.5 1.0 t t t nil t)');
    expect(lisp('(list (+ most-positive-fixnum 1) (* 4294967296 4294967296) (1+ 9007199254740991))')).toBe(
      '(2305843009213693952 18446744073709551616 9007199254740992)',
    );
    expect(lisp("(list (car '(1 2)) (cdr '(1 2)) (car nil) (cdr nil) (car-safe 1) (cdr-safe '(1)) (null nil) (not 1) (consp '(1)) (eq 'a 'a) (cons 1 2))")).toBe(
      '(1 (2) nil nil nil nil t nil t t (1 . 2))',
    );
    expect(lisp('(let ((v (vector 1 2 3))) (aset v 1 5) (list (aref v 1) (aref "abc" 1) v))')).toBe('(5 98 [1 5 3])');
  });
  it('funcall calls closures, builtins, symbols and lambda lists, checking arity', () => {
    expect(lisp("(let ((f (lambda (a b) (list a b)))) (list (funcall f 1 2) (funcall #'+ 1 2) (funcall 'list 3) (funcall '(lambda () 4)) (funcall (lambda (&optional x) x))))")).toBe(
      '((1 2) 3 (3) 4 nil)',
    );
    expect(lispError('(funcall (lambda (a) a))')).toBe('(wrong-number-of-arguments ((t) (a) a) 0)');
    expect(lispError('(funcall 1 2)')).toBe('(invalid-function 1)');
    expect(framesOf('(progn (defun fc (f) (funcall f 1)) (fc (lambda (x) (car x))))')).toEqual(['car(1)', 'funcall((closure (t) (x) (car x)) 1)', 'fc((closure (t) (x) (car x)))']);
  });
  it('nth and the c[ad][ad]r builtins walk lists and signal on non-lists', () => {
    expect(lisp("(list (nth 0 '(a b)) (nth 1 '(a b)) (nth 5 '(a b)) (nth -1 '(a b)) (cadr '(1 2)) (cddr '(1 2 3)) (caar '((1) 2)) (cadr nil) (cadr '(1)))")).toBe(
      '(a b nil a 2 (3) 1 nil nil)',
    );
    expect(lispError("(nth 2 '(1 . 2))")).toBe('(wrong-type-argument listp (1 . 2))');
    expect(lispError("(cadr '(1 . 2))")).toBe('(wrong-type-argument listp 2)');
    expect(lispError("(nth 'a '(1))")).toBe('(wrong-type-argument integerp a)');
  });
  it('integer division, modulo, bit operations, shifts, max and min agree with Emacs (recorded from Emacs 28.2)', () => {
    lisp('(defun ops-of (a b) (list (/ a b) (mod a b) (% a b) (logand a b) (logior a b) (logxor a b) (ash a b) (max a b) (min a b) (abs a) (* a b) (+ a b) (- a b)))');
    const cases: [string, string, string][] = [
      ['7', '2', '(3 1 1 2 7 5 28 7 2 7 14 9 5)'],
      ['-7', '2', '(-3 1 -1 0 -5 -5 -28 2 -7 7 -14 -5 -9)'],
      ['7', '-2', '(-3 -1 1 6 -1 -7 1 7 -2 7 -14 5 9)'],
      ['-7', '-2', '(3 -1 -1 -8 -1 7 -2 -2 -7 7 14 -9 -5)'],
      ['0', '5', '(0 0 0 0 5 5 0 5 0 0 0 5 -5)'],
      ['0', '-5', '(0 0 0 0 -5 -5 0 0 -5 0 0 -5 5)'],
      ['-1', '3', '(0 2 -1 3 -1 -4 -8 3 -1 1 -3 2 -4)'],
      ['1', '-3', '(0 -2 1 1 -3 -4 0 1 -3 1 -3 -2 4)'],
      ['5', '0', '(arith-error)'],
      ['12345678901', '3', '(4115226300 1 1 1 12345678903 12345678902 98765431208 12345678901 3 12345678901 37037036703 12345678904 12345678898)'],
      ['-12345678901', '-7', '(1763668414 -3 -3 -12345678903 -5 12345678898 -96450617 -7 -12345678901 12345678901 86419752307 -12345678908 -12345678894)'],
      ['3', '40', '(0 3 3 0 43 43 3298534883328 40 3 3 120 43 -37)'],
      ['-3', '-1', '(3 0 0 -3 -1 2 -2 -1 -3 3 3 -4 -2)'],
      ['-5', '-1', '(5 0 0 -5 -1 4 -3 -1 -5 5 5 -6 -4)'],
      ['-1', '-60', '(0 -1 -1 -60 -1 59 -1 -1 -60 1 60 -61 59)'],
      ['1', '60', '(0 1 1 0 61 61 1152921504606846976 60 1 1 60 61 -59)'],
      ['2147483647', '2', '(1073741823 1 1 2 2147483647 2147483645 8589934588 2147483647 2 2147483647 4294967294 2147483649 2147483645)'],
      ['-2147483648', '3', '(-715827882 1 -2 0 -2147483645 -2147483645 -17179869184 3 -2147483648 2147483648 -6442450944 -2147483645 -2147483651)'],
      ['4294967296', '4294967296', '(overflow-error)'],
      ['7', '2.0', '(wrong-type-argument integer-or-marker-p 2.0)'],
      ['2.5', '2', '(wrong-type-argument integer-or-marker-p 2.5)'],
    ];
    for (const [a, b, expected] of cases) expect(lisp(`(condition-case e (ops-of ${a} ${b}) (error e))`)).toBe(expected);
    expect(lisp("(list (length nil) (length '(1 2 3)) (length [1 2]) (length \"abc\") (memq 'c '(a b c d)) (memq 'z '(a b)) (memq 'a '(a . b)))")).toBe(
      '(0 3 2 3 (c d) nil (a . b))',
    );
    expect(lispError("(length '(1 . 2))")).toBe('(wrong-type-argument listp 2)');
    expect(lispError("(memq 'z '(a . b))")).toBe('(wrong-type-argument listp (a . b))');
  });
  it('if with a comparison test decides as the builtin does, and follows its redefinition', () => {
    expect(lisp("(let ((x 1) (m (make-marker))) (list (if (< x 2) 'a 'b) (if (= 1 1.0) 'a 'b) (if (eq x 1) 'a 'b) (if (null x) 'a 'b) (if (>= 2.5 x) 'a 'b)))")).toBe('(a a a b a)');
    expect(lispError("(if (< 1 'x) 1 2)")).toBe('(wrong-type-argument number-or-marker-p x)');
    expect(
      lisp(`(progn
        (defun cmp-if (a b) (if (< a b) 'less 'not-less))
        (let ((before (cmp-if 1 2)) (orig (symbol-function '<)))
          (fset '< (lambda (_a _b) nil))
          (prog1 (list before (cmp-if 1 2)) (fset '< orig))))`),
    ).toBe('(less not-less)');
  });
  it('while with a comparison test loops as the builtin decides, rechecking the cell each time', () => {
    expect(lisp('(let ((i 0) (n 0)) (while (< i 10) (setq i (1+ i) n (+ n i))) (list i n))')).toBe('(10 55)');
    expect(lisp('(let ((i 0.5)) (while (<= i 3) (setq i (1+ i))) i)')).toBe('3.5');
    expect(lispError("(let ((i 0)) (while (> 'a i) (setq i 1)))")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(
      lisp(`(let ((i 0) (orig (symbol-function '<)))
        (unwind-protect
            (while (< i 100)
              (setq i (1+ i))
              (when (= i 3) (fset '< (lambda (_a _b) nil))))
          (fset '< orig))
        i)`),
    ).toBe('3');
  });
  it('signal as the builtins do', () => {
    expect(lispError('(car 1)')).toBe('(wrong-type-argument listp 1)');
    expect(lispError("(+ 1 'a)")).toBe('(wrong-type-argument number-or-marker-p a)');
    expect(lispError('(% 1 0)')).toBe('(arith-error)');
    expect(lispError('(aref [1 2] 2)')).toBe('(args-out-of-range [1 2] 2)');
    expect(lispError('(aset [1 2] -1 0)')).toBe('(args-out-of-range [1 2] -1)');
  });
  it('follow a redefinition of the builtin at an already compiled call site', () => {
    expect(
      lisp(`(progn
        (defun my-add (a b) (+ a b))
        (let ((before (my-add 1 2)) (orig (symbol-function '+)))
          (fset '+ (lambda (a b) (list 'plus a b)))
          (prog1 (list before (my-add 1 2))
            (fset '+ orig))))`),
    ).toBe('(3 (plus 1 2))');
    expect(
      lisp("(progn (defun my-car (x) (car x)) (my-car '(1)) (let ((orig (symbol-function 'car))) (fset 'car #'cdr) (prog1 (my-car '(1 2)) (fset 'car orig))))"),
    ).toBe('(2)');
  });
});

describe('non-local exits', () => {
  it('leave the call depth as it was', () => {
    const depth = callState.depth;
    lisp('(progn (defun deep-err (n) (if (= n 0) (error "bottom") (deep-err (1- n)))) (condition-case nil (deep-err 50) (error nil)))');
    lisp("(progn (defun deep-throw (n) (if (= n 0) (throw 'out 1) (deep-throw (1- n)))) (catch 'out (deep-throw 50)))");
    lisp('(progn (defun deep-up (n) (unwind-protect (if (= n 0) (car 1) (deep-up (1- n))) nil)) (ignore-errors (deep-up 50)))');
    expect(lispError('(deep-err 10)')).toBe('(error "bottom")');
    expect(callState.depth).toBe(depth);
  });
  it('still allow the full depth after an overflow was caught', () => {
    expect(
      lisp(`(progn
        (defun rec (n) (if (= n 0) 0 (1+ (rec (1- n)))))
        (list (condition-case nil (rec 100000) (error 'overflow))
              (rec 700)
              (condition-case nil (rec 100000) (error 'overflow))
              (rec 700)))`),
    ).toBe('(overflow 700 overflow 700)');
  });
  it('run unwind-protect cleanups at the depth of the unwind-protect', () => {
    expect(
      lisp(`(let ((max-lisp-eval-depth 100) (seen nil))
        (defun down (n) (if (= n 0) (throw 'done nil) (down (1- n))))
        (defun cleanup-rec (n) (if (= n 0) 'ok (cleanup-rec (1- n))))
        (catch 'done (unwind-protect (down 90) (setq seen (cleanup-rec 90))))
        seen)`),
    ).toBe('ok');
  });
});

describe('backtrace frames', () => {
  it('list the calls a signal passed through, innermost first', () => {
    expect(framesOf("(progn (defun f1 (x) (car x)) (defun f2 (x) (f1 x)) (f2 'z))")).toEqual(['car(z)', 'f1(z)', 'f2(z)']);
  });
  it('start with the signal, error or throw call that raised the error', () => {
    expect(framesOf('(progn (defun g1 (n) (error "n=%d" n)) (g1 3))')).toEqual(['error("n=%d" 3)', 'g1(3)']);
    expect(framesOf("(progn (defun g2 () (signal 'arith-error nil)) (g2))")).toEqual(['signal(arith-error nil)', 'g2()']);
    expect(framesOf("(progn (defun g3 () (throw 'nowhere 1)) (g3))")).toEqual(['throw(nowhere 1)', 'g3()']);
  });
  it('do not take the frame of a throw that was caught', () => {
    expect(framesOf("(progn (defun h1 () (catch 'x (throw 'x 1)) (car 'q)) (h1))")).toEqual(['car(q)', 'h1()']);
    expect(framesOf("(progn (defun h2 () (catch 'x (unwind-protect (throw 'x 1) (car 'w)))) (h2))")).toEqual(['car(w)', 'h2()']);
    expect(framesOf("(progn (defun h3 () (catch 'x (throw 'x 1)) (let ((v (symbol-value 'no-such-var-here))) v)) (h3))")).toEqual([
      'symbol-value(no-such-var-here)',
      'h3()',
    ]);
  });
});

describe('calls through an alias (a function cell holding a symbol, as `not` holds `null`)', () => {
  it('reach the target, and follow a redefinition of the target or of the alias', () => {
    expect(
      lisp(`(progn
        (defalias 'alias-test-car #'car)
        (defun alias-test-call (l) (alias-test-car l))
        (let ((before (alias-test-call '(1 2))))
          (defalias 'alias-test-car #'cdr)
          (list before (alias-test-call '(1 2)) (not nil) (not 5))))`),
    ).toBe('(1 (2) t nil)');
  });
  it('see a new definition of the target behind an unchanged alias, follow longer chains, and signal as the target does', () => {
    expect(
      lisp(`(progn
        (defalias 'alias-test-t (lambda (x) (+ x 1)))
        (defalias 'alias-test-u 'alias-test-t)
        (defun alias-test-via (x) (alias-test-u x))
        (let ((first (alias-test-via 1)))
          (defalias 'alias-test-t (lambda (x) (- x 1)))
          (list first (alias-test-via 1))))`),
    ).toBe('(2 0)');
    expect(
      lisp(`(progn
        (defalias 'alias-test-a 'alias-test-b)
        (defalias 'alias-test-b #'1+)
        (defun alias-test-chain (x) (alias-test-a x))
        (let ((first (alias-test-chain 1)))
          (defalias 'alias-test-b #'1-)
          (list first (alias-test-chain 1))))`),
    ).toBe('(2 0)');
    expect(lispError(`(progn (defalias 'alias-test-c #'car) (defun alias-test-err (x) (alias-test-c x)) (alias-test-err 5))`)).toBe(
      '(wrong-type-argument listp 5)',
    );
  });
});

describe('if with a (not X) test', () => {
  it('tests as null does, and follows a redefinition of not', () => {
    expect(
      lisp(`(progn
        (defun not-test-if (x) (if (not x) 'yes 'no))
        (let ((before (list (not-test-if nil) (not-test-if 1))))
          (defalias 'not (lambda (x) x))
          (let ((redefined (list (not-test-if nil) (not-test-if 1))))
            (defalias 'not 'null)
            (list before redefined (not-test-if nil)))))`),
    ).toBe('((yes no) (no yes) yes)');
  });
});

describe('arithmetic with three or more arguments', () => {
  it('computes as the builtins do, off the fast path too (floats, bignums, inexact intermediates)', () => {
    expect(lisp('(list (+ 1 2 3 4) (- 10 1 2 3) (* 3 -0 5) (max 1 5 3) (min 4 2 8) (logand 255 15 7) (logior 1 2 4 8) (logxor 1 3 7))')).toBe(
      '(10 4 0 5 2 7 15 5)',
    );
    expect(lisp('(list (+ 1 2 3.5) (max 1 2.0 3) (min 3 1.0 2) (* 2 3 0.5) (- 1 2 0.5))')).toBe('(6.5 3 1.0 3.0 -1.5)');
    expect(lisp('(list (+ 9007199254740991 1 -1) (* 4096 4096 4096 4096 4096) (logand (ash 1 40) (ash 1 40) -1) (+ most-positive-fixnum 1 1))')).toBe(
      '(9007199254740991 1152921504606846976 1099511627776 2305843009213693953)',
    );
  });
  it('evaluates each argument once, in order, also when one is not a number', () => {
    expect(lisp("(let ((log nil)) (list (condition-case e (+ (progn (push 1 log) 1) (progn (push 2 log) 'x) (progn (push 3 log) 3)) (error e)) log))")).toBe(
      '((wrong-type-argument number-or-marker-p x) (3 2 1))',
    );
  });
  it('keeps the original arguments in the backtrace frame, recursion through the same form included', () => {
    expect(framesOf("(progn (defun fold-f (x) (+ 1 x 3 4)) (fold-f 'sym))")).toEqual(['+(1 sym 3 4)', "fold-f(sym)"]);
    expect(framesOf("(progn (defun fold-r (n) (max n (if (= n 0) 'z (fold-r (1- n))) 7)) (fold-r 2))")).toEqual([
      'max(0 z 7)',
      'fold-r(0)',
      'fold-r(1)',
      'fold-r(2)',
    ]);
  });
  it('follows a redefinition of the builtin', () => {
    expect(
      lisp(`(progn
        (defun fold-add3 (a b c) (+ a b c))
        (let ((before (fold-add3 1 2 3)) (orig (symbol-function '+)))
          (fset '+ (lambda (&rest xs) (cons 'plus xs)))
          (prog1 (list before (fold-add3 1 2 3)) (fset '+ orig))))`),
    ).toBe('(6 (plus 1 2 3))');
  });
});

describe('cond dispatching on eq/eql with constants', () => {
  it('picks the first matching clause, returns t for a clause without body, and falls through to later clauses', () => {
    lisp("(defun cond-d (x) (cond ((eq x 'a) 1) ((eq 'b x) 2) ((eq x 3)) ((eq x 'a) 'second-a) ((null x) 'nil-case) ((eq x 'e) 5) (t 'other)))");
    expect(lisp("(mapcar #'cond-d '(a b 3 nil e z 3.0))")).toBe('(1 2 t nil-case 5 other other)');
    lisp("(defun cond-l (x) (cond ((eql x 'a) 1) ((eql x 2) 2) ((eql x 'c) 3) ((eql x 1.5) 'f) (t 'o)))");
    expect(lisp("(mapcar #'cond-l (list 1.5 'a 2 'c 2.0 (/ 3.0 2)))")).toBe('(f 1 2 3 o f)');
  });
  it('follows a redefinition of eq', () => {
    expect(
      lisp(`(progn
        (defun cond-e (x) (cond ((eq x 'a) 1) ((eq x 'b) 2) ((eq x 'c) 3) (t 0)))
        (let ((before (cond-e 'b)) (orig (symbol-function 'eq)))
          (fset 'eq (lambda (_a _b) t))
          (prog1 (list before (cond-e 'b)) (fset 'eq orig))))`),
    ).toBe('(2 1)');
  });
});

describe('functions with captured parameters', () => {
  it('give each call its own boxes', () => {
    expect(
      lisp(`(progn
        (defun cap-1 (a) (lambda () (setq a (1+ a))))
        (defun cap-2 (a b) (list (lambda () (setq a (+ a b))) (lambda () a)))
        (defun cap-3 (a b c) (lambda () (list a b c)))
        (let ((c1 (cap-1 0)) (c2 (cap-1 10)) (p (cap-2 1 5)))
          (funcall c1) (funcall c1) (funcall c2) (funcall (car p))
          (list (funcall c1) (funcall c2) (funcall (cadr p)) (funcall (cap-3 1 2 3)) (funcall (apply #'cap-3 '(4 5 6))))))`),
    ).toBe('(3 12 6 (1 2 3) (4 5 6))');
    expect(lispError('(progn (defun cap-n (a b) (lambda () (+ a b))) (cap-n 1))')).toMatch(/^\(wrong-number-of-arguments/);
  });
});

describe('inline hash-table access', () => {
  it('gets, puts and removes as the builtins do, and signals for a non-table', () => {
    expect(
      lisp(`(let ((h (make-hash-table :test 'equal :size 2 :rehash-size 3)) (e (make-hash-table :test 'eql)))
        (puthash "a" 1 h) (puthash "b" 2 h) (puthash "c" 3 h) (puthash "a" 4 h) (remhash "b" h)
        (puthash 1.0 'f e) (puthash 1 'i e)
        (list (gethash "a" h) (gethash "b" h) (gethash "b" h 'none) (gethash "c" h 0) (hash-table-count h) (hash-table-size h)
              (gethash 1.0 e) (gethash (/ 2.0 2) e) (gethash 1 e) (gethash 2 e 'no)))`),
    ).toBe('(4 nil none 3 2 5 f f i no)');
    expect(framesOf("(progn (defun hget (x) (gethash 'k x)) (hget 'nota))")).toEqual(['gethash(k nota)', 'hget(nota)']);
    expect(lispError("(puthash 1 2 'nota)")).toBe('(wrong-type-argument hash-table-p nota)');
    expect(lispError("(remhash 1 [1])")).toBe('(wrong-type-argument hash-table-p [1])');
  });
});

describe('builtins calling functions given as symbols (mapcar, maphash, sort...)', () => {
  it('call the symbol function, builtin or interpreted, and follow its redefinition', () => {
    expect(
      lisp(`(progn
        (defun sym-call-f (x) (* x 10))
        (let ((before (list (mapcar #'1+ '(1 2)) (mapcar #'car '((a) (b))) (mapcar 'sym-call-f '(1 2)) (sort (list 3 1 2) #'<))))
          (defalias 'sym-call-f #'1-)
          (list before (mapcar 'sym-call-f '(1 2)))))`),
    ).toBe('(((2 3) (a b) (10 20) (1 2 3)) (0 1))');
    expect(lispError("(mapcar #'car '(1))")).toBe('(wrong-type-argument listp 1)');
    expect(lispError("(mapcar 'no-such-function-here '(1))")).toBe('(void-function no-such-function-here)');
  });
});
