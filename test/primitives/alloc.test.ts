import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

// Expected values were produced by GNU Emacs 28.2 on the same forms.

describe('alloc.c and chartab.c: constructors and char-tables', () => {
  it("cons, list and vector build fresh objects", () => {
    expect(lisp("(list (cons 1 2) (list) (list 1 2) (vector) (vector 1 'a \"s\"))")).toBe("((1 . 2) nil (1 2) [] [1 a \"s\"])");
    expect(lisp("(let ((a (vector 1)) (b (vector 1))) (list (eq a b) (equal a b)))")).toBe("(nil t)");
  });
  it("make-list and make-vector repeat one object", () => {
    expect(lisp("(list (make-list 3 'x) (make-list 0 'x) (make-vector 3 0))")).toBe("((x x x) nil [0 0 0])");
    expect(lisp("(let ((v (make-vector 2 (list 'a)))) (setcar (aref v 0) 'changed) v)")).toBe("[(changed) (changed)]");
  });
  it("make-list and make-vector want a whole number", () => {
    expect(lispError("(make-vector -1 0)")).toBe("(wrong-type-argument wholenump -1)");
    expect(lispError("(make-vector 'a 0)")).toBe("(wrong-type-argument wholenump a)");
    expect(lispError("(make-vector 2.0 0)")).toBe("(wrong-type-argument wholenump 2.0)");
    expect(lispError("(make-vector (expt 2 70) 0)")).toBe("(wrong-type-argument wholenump 1180591620717411303424)");
    expect(lispError("(make-list -1 0)")).toBe("(wrong-type-argument wholenump -1)");
    expect(lispError("(make-list 'a 0)")).toBe("(wrong-type-argument wholenump a)");
  });
  it("make-string is unibyte for ASCII unless MULTIBYTE is given", () => {
    expect(lisp("(list (make-string 3 ?a) (multibyte-string-p (make-string 3 ?a)) (multibyte-string-p (make-string 3 ?a t)) (multibyte-string-p (make-string 0 ?a t)))")).toBe("(\"aaa\" nil t t)");
    expect(lisp("(list (make-string 3 ?\u00e9) (make-string 2 200) (multibyte-string-p (make-string 2 200)))")).toBe("(\"ééé\" \"ÈÈ\" t)");
  });
  it("make-string checks its arguments", () => {
    expect(lispError("(make-string -1 ?a)")).toBe("(wrong-type-argument wholenump -1)");
    expect(lispError("(make-string 2 'a)")).toBe("(wrong-type-argument characterp a)");
    expect(lispError("(make-string 2 -1)")).toBe("(wrong-type-argument characterp -1)");
    expect(lispError("(make-string 'a ?a)")).toBe("(wrong-type-argument wholenump a)");
  });
  it("bool-vectors are made from a length or from elements", () => {
    expect(lisp("(list (append (make-bool-vector 3 t) nil) (append (make-bool-vector 2 nil) nil) (append (bool-vector 1 nil 'a) nil) (length (bool-vector)))")).toBe("((t t t) (nil nil) (t nil t) 0)");
    expect(lispError("(make-bool-vector -1 nil)")).toBe("(wrong-type-argument wholenump -1)");
    expect(lispError("(make-bool-vector 'a nil)")).toBe("(wrong-type-argument wholenump a)");
  });
  it("records keep their type in slot 0", () => {
    expect(lisp("(list (record 'a) (record 'point 3 4) (make-record 'box 2 'empty) (make-record 'a 0 0) (make-record 1 1 1))")).toBe("(#s(a) #s(point 3 4) #s(box empty empty) #s(a) #s(1 1))");
    expect(lispError("(make-record 'a -1 0)")).toBe("(wrong-type-argument wholenump -1)");
    expect(lispError("(make-record 'a 2.0 nil)")).toBe("(wrong-type-argument wholenump 2.0)");
  });
  it("purecopy returns its argument", () => {
    expect(lisp("(let ((s \"x\")) (eq (purecopy s) s))")).toBe("t");
  });
  it("garbage-collect reports memory as a list of counters", () => {
    expect(lisp("(mapcar #'car (garbage-collect))")).toBe("(conses symbols strings string-bytes vectors vector-slots floats intervals buffers)");
  });
  it("make-char-table fills every character and extra slot with INIT", () => {
    expect(lisp("(let ((c (make-char-table 'x 'd))) (list (char-table-subtype c) (char-table-parent c) (aref c ?a) (aref c #x10000) (char-table-range c nil)))")).toBe("(x nil d d d)");
    expect(lisp("(progn (put 'alloc-ct 'char-table-extra-slots 2) (let ((c (make-char-table 'alloc-ct 'init))) (list (char-table-extra-slot c 0) (set-char-table-extra-slot c 1 'v) (char-table-extra-slot c 1))))")).toBe("(init v v)");
    expect(lispError("(make-char-table 1)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(progn (put 'alloc-ct11 'char-table-extra-slots 11) (make-char-table 'alloc-ct11))")).toBe("(args-out-of-range 11 nil)");
    expect(lispError("(progn (put 'alloc-ctx 'char-table-extra-slots 'x) (make-char-table 'alloc-ctx))")).toBe("(wrong-type-argument wholenump x)");
  });
  it("char-table extra slots are checked", () => {
    expect(lispError("(progn (put 'alloc-ct 'char-table-extra-slots 2) (char-table-extra-slot (make-char-table 'alloc-ct) 2))")).toBe("(args-out-of-range #^[nil nil alloc-ct nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil] 2)");
    expect(lispError("(progn (put 'alloc-ct 'char-table-extra-slots 2) (char-table-extra-slot (make-char-table 'alloc-ct) 'a))")).toBe("(wrong-type-argument fixnump a)");
    expect(lispError("(char-table-extra-slot 1 0)")).toBe("(wrong-type-argument char-table-p 1)");
    expect(lisp("(car (condition-case e (char-table-extra-slot (make-char-table 'alloc-none) 0) (error e)))")).toBe("args-out-of-range");
  });
  it("char-table-range reads the default, one character or the start of a range", () => {
    expect(lisp("(let ((c (make-char-table 'x 'd))) (list (char-table-range c nil) (char-table-range c ?a) (set-char-table-range c '(?a . ?c) 1) (char-table-range c ?b) (char-table-range c '(?b . ?d)) (char-table-range c '(?d . ?e))))")).toBe("(d d 1 1 1 d)");
    expect(lisp("(let ((c (make-char-table 'x 'd))) (list (set-char-table-range c nil 5) (char-table-range c nil) (aref c 1)))")).toBe("(5 5 d)");
    expect(lisp("(let ((c (make-char-table 'x 'd))) (list (set-char-table-range c t 5) (char-table-range c nil) (aref c 1) (aref c 200000)))")).toBe("(5 d 5 5)");
    expect(lisp("(let ((c (make-char-table 'x 'd))) (set-char-table-range c '(3 . 1) 4) (list (aref c 1) (aref c 2) (aref c 3)))")).toBe("(d d d)");
    expect(lisp("(let ((c (make-char-table 'x))) (set-char-table-range c '(0 . 4194303) 'big) (aset c 65 'a) (set-char-table-range c '(60 . 70) 'mid) (list (aref c 65) (aref c 59) (aref c 71) (aref c 300000)))")).toBe("(mid big big big)");
    expect(lisp("(let ((c (make-char-table 'x))) (set-char-table-range c nil 'dd) (aset c ?a nil) (list (aref c ?a) (char-table-range c ?a)))")).toBe("(dd dd)");
  });
  it("char-table-range checks RANGE", () => {
    expect(lispError("(char-table-range (make-char-table 'x) 'foo)")).toBe("(error \"Invalid RANGE argument to ‘char-table-range’\")");
    expect(lispError("(char-table-range (make-char-table 'x) '(1 . a))")).toBe("(wrong-type-argument characterp a)");
    expect(lispError("(set-char-table-range (make-char-table 'x) 'foo 4)")).toBe("(error \"Invalid RANGE argument to ‘set-char-table-range’\")");
    expect(lispError("(char-table-range 1 nil)")).toBe("(wrong-type-argument char-table-p 1)");
  });
  it("a char-table falls back on its default, then on its parent", () => {
    expect(lisp("(let ((c (make-char-table 'x)) (p (make-char-table 'x))) (aset p ?a 'pa) (list (eq (set-char-table-parent c p) p) (eq (char-table-parent c) p) (aref c ?a) (aref c ?b)))")).toBe("(t t pa nil)");
    expect(lisp("(let ((c (make-char-table 'x 'd)) (p (make-char-table 'x 'pd))) (set-char-table-parent c p) (list (aref c ?a) (char-table-range c ?a) (char-table-range c nil)))")).toBe("(d d d)");
    expect(lisp("(let ((c (make-char-table 'x)) (p (make-char-table 'x 'pd))) (set-char-table-parent c p) (list (aref c ?a) (char-table-range c ?a) (char-table-range c nil)))")).toBe("(pd pd nil)");
    expect(lisp("(let ((c (make-char-table 'x)) (p (make-char-table 'x 'pd))) (set-char-table-parent c p) (set-char-table-range c nil 'cd) (list (aref c ?a) (char-table-range c nil)))")).toBe("(cd cd)");
    expect(lisp("(let ((c (make-char-table 'x))) (list (set-char-table-parent c nil) (char-table-parent c)))")).toBe("(nil nil)");
  });
  it("set-char-table-parent refuses cycles and non-tables", () => {
    expect(lispError("(let ((c (make-char-table 'x))) (set-char-table-parent c c))")).toBe("(error \"Attempt to make a chartable be its own parent\")");
    expect(lispError("(let ((c (make-char-table 'x)) (p (make-char-table 'x))) (set-char-table-parent p c) (set-char-table-parent c p))")).toBe("(error \"Attempt to make a chartable be its own parent\")");
    expect(lispError("(set-char-table-parent (make-char-table 'x) 1)")).toBe("(wrong-type-argument char-table-p 1)");
    expect(lispError("(char-table-subtype 1)")).toBe("(wrong-type-argument char-table-p 1)");
  });
  // Emacs passes one cons, rewritten for each range; the keys are copied here to compare.
  it("map-char-table calls FUNCTION in order for each run of one non-nil value, with (FROM . TO) or a character", () => {
    const setup = "(ct (make-char-table 'foo)) (out nil)) (set-char-table-range ct '(?a . ?c) 1) (aset ct ?z 2) (aset ct #x10000 3) (set-char-table-range ct '(#x20000 . #x30000) 4)";
    const collect = "(lambda (k v) (push (list (if (consp k) (list (car k) (cdr k)) k) v) out))";
    expect(lisp(`(let (${setup} (map-char-table ${collect} ct) (nreverse out))`)).toBe("(((97 99) 1) (122 2) (65536 3) ((131072 196608) 4))");
    expect(lisp(`(let (${setup} (let ((child (make-char-table 'foo))) (set-char-table-parent child ct) (aset child ?b 9) (map-char-table ${collect} child)) (nreverse out))`)).toBe("((97 1) (98 9) (99 1) (122 2) (65536 3) ((131072 196608) 4))");
    expect(lisp(`(let ((out nil) (d (make-char-table 'foo 5))) (aset d ?x nil) (map-char-table ${collect} d) out)`)).toBe("(((0 4194303) 5))");
    expect(lispError("(map-char-table #'ignore [1 2])")).toBe("(wrong-type-argument char-table-p [1 2])");
  });
  it("copy-sequence and elt see the ranges of a char-table", () => {
    expect(lisp("(let ((ct (make-char-table 'foo 7))) (set-char-table-range ct '(#x1000 . #x20000) 9) (let ((c (copy-sequence ct))) (list (aref c #x1500) (aref c 65) (elt c #x1500) (elt ct #x1500))))")).toBe("(9 7 9 9)");
  });
});

describe('an allocation too big for one JavaScript array or string signals, never ends the process', () => {
  // V8 ends the whole process when an array grows past ~2^27 elements; Emacs short of memory signals this error.
  const exhausted = '(error "Memory exhausted--use C-x s then exit and restart Emacs")';
  it('make-vector, number-sequence and a string past V8\'s length limit', () => {
    expect(lispError('(make-vector 200000000 nil)')).toBe(exhausted);
    expect(lispError('(make-vector 3000000000 nil)')).toBe(exhausted);
    expect(lispError('(number-sequence 1 200000000)')).toBe(exhausted);
    expect(lispError('(make-string 600000000 ?a)')).toBe(exhausted);
    expect(lisp('(condition-case nil (make-vector 200000000 nil) (error (length (make-vector 3 nil))))')).toBe('3');
  });
});
