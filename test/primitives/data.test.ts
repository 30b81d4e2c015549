import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

// Expected values were produced by GNU Emacs 28.2 on the same forms.

describe('data.c: types, conses, arrays and symbols', () => {
  it("car and cdr of nil are nil; of a non-list they signal listp", () => {
    expect(lisp("(list (car nil) (cdr nil) (car '(1 . 2)) (cdr '(1 . 2)))")).toBe("(nil nil 1 2)");
    expect(lispError("(car 1)")).toBe("(wrong-type-argument listp 1)");
    expect(lispError("(cdr \"a\")")).toBe("(wrong-type-argument listp \"a\")");
  });
  it("car-safe and cdr-safe return nil for non-conses", () => {
    expect(lisp("(list (car-safe 1) (cdr-safe \"a\") (car-safe '(a b)) (cdr-safe '(a b)))")).toBe("(nil nil a (b))");
  });
  it("setcar and setcdr return the new value and demand a cons", () => {
    expect(lisp("(let ((l (list 1 2))) (list (setcar l 'a) (setcdr l 5) l))")).toBe("(a 5 (a . 5))");
    expect(lispError("(setcar nil 1)")).toBe("(wrong-type-argument consp nil)");
    expect(lispError("(setcdr 'a 1)")).toBe("(wrong-type-argument consp a)");
  });
  it("the type predicates classify every kind of object", () => {
    expect(lisp("(mapcar #'consp (list nil '(1) [1] \"s\"))")).toBe("(nil t nil nil)");
    expect(lisp("(mapcar #'atom (list nil '(1) [1] 1))")).toBe("(t nil t t)");
    expect(lisp("(mapcar #'listp (list nil '(1) [1]))")).toBe("(t t nil)");
    expect(lisp("(mapcar #'nlistp (list nil '(1) 1))")).toBe("(nil nil t)");
    expect(lisp("(mapcar #'symbolp (list nil t :k 'a \"a\" 1))")).toBe("(t t t t nil nil)");
    expect(lisp("(mapcar #'keywordp (list :a 'a nil (make-symbol \":a\") (intern \":\")))")).toBe("(t nil nil nil t)");
    expect(lisp("(mapcar #'stringp (list \"\" 's ?a))")).toBe("(t nil nil)");
    expect(lisp("(mapcar #'vectorp (list [] (vector) '(1) \"s\" (record 'a)))")).toBe("(t t nil nil nil)");
    expect(lisp("(mapcar #'arrayp (list [] \"s\" '(1) (make-bool-vector 1 nil) (make-char-table 'x) (record 'a)))")).toBe("(t t nil t t nil)");
    expect(lisp("(mapcar #'sequencep (list [] \"s\" '(1) nil 5 (make-bool-vector 1 nil) (make-char-table 'x) (record 'a)))")).toBe("(t t t t nil t t nil)");
    expect(lisp("(mapcar #'char-or-string-p (list \"a\" ?a 'a -1))")).toBe("(t t nil nil)");
    expect(lisp("(mapcar #'booleanp (list t nil 0))")).toBe("(t t nil)");
    expect(lisp("(list (hash-table-p (make-hash-table)) (hash-table-p '(a)) (recordp (record 'a)) (recordp [a]) (bool-vector-p (make-bool-vector 1 t)) (bool-vector-p [t]) (char-table-p (make-char-table 'x)) (char-table-p []))")).toBe("(t nil t nil t nil t nil)");
    expect(lisp("(list (subrp (symbol-function 'car)) (subrp (symbol-function 'if)) (subrp 'car) (byte-code-function-p (symbol-function 'car)))")).toBe("(t t nil nil)");
  });
  it("null and not agree, and not is an alias of null", () => {
    expect(lisp("(list (null nil) (null '()) (null 0) (not nil) (not 'x))")).toBe("(t t nil t nil)");
    expect(lisp("(symbol-function 'not)")).toBe("null");
  });
  it("eq compares identity and eql compares floats by value and sign", () => {
    expect(lisp("(list (eq 'a 'a) (eq \"a\" \"a\") (eql 1.0 1.0) (eql 0.0 -0.0) (eql 0.0e+NaN 0.0e+NaN) (eql 1.0 1) (eql (expt 2 70) (expt 2 70)))")).toBe("(t nil t nil t nil t)");
  });
  it("type-of names the type of each object", () => {
    expect(lisp("(mapcar #'type-of (list 1 (expt 2 70) 1.0 nil t 'a '(1) \"s\" [1] (make-hash-table) (make-bool-vector 1 t) (make-char-table 'foo) (symbol-function 'car) (symbol-function 'if)))")).toBe("(integer integer float symbol symbol symbol cons string vector hash-table bool-vector char-table subr subr)");
    expect(lisp("(list (type-of (record 'foo 1)) (type-of (record (record 'cls 'name) 1)) (type-of (make-record 'bar 0 nil)) (type-of (record 1 2)))")).toBe("(foo name bar 1)");
    expect(lisp("(type-of (lambda (x) x))")).toBe("cons");
  });
  it("subr-arity and subr-name describe builtins", () => {
    expect(lisp("(list (subr-arity (symbol-function 'car)) (subr-arity (symbol-function 'list)) (subr-arity (symbol-function 'if)))")).toBe("((1 . 1) (0 . many) (2 . unevalled))");
    expect(lisp("(subr-name (symbol-function 'car))")).toBe("\"car\"");
    expect(lispError("(subr-arity 'car)")).toBe("(wrong-type-argument subrp car)");
    expect(lispError("(subr-name 'car)")).toBe("(wrong-type-argument subrp car)");
  });
  it("aref reads vectors, strings, records, bool-vectors and char-tables", () => {
    expect(lisp("(list (aref [10 20 30] 2) (aref \"abc\" 1) (aref \"\u00e9\" 0) (aref (record 'a 1) 1) (aref (bool-vector t nil) 0) (aref (make-char-table 'x 'd) 65))")).toBe("(30 98 233 1 t d)");
  });
  it("aref checks the index before the array", () => {
    expect(lispError("(aref [1 2] -1)")).toBe("(args-out-of-range [1 2] -1)");
    expect(lispError("(aref [1 2] 2)")).toBe("(args-out-of-range [1 2] 2)");
    expect(lispError("(aref [1 2] 1.0)")).toBe("(wrong-type-argument fixnump 1.0)");
    expect(lispError("(aref '(1 2) 0)")).toBe("(wrong-type-argument arrayp (1 2))");
    expect(lispError("(aref '(1) 'a)")).toBe("(wrong-type-argument fixnump a)");
    expect(lispError("(aref nil 0)")).toBe("(wrong-type-argument arrayp nil)");
    expect(lispError("(aref \"abc\" 3)")).toBe("(args-out-of-range \"abc\" 3)");
    expect(lispError("(aref (make-bool-vector 3 t) 3)")).toBe("(args-out-of-range #&3\"\u0007\" 3)");
    expect(lispError("(aref (record 'a 1) 2)")).toBe("(args-out-of-range #s(a 1) 2)");
    expect(lispError("(aref (make-char-table 'x) -1)")).toBe("(wrong-type-argument characterp -1)");
    expect(lispError("(aref (make-char-table 'x) (1+ (max-char)))")).toBe("(wrong-type-argument characterp 4194304)");
    expect(lispError("(aref [1 2] (expt 2 70))")).toBe("(wrong-type-argument fixnump 1180591620717411303424)");
    expect(lispError("(aref (symbol-function 'car) 0)")).toBe("(wrong-type-argument arrayp #<subr car>)");
  });
  it("aset stores into every kind of array and returns the value", () => {
    expect(lisp("(let ((v (vector 1 2 3))) (list (aset v 1 'two) v))")).toBe("(two [1 two 3])");
    expect(lisp("(let ((r (record 'a 1))) (aset r 0 'b) r)")).toBe("#s(b 1)");
    expect(lisp("(let ((b (make-bool-vector 3 nil))) (aset b 1 'x) (append b nil))")).toBe("(nil t nil)");
    expect(lisp("(let ((c (make-char-table 'x))) (list (aset c ?a 1) (aref c ?a) (aref c ?b)))")).toBe("(1 1 nil)");
  });
  it("aset on a unibyte string stores bytes and makes an ASCII string multibyte for a wide character", () => {
    expect(lisp("(let ((s (copy-sequence \"abc\"))) (aset s 1 233) (list s (multibyte-string-p s)))")).toBe("(\"a\\351c\" nil)");
    expect(lisp("(let ((s (copy-sequence \"abc\"))) (aset s 1 ?\u3042) (list s (multibyte-string-p s)))")).toBe("(\"aあc\" t)");
    expect(lisp("(let ((s (copy-sequence \"abc\"))) (aset s 1 #x3fffff) (list s (multibyte-string-p s)))")).toBe("(\"a\\377c\" t)");
    expect(lisp("(let ((s (string ?\u00e9 ?a))) (aset s 1 ?\u3042) s)")).toBe("\"éあ\"");
    expect(lispError("(let ((s (string-to-unibyte \"\\200a\"))) (aset s 1 ?\u3042))")).toBe("(args-out-of-range \"\\200a\" 12354)");
  });
  it("aset signals like Emacs on bad arguments", () => {
    expect(lispError("(aset '(1) 0 1)")).toBe("(wrong-type-argument arrayp (1))");
    expect(lispError("(aset [1] 'a 1)")).toBe("(wrong-type-argument fixnump a)");
    expect(lispError("(aset [1] 1 1)")).toBe("(args-out-of-range [1] 1)");
    expect(lispError("(aset [] 0 1)")).toBe("(args-out-of-range [] 0)");
    expect(lispError("(aset (copy-sequence \"abc\") 1 'x)")).toBe("(wrong-type-argument characterp x)");
    expect(lispError("(aset (copy-sequence \"abc\") 3 'x)")).toBe("(args-out-of-range \"abc\" 3)");
    expect(lispError("(aset (copy-sequence \"abc\") 1 -1)")).toBe("(wrong-type-argument characterp -1)");
    expect(lispError("(aset (make-bool-vector 3 nil) 3 t)")).toBe("(args-out-of-range #&3\"\u0000\" 3)");
    expect(lispError("(aset (make-char-table 'x) -1 1)")).toBe("(wrong-type-argument characterp -1)");
    expect(lispError("(aset (make-char-table 'x) 'a 1)")).toBe("(wrong-type-argument fixnump a)");
  });
  it("fillarray fills vectors, strings and bool-vectors in place", () => {
    expect(lisp("(let ((v (vector 1 2))) (list (eq (fillarray v 0) v) v))")).toBe("(t [0 0])");
    expect(lisp("(let ((s (copy-sequence \"abc\"))) (fillarray s ?x))")).toBe("\"xxx\"");
    expect(lisp("(let ((s (copy-sequence \"ab\"))) (fillarray s ?\u3042) (list s (multibyte-string-p s)))")).toBe("(\"BB\" nil)");
    expect(lisp("(let ((s (string ?\u00e9 ?\u00e0))) (fillarray s ?\u00f6))")).toBe("\"öö\"");
    expect(lisp("(append (fillarray (make-bool-vector 3 nil) 'y) nil)")).toBe("(t t t)");
    expect(lisp("(let ((c (make-char-table 'x 1))) (fillarray c 5) (list (aref c 65) (aref c 200000) (char-table-range c nil)))")).toBe("(1 5 5)");
  });
  it("fillarray signals like Emacs on bad arguments", () => {
    expect(lispError("(fillarray '(1) 0)")).toBe("(wrong-type-argument arrayp (1))");
    expect(lispError("(fillarray (record 'a 1) 0)")).toBe("(wrong-type-argument arrayp #s(a 1))");
    expect(lispError("(fillarray (copy-sequence \"abc\") 'x)")).toBe("(wrong-type-argument characterp x)");
    expect(lispError("(fillarray (string ?\u00e9 ?a) ?b)")).toBe("(error \"Attempt to change byte length of a string\")");
  });
  it("binary bool-vector operations combine bit by bit", () => {
    expect(lisp("(append (bool-vector-union (bool-vector t nil nil) (bool-vector nil nil t)) nil)")).toBe("(t nil t)");
    expect(lisp("(append (bool-vector-intersection (bool-vector t t nil) (bool-vector nil t t)) nil)")).toBe("(nil t nil)");
    expect(lisp("(append (bool-vector-set-difference (bool-vector t t) (bool-vector nil t)) nil)")).toBe("(t nil)");
    expect(lisp("(append (bool-vector-exclusive-or (bool-vector t t) (bool-vector nil t)) nil)")).toBe("(t nil)");
    expect(lisp("(append (bool-vector-not (bool-vector t nil)) nil)")).toBe("(nil t)");
    expect(lisp("(list (bool-vector-subsetp (bool-vector t nil) (bool-vector t t)) (bool-vector-subsetp (bool-vector t nil) (bool-vector nil t)))")).toBe("(t nil)");
  });
  it("with a destination, bool-vector operations return it only when it changed", () => {
    expect(lisp("(let ((c (bool-vector nil nil))) (list (eq c (bool-vector-union (bool-vector t nil) (bool-vector nil t) c)) (append c nil)))")).toBe("(t (t t))");
    expect(lisp("(let ((c (bool-vector t nil))) (bool-vector-union (bool-vector t nil) (bool-vector nil nil) c))")).toBe("nil");
    expect(lisp("(let ((c (bool-vector t nil))) (list (eq c (bool-vector-not (bool-vector nil t) c)) (append c nil)))")).toBe("(t (t nil))");
  });
  it("bool-vector operations check types and lengths", () => {
    expect(lispError("(bool-vector-union (bool-vector t) (bool-vector t nil))")).toBe("(wrong-length-argument 1 2)");
    expect(lispError("(bool-vector-union (bool-vector t nil) (bool-vector nil t) (bool-vector nil nil nil))")).toBe("(wrong-length-argument 2 2 3)");
    expect(lispError("(bool-vector-subsetp (bool-vector t) (bool-vector t nil))")).toBe("(wrong-length-argument 1 2 2)");
    expect(lispError("(bool-vector-not (bool-vector t nil) (bool-vector t t t))")).toBe("(wrong-length-argument 2 3)");
    expect(lispError("(bool-vector-union [t] (bool-vector t))")).toBe("(wrong-type-argument bool-vector-p [t])");
    expect(lispError("(bool-vector-union (bool-vector t) (bool-vector t) [t])")).toBe("(wrong-type-argument bool-vector-p [t])");
    expect(lispError("(bool-vector-count-population [t])")).toBe("(wrong-type-argument bool-vector-p [t])");
  });
  it("bool-vector counting", () => {
    expect(lisp("(list (bool-vector-count-population (make-bool-vector 100 t)) (bool-vector-count-population (bool-vector)))")).toBe("(100 0)");
    expect(lisp("(list (bool-vector-count-consecutive (bool-vector t t nil t) t 0) (bool-vector-count-consecutive (bool-vector t t nil t) nil 0) (bool-vector-count-consecutive (bool-vector t t nil t) 'x 3) (bool-vector-count-consecutive (bool-vector t t nil t) t 4))")).toBe("(2 0 1 0)");
    expect(lispError("(bool-vector-count-consecutive (bool-vector t t nil t) t 5)")).toBe("(args-out-of-range #&4\"\u000b\" 5)");
    expect(lispError("(bool-vector-count-consecutive (bool-vector t) t -1)")).toBe("(wrong-type-argument wholenump -1)");
  });
  it("symbol cells: value, function and plist", () => {
    expect(lisp("(progn (defvar data-test-var 10) (list (symbol-value 'data-test-var) (set 'data-test-var 20) data-test-var (boundp 'data-test-var) (boundp 'data-test-unbound)))")).toBe("(10 20 20 t nil)");
    expect(lisp("(list (boundp nil) (boundp t) (boundp :kw) (symbol-value :kw) (symbol-value nil))")).toBe("(t t t :kw nil)");
    expect(lisp("(list (fboundp 'car) (fboundp 'data-test-no-fn) (symbol-function 'data-test-no-fn) (symbol-function nil) (fboundp nil))")).toBe("(t nil nil nil nil)");
    expect(lisp("(let ((s (make-symbol \"q\"))) (list (boundp s) (set s 1) (symbol-value s) (makunbound s) (boundp s)))")).toBe("(nil 1 1 q nil)");
    expect(lisp("(progn (fset 'data-test-fn 'car) (list (fmakunbound 'data-test-fn) (fboundp 'data-test-fn)))")).toBe("(data-test-fn nil)");
    expect(lisp("(list (set-default 'data-test-default 3) (default-value 'data-test-default) (default-boundp 'data-test-default) (default-boundp 'data-test-unbound))")).toBe("(3 3 t nil)");
    expect(lisp("(list (symbol-name 'foo-bar) (symbol-name nil) (symbol-name :key) (symbol-name (make-symbol \"\")))")).toBe("(\"foo-bar\" \"nil\" \":key\" \"\")");
  });
  it("symbol cell functions signal on bad arguments and constants", () => {
    expect(lispError("(symbol-name 1)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(symbol-value 'data-test-unbound)")).toBe("(void-variable data-test-unbound)");
    expect(lispError("(set nil 1)")).toBe("(setting-constant nil)");
    expect(lispError("(set t t)")).toBe("(setting-constant t)");
    expect(lispError("(set :k 1)")).toBe("(setting-constant :k)");
    expect(lisp("(set :k :k)")).toBe(":k");
    expect(lispError("(makunbound nil)")).toBe("(setting-constant nil)");
    expect(lispError("(makunbound :k)")).toBe("(setting-constant :k)");
    expect(lispError("(fmakunbound t)")).toBe("(setting-constant t)");
    expect(lispError("(fmakunbound 1)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(default-value 'data-test-unbound)")).toBe("(void-variable data-test-unbound)");
    expect(lispError("(set-default nil 3)")).toBe("(setting-constant nil)");
    expect(lispError("(boundp 1)")).toBe("(wrong-type-argument symbolp 1)");
  });
  it("defvaralias forwards the alias to the base variable", () => {
    expect(lisp("(progn (defvaralias 'data-new-a 'data-old-a) (set 'data-old-a 5) (list (symbol-value 'data-new-a) (indirect-variable 'data-new-a) (boundp 'data-new-a) (symbol-plist 'data-new-a)))")).toBe("(5 data-old-a t (variable-documentation nil))");
    expect(lisp("(progn (defvar data-al-v 5) (defvaralias 'data-al-v 'data-al-target) (symbol-value 'data-al-target))")).toBe("5");
    expect(lisp("(progn (defvaralias 'data-new-g 'data-old-g) (setq data-new-g 4) (list data-old-g (default-value 'data-new-g) (set-default 'data-new-g 9) data-old-g))")).toBe("(4 4 9 9)");
    expect(lisp("(progn (defvaralias 'data-new-f 'data-old-f) (setq data-old-f 1) (makunbound 'data-new-f) (boundp 'data-old-f))")).toBe("nil");
    expect(lisp("(defvaralias 'data-new-b 'data-old-b \"doc\")")).toBe("data-old-b");
    expect(lisp("(list (indirect-variable 1) (indirect-variable 'data-plain))")).toBe("(1 data-plain)");
  });
  it("defvaralias refuses constants and cycles are caught on use", () => {
    expect(lispError("(defvaralias nil 'x)")).toBe("(error \"Cannot make a constant an alias\")");
    expect(lispError("(defvaralias :k 'x)")).toBe("(error \"Cannot make a constant an alias\")");
    expect(lispError("(defvaralias 1 'x)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(progn (defvaralias 'data-c1 'data-c2) (defvaralias 'data-c2 'data-c1) (boundp 'data-c1))")).toBe("(cyclic-variable-indirection data-c1)");
  });
  it("get and put manage symbol property lists", () => {
    expect(lisp("(list (put 'data-sym 'color 'red) (get 'data-sym 'color) (get 'data-sym 'size) (progn (put 'data-sym 'size 10) (put 'data-sym 'color 'blue) (symbol-plist 'data-sym)))")).toBe("(red red nil (color blue size 10))");
    expect(lisp("(list (setplist 'data-sym2 '(a 1 b 2)) (get 'data-sym2 'b) (get 'data-sym2 \"k\"))")).toBe("((a 1 b 2) 2 nil)");
    expect(lisp("(progn (setplist 'data-sym3 '(a 1 b)) (list (get 'data-sym3 'a) (get 'data-sym3 'b)))")).toBe("(1 nil)");
    expect(lispError("(progn (setplist 'data-sym4 '(a 1 b)) (put 'data-sym4 'c 3))")).toBe("(wrong-type-argument plistp (a 1 b))");
    expect(lispError("(get 1 'a)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(put 1 'a 1)")).toBe("(wrong-type-argument symbolp 1)");
    expect(lispError("(setplist 1 nil)")).toBe("(wrong-type-argument symbolp 1)");
  });
  it("plist-get is lenient while plist-put and plist-member check the list", () => {
    expect(lisp("(list (plist-get '(a 1 b 2) 'b) (plist-get '(a 1 b) 'b) (plist-get '(a 1 . b) 'c) (plist-get 'x 'c) (plist-get '(\"a\" 1) \"a\"))")).toBe("(2 nil nil nil nil)");
    expect(lisp("(let ((l (list 'a 1))) (setcdr (cdr l) l) (plist-get l 'z))")).toBe("nil");
    expect(lisp("(list (plist-put (list 'a 1) 'b 2) (plist-put nil 'a 1) (plist-put (list 'a 1) 'a 2))")).toBe("((a 1 b 2) (a 1) (a 2))");
    expect(lispError("(plist-put (list 'a 1 'b) 'c 2)")).toBe("(wrong-type-argument plistp (a 1 b))");
    expect(lispError("(plist-put 'x 'a 1)")).toBe("(wrong-type-argument plistp x)");
    expect(lispError("(plist-put (list 'a) 'a 1)")).toBe("(wrong-type-argument plistp (a))");
    expect(lisp("(list (plist-member '(a 1 b 2) 'b) (plist-member '(a 1 b) 'b) (plist-member '(a nil) 'a) (plist-member '(\"a\" 1) \"a\"))")).toBe("((b 2) (b) (a nil) nil)");
    expect(lispError("(plist-member '(a 1 . b) 'c)")).toBe("(wrong-type-argument plistp (a 1 . b))");
    expect(lispError("(plist-member 'x 'c)")).toBe("(wrong-type-argument plistp x)");
    expect(lisp("(car (let ((l (list 'a 1))) (setcdr (cdr l) l) (condition-case e (plist-put l 'z 1) (error e))))")).toBe("circular-list");
  });
  it("lax plists compare with equal and check the list", () => {
    expect(lisp("(list (lax-plist-get '(\"a\" 1) \"a\") (lax-plist-put (list \"a\" 1) \"a\" 2) (lax-plist-put (list \"a\" 1) \"b\" 2))")).toBe("(1 (\"a\" 2) (\"a\" 1 \"b\" 2))");
    expect(lispError("(lax-plist-get '(\"a\" 1 b) \"c\")")).toBe("(wrong-type-argument plistp (\"a\" 1 b))");
    expect(lispError("(lax-plist-put (list \"a\" 1 'b) \"c\" 2)")).toBe("(wrong-type-argument plistp (\"a\" 1 b))");
  });
  it("intern, intern-soft and unintern work on the initial obarray", () => {
    expect(lisp("(list (eq (intern \"abc\") 'abc) (intern-soft \"abc\") (intern-soft \"surely-never-interned-symbol-xyz\") (intern-soft 'car) (intern-soft (make-symbol \"car\")) (eq (intern \":key\") :key))")).toBe("(t abc nil car nil t)");
    expect(lisp("(let ((s (intern \"data-un-1\"))) (list (unintern s nil) (intern-soft \"data-un-1\") (eq s (intern \"data-un-1\"))))")).toBe("(t nil nil)");
    expect(lisp("(progn (intern \"data-un-2\") (list (unintern (make-symbol \"data-un-2\") nil) (intern-soft \"data-un-2\")))")).toBe("(nil data-un-2)");
    expect(lisp("(list (unintern \"data-never-interned\" nil) (length obarray) (vectorp obarray))")).toBe("(nil 15121 t)");
    expect(lispError("(intern 1)")).toBe("(wrong-type-argument stringp 1)");
    expect(lispError("(intern-soft 1)")).toBe("(wrong-type-argument stringp 1)");
    expect(lispError("(unintern 1 nil)")).toBe("(wrong-type-argument stringp 1)");
  });
  it("intern accepts other obarrays, which never make keywords", () => {
    expect(lisp("(let ((ob (make-vector 59 0))) (list (eq (intern \"alpha\" ob) 'alpha) (eq (intern \"alpha\" ob) (intern \"alpha\" ob)) (intern-soft \"alpha\" ob) (intern-soft 'alpha ob) (intern-soft \"beta\" ob)))")).toBe("(nil t alpha nil nil)");
    expect(lisp("(let ((ob (make-vector 59 0))) (list (keywordp (intern \":foo\" ob)) (keywordp :foo)))")).toBe("(nil t)");
    expect(lisp("(let ((ob (make-vector 59 0)) names) (intern \"a\" ob) (intern \"b\" ob) (unintern \"b\" ob) (mapatoms (lambda (s) (push (symbol-name s) names)) ob) names)")).toBe("(\"a\")");
    expect(lispError("(intern \"a\" 1)")).toBe("(wrong-type-argument vectorp 1)");
    expect(lispError("(intern \"a\" [])")).toBe("(wrong-type-argument vectorp [])");
    expect(lispError("(intern-soft \"zz\" [])")).toBe("(wrong-type-argument vectorp [])");
    expect(lispError("(unintern \"x\" 1)")).toBe("(wrong-type-argument vectorp 1)");
    expect(lispError("(mapatoms #'ignore [])")).toBe("(wrong-type-argument vectorp [])");
  });
  it("make-symbol and gensym make uninterned symbols", () => {
    expect(lisp("(list (eq (make-symbol \"abc\") 'abc) (symbol-name (make-symbol \"fresh\")))")).toBe("(nil \"fresh\")");
    expect(lisp("(let ((gensym-counter 0)) (list (gensym) (gensym 'a) (gensym \"p\") gensym-counter))")).toBe("(g0 a1 p2 3)");
    expect(lispError("(make-symbol 1)")).toBe("(wrong-type-argument stringp 1)");
  });
});

describe('plist-member compares property positions only', () => {
  it('does not match a value, and accepts an odd-length plist when the property is missing', () => {
    expect(lisp("(list (plist-member '(a b c d) 'b) (plist-member '(a b c d) 'c) (plist-member '(a b c) 'c) (plist-member '(a b c) 'x))")).toBe(
      '(nil (c d) (c) nil)',
    );
    expect(lispError("(plist-member '(a . b) 'x)")).toBe('(wrong-type-argument plistp (a . b))');
  });
});

describe('lookups longer than the unchecked window (4096 steps) fall back to the cycle-checked walk', () => {
  // Golden from GNU Emacs 28.2: 5000-pair plists and 10000-element alists, proper, dotted and circular.
  it('finds, misses and signals as Emacs does', () => {
    const pl = "(apply #'nconc (mapcar (lambda (i) (list (intern (format \"k%d\" i)) i)) (number-sequence 0 4999)))";
    const al = "(mapcar (lambda (i) (cons i (* 2 i))) (number-sequence 0 9999))";
    expect(lisp(`(let ((pl ${pl}) (al ${al}))
      (list (plist-get pl 'k4999) (car (plist-member pl 'k4999)) (plist-get pl 'zz) (plist-member pl 'zz)
            (plist-get (append pl 'x) 'zz) (condition-case e (plist-member (append pl 'x) 'zz) (error (car e)))
            (assq 9999 al) (car (memq 9999 (mapcar #'car al))) (condition-case e (assq 'zz (append al 'x)) (error (car e)))
            (condition-case e (memq 'zz (append al 'x)) (error (car e)))
            (let ((c (copy-sequence pl))) (setcdr (last c) c) (list (plist-get c 'zz) (condition-case e (plist-member c 'zz) (error (car e)))))
            (let ((c (copy-sequence al))) (setcdr (last c) c)
              (list (condition-case e (assq 'zz c) (error (car e))) (condition-case e (memq 'zz c) (error (car e)))
                    (condition-case e (assoc "zz" c) (error (car e)))))))`)).toBe(
      '(4999 k4999 nil nil nil wrong-type-argument (9999 . 19998) 9999 wrong-type-argument wrong-type-argument (nil circular-list) (circular-list circular-list circular-list))',
    );
  });
});

describe('circular plists walk as Emacs walks them (FOR_EACH_TAIL and its Brent cycle check)', () => {
  // Goldens from GNU Emacs 28.2. The cycle below starts at b, so the walk meets the odd positions on its second lap.
  const circular = "(let ((l (list 'a 1 'b 2 'c 3 'd 4 'e))) (setcdr (last l) (cddr l)) l)";
  it('plist-get finds what the walk reaches before it sees the cycle, and stops quietly', () => {
    expect(lisp(`(let ((l ${circular})) (list (plist-get l 'c) (plist-get l 1) (plist-get l 2) (plist-get l 3) (plist-get l 'e) (plist-get l 4) (plist-get l 'z)))`)).toBe(
      '(3 nil c d b e nil)',
    );
  });
  it('plist-member signals circular-list with the cons where it saw the cycle', () => {
    expect(lisp(`(let ((print-circle t) (l ${circular})) (format "%S" (condition-case e (plist-member l 'z) (error e))))`)).toBe(
      '"(circular-list #1=(3 d 4 e b 2 c . #1#))"',
    );
    expect(lisp(`(let ((print-circle t) (l ${circular})) (format "%S" (plist-member l 4)))`)).toBe('"#1=(4 e b 2 c 3 d . #1#)"');
  });
  it('plist-put and the lax plist functions find the same properties and signal with the same cons', () => {
    for (const call of ["(plist-put l 'z 1)", "(lax-plist-get l 'z)", "(lax-plist-put l 'z 1)"]) {
      expect(lisp(`(let ((print-circle t) (l ${circular})) (format "%S" (condition-case e ${call} (error e))))`)).toBe(
        '"(circular-list #1=(3 d 4 e b 2 c . #1#))"',
      );
    }
    expect(lisp(`(let ((l ${circular})) (list (lax-plist-get l 4) (plist-get (plist-put l 4 'x) 4) (lax-plist-get (lax-plist-put l 4 'y) 4)))`)).toBe('(e x y)');
  });
});
