import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

// Expected values were produced by GNU Emacs 28.2 on the same forms.

describe('fns.c: hash tables', () => {
  it("puthash, gethash, remhash and clrhash return what Emacs returns", () => {
    expect(lisp("(let ((h (make-hash-table :test 'equal))) (list (puthash \"one\" 1 h) (gethash \"one\" h) (gethash \"two\" h) (gethash \"two\" h 'dflt) (remhash \"one\" h) (remhash \"never\" h) (hash-table-count h) (eq (clrhash h) h)))")).toBe("(1 1 nil dflt nil nil 0 t)");
    expect(lisp("(let ((h (make-hash-table))) (puthash 'nilval nil h) (list (gethash 'nilval h 'dflt) (gethash 'absent h 'dflt)))")).toBe("(nil dflt)");
  });
  it("the three standard tests compare keys as eq, eql and equal", () => {
    expect(lisp("(let ((heq (make-hash-table :test 'eq)) (heql (make-hash-table)) (hequal (make-hash-table :test 'equal))) (dolist (h (list heq heql hequal)) (puthash (copy-sequence \"k\") 's h) (puthash 1.5 'f h) (puthash (expt 2 70) 'b h) (puthash '(a) 'l h)) (mapcar (lambda (h) (list (gethash \"k\" h) (gethash 1.5 h) (gethash (expt 2 70) h) (gethash (list 'a) h))) (list heql hequal)))")).toBe("((nil f b nil) (s f b l))");
    expect(lisp("(let ((h (make-hash-table :test 'eql))) (puthash -0.0 1 h) (puthash 0.0e+NaN 'nan h) (list (gethash 0.0 h) (gethash -0.0 h) (gethash 0.0e+NaN h) (gethash 2.0 (progn (puthash 2 'two h) h))))")).toBe("(nil 1 nan nil)");
    expect(lisp("(let ((h (make-hash-table :test 'equal))) (puthash 1 'int h) (puthash [1 2] 'vec h) (list (gethash 1.0 h) (gethash (vector 1 2) h)))")).toBe("(nil vec)");
  });
  it("equal tables keep strings apart from floats and unibyte strings, whatever their text", () => {
    // Keys whose text starts with NUL look like the keys made for floats and unibyte strings.
    const fill = "(let ((h (make-hash-table :test 'equal))) (puthash 0.0 'float h) (puthash (string 0 ?f ?0 ?: ?0) 'nul-f h) (puthash (string 0 ?s ?a) 'nul-s h) (puthash \"a\" 'plain h) (puthash \"\\377\" 'unibyte h) (puthash (string-to-multibyte \"\\377\") 'multibyte h) (puthash (string 0 ?u 255) 'nul-u h)";
    expect(lisp(`${fill} (list (gethash 0.0 h) (gethash (string 0 ?f ?0 ?: ?0) h) (gethash (string 0 ?s ?a) h) (gethash "a" h) (gethash (string 0 ?s) h) (gethash "\\377" h) (gethash (string-to-multibyte "\\377") h) (gethash (string 0 ?u 255) h) (hash-table-count h)))`)).toBe("(float nul-f nul-s plain nil unibyte multibyte nul-u 7)");
    expect(lisp(`${fill} (remhash (string 0 ?s ?a) h) (remhash "a" h) (list (gethash (string 0 ?s ?a) h) (gethash "a" h) (gethash 0.0 h) (hash-table-count h)))`)).toBe("(nil nil float 5)");
  });
  it("make-hash-table reports its parameters", () => {
    expect(lisp("(let ((h (make-hash-table))) (list (hash-table-test h) (hash-table-size h) (hash-table-weakness h) (hash-table-rehash-size h) (hash-table-rehash-threshold h) (hash-table-count h)))")).toBe("(eql 65 nil 1.5 0.8125 0)");
    expect(lisp("(list (hash-table-size (make-hash-table :size 0)) (hash-table-size (make-hash-table :size 10)) (hash-table-size (make-hash-table :size nil)))")).toBe("(1 10 65)");
    expect(lisp("(list (hash-table-weakness (make-hash-table :weakness t)) (hash-table-weakness (make-hash-table :weakness 'key-or-value)) (hash-table-weakness (make-hash-table :weakness nil)))")).toBe("(key-and-value key-or-value nil)");
    expect(lisp("(list (hash-table-rehash-size (make-hash-table :rehash-size 10)) (hash-table-rehash-size (make-hash-table :rehash-size 2.0)) (hash-table-rehash-size (make-hash-table :rehash-size 1.1)) (hash-table-rehash-threshold (make-hash-table :rehash-threshold 0.3)))")).toBe("(10 2.0 1.1000000014901161 0.30000001192092896)");
    expect(lisp("(hash-table-count (make-hash-table :purecopy t :size 100))")).toBe("0");
  });
  it("make-hash-table signals error with the offending argument", () => {
    expect(lispError("(make-hash-table :test 'foo)")).toBe("(error \"Invalid hash table test\" foo)");
    expect(lispError("(make-hash-table :test)")).toBe("(error \"Invalid argument list\" :test)");
    expect(lispError("(make-hash-table :bogus 1)")).toBe("(error \"Invalid argument list\" :bogus)");
    expect(lispError("(make-hash-table 'a)")).toBe("(error \"Invalid argument list\" a)");
    expect(lispError("(make-hash-table :test 'eq :test 'equal)")).toBe("(error \"Invalid argument list\" :test)");
    expect(lispError("(make-hash-table :test 'eq 1 2)")).toBe("(error \"Invalid argument list\" 1)");
    expect(lispError("(make-hash-table :test nil)")).toBe("(error \"Invalid hash table test\")");
    expect(lispError("(make-hash-table :test '(a b))")).toBe("(wrong-type-argument symbolp (a b))");
    expect(lispError("(make-hash-table :size -1)")).toBe("(error \"Invalid hash table size\" -1)");
    expect(lispError("(make-hash-table :size 1.5)")).toBe("(error \"Invalid hash table size\" 1.5)");
    expect(lispError("(make-hash-table :size '(1 2))")).toBe("(error \"Invalid hash table size\" 1 2)");
    expect(lispError("(make-hash-table :size :test 'eq)")).toBe("(error \"Invalid hash table size\" :test)");
    expect(lispError("(make-hash-table :weakness 'foo)")).toBe("(error \"Invalid hash table weakness\" foo)");
    expect(lispError("(make-hash-table :rehash-size 0)")).toBe("(error \"Invalid hash table rehash size\" 0)");
    expect(lispError("(make-hash-table :rehash-size 1.0)")).toBe("(error \"Invalid hash table rehash size\" 1.0)");
    expect(lispError("(make-hash-table :rehash-size nil)")).toBe("(error \"Invalid hash table rehash size\")");
    expect(lispError("(make-hash-table :rehash-threshold 0)")).toBe("(error \"Invalid hash table rehash threshold\" 0)");
    expect(lispError("(make-hash-table :rehash-threshold 1)")).toBe("(error \"Invalid hash table rehash threshold\" 1)");
    expect(lispError("(make-hash-table :rehash-threshold nil)")).toBe("(error \"Invalid hash table rehash threshold\")");
  });
  it("the hash-table functions want a hash table", () => {
    expect(lispError("(gethash 1 2)")).toBe("(wrong-type-argument hash-table-p 2)");
    expect(lispError("(puthash 1 2 3)")).toBe("(wrong-type-argument hash-table-p 3)");
    expect(lispError("(remhash 1 2)")).toBe("(wrong-type-argument hash-table-p 2)");
    expect(lispError("(clrhash 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(maphash #'ignore 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(hash-table-count 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(hash-table-test 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(hash-table-size 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(copy-hash-table 1)")).toBe("(wrong-type-argument hash-table-p 1)");
    expect(lispError("(hash-table-keys 1)")).toBe("(wrong-type-argument hash-table-p 1)");
  });
  it("a table grows by its rehash size when full", () => {
    expect(lisp("(let ((h (make-hash-table)) r) (dotimes (i 3000) (puthash i i h) (unless (eq (car r) (hash-table-size h)) (push (hash-table-size h) r))) (nreverse r))")).toBe("(65 97 145 217 325 487 730 1095 1642 2463 3694)");
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 100) (puthash i i h)) (hash-table-size h))")).toBe("145");
    expect(lisp("(let ((h (make-hash-table :size 1)) r) (dotimes (i 20) (puthash i i h) (unless (eq (car r) (hash-table-size h)) (push (hash-table-size h) r))) (nreverse r))")).toBe("(1 2 3 4 6 9 13 19 28)");
    expect(lisp("(let ((h (make-hash-table :size 10 :rehash-size 3)) r) (dotimes (i 40) (puthash i i h) (unless (eq (car r) (hash-table-size h)) (push (hash-table-size h) r))) (nreverse r))")).toBe("(10 13 16 19 22 25 28 31 34 37 40)");
    expect(lisp("(let ((h (make-hash-table :size 10 :rehash-size 2.0)) r) (dotimes (i 40) (puthash i i h) (unless (eq (car r) (hash-table-size h)) (push (hash-table-size h) r))) (nreverse r))")).toBe("(10 20 40)");
    expect(lisp("(let ((h (make-hash-table :size 10 :rehash-threshold 0.5)) r) (dotimes (i 40) (puthash i i h) (unless (eq (car r) (hash-table-size h)) (push (hash-table-size h) r))) (nreverse r))")).toBe("(10 15 22 33 49)");
  });
  it("maphash goes in insertion order and reuses the slot freed last first", () => {
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 5) (puthash i i h)) (remhash 1 h) (remhash 3 h) (puthash 'a 1 h) (puthash 'b 1 h) (puthash 'c 1 h) (let (r) (maphash (lambda (k _v) (push k r)) h) (nreverse r)))")).toBe("(0 b 2 a 4 c)");
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 3) (puthash i i h)) (remhash 0 h) (remhash 1 h) (puthash 'x 1 h) (puthash 'y 1 h) (puthash 'z 1 h) (let (r) (maphash (lambda (k _v) (push k r)) h) (nreverse r)))")).toBe("(y x 2 z)");
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 5) (puthash i i h)) (clrhash h) (puthash 'a 1 h) (puthash 'b 1 h) (let (r) (maphash (lambda (k _v) (push k r)) h) (nreverse r)))")).toBe("(a b)");
    expect(lisp("(let ((h (make-hash-table))) (list (maphash #'ignore h) (maphash 1 h)))")).toBe("(nil nil)");
    expect(lispError("(let ((h (make-hash-table))) (puthash 1 1 h) (maphash 1 h))")).toBe("(invalid-function 1)");
  });
  it("maphash sees changes made to the table while it walks", () => {
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 5) (puthash i i h)) (let (r) (maphash (lambda (k _v) (push k r) (remhash (1+ k) h)) h) (nreverse r)))")).toBe("(0 2 4)");
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 3) (puthash i i h)) (let (r) (maphash (lambda (k _v) (push k r) (when (< k 10) (puthash (+ 10 k) 0 h))) h) (nreverse r)))")).toBe("(0 1 2 10 11 12)");
    expect(lisp("(let ((h (make-hash-table :size 2))) (dotimes (i 2) (puthash i i h)) (let (r) (maphash (lambda (k _v) (push k r) (when (< k 10) (puthash (+ 10 k) 0 h))) h) (nreverse r)))")).toBe("(0 1 10 11)");
    expect(lisp("(let ((h (make-hash-table))) (dotimes (i 3) (puthash i i h)) (let (r) (maphash (lambda (k _v) (push k r) (clrhash h)) h) (nreverse r)))")).toBe("(0)");
    expect(lisp("(let ((h (make-hash-table :test 'equal))) (puthash \"a\" 1 h) (puthash \"b\" 2 h) (maphash (lambda (k v) (puthash k (* v 10) h)) h) (list (gethash \"a\" h) (gethash \"b\" h) (hash-table-count h)))")).toBe("(10 20 2)");
  });
  it("copy-hash-table copies entries and parameters", () => {
    expect(lisp("(let* ((a (make-hash-table :test 'equal :size 7)) (b (progn (puthash \"k\" 1 a) (copy-hash-table a)))) (puthash \"k\" 2 b) (list (gethash \"k\" a) (gethash \"k\" b) (hash-table-test b) (hash-table-size b)))")).toBe("(1 2 equal 7)");
    expect(lisp("(let* ((a (make-hash-table :size 10 :rehash-size 3)) (b (copy-hash-table a))) (dotimes (i 11) (puthash i i b)) (list (hash-table-rehash-size b) (hash-table-size b)))")).toBe("(3 13)");
  });
  it("hash-table-keys and hash-table-values follow maphash order", () => {
    expect(lisp("(let ((h (make-hash-table))) (puthash 1 2 h) (puthash 3 4 h) (list (hash-table-keys h) (hash-table-values h)))")).toBe("((1 3) (2 4))");
  });
  it("define-hash-table-test stores the test on the name and make-hash-table uses it", () => {
    expect(lisp("(list (define-hash-table-test 'hash-foo 1 2) (get 'hash-foo 'hash-table-test))")).toBe("((1 2) (1 2))");
    expect(lisp("(progn (define-hash-table-test 'hash-ci (lambda (a b) (string= (downcase a) (downcase b))) (lambda (s) (sxhash-equal (downcase s)))) (let ((h (make-hash-table :test 'hash-ci))) (puthash \"Hello\" 1 h) (puthash \"hello\" 2 h) (list (gethash \"HELLO\" h) (hash-table-count h) (hash-table-test h) (hash-table-test (copy-hash-table h)))))")).toBe("(2 1 hash-ci hash-ci)");
    expect(lisp("(progn (define-hash-table-test 'hash-const 'equal (lambda (_x) \"not a fixnum\")) (let ((h (make-hash-table :test 'hash-const))) (puthash \"a\" 1 h) (puthash \"b\" 2 h) (puthash \"a\" 3 h) (list (hash-table-count h) (gethash \"a\" h))))")).toBe("(2 3)");
    expect(lispError("(progn (put 'hash-bad 'hash-table-test '(eq)) (make-hash-table :test 'hash-bad))")).toBe("(error \"Invalid hash table test\" hash-bad)");
    expect(lispError("(define-hash-table-test 1 2 3)")).toBe("(wrong-type-argument symbolp 1)");
  });
  it("sxhash agrees with the test it belongs to", () => {
    expect(lisp("(list (= (sxhash-equal \"abc\") (sxhash-equal (copy-sequence \"abc\"))) (= (sxhash-equal '(1 2)) (sxhash-equal (list 1 2))) (= (sxhash-eql 1.5) (sxhash-eql (/ 3.0 2))) (= (sxhash-eq 'a) (sxhash-eq 'a)) (integerp (sxhash-equal-including-properties \"a\")))")).toBe("(t t t t t)");
    expect(lispError("(sxhash-eq)")).toBe("(wrong-number-of-arguments sxhash-eq 0)");
    expect(lispError("(sxhash-equal \"abc\" 1)")).toBe("(wrong-number-of-arguments sxhash-equal 2)");
  });
});
