import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

// Expected values were produced by GNU Emacs 28.2 with (require 'cl-lib).

describe("cl-defun", () => {
  it("binds optional arguments with defaults and supplied-p variables, and &rest", () => {
    lisp("(cl-defun f1 (a &optional (b 2 bp) &rest r) (list a b bp r))");
    expect(lisp("(list (f1 1) (f1 1 5) (f1 1 5 6 7))")).toBe("((1 2 nil nil) (1 5 t nil) (1 5 t (6 7)))");
  });

  it("binds &key arguments with defaults, explicit keywords, supplied-p and &aux", () => {
    lisp("(cl-defun kfn (&key ((:alpha a) 1 a-p) (b (* a 2)) &aux (c (+ a b))) (list a a-p b c))");
    expect(lisp("(list (kfn) (kfn :alpha 5) (kfn :b 1 :alpha 2) (kfn :zz 1 :allow-other-keys t))")).toBe("((1 nil 2 3) (5 t 10 15) (2 t 1 3) (1 nil 2 3))");
  });

  it("signals an error naming the allowed keywords for an unknown keyword", () => {
    lisp("(cl-defun kfn2 (a &key b c) (list a b c))");
    expect(lispError("(kfn2 1 :d 2)")).toBe("(error \"Keyword argument :d not one of (:b :c)\")");
  });

  it("counts every argument when too many are passed", () => {
    lisp("(cl-defun f3 (a &optional (b 2)) (list a b))");
    expect(lispError("(f3 1 2 3)")).toBe("(wrong-number-of-arguments f3 3)");
  });

  it("accepts other keywords with &allow-other-keys and keeps them in &rest", () => {
    lisp("(cl-defun afn (&rest r &key a &allow-other-keys) (list r a))");
    expect(lisp("(afn :a 1 :q 2)")).toBe("((:a 1 :q 2) 1)");
  });

  it("wraps the body in a block named after the function", () => {
    lisp("(cl-defun rfn (x) (when (> x 1) (cl-return-from rfn 'big)) 'small)");
    expect(lisp("(list (rfn 0) (rfn 5))")).toBe("(small big)");
  });

  it("supports cl-function lambdas and cl-defmacro destructuring", () => {
    lisp("(cl-defmacro my-with ((var val) &body body) `(let ((,var ,val)) ,@body))");
    expect(lisp("(list (funcall (cl-function (lambda (&key a b) (list a b))) :b 2) (my-with (z 5) (* z 2)))")).toBe("((nil 2) 10)");
  });

});

describe("cl-destructuring-bind", () => {
  it("destructures nested lists, dotted tails, &whole, &optional and &key", () => {
    expect(lisp("(list (cl-destructuring-bind (a (b c) &rest d) '(1 (2 3) 4 5) (list a b c d)) (cl-destructuring-bind (a &optional (b 5) &key c) '(1 2 :c 3) (list a b c)) (cl-destructuring-bind (a . b) '(1 2 3) (list a b)) (cl-destructuring-bind (&whole w a b) '(1 2) (list w a b)))")).toBe("((1 2 3 (4 5)) (1 2 3) (1 (2 3)) ((1 2) 1 2))");
  });

  it("reports the lambda list and length when the counts differ", () => {
    expect(lispError("(cl-destructuring-bind (a b) '(1) (list a b))")).toBe("(wrong-number-of-arguments (a b) 1)");
    expect(lispError("(cl-destructuring-bind (a b) '(1 2 3) (list a b))")).toBe("(wrong-number-of-arguments (a b) 3)");
  });

});

describe("blocks", () => {
  it("leave cl-block, cl-dolist and cl-dotimes early", () => {
    expect(lisp("(list (cl-block b (cl-dolist (x '(1 2 3)) (when (= x 2) (cl-return-from b x)))) (cl-dolist (x '(1 2 3)) (when (= x 2) (cl-return (* x 100)))) (cl-dotimes (i 10) (when (= i 3) (cl-return i))))")).toBe("(2 200 3)");
  });

});

describe("local functions", () => {
  it("cl-flet binds lexically, including #'NAME, and cl-labels recurses", () => {
    expect(lisp("(list (cl-flet ((f (x) (* x 10))) (mapcar #'f '(1 2))) (cl-labels ((ev (n) (if (= n 0) t (od (1- n)))) (od (n) (if (= n 0) nil (ev (1- n))))) (list (ev 10) (od 7))))")).toBe("((10 20) (t t))");
  });

  it("cl-letf rebinds symbol-function and places temporarily", () => {
    lisp("(defun foo1 () 1)");
    expect(lisp("(list (cl-letf (((symbol-function 'foo1) (lambda () 42))) (foo1)) (foo1) (let ((l (list 1 2 3)) seen) (cl-letf (((car l) 100)) (setq seen (copy-sequence l))) (list seen l)))")).toBe("(42 1 ((100 2 3) (1 2 3)))");
  });

});

describe("cl-loop", () => {
  it("iterates over numbers with from, to, below, above, downto and by", () => {
    expect(lisp("(list (cl-loop for i from 1 to 5 collect i) (cl-loop for i below 4 collect i) (cl-loop for i from 0 to 10 by 3 collect i) (cl-loop for i from 10 downto 1 by 3 collect i) (cl-loop for i from 0 above -3 collect i) (cl-loop for i downfrom 3 above 0 collect i) (cl-loop for i to 3 collect i))")).toBe("((1 2 3 4 5) (0 1 2 3) (0 3 6 9) (10 7 4 1) (0 -1 -2) (3 2 1) (0 1 2 3))");
    expect(lisp("(list (cl-loop for i from 1 to 3 finally return i) (cl-loop for i from 1 below 3 finally return i) (cl-loop for x in '(1 2 3) finally return x))")).toBe("(4 3 3)");
  });

  it("iterates over lists, tails, arrays and hash tables with destructuring", () => {
    expect(lisp("(list (cl-loop for x in '(1 2 3 4) by #'cddr collect x) (cl-loop for (a b) on '(1 2 3 4) by #'cddr collect (+ a b)) (cl-loop for (k . v) in '((a . 1) (b . 2)) collect (list v k)) (cl-loop for c across \"abc\" collect (upcase c)) (cl-loop for x being the elements of [1 2 3] collect x))")).toBe("((1 3) (3 7) ((1 a) (2 b)) (65 66 67) (1 2 3))");
    expect(lisp("(let ((h (make-hash-table))) (puthash 1 'a h) (puthash 2 'b h) (list (cl-loop for k being the hash-keys of h using (hash-values v) collect (cons k v)) (cl-loop for v being the hash-values of h collect v)))")).toBe("(((1 . a) (2 . b)) (a b))");
  });

  it("steps = then clauses, parallel and clauses, with and repeat", () => {
    expect(lisp("(list (cl-loop for x in '(1 2 3) for y = x then (* y 10) collect y) (cl-loop for x in '(1 2 3) and y = 10 then x collect (list x y)) (cl-loop with a = 1 and b = 2 repeat 2 collect (list a b)) (cl-loop for x = 1 then (* x 2) repeat 6 collect x) (cl-loop for i upfrom 0 for x in '(a b) collect (cons i x)))")).toBe("((1 10 100) ((1 10) (2 1) (3 2)) ((1 2) (1 2)) (1 2 4 8 16 32) ((0 . a) (1 . b)))");
  });

  it("accumulates with collect, append, nconc, concat, vconcat, sum, count, maximize and into", () => {
    expect(lisp("(list (cl-loop for x across [1 2 3] vconcat (vector x x)) (cl-loop for x in '(1 2) nconc (list x x)) (cl-loop for x in '((1 2) (3)) append x) (cl-loop for s in '(\"a\" \"b\") concat s) (cl-loop for x in '(1 2) count x into c maximize x into m finally return (list c m)) (cl-loop for x in '(1 2 3) collect x into l finally return l) (cl-loop for x in nil maximize x) (cl-loop for x in '(3 9 2) minimize x))")).toBe("([1 1 2 2 3 3] (1 1 2 2) (1 2 3) \"ab\" (2 2) (1 2 3) nil 2)");
  });

  it("runs conditional clauses with and, else, end and it", () => {
    expect(lisp("(list (cl-loop for x in '(1 2 3) if (cl-oddp x) collect x and sum x into s else collect (- x) end finally return s) (cl-loop for x in '(3 1 2) when (> x 1) collect it) (cl-loop for i below 5 if (cl-evenp i) collect i else collect (- i)) (cl-loop for x in '(1 2 3 4) unless (= x 2) collect x))")).toBe("(4 (t t) (0 -1 2 -3 4) (1 3 4))");
  });

  it("ends early with return, always, never, thereis, while and until", () => {
    expect(lisp("(list (cl-loop for x in '(1 2) always (> x 1) finally (setq zz 1)) (cl-loop for x in '(1 2) return 5 finally return 7) (cl-loop for x in '(1 3) never (cl-evenp x)) (cl-loop for x in '(1 3 4) thereis (and (cl-evenp x) x)) (cl-loop for x in '(1 2 10 3) while (< x 5) collect x) (cl-loop for x in '(1 2 10 3) until (> x 5) collect x) (cl-loop named foo for x in '(1 2 3) do (when (= x 2) (cl-return-from foo 'early))))")).toBe("(nil 5 t 4 (1 2) (1 2) early)");
  });

  it("runs several for clauses in sequence and several accumulations into one list", () => {
    expect(lisp("(list (cl-loop for x in '(1 2 3) for y in '(a b) collect (list x y)) (cl-loop for x across \"ab\" for i from 0 collect (cons i x)) (cl-loop repeat 2 do (ignore) finally return 'ok) (cl-loop for x in '(1 2) collect x collect (* 10 x)) (cl-loop for i below 3 collect i into a finally return (nreverse a)))")).toBe("(((1 a) (2 b)) ((0 . 97) (1 . 98)) ok (1 10 2 20) (2 1 0))");
  });

  it("handles the clause combinations common in real code", () => {
    expect(lisp("(list (cl-loop for i from 0 for x across [a b] collect (list i x)) (cl-loop for (a b c) in '((1 2 3) (4 5 6)) collect (+ a b c)) (let ((n 0)) (cl-loop until (> n 3) do (cl-incf n)) n) (let ((l '(1 2 3))) (cl-loop for x = (pop l) while x collect x)) (cl-loop for x in '(1 nil 2) when x collect x into a else collect x into b finally return (list a b)) (cl-loop for x in '(\"a\" \"bbb\" \"cc\") maximize (length x)) (cl-loop for i from 1 to 10 if (cl-evenp i) sum i into evens else sum i into odds finally return (cons evens odds)) (cl-loop for i from 1 to 3 collect (cl-loop for j from 1 to i collect j)) (let ((n 0)) (cl-loop do (cl-incf n) while (< n 5)) n) (cl-loop for x in '(1 2 3) thereis (> x 2)) (cl-loop for c across \"abc\" concat (string c)) (cl-loop for x in '(nil 4 5) if x return it) (cl-loop for i from 1 to 3 and j = 0 then i collect (list i j)) (cl-loop for x in '(1 2 3) for y = (* x 2) collect y))")).toBe("(((0 a) (1 b)) (6 15) 4 (1 2 3) ((1 2) (nil)) 3 (30 . 25) ((1) (1 2) (1 2 3)) 5 t \"abc\" 4 ((1 0) (2 1) (3 2)) (2 4 6))");
    expect(lisp("(list (cl-loop for i from 1 to 3 do (ignore i) collect i) (cl-loop for i in '(1 2 3) sum (* i i) into total finally return total) (cl-loop for x in '(a b c) for i from 1 when (cl-oddp i) collect x) (cl-loop for i below 3 vconcat (list i)) (cl-loop with res = nil for x in '(1 2) do (push x res) finally return res) (cl-loop for x in '(1 2 3) minimize x into m finally return m) (cl-loop for i from 5 downto 1 by 2 collect i) (cl-loop for x in '(1 2 3 4 5) when (cl-oddp x) when (> x 1) collect x) (cl-loop for x in '(1 2 3) unless (= x 2) collect x and collect 'z) (cl-loop for (a . b) on '(1 2 3) collect (cons a b)) (cl-loop for x in '(3 4) append (list x) into l finally return l) (cl-loop for k being the hash-keys of (make-hash-table) collect k) (cl-loop for x in '(1 2) count (cl-oddp x)) (cl-loop repeat 0 collect 1) (cl-loop for i from 0 to 2 collect i into l append l into m finally return m))")).toBe("((1 2 3) 14 (a c) [0 1 2] (2 1) 1 (5 3 1) (3 5) (1 z 3 z) ((1 2 3) (2 3) (3)) (3 4) nil 1 nil (0 1 0 1 2 0 1 2))");
  });

});

describe("cl-defstruct", () => {
  it("makes records with keyword constructors, defaults, predicates and copiers", () => {
    lisp("(cl-defstruct person name (age 0))");
    expect(lisp("(let ((bob (make-person :name \"Bob\" :age 30))) (list bob (make-person) (person-p bob) (person-p 5) (type-of bob) (copy-person bob) (equal (make-person :name \"X\") (make-person :name \"X\"))))")).toBe("(#s(person \"Bob\" 30) #s(person nil 0) t nil person #s(person \"Bob\" 30) t)");
  });

  it("setf, cl-incf, push and pop work on accessors", () => {
    lisp("(cl-defstruct person name (age 0))");
    expect(lisp("(let ((p (make-person :age 1))) (setf (person-age p) 10) (cl-incf (person-age p)) (push 'z (person-name p)) (push 'y (person-name p)) (list (pop (person-name p)) p))")).toBe("(y #s(person (z) 11))");
  });

  it("accessors and setf signal wrong-type-argument on other objects", () => {
    lisp("(cl-defstruct person name (age 0))");
    expect(lispError("(person-name 5)")).toBe("(wrong-type-argument person 5)");
    expect(lispError("(setf (person-name 5) 1)")).toBe("(wrong-type-argument person 5)");
    expect(lispError("(make-person :foo 1)")).toBe("(error \"Keyword argument :foo not one of (:name :age)\")");
  });

  it("supports :include, :conc-name, :constructor, :predicate and :copier options", () => {
    lisp("(progn (cl-defstruct (animal (:constructor animal-create) (:copier nil)) (legs 4 :read-only t) name) (cl-defstruct (dog (:include animal (legs 3)) (:conc-name d-)) breed) (cl-defstruct (cpt (:constructor cpt-new (x &optional y &key (z 9))) (:predicate is-cpt)) x (y 7) z))");
    expect(lisp("(list (animal-create :name 'rex) (fboundp 'make-animal) (fboundp 'copy-animal))")).toBe("(#s(animal 4 rex) nil nil)");
    expect(lisp("(let ((d (make-dog :name 'fido :breed 'lab))) (list d (d-legs d) (animal-p d) (dog-p d) (dog-p (animal-create)) (cl-typep d 'animal) (type-of d) (d-name d) (animal-name d)))")).toBe("(#s(dog 3 fido lab) 3 t t nil t dog fido fido)");
    expect(lisp("(list (cpt-new 1) (cpt-new 1 2 :z 3) (is-cpt (cpt-new 1)) (fboundp 'cpt-p))")).toBe("(#s(cpt 1 7 9) #s(cpt 1 2 3) t nil)");
    expect(lispError("(d-breed (animal-create))")).toBe("(wrong-type-argument dog #s(animal 4 nil))");
  });

  it("supports list and vector types, :named, and cl-struct-slot-value", () => {
    lisp("(progn (cl-defstruct (lst (:type list) :named) a (b 2)) (cl-defstruct (vec (:type vector)) a b))");
    expect(lisp("(let ((x (make-lst :a 1)) (v (make-vec :a 1))) (setf (lst-b x) 5) (cl-incf (vec-a v)) (list x (lst-p x) (lst-p '(foo)) v (fboundp 'vec-p) (cl-struct-slot-value 'lst 'b x)))")).toBe("((lst 1 5) t nil [2 nil] nil 5)");
    expect(lispError("(lst-a 5)")).toBe("(wrong-type-argument lst 5)");
  });

});

describe("sequence functions", () => {
  it("remove, delete and substitute honour :count, :start and :from-end", () => {
    expect(lisp("(list (cl-remove 1 '(1 2 1 3 1) :count 2) (cl-remove 1 '(1 2 1 3 1) :count 2 :from-end t) (cl-remove 1 '(1 1 2 1 1 5 6) :count 1 :from-end t) (cl-remove 1 [1 2 1 3] :start 1) (cl-remove ?a \"banana\") (cl-remove-if #'cl-evenp [1 2 3 4]) (cl-remove-if-not #'cl-oddp '(1 2 3)) (cl-delete 3 (list 1 3 4 3)) (cl-substitute 'x 'a '(a b a)))")).toBe("((2 3 1) (2 3 1) (1 1 2 1 5 6) [1 2 3] \"bnn\" [1 3] (1 3) (1 4) (x b x))");
  });

  it("find, position and count take :test, :key, :start, :end and :from-end", () => {
    expect(lisp("(list (cl-find 3 '(1 2 3 4) :test #'<) (cl-find \"b\" '(\"a\" \"b\") :test #'equal) (cl-find-if #'cl-evenp [1 3 4]) (cl-position 2 '(1 2 3 2) :from-end t) (cl-position ?n \"banana\" :start 3) (cl-position 'x '((a) (x) (b)) :key #'car) (cl-count-if #'cl-oddp '(1 2 3 5) :end 3) (cl-count 'a '(a b a)))")).toBe("(4 \"b\" 4 3 4 1 2 2)");
  });

  it("remove-duplicates keeps the last occurrence unless :from-end", () => {
    expect(lisp("(list (cl-remove-duplicates '(1 2 1 3 2 4)) (cl-remove-duplicates '(1 2 1 3 2 4) :from-end t) (cl-remove-duplicates \"abcab\") (cl-remove-duplicates '((a . 1) (b . 2) (a . 3)) :key #'car))")).toBe("((1 3 2 4) (1 2 3 4) \"cab\" ((b . 2) (a . 3)))");
  });

  it("reduce, some, every and notany", () => {
    expect(lisp("(list (cl-reduce #'- '(1 2 3 4) :from-end t) (cl-reduce #'+ nil) (cl-reduce #'list '(1 2 3) :initial-value 0 :from-end t) (cl-reduce #'max [3 9 2]) (cl-some #'< '(1 5) '(2 4)) (cl-every #'< '(1 2) '(2 3)) (cl-notany #'cl-oddp '(2 4)))")).toBe("(-2 0 (1 (2 (3 0))) 9 t t t)");
  });

  it("accept :key, :start, :end and :test-not in the less common functions", () => {
    expect(lisp("(list (cl-remove-if (lambda (x) (> x 2)) '(1 2 3 4) :count 1) (cl-find 'b [a b c]) (cl-position-if #'cl-evenp '(1 3 4 6) :from-end t) (cl-every #'identity []) (cl-reduce #'+ [1 2 3] :key #'1+) (cl-reduce #'+ '(1 2 3 4) :start 1 :end 3) (cl-count 1 '(1 2 1) :test-not #'eql) (cl-substitute-if 0 #'cl-oddp [1 2 3]) (cl-intersection '((a . 1) (b . 2)) '((b . 3)) :key #'car) (cl-union '(\"a\") '(\"a\" \"b\") :test #'equal) (cl-set-difference '(\"a\" \"b\") '(\"a\") :test #'string=))")).toBe("((1 2 4) b 3 t 9 5 1 [0 2 0] ((b . 3)) (\"a\" \"b\") (\"b\"))");
    expect(lisp("(list (cl-isqrt 17) (cl-gcd 12 18) (cl-floor 7 2) (cl-parse-integer \"  42 \") (cl-list-length '(1 2 3)) (cl-ldiff '(1 2 3) nil) (cl-tailp nil '(1 2)) (cl-fill (list 1 2 3) 0 :start 1) (cl-replace (list 1 2 3 4) '(a b) :start1 1) (cl-map 'vector #'1+ '(1 2)) (cl-concatenate 'list '(1) [2] \"a\"))")).toBe("(4 6 (3 1) 42 3 (1 2 3) t (1 0 0) (1 a b 4) [2 3] (1 2 97))");
  });

});

describe("list functions", () => {
  it("member, assoc, rassoc, adjoin and pushnew", () => {
    expect(lisp("(list (cl-assoc \"b\" '((\"a\" . 1) (\"b\" . 2)) :test #'string=) (cl-rassoc 2 '((a . 1) (b . 2))) (cl-member 2.0 '(1 2 3) :test #'=) (cl-adjoin 2 '(1 2)) (let ((l (list 1 2))) (cl-pushnew 3 l) (cl-pushnew 1 l) l))")).toBe("((\"b\" . 2) (b . 2) (2 3) (1 2) (3 1 2))");
  });

  it("union, intersection, set-difference and subsetp order results as Emacs does", () => {
    expect(lisp("(list (cl-union '(1 2 3) '(2 3 4)) (cl-union '(1 2) '(2 3 4 5)) (cl-intersection '(1 2 3 4) '(2 4 6)) (cl-intersection '(1 2) '(2 4 6 1)) (cl-set-difference '(1 2 3 4) '(2 4 6)) (cl-set-exclusive-or '(1 2 3) '(2 3 4)) (cl-subsetp '(1 2) '(2 1 3)))")).toBe("((4 1 2 3) (1 2 3 4 5) (4 2) (2 1) (1 3) (1 4) t)");
  });

  it("sort, mapping and accessors", () => {
    expect(lisp("(list (cl-sort (vector 3 1 2) #'<) (cl-sort (list \"b\" \"A\" \"c\") #'string< :key #'downcase) (cl-mapcar #'list '(1 2 3) [a b] \"xyz\") (cl-mapcan (lambda (x) (list x x)) '(1 2)) (cl-maplist #'identity '(1 2 3)) (cl-third '(1 2 3)) (cl-tenth '(1 2 3 4 5 6 7 8 9 10)) (cl-copy-list '(1 2 . 3)) (cl-subseq '(a b c d) 1) (cl-subseq \"hello\" -3 -1) (cl-getf '(:a 1 :b 2) :b) (cl-getf '(:a 1) :z 'dflt) (cl-search \"lo\" \"hello\") (cl-mismatch '(1 2 3) '(1 2 4)))")).toBe("([1 2 3] (\"A\" \"b\" \"c\") ((1 a 120) (2 b 121)) (1 1 2 2) ((1 2 3) (2 3) (3)) 3 10 (1 2 . 3) (b c d) \"ll\" 2 dflt 3 2)");
  });

});

describe("binding macros", () => {
  it("cl-flet* , cl-macrolet, cl-multiple-value-bind, cl-rotatef, cl-psetq, cl-do and cl-remf", () => {
    expect(lisp("(list (cl-flet ((f #'car) (g (x) (list x))) (list (f '(1 2)) (g 3))) (cl-flet* ((f (x) (* 2 x)) (g (x) (f (f x)))) (g 3)) (cl-macrolet ((twice (x) `(* 2 ,x))) (twice 21)) (cl-multiple-value-bind (a b) (list 1 2) (+ a b)) (let ((a 1) (b 2)) (cl-rotatef a b) (list a b)) (let ((a 1) (b 2)) (cl-psetq a b b a) (list a b)) (cl-do ((i 0 (1+ i)) (acc nil (cons i acc))) ((= i 3) acc)) (let ((l (list :a 1 :b 2))) (cl-remf l :a) l))")).toBe("((1 (3)) 12 42 3 (2 1) (2 1) (2 1 0) (:b 2))");
    expect(lispError("(cl-check-type 5 string)")).toBe("(wrong-type-argument string 5 5)");
  });

});

describe("places", () => {
  it("gv-define-simple-setter and gv-define-setter places work with setf, push, pop and cl-incf", () => {
    lisp("(progn (defvar gv-store nil) (defun my-get (k) (plist-get gv-store k)) (defun my-put (k v) (setq gv-store (plist-put gv-store k v)) 'ignored) (gv-define-simple-setter my-get my-put t) (defun my-get2 (k) (plist-get gv-store k)) (gv-define-setter my-get2 (val k) `(my-put ,k ,val)))");
    expect(lisp("(list (setf (my-get :a) 5) (my-get :a) (progn (cl-incf (my-get :a) 2) (push 'x (my-get :l)) (push 'y (my-get :l)) (list (pop (my-get :l)) gv-store)) (setf (my-get2 :b) 7) (my-get2 :b) (let ((x (list 1 2))) (setf (car x) 10 (cadr x) 20) x))")).toBe("(5 5 (y (:a 7 :l (x) :b 7)) ignored 7 (10 20))");
  });

});

describe('setf on elt', () => {
  it('stores into lists and arrays', () => {
    expect(lisp("(let ((l (list 1 2 3)) (v (vector 1 2))) (setf (elt l 1) 'x (elt v 0) 'y) (list l v))")).toBe('((1 x 3) [y 2])');
  });
});

describe('cl-seq and cl-loop load on first use', () => {
  it('autoloads their functions, aliases and macros', () => {
    expect(lisp("(list (cl-first '(1 2)) (cl-endp nil) (cl-loop for i below 3 collect i) (cl-remove-if #'cl-evenp '(1 2 3 4)))")).toBe('(1 t (0 1 2) (1 3))');
    expect(lisp("(let ((f (macroexpand-all '(cl-loop for x in '(1 2) sum x)))) (eval f t))")).toBe('3');
  });
});

describe('cl-seq on a circular list, and cl-fill on a whole array', () => {
  // Goldens from GNU Emacs 28.2, whose cl-seq.el takes the length first.
  it('cl-remove, cl-delete, cl-remove-if, cl-substitute and cl-count signal circular-list', () => {
    for (const call of ['(cl-remove 1 l)', '(cl-delete 1 l)', "(cl-remove-if #'cl-evenp l)", '(cl-substitute 9 1 l)', '(cl-count 1 l)']) {
      expect(lisp(`(let ((print-circle t) (l (list 1 2 3))) (setcdr (cddr l) l) (format "%S" (condition-case e ${call} (error e))))`), call).toBe(
        '"(circular-list #1=(3 1 2 . #1#))"',
      );
    }
  });
  it('cl-fill fills a whole array with fillarray, a char-table too', () => {
    expect(lisp("(let ((c (make-char-table 'x))) (cl-fill c 5) (list (aref c 300) (aref c #x10ffff)))")).toBe('(5 5)');
    expect(lisp("(list (cl-fill (vector 1 2 3) 0) (cl-fill (vector 1 2 3) 0 :start 1) (cl-fill (list 1 2 3) 0 :end 2))")).toBe('([0 0 0] [1 0 0] (0 0 3))');
  });
});
