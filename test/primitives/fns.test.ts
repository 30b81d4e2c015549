// The list and sequence functions of fns.c and subr.el. Every expected
// value below was printed by GNU Emacs 28.2 for the same source (except
// take/ntake, which are Emacs 29's and follow its documented behaviour).
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

const check = (src: string, expected: string): void => expect(lisp(src), src).toBe(expected);
const checkError = (src: string, expected: string): void => expect(lispError(src), src).toBe(expected);

describe('length and its variants', () => {
  it('length counts lists, vectors, strings and bool-vectors', () => {
    check("(length '(1 2 3))", '3');
    check('(length nil)', '0');
    check('(length [1 2])', '2');
    check('(length "aé𝄞")', '3');
    check('(length (make-bool-vector 3 t))', '3');
  });
  it('length signals on dotted lists and non-sequences', () => {
    checkError("(length '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError('(length 5)', '(wrong-type-argument sequencep 5)');
    checkError("(length (symbol-function 'car))", '(wrong-type-argument sequencep #<subr car>)');
  });
  it('length of a circular list signals circular-list with the tail where the cycle was seen', () => {
    check(
      "(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (length x) (circular-list (eq (cadr e) (cddr x)))))",
      't',
    );
    check(
      "(let ((x (list 1 2 3))) (setcdr (cddr x) (cdr x)) (condition-case e (length x) (circular-list (eq (cadr e) (cddr x)))))",
      't',
    );
    check("(let ((x (list 1))) (setcdr x x) (condition-case e (length x) (circular-list (eq (cadr e) x))))", 't');
    checkError('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (length x))', '(circular-list (3 1 2 3 1 . #2))');
    checkError('(let ((x (list 1 2 3))) (setcdr (cddr x) (cdr x)) (length x))', '(circular-list (3 2 3 2 . #2))');
  });
  it('other list walks report circularity with the same tail as length', () => {
    checkError("(let ((x (list '(a) '(b)))) (setcdr (cdr x) x) (assoc 9 x))", '(circular-list ((a) (b) (a) (b) . #2))');
    checkError('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (delete 9 x))', '(circular-list (3 1 2 3 1 . #2))');
    checkError("(let ((x (list 1 2 3))) (setcdr (cddr x) x) (mapcar #'identity x))", '(circular-list (3 1 2 3 1 . #2))');
    checkError('(let ((x (list 1 2))) (setcdr (cdr x) x) (nconc x (list 3)))', '(circular-list (1 2 1 2 . #2))');
  });
  it('safe-length counts up to where a cycle is detected and never signals', () => {
    check("(safe-length '(1 2 . 3))", '2');
    check("(safe-length 'x)", '0');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (safe-length x))', '5');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) (cdr x)) (safe-length x))', '4');
  });
  it('proper-list-p returns the length of a proper list and nil otherwise', () => {
    check("(proper-list-p '(a b c))", '3');
    check('(proper-list-p nil)', '0');
    check("(proper-list-p '(a . b))", 'nil');
    check('(proper-list-p [1])', 'nil');
    check('(let ((x (list 1 2))) (setcdr (cdr x) x) (proper-list-p x))', 'nil');
  });
  it('length= length< length> compare without walking the whole list', () => {
    check("(list (length= '(1 2) 2) (length= '(1 2) 3) (length= nil 0))", '(t nil t)');
    check("(list (length< '(1 2) 3) (length< '(1 2) 2))", '(t nil)');
    check("(list (length> '(1 2) 1) (length> '(1 2) 2))", '(t nil)');
    check("(list (length= '(1 2 . 3) 2) (length< '(1 2 . 3) 5) (length> '(1 2 . 3) 1))", '(t t t)');
    check("(length= '(1 2) -1)", 'nil');
    check('(length< [1 2 3] 5)', 't');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (list (length= x 4) (length< x 2)))', '(nil nil)');
  });
  it('length= and friends want a fixnum and a sequence', () => {
    checkError("(length= '(1 2) 'a)", '(wrong-type-argument fixnump a)');
    checkError('(length< [1 2] 1.0)', '(wrong-type-argument fixnump 1.0)');
    checkError('(length= 5 1)', '(wrong-type-argument sequencep 5)');
  });
});

describe('nth, nthcdr and elt', () => {
  it('nth and nthcdr walk down a list', () => {
    check("(list (nth 0 '(a b c)) (nth 2 '(a b c)) (nth 3 '(a b c)) (nth 100 '(a b c)) (nth -1 '(a b c)))", '(a c nil nil a)');
    check("(list (nthcdr 2 '(a b c d)) (nthcdr 0 '(a b)) (nthcdr 10 '(a b)) (nthcdr -1 '(1 2)))", '((c d) (a b) nil (1 2))');
    check("(nthcdr 1 '(1 . 2))", '2');
    check("(nth 1 '(a b . c))", 'b');
    check('(nthcdr 0 5)', '5');
  });
  it('nthcdr past a dotted end names the whole list, nth names the atom it took the car of', () => {
    checkError("(nthcdr 3 '(1 . 2))", '(wrong-type-argument listp (1 . 2))');
    checkError("(nthcdr 3 '(1 2 . 3))", '(wrong-type-argument listp (1 2 . 3))');
    checkError('(nthcdr 1 5)', '(wrong-type-argument listp 5)');
    checkError("(nth 1 '(1 . 2))", '(wrong-type-argument listp 2)');
    checkError("(nth 3 '(1 . 2))", '(wrong-type-argument listp (1 . 2))');
    checkError("(nth 'a '(1))", '(wrong-type-argument integerp a)');
    checkError("(nth 2.0 '(1 2 3))", '(wrong-type-argument integerp 2.0)');
  });
  it('nthcdr accepts bignums and goes round circular lists modulo their cycle', () => {
    check("(nthcdr (expt 2 70) '(1 2))", 'nil');
    check('(nthcdr (- (expt 2 70)) 5)', '5');
    checkError('(nthcdr (expt 2 70) 5)', '(wrong-type-argument listp 5)');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (car (nthcdr 1000000001 x)))', '3');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (car (nthcdr (expt 10 30) x)))', '2');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) (cdr x)) (car (nthcdr 1000000001 x)))', '2');
  });
  it('elt indexes lists like nth and arrays like aref', () => {
    check('(list (elt \'(a b c) 1) (elt [a b c] 1) (elt "abc" 1))', '(b b 98)');
    check("(list (elt '(a b) 5) (elt '(1 2) -1))", '(nil 1)');
    check('(elt (make-bool-vector 2 t) 1)', 't');
  });
  it('elt signals as nthcdr for lists and as aref for arrays', () => {
    checkError('(elt [1 2] 2)', '(args-out-of-range [1 2] 2)');
    checkError('(elt [1 2] -1)', '(args-out-of-range [1 2] -1)');
    checkError('(elt "ab" 2)', '(args-out-of-range "ab" 2)');
    checkError('(elt [1 2] 1.0)', '(wrong-type-argument fixnump 1.0)');
    checkError("(elt '(1 2) 'a)", '(wrong-type-argument integerp a)');
    checkError("(elt '(1 . 2) 1)", '(wrong-type-argument listp 2)');
    checkError('(elt 5 1)', '(wrong-type-argument sequencep 5)');
    checkError("(elt (record 'a 1) 1)", '(wrong-type-argument sequencep #s(a 1))');
  });
});

describe('the c[ad]r combinations', () => {
  it('two, three and four levels are defined', () => {
    check("(list (cadr '(1 2 3)) (cddr '(1 2 3)) (caar '((1 2) 3)) (cdar '((1 2) 3)))", '(2 (3) 1 (2))');
    check("(list (caddr '(1 2 3)) (caaar '(((1)))) (cddddr '(1 2 3 4 5)) (cadddr '(1 2 3 4)))", '(3 1 (5) 4)');
    check("(let ((n 0)) (mapatoms (lambda (s) (when (and (fboundp s) (string-match \"\\\\`c[ad]+r\\\\'\" (symbol-name s))) (setq n (1+ n))))) n)", '30');
  });
  it('signal listp with the object car or cdr was applied to', () => {
    checkError('(cadr 5)', '(wrong-type-argument listp 5)');
    checkError("(cadr '(1 . 2))", '(wrong-type-argument listp 2)');
    checkError("(caddr '(1 2 . 3))", '(wrong-type-argument listp 3)');
  });
});

describe('last, butlast and nbutlast', () => {
  it('last returns the last N conses', () => {
    check("(list (last '(a b c)) (last '(a b c) 2) (last '(a b c) 0) (last '(a b c) 5) (last '(a b c) -1))", '((c) (b c) nil (a b c) nil)');
    check("(list (last '(1 2 . 3)) (last '(1 2 . 3) 2) (last nil) (last 5) (last [1 2 3]))", '((2 . 3) (1 2 . 3) nil 5 [1 2 3])');
    checkError("(last '(1 2 3) 'a)", '(wrong-type-argument number-or-marker-p a)');
  });
  it('butlast copies, nbutlast cuts in place', () => {
    check("(list (butlast '(a b c d)) (butlast '(a b c d) 2) (butlast '(a b) 10))", '((a b c) (a b) nil)');
    check('(let ((x (list 1 2 3 4))) (nbutlast x 2) x)', '(1 2)');
    check("(let ((l (list 1 2 3))) (list (eq l (butlast l 0)) (eq l (butlast l -1)) (eq l (nbutlast l 0))))", '(t t t)');
    check('(list (nbutlast (list 1 2 3) 3) (nbutlast (list 1 2 3) -2))', '(nil (1 2 3))');
    check('(let* ((l (list 1 2 3)) (b (butlast l))) (list l b))', '((1 2 3) (1 2))');
  });
  it('butlast signals through copy-sequence, length and nthcdr', () => {
    checkError('(butlast 5)', '(wrong-type-argument sequencep 5)');
    checkError('(butlast [1 2 3])', '(wrong-type-argument listp [1 2 3])');
    checkError("(butlast '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(nbutlast '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(butlast '(1 2 3) 'a)", '(wrong-type-argument number-or-marker-p a)');
  });
});

describe('take and ntake (Emacs 29)', () => {
  it('take copies the first N elements, ntake truncates in place', () => {
    check("(list (take 2 '(1 2 3)) (take 0 '(1 2)) (take -1 '(1 2)) (take 5 '(1 2)) (take 2 nil))", '((1 2) nil nil (1 2) nil)');
    check("(let* ((l (list 1 2 3)) (r (take 2 l))) (list l r (eq l r)))", '((1 2 3) (1 2) nil)');
    check('(let* ((l (list 1 2 3)) (r (ntake 2 l))) (list l r (eq l r)))', '((1 2) (1 2) t)');
    check("(list (ntake 0 (list 1)) (ntake 5 (list 1 2)))", '(nil (1 2))');
  });
});

describe('append, nconc, copy-sequence and vconcat', () => {
  it('append copies all but the last argument, which becomes the shared tail', () => {
    check("(list (append '(1 2) '(3) nil '(4 5)) (append) (append '(1)) (append '(1 2) 3))", '((1 2 3 4 5) nil (1) (1 2 . 3))');
    check("(list (append [1 2] '(3)) (append \"ab\" nil) (append (make-bool-vector 2 t) nil) (append [1] [2]))", '((1 2 3) (97 98) (t t) (1 . [2]))');
    check("(let* ((tail (list 3 4)) (r (append '(1 2) tail))) (eq (cddr r) tail))", 't');
    check('(append nil nil 3)', '3');
  });
  it('append checks every argument but the last is a sequence before measuring any', () => {
    checkError('(append 1 nil)', '(wrong-type-argument sequencep 1)');
    checkError("(append '(1 . 2) nil)", '(wrong-type-argument listp 2)');
    checkError("(append '(1 . 2) 5 nil)", '(wrong-type-argument sequencep 5)');
    checkError("(append (make-char-table 'x) nil)", "(wrong-type-argument sequencep #^[nil nil x nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil])");
  });
  it('nconc splices lists, skipping nils', () => {
    check('(let ((a (list 1 2)) (b (list 3))) (nconc a b) a)', '(1 2 3)');
    check('(let ((a nil) (b (list 3))) (list (nconc a b) a))', '((3) nil)');
    check('(list (nconc (list 1) nil (list 2 3) (list 4)) (nconc) (nconc nil) (nconc 3) (nconc (list 1) nil nil (list 2)))', '((1 2 3 4) nil nil 3 (1 2))');
    check('(nconc (cons 1 5) (list 2))', '(1 2)');
  });
  it('nconc wants a cons for every argument but the last', () => {
    checkError("(nconc 1 '(2))", '(wrong-type-argument consp 1)');
    checkError('(nconc nil 1 nil)', '(wrong-type-argument consp 1)');
    checkError("(nconc (list 1) 2 '(3))", '(wrong-type-argument consp 2)');
    check("(let ((x (list 1 2))) (setcdr (cdr x) x) (condition-case e (nconc x (list 3)) (circular-list 'circular)))", 'circular');
  });
  it('copy-sequence copies the top level of any sequence', () => {
    check('(let* ((x (list (list 1) 2)) (y (copy-sequence x))) (list (equal x y) (eq x y) (eq (car x) (car y))))', '(t nil t)');
    check('(let* ((v [1 2]) (c (copy-sequence v))) (aset c 0 9) (list v c))', '([1 2] [9 2])');
    check("(list (copy-sequence (make-bool-vector 2 t)) (copy-sequence (record 'a 1)) (copy-sequence \"ab\") (copy-sequence nil))", '(#&2"\x03" #s(a 1) "ab" nil)');
    checkError('(copy-sequence 5)', '(wrong-type-argument sequencep 5)');
    checkError("(copy-sequence '(1 2 . 3))", '(wrong-type-argument listp 3)');
    check(
      '(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (copy-sequence x) (circular-list (eq (cadr e) (cddr x)))))',
      't',
    );
  });
  it('vconcat makes a vector of all elements', () => {
    check("(list (vconcat '(1) \"a\" [2] (make-bool-vector 2 nil)) (vconcat))", '([1 97 2 nil nil] [])');
    checkError("(vconcat '(1 . 2))", '(wrong-type-argument listp 2)');
    checkError("(vconcat '(1 . 2) 5)", '(wrong-type-argument sequencep 5)');
  });
});

describe('reverse and nreverse', () => {
  it('reverse makes a new sequence of the same type', () => {
    check("(list (reverse '(1 2 3)) (reverse [1 2 3]) (reverse \"abc\") (reverse \"aé𝄞\") (reverse nil))", '((3 2 1) [3 2 1] "cba" "𝄞éa" nil)');
    check('(let ((x (list 1 2 3))) (reverse x) x)', '(1 2 3)');
    check('(reverse (bool-vector t nil nil))', '#&3"\x04"');
    checkError('(reverse 5)', '(wrong-type-argument sequencep 5)');
    checkError("(reverse '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(reverse (record 'a 1))", '(wrong-type-argument sequencep #s(a 1))');
  });
  it('nreverse reverses lists by relinking and arrays in place', () => {
    check('(nreverse (list 1 2 3 4))', '(4 3 2 1)');
    check('(let ((x (list 1 2 3))) (list (nreverse x) x))', '((3 2 1) (1))');
    check('(let ((v (vector 1 2 3))) (nreverse v) v)', '[3 2 1]');
    check('(nreverse "abc")', '"cba"');
    check('(let ((b (bool-vector t nil nil))) (nreverse b) b)', '#&3"\x04"');
  });
  it('nreverse signals with the (already cut) original list', () => {
    checkError('(nreverse (cons 1 (cons 2 3)))', '(wrong-type-argument listp (1))');
    checkError('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (nreverse x))', '(circular-list (1))');
    checkError('(let ((x (list 1 2 3))) (setcdr (cddr x) (cdr x)) (nreverse x))', '(circular-list (1))');
    checkError('(nreverse 5)', '(wrong-type-argument arrayp 5)');
  });
});

describe('equal on unibyte and multibyte strings', () => {
  // Emacs compares the bytes: unibyte byte 233 is not the character é (two bytes in a multibyte string).
  it('is t for the same ASCII text whatever the multibyteness, nil for the same non-ASCII codes', () => {
    check('(list (equal "\\351" "é") (equal "abc" (string-to-multibyte "abc")) (equal "é" (string-to-multibyte "é")) (string= "\\351" "é"))', '(nil t t nil)');
  });
  it('keeps assoc, member and equal hash tables consistent with it', () => {
    check(`(list (cdr (assoc "\\351" '(("é" . 1) ("\\351" . 2)))) (member "\\351" '("é")) (member "abc" (list (string-to-multibyte "abc"))))`, '(2 nil ("abc"))');
    check('(let ((h (make-hash-table :test (quote equal)))) (puthash "é" 1 h) (puthash "abc" 2 h) (list (gethash "\\351" h) (gethash "é" h) (gethash (string-to-multibyte "abc") h)))', '(nil 1 2)');
  });
});

describe('member, memq, memql', () => {
  it('compare with equal, eq and eql', () => {
    check("(list (memq 'c '(a b c d)) (memq 'z '(a b)) (memq \"b\" '(\"a\" \"b\")))", '((c d) nil nil)');
    check("(list (member \"b\" '(\"a\" \"b\" \"c\")) (member '(1) '((0) (1) (2))) (member 1.0 '(1 1.0)))", '(("b" "c") ((1) (2)) (1.0))');
    check("(list (memql 1.0 '(1 1.0 2)) (memq 1.0 '(1 1.0 2)) (memql 2 '(1 2)))", '((1.0 2) nil (2))');
    check("(memq 2 '(2 . 3))", '(2 . 3)');
  });
  it('signal listp with the whole list when they reach a dotted end', () => {
    checkError("(member 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError("(memq 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError("(memql 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError('(member 1 5)', '(wrong-type-argument listp 5)');
  });
  it('signal circular-list on a circular list without the element', () => {
    for (const f of ['memq', 'member', 'memql']) {
      check(`(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (${f} 9 x) (circular-list (eq (cadr e) (cddr x)))))`, 't');
    }
  });
  it('member-ignore-case skips non-strings and folds case', () => {
    check("(list (member-ignore-case \"B\" '(\"a\" \"b\")) (member-ignore-case \"A\" '(\"b\" a \"a\")) (member-ignore-case \"é\" '(\"É\")))", '(("b") ("a") ("É"))');
    checkError("(member-ignore-case 'a '(\"a\"))", '(wrong-type-argument stringp a)');
    checkError('(member-ignore-case "a" 5)', '(wrong-type-argument listp 5)');
    checkError("(member-ignore-case \"a\" '(\"b\" . 3))", '(wrong-type-argument listp 3)');
  });
});

describe('association lists', () => {
  it('assq assoc rassq rassoc find the first matching pair and skip non-conses', () => {
    check("(let ((al '((a . 1) (b . 2) (\"c\" . 3) (b . 4) (nil . 5)))) (list (assq 'b al) (assq \"c\" al) (assoc \"c\" al) (assoc nil al) (rassq 2 al) (rassoc 3 al)))", '((b . 2) nil ("c" . 3) (nil . 5) (b . 2) ("c" . 3))');
    check("(list (assq 'x '(1 (x . found))) (assoc 'a '((b) 1 (a . 2))) (rassoc 2 '((b) 1 (a . 2))))", '((x . found) (a . 2) (a . 2))');
    check("(list (assoc 1.0 '((1.0 . a))) (assq 1.0 '((1.0 . a))))", '((1.0 . a) nil)');
  });
  it('assoc calls TESTFN with the element key first', () => {
    check("(assoc 2 '((1 . a) (2 . b)) #'<)", '(1 . a)');
    check("(let (r) (assoc 2 '((1 . a) (3 . b)) (lambda (a b) (push (list a b) r) nil)) r)", '((3 2) (1 2))');
    check("(assoc 2 '(5 (3 . b)) #'<)", 'nil');
    check("(assoc 1 '((1 . a)) 'eq)", '(1 . a)');
    check("(assoc \"C\" '((\"c\" . 3)) (lambda (a b) (string= (downcase a) (downcase b))))", '("c" . 3)');
  });
  it('the association functions signal on dotted and circular alists', () => {
    checkError("(assq 'a 5)", '(wrong-type-argument listp 5)');
    checkError("(assq 'a '((b) . 5))", '(wrong-type-argument listp ((b) . 5))');
    check("(assq 'b '((b) . 5))", '(b)');
    checkError("(assoc 'a '((b) . 5))", '(wrong-type-argument listp ((b) . 5))');
    checkError("(assoc 'a '((b) . 5) #'eq)", '(wrong-type-argument listp ((b) . 5))');
    checkError("(rassq 'a '((b) . 5))", '(wrong-type-argument listp ((b) . 5))');
    checkError("(rassoc 'a '((b) . 5))", '(wrong-type-argument listp ((b) . 5))');
    check("(let ((x (list '(a) '(b)))) (setcdr (cdr x) x) (condition-case e (assq 9 x) (circular-list (eq (cadr e) x))))", 't');
    check("(let ((x (list '(a) '(b)))) (setcdr (cdr x) x) (condition-case e (assoc 9 x) (circular-list (eq (cadr e) x))))", 't');
  });
  it('alist-get uses assq or assoc with TESTFN and returns DEFAULT only when the key is missing', () => {
    check("(let ((al '((a . 1) (b . 2) (\"c\" . 3)))) (list (alist-get 'b al) (alist-get 'z al 'none) (alist-get \"c\" al) (alist-get \"c\" al nil nil #'equal)))", '(2 none nil 3)');
    check("(list (alist-get 'a '((a)) 'd) (alist-get 'a '((a . 1)) 'd t) (alist-get \"a\" '((\"a\" . 1)) 'd nil 'equal))", '(nil 1 1)');
    checkError("(alist-get 'a 5)", '(wrong-type-argument listp 5)');
    checkError("(alist-get 'a '((b . 1) . 5))", '(wrong-type-argument listp ((b . 1) . 5))');
  });
  it('assoc-default matches atoms too and calls TEST with the element key first', () => {
    check("(let ((al '((\"a\" . 1) \"b\" (\"c\" 3)))) (list (assoc-default \"a\" al) (assoc-default \"b\" al) (assoc-default \"b\" al nil 'def) (assoc-default \"c\" al nil 'def) (assoc-default \"x\" al nil 'def)))", '(1 nil def (3) nil)');
    check("(assoc-default \"abc\" '((\"^a\" . 1)) #'string-match)", '1');
    checkError('(assoc-default "a" 5)', '(wrong-type-argument listp 5)');
  });
  it('copy-alist copies the top-level conses of elements', () => {
    check('(let* ((a (list (cons \'x 1))) (b (copy-alist a))) (setcdr (car b) 99) (list a b))', '(((x . 1)) ((x . 99)))');
    check("(list (copy-alist '((a . 1) b)) (copy-alist [(a . 1)]) (copy-alist nil))", '(((a . 1) b) ((a . 1)) nil)');
    checkError('(copy-alist 5)', '(wrong-type-argument sequencep 5)');
    checkError("(copy-alist '((a . 1) b . 3))", '(wrong-type-argument listp 3)');
  });
});

describe('delete, delq, remove, remq, delete-dups', () => {
  it('delq and delete splice matching elements out of a list', () => {
    check("(list (delq 'b (list 'a 'b 'c 'b)) (delq nil (list 1 nil 2 nil)) (delete 'x (list 'x 'x)) (delq \"a\" (list \"a\" \"b\")))", '((a c) (1 2) nil ("a" "b"))');
    check("(let ((x (list 'a 'b))) (list (delq 'a x) x))", '((b) (a b))');
    check('(let ((x (list 1 2 3))) (delq 2 x) x)', '(1 3)');
    check("(list (delete \"b\" (list \"a\" \"b\" \"c\")) (delete '(1) (list '(1) '(2) '(1))) (delete 1.0 (list 1.0 1 2)))", '(("a" "c") ((2)) (1 2))');
  });
  it('delete makes a new array only when something was removed', () => {
    check('(list (delete 1 [1 2 1 3]) (delete ?l "hello") (delete "a" "abc"))', '([2 3] "heo" "abc")');
    check('(let ((v (vector 1 2))) (list (eq v (delete 3 v)) (eq v (remove 3 v))))', '(t t)');
    check('(let ((v "abc")) (eq v (delete 3 v)))', 't');
  });
  it('delq and delete signal on dotted and circular lists', () => {
    checkError("(delq 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError('(delq 1 5)', '(wrong-type-argument listp 5)');
    checkError("(delete 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError('(delete 1 (make-bool-vector 2 t))', '(wrong-type-argument listp #&2"\x03")');
    check('(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (delq 9 x) (circular-list (eq (cadr e) (cddr x)))))', 't');
  });
  it('remove and remq leave the original alone', () => {
    check("(list (remq 'a '(a b a c)) (let ((x (list 'a 'b 'a))) (remq 'a x) x) (remove \"a\" '(\"a\" \"b\" \"a\")) (remove 2 [1 2 3 2]) (remove ?a \"banana\"))", '((b c) (a b a) ("b") [1 3] "bnn")');
    check("(let ((l (list 1 2))) (list (eq l (remq 3 l)) (eq l (remove 3 l))))", '(t nil)');
    checkError("(remove 1 '(2 . 3))", '(wrong-type-argument listp 3)');
    checkError('(remove 1 5)', '(wrong-type-argument listp 5)');
    checkError("(remq 1 '(2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError("(remq 1 '(1 2 . 3))", '(wrong-type-argument listp (2 . 3))');
    checkError("(remq 2 '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError('(remq 1 5)', '(wrong-type-argument listp 5)');
  });
  it('delete-dups keeps first occurrences, compared with equal, in the same conses', () => {
    check('(delete-dups (list 1 2 1 3 2 "x" "x"))', '(1 2 3 "x")');
    check("(delete-dups (list 1.0 1.0 \"a\" \"a\" 'a [1] [1]))", '(1.0 "a" a [1])');
    check('(let ((l (list 1 2 1))) (eq l (delete-dups l)))', 't');
    check('(length (delete-dups (number-sequence 1 300)))', '300');
    checkError('(delete-dups 5)', '(wrong-type-argument sequencep 5)');
    checkError("(delete-dups '(1 2 . 3))", '(wrong-type-argument listp 3)');
  });
});

describe('mapping functions', () => {
  it('mapcar maps over lists, vectors, strings and bool-vectors', () => {
    check("(list (mapcar #'1+ '(1 2 3)) (mapcar #'1+ [1 2 3]) (mapcar #'upcase \"abc\") (mapcar #'identity (bool-vector t nil)) (mapcar #'car nil))", '((2 3 4) (2 3 4) (65 66 67) (t nil) nil)');
    check("(mapcar 'car '((a 1) (b 2)))", '(a b)');
  });
  it('mapc returns the sequence; mapcan splices the results', () => {
    check("(list (mapc #'ignore '(1 2 3)) (let ((sum 0)) (mapc (lambda (x) (setq sum (+ sum x))) '(1 2 3)) sum))", '((1 2 3) 6)');
    check("(list (mapcan (lambda (x) (list x x)) '(1 2)) (mapcan (lambda (x) (and (> x 1) (list x))) '(1 2 3)) (mapcan #'identity (list (list 1) (list 3) 4)))", '((1 1 2 2) (2 3) (1 3 . 4))');
    checkError('(mapcan #\'identity (list (list 1) 2 (list 3)))', '(wrong-type-argument consp 2)');
  });
  it('mapping stops where a list was cut short by the function', () => {
    check('(let ((x (list 1 2 3))) (mapcar (lambda (y) (setcdr x nil) y) x))', '(1)');
    check('(let ((x (list 1 2 3)) r) (mapc (lambda (y) (push y r) (setcdr x nil) y) x) r)', '(1)');
  });
  it('the mapping functions check the sequence before calling anything', () => {
    checkError("(mapcar #'identity 5)", '(wrong-type-argument sequencep 5)');
    checkError("(mapcar #'identity '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(mapc #'identity '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(mapcan #'identity 5)", '(wrong-type-argument sequencep 5)');
    checkError("(let (r) (mapcar (lambda (x) (push x r)) '(1 . 2)))", '(wrong-type-argument listp 2)');
    check("(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (mapcar #'identity x) (circular-list 'circular)))", 'circular');
  });
  it('mapconcat requires its separator in Emacs 28 and concatenates like concat', () => {
    check("(list (mapconcat #'symbol-name '(a b c) \"-\") (mapconcat #'identity '(\"x\" \"y\") \"\") (mapconcat #'identity '(\"a\" \"b\") nil) (mapconcat #'identity [] \"-\"))", '("a-b-c" "xy" "ab" "")');
    check("(mapconcat #'identity '(\"a\" (98 99) [100]) \"-\")", '"a-bc-d"');
    check("(list (mapconcat #'identity '(\"a\" \"b\") '(?x ?y)) (mapconcat #'identity '(\"a\" \"b\") \"é\") (mapconcat #'identity '(\"a\") 5))", '("axyb" "aéb" "a")');
    check("(list (multibyte-string-p (mapconcat #'identity '(\"a\" \"b\") \"-\")) (multibyte-string-p (mapconcat #'identity '((200) \"a\") \"\")))", '(nil t)');
    check("(mapconcat #'identity (list (string-to-unibyte \"\\377\") \"é\") \"\")", '"\\377é"');
    checkError("(mapconcat #'identity '(\"a\" \"b\"))", '(wrong-number-of-arguments mapconcat 2)');
    checkError("(mapconcat #'identity '(\"a\" b) \"-\")", '(wrong-type-argument sequencep b)');
    checkError("(mapconcat #'identity '((a) \"a\") \"\")", '(wrong-type-argument characterp a)');
    checkError("(mapconcat #'identity '(\"a\" \"b\") 5)", '(wrong-type-argument sequencep 5)');
  });
});

describe('sort', () => {
  it('sorts lists stably and destructively, reusing the conses', () => {
    check("(list (sort (list 3 1 4 1 5 9 2 6) #'<) (sort (list \"pear\" \"apple\" \"fig\") #'string<) (sort nil #'<) (sort (list 1) #'<))", '((1 1 2 3 4 5 6 9) ("apple" "fig" "pear") nil (1))');
    check("(sort (list '(1 . a) '(0 . b) '(1 . c) '(0 . d) '(1 . e)) (lambda (x y) (< (car x) (car y))))", '((0 . b) (0 . d) (1 . a) (1 . c) (1 . e))');
    check("(let* ((l (list 3 1 2 5 4)) (s (sort l #'<))) (list l s))", '((3 4 5) (1 2 3 4 5))');
    check("(let* ((c1 (list 3)) (c2 (list 1)) (l (nconc c1 c2)) (s (sort l #'<))) (list (eq s c1) (eq s c2)))", '(nil t)');
  });
  it('sorts vectors in place', () => {
    check("(let ((v (vector 5 2 8 1))) (list (sort v #'<) v (eq v (sort v #'<))))", '([1 2 5 8] [1 2 5 8] t)');
    check("(sort [] #'car)", '[]');
  });
  it('calls the predicate in the same order as Emacs 28', () => {
    check("(let (calls) (sort (list 4 3 1 2) (lambda (a b) (push (list a b) calls) (< a b))) (nreverse calls))", '((2 1) (3 4) (1 3) (2 3))');
    check("(let (calls) (sort (vector 4 3 1 2) (lambda (a b) (push (list a b) calls) (< a b))) (nreverse calls))", '((3 4) (2 1) (1 3) (2 3))');
    check("(let (calls) (sort (list 5 2 4 1 3) (lambda (a b) (push (list a b) calls) (< a b))) (nreverse calls))", '((3 1) (1 4) (3 4) (2 5) (1 2) (3 2) (3 5) (4 5))');
    check("(let (calls) (sort (vector 5 2 4 1 3) (lambda (a b) (push (list a b) calls) (< a b))) (nreverse calls))", '((2 5) (3 1) (1 4) (3 4) (1 2) (3 2) (3 5) (4 5))');
    check("(let ((n 0)) (sort (list 5 4 3 2 1 0) (lambda (a b) (setq n (1+ n)) (< a b))) n)", '9');
  });
  it('car-less-than-car compares the cars numerically', () => {
    check("(sort (list '(1 . a) '(0 . b) '(1 . c) '(0 . d)) #'car-less-than-car)", '((0 . b) (0 . d) (1 . a) (1 . c))');
    check("(car-less-than-car '(1.5) '(2))", 't');
    checkError("(car-less-than-car '(a) '(1))", '(wrong-type-argument number-or-marker-p a)');
    checkError("(car-less-than-car 5 '(1))", '(wrong-type-argument listp 5)');
  });
  it('signals for other sequences and improper lists', () => {
    checkError("(sort \"cba\" #'<)", '(wrong-type-argument list-or-vector-p "cba")');
    checkError("(sort 5 #'<)", '(wrong-type-argument list-or-vector-p 5)');
    checkError("(sort (cons 2 (cons 1 3)) #'<)", '(wrong-type-argument listp 3)');
    checkError("(sort (list 2 1) 'foo)", '(void-function foo)');
    check("(let ((x (list 1 2 3))) (setcdr (cddr x) x) (condition-case e (sort x #'<) (circular-list (eq (cadr e) (cddr x)))))", 't');
  });
});

describe('number-sequence', () => {
  it('counts from FROM to TO by INC', () => {
    check('(list (number-sequence 1 5) (number-sequence 0 10 3) (number-sequence 5 1 -1) (number-sequence 10 0 -4) (number-sequence 5 1))', '((1 2 3 4 5) (0 3 6 9) (5 4 3 2 1) (10 6 2) nil)');
    check("(list (number-sequence 3) (number-sequence 3 3) (number-sequence 2 2 0) (number-sequence 'a) (number-sequence 1 nil 5) (number-sequence 0 1 -1))", '((3) (3) (2) (a) (1) nil)');
  });
  it('computes each float element from FROM as Emacs does', () => {
    check('(list (number-sequence 0 1 0.25) (number-sequence 1.5 4) (number-sequence 0 0.3 0.1) (number-sequence 1 2 0.3))', '((0 0.25 0.5 0.75 1.0) (1.5 2.5 3.5) (0 0.1 0.2) (1 1.3 1.6 1.9))');
    check('(list (number-sequence 1 3 1.0) (number-sequence 3 1 -0.5))', '((1 2.0 3.0) (3 2.5 2.0 1.5 1.0))');
    check('(number-sequence (expt 2 62) (+ 2 (expt 2 62)))', '(4611686018427387904 4611686018427387905 4611686018427387906)');
  });
  it('signals on a zero increment and on non-numbers', () => {
    checkError('(number-sequence 1 5 0)', '(error "The increment can not be zero")');
    checkError("(number-sequence 1 'a)", '(wrong-type-argument number-or-marker-p a)');
    checkError("(number-sequence 1 5 'a)", '(wrong-type-argument number-or-marker-p a)');
  });
});

describe('trees and small helpers', () => {
  it('copy-tree copies conses, and vectors only when asked', () => {
    check("(let* ((x (list (list 1) 2)) (y (copy-tree x))) (list (equal x y) (eq (car x) (car y))))", '(t nil)');
    check("(list (copy-tree '(1 [2 (3)] (4 . 5))) (copy-tree 5) (copy-tree '(1 2 . 3)))", '((1 [2 (3)] (4 . 5)) 5 (1 2 . 3))');
    check("(let ((v [1 2])) (eq v (copy-tree v)))", 't');
    check("(let* ((v [1 (2)]) (c (copy-tree (list v) t))) (list (eq (car c) v) (eq (aref v 1) (aref (car c) 1)) c))", '(nil nil ([1 (2)]))');
  });
  it('flatten-tree drops nils and keeps dotted tails', () => {
    check("(list (flatten-tree '(1 (2 (3 nil 4)) ((5)))) (flatten-tree '(1 . 2)) (flatten-tree 5) (flatten-tree nil) (flatten-tree '(nil (nil) 1 (2 . 3) [4])))", '((1 2 3 4 5) (1 2) (5) nil (1 2 3 [4]))');
  });
  it('ensure-list, identity, ignore, always and xor', () => {
    check("(list (ensure-list 1) (ensure-list '(1)) (ensure-list nil) (ensure-list [1]))", '((1) (1) nil ([1]))');
    check('(list (identity 1) (ignore 1 2) (always 1 2) (always))', '(1 nil t t)');
    check('(list (xor 1 2) (xor nil 2) (xor 1 nil) (xor nil nil))', '(nil 2 1 nil)');
  });
  it('string-to-list lists any sequence', () => {
    check('(list (string-to-list "aé") (string-to-list [1 2]) (string-to-list nil))', '((97 233) (1 2) nil)');
    checkError('(string-to-list 5)', '(wrong-type-argument sequencep 5)');
  });
});

describe('a circular list given where a list is walked signals, never ends the process', () => {
  // Each of these once grew a JavaScript array until V8 aborted the whole process. Goldens from GNU Emacs 28.2.
  const circular = "(let ((l (list 97 98 99))) (setcdr (cddr l) l) l)";
  const caught = (call: string): string => lisp(`(let ((print-circle t) (l ${circular})) (format "%S" (condition-case e ${call} (error e))))`);
  it('apply, concat, string-to-list and regexp-opt signal circular-list as Emacs does', () => {
    for (const call of ["(apply #'+ l)", '(concat l)', '(string-to-list l)', '(string-to-vector l)', '(regexp-opt l)']) {
      expect(caught(call), call).toBe('"(circular-list #1=(99 97 98 . #1#))"');
    }
    expect(caught("(apply '(+ . #1=(1 . #1#)))")).toBe('"(circular-list #1=(1 . #1#))"');
  });
  it('seq-max, set-match-data and evaluating a circular form signal as Emacs does; macroexpand-all signals where Emacs loops', () => {
    for (const call of ['(seq-max l)', '(set-match-data l)', "(eval (cons 'list l))", "(apply #'max l)"]) {
      expect(caught(call), call).toBe('"(circular-list #1=(99 97 98 . #1#))"');
    }
    expect(caught('(macroexpand-all l)')).toMatch(/^"\(circular-list /);
    checkError('(make-list 10000000000 nil)', '(error "Memory exhausted--use C-x s then exit and restart Emacs")');
  });
  it('apply signals on a dotted last argument as Emacs does', () => {
    checkError("(apply #'+ 1 '(2 . 3))", '(wrong-type-argument listp 3)');
    checkError("(apply '(+ 2 . 3))", '(wrong-type-argument listp 3)');
    check("(list (apply #'+ 1 2 '(3 4)) (apply #'list nil) (apply '(list 1 2)) (apply #'+ '()))", '(10 nil (1 2) 0)');
  });
});

describe('builtins that Emacs lets loop forever on a circular list signal instead', () => {
  const circular = "(let ((l (list 1 2 3))) (setcdr (cddr l) l) l)";
  it('copy-tree and the REUSE list of match-data', () => {
    expect(lisp(`(let ((l ${circular})) (car (condition-case e (copy-tree l) (error e))))`)).toBe('circular-list');
    expect(lisp(`(let ((l ${circular})) (string-match "b" "abc") (car (condition-case e (match-data t l) (error e))))`)).toBe('circular-list');
  });
});

describe('backquote of a circular list', () => {
  it('signals instead of growing its expansion until the process ends', () => {
    expect(lisp("(let ((l (list 1 2 3))) (setcdr (cddr l) l) (car (condition-case e (macroexpand (list '\\` l)) (error e))))")).toBe('circular-list');
  });
});
