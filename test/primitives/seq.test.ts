// seq.el's functions over lists, vectors and strings. Every expected value
// below was printed by GNU Emacs 28.2 (seq.el 2.23) for the same source.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

const check = (src: string, expected: string): void => expect(lisp(src), src).toBe(expected);
const checkError = (src: string, expected: string): void => expect(lispError(src), src).toBe(expected);

const EVENP = '(lambda (n) (= 0 (% n 2)))';

describe('seq: mapping and filtering', () => {
  it('seq-filter and seq-remove return lists whatever the sequence type', () => {
    check(`(list (seq-filter ${EVENP} '(1 2 3 4 5 6)) (seq-filter ${EVENP} [1 2 3 4]) (seq-filter ${EVENP} "abcd"))`, '((2 4 6) (2 4) (98 100))');
    check(`(list (seq-remove ${EVENP} '(1 2 3 4)) (seq-remove ${EVENP} [1 2 3 4]))`, '((1 3) (1 3))');
    checkError(`(seq-filter ${EVENP} 5)`, '(wrong-type-argument sequencep 5)');
    checkError(`(seq-filter ${EVENP} '(1 2 . 3))`, '(wrong-type-argument listp 3)');
  });
  it('seq-map is mapcar; seq-do is mapc and returns the sequence', () => {
    check("(list (seq-map #'1+ [1 2 3]) (seq-map #'upcase \"ab\") (seq-map #'identity (make-bool-vector 2 t)))", '((2 3 4) (65 66) (t t))');
    check("(list (seq-do #'identity [1 2]) (seq-do #'identity '(1 2)) (let (r) (seq-each (lambda (x) (push x r)) '(1 2)) r))", '([1 2] (1 2) (2 1))');
    checkError("(seq-map #'1+ 5)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-map-indexed and seq-do-indexed pass the index second', () => {
    check("(list (seq-map-indexed #'cons [a b]) (seq-map-indexed #'list \"ab\"))", '(((a . 0) (b . 1)) ((97 0) (98 1)))');
    check("(let (r) (list (seq-do-indexed (lambda (e i) (push (cons i e) r)) '(a b)) r))", '(nil ((1 . b) (0 . a)))');
  });
  it('seq-mapn stops at the shortest sequence', () => {
    check("(list (seq-mapn #'+ '(1 2 3) '(10 20)) (seq-mapn #'list \"ab\" [1 2 3] '(x y)) (seq-mapn #'+ [1 2]))", '((11 22) ((97 1 x) (98 2 y)) (1 2))');
    checkError("(seq-mapn #'+ '(1 2 . 3) '(1 2 3))", '(wrong-type-argument listp 3)');
    checkError("(seq-mapn #'list 5)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-mapcat concatenates into TYPE, a list by default', () => {
    check("(list (seq-mapcat (lambda (x) (list x x)) '(1 2)) (seq-mapcat #'list [1 2]) (seq-mapcat (lambda (x) (vector x x)) '(1 2) 'vector) (seq-mapcat (lambda (x) (vector x x)) '(1 2)))", '((1 1 2 2) (1 2) [1 1 2 2] (1 1 2 2))');
    check("(seq-mapcat (lambda (x) (list x)) '(?a ?b) 'string)", '"ab"');
  });
});

describe('seq: reducing and searching', () => {
  it('seq-reduce folds from the left and returns INITIAL for an empty sequence', () => {
    check("(list (seq-reduce #'+ '(1 2 3 4) 0) (seq-reduce #'+ [1 2 3] 10) (seq-reduce #'+ nil 10) (seq-reduce (lambda (acc x) (cons x acc)) '(a b c) nil))", '(10 16 10 (c b a))');
    checkError("(seq-reduce #'+ 5 10)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-find, seq-some, seq-every-p, seq-count', () => {
    check("(list (seq-find (lambda (x) (> x 2)) '(1 2 3 4)) (seq-find #'stringp '(1 2) 'none) (seq-find #'null '(1 nil) 'x))", '(3 none nil)');
    check(`(list (seq-some ${EVENP} '(1 3 4)) (seq-some ${EVENP} [1 3]) (seq-some (lambda (x) (and (= 0 (% x 2)) (* x 10))) [1 2 3]))`, '(t nil 20)');
    check(`(list (seq-every-p ${EVENP} '(2 4)) (seq-every-p ${EVENP} []) (seq-every-p ${EVENP} [2 3]) (seq-every-p #'identity '(1 2)))`, '(t t nil t)');
    check(`(list (seq-count ${EVENP} '(1 2 4)) (seq-count ${EVENP} [1 2 4]))`, '(2 2)');
    checkError(`(seq-count ${EVENP} '(1 . 2))`, '(wrong-type-argument listp 2)');
    checkError(`(seq-every-p ${EVENP} '(1 . 2))`, '(wrong-type-argument listp 2)');
    checkError("(seq-find #'identity '(1 . 2))", '(wrong-type-argument listp 2)');
  });
  it('seq-position and seq-contains-p compare with equal or TESTFN (element first)', () => {
    check("(list (seq-position '(a b c) 'b) (seq-position [a b] 'b) (seq-position '(\"a\" \"b\") \"b\") (seq-position '(1 2) 3) (seq-position '(1 2 3) 2 #'<))", '(1 1 1 nil 0)');
    check("(list (seq-contains-p '(1 2) 2) (seq-contains-p '(1 2) 5) (seq-contains-p '(\"a\") \"a\") (seq-contains-p '(nil) nil) (seq-contains-p [1 2] 1 #'<))", '(t nil t t nil)');
    check("(list (seq-contains '(1 2) 2) (seq-contains '(3 4) 3 #'<))", '(2 4)');
    checkError("(seq-position [1 2] 1 'foo)", '(void-function foo)');
    checkError('(seq-contains-p 5 1)', '(wrong-type-argument sequencep 5)');
  });
  it('seq-min and seq-max apply min and max', () => {
    check("(list (seq-min [3 1 2]) (seq-max '(3 1 2)) (seq-max [1 2.0 3]) (seq-min '(3 1.5)) (seq-max [1 1.0]) (seq-max [1.0 1]))", '(1 3 3 1.5 1 1.0)');
    checkError('(seq-max nil)', '(wrong-number-of-arguments #<subr max> 0)');
    checkError("(seq-max '(a))", '(wrong-type-argument number-or-marker-p a)');
  });
});

describe('seq: set operations', () => {
  it('seq-uniq keeps first occurrences in a list', () => {
    check("(list (seq-uniq '(1 2 1 3 2)) (seq-uniq [1 2 1]) (seq-uniq \"abca\") (seq-uniq '(\"a\" \"a\" 1.0 1.0)) (seq-uniq [nil nil]) (seq-uniq '(1 2 1) #'eq) (seq-uniq '(1 1 2) #'ignore))", '((1 2 3) (1 2) (97 98 99) ("a" 1.0) (nil) (1 2) (1 1 2))');
    checkError("(seq-uniq '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError('(seq-uniq 5)', '(wrong-type-argument sequencep 5)');
  });
  it('seq-difference, seq-intersection and seq-union return lists', () => {
    check("(list (seq-difference '(1 2 3 4) '(2 4)) (seq-difference [1 2 3] '(2)) (seq-difference '(\"a\" \"b\") '(\"b\")) (seq-difference '(1 2 3) '(2) #'eq))", '((1 3) (1 3) ("a") (1 3))');
    check("(list (seq-intersection '(1 2 3) '(2 3 4)) (seq-intersection [1 2 3] \"abc\") (seq-intersection '(1 2 2 3) '(2 3)))", '((2 3) nil (2 2 3))');
    check("(seq-union [1 2 2] '(3 2))", '(1 2 3)');
    check("(list (seq-set-equal-p '(1 2) '(2 1)) (seq-set-equal-p '(1 2) '(1 3)))", '(t nil)');
    checkError("(seq-difference '(1 2) 5)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-group-by lists the groups newest first, elements in order', () => {
    check(`(list (seq-group-by ${EVENP} '(1 2 3 4)) (seq-group-by ${EVENP} [1 2 3 4]) (seq-group-by #'car '((a 1) (b 2) (a 3))))`, '(((nil 1 3) (t 2 4)) ((nil 1 3) (t 2 4)) ((b (b 2)) (a (a 1) (a 3))))');
  });
});

describe('seq: subsequences', () => {
  it('seq-take and seq-drop keep the sequence type', () => {
    check("(list (seq-take '(1 2 3 4) 2) (seq-take [1 2 3] 2) (seq-take \"abc\" 2) (seq-take '(1 2 3) -1) (seq-take [1 2 3] -1) (seq-take [1 2 3] 10) (seq-take '(1 2 3) 10) (seq-take \"abc\" 0))", '((1 2) [1 2] "ab" nil [] [1 2 3] (1 2 3) "")');
    check("(list (seq-drop '(1 2 3 4) 2) (seq-drop [1 2 3] 2) (seq-drop \"abc\" 5) (seq-drop '(1 2 3) -1) (seq-drop [1 2 3] -1) (seq-drop '(1 2 3) 10))", '((3 4) [3] "" (1 2 3) [1 2 3] nil)');
    check("(let ((v [1 2 3])) (eq v (seq-drop v 0)))", 't');
  });
  it('seq-take and seq-drop signal as the primitives underneath them', () => {
    checkError("(seq-take '(1 2 . 3) 3)", '(wrong-type-argument listp 3)');
    checkError("(seq-take '(1 2 3) 'a)", '(wrong-type-argument number-or-marker-p a)');
    checkError('(seq-take [1 2 3] 1.5)', '(wrong-type-argument integerp 1.5)');
    checkError("(seq-drop [1 2 3] 'a)", '(wrong-type-argument number-or-marker-p a)');
    checkError("(seq-drop '(1 2 3) 1.0)", '(wrong-type-argument integerp 1.0)');
  });
  it('seq-take-while and seq-drop-while', () => {
    check(`(list (seq-take-while ${EVENP} [2 4 5 6]) (seq-drop-while ${EVENP} [2 4 5 6]) (seq-take-while ${EVENP} '(2 4 5 6)) (seq-drop-while ${EVENP} '(2 4 5 6)))`, '([2 4] [5 6] (2 4) (5 6))');
    check("(list (seq-take-while (lambda (n) (= 1 (% n 2))) [1 3]) (seq-drop-while (lambda (c) (< c ?a)) \"13a\"))", '([1 3] "a")');
  });
  it('seq-subseq on lists counts negative indices from the end and reports bad bounds', () => {
    check("(list (seq-subseq '(1 2 3 4) 1) (seq-subseq '(1 2 3 4) -2) (seq-subseq '(1 2 3 4) 1 -1) (seq-subseq '(1 2 3) 0 3) (seq-subseq '(1 2 3) 3) (seq-subseq '(1 2 3) -3 -1) (seq-subseq '(1 2 3) 1 1))", '((2 3 4) (3 4) (2 3) (1 2 3) nil (1 2) nil)');
    checkError("(seq-subseq '(1 2 3 4) 3 2)", '(error "Bad bounding indices: 3, 2")');
    checkError("(seq-subseq '(1 2 3 4) 5)", '(error "Bad bounding indices: 5, nil")');
    checkError("(seq-subseq '(1 2 3 4) 1 7)", '(error "Bad bounding indices: 1, 7")');
    checkError("(seq-subseq '(1 2 3 4) -7)", '(error "Bad bounding indices: -7, nil")');
    checkError("(seq-subseq '(1 2 . 3) 1 3)", '(wrong-type-argument listp 3)');
    checkError("(seq-subseq '(1 2 3) 'a)", '(wrong-type-argument number-or-marker-p a)');
    checkError("(seq-subseq '(1 2 3) 0 'a)", '(wrong-type-argument number-or-marker-p a)');
  });
  it('seq-subseq on arrays is substring', () => {
    check("(list (seq-subseq [0 1 2 3 4] 1 -1) (seq-subseq \"abcd\" 1 3) (seq-subseq \"abc\" -2))", '([1 2 3] "bc" "bc")');
    checkError('(seq-subseq [1 2 3 4] 5)', '(args-out-of-range [1 2 3 4] 5 nil)');
    checkError('(seq-subseq [1 2 3 4] 3 2)', '(args-out-of-range [1 2 3 4] 3 2)');
    checkError('(seq-subseq "abcd" 1 9)', '(args-out-of-range "abcd" 1 9)');
    checkError('(seq-subseq "abc" 1.0)', '(wrong-type-argument integerp 1.0)');
    checkError('(seq-subseq 5 1)', '(error "Unsupported sequence: 5")');
  });
  it('seq-partition cuts into pieces of the same type', () => {
    check("(list (seq-partition '(1 2 3 4 5) 2) (seq-partition [1 2 3 4 5] 2) (seq-partition \"abcde\" 2) (seq-partition '(1 2 3) 0) (seq-partition '(1 2 3) -1) (seq-partition nil 2) (seq-partition '(1 2 3) 5) (seq-partition [] 2))", '(((1 2) (3 4) (5)) ([1 2] [3 4] [5]) ("ab" "cd" "e") nil nil nil ((1 2 3)) nil)');
    checkError("(seq-partition [1 2 3] 'a)", '(wrong-type-argument number-or-marker-p a)');
  });
  it('seq-first, seq-rest, seq-elt, seq-length, seq-empty-p', () => {
    check("(list (seq-first '(1 2 3)) (seq-first [1 2]) (seq-first nil) (seq-first \"ab\") (seq-rest '(1 2 3)) (seq-rest [1 2]) (seq-rest \"ab\") (seq-rest []) (seq-rest nil) (seq-rest '(1 . 2)))", '(1 1 nil 97 (2 3) [2] "b" [] nil 2)');
    check("(list (seq-elt \"abc\" 1) (seq-elt '(1 2) 5) (seq-elt '(1 2) -1) (seq-length \"abcd\") (seq-empty-p nil) (seq-empty-p \"\") (seq-empty-p [1]))", '(98 nil 1 4 t t nil)');
    checkError('(seq-first [])', '(args-out-of-range [] 0)');
    checkError('(seq-elt [1 2] 5)', '(args-out-of-range [1 2] 5)');
    checkError("(seq-length '(1 2 . 3))", '(wrong-type-argument listp 3)');
    checkError('(seq-empty-p 5)', '(wrong-type-argument sequencep 5)');
    checkError('(seq-rest 5)', '(wrong-type-argument sequencep 5)');
  });
});

describe('seq: conversion, concatenation, order', () => {
  it('seq-into converts, returning the same object when it already has the type', () => {
    check("(list (seq-into '(1 2) 'vector) (seq-into '(?h ?i) 'string) (seq-into [1 2] 'list) (seq-into \"ab\" 'vector))", '([1 2] "hi" (1 2) [97 98])');
    check("(let ((v [1 2])) (eq v (seq-into v 'vector)))", 't');
    checkError("(seq-into [1 2] 'foo)", '(error "Not a sequence type name: foo")');
    checkError("(seq-into '(1 a) 'string)", '(wrong-type-argument characterp a)');
    checkError("(seq-into 5 'list)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-concatenate builds a list, vector or string', () => {
    check("(list (seq-concatenate 'list '(1) [2] \"a\") (seq-concatenate 'vector '(1) \"a\") (seq-concatenate 'string '(?a) \"b\" [?c]) (seq-concatenate 'list))", '((1 2 97) [1 97] "abc" nil)');
    checkError("(seq-concatenate 'foo '(1))", '(error "Not a sequence type name: foo")');
    checkError("(seq-concatenate 'list '(1) 5)", '(wrong-type-argument sequencep 5)');
  });
  it('seq-sort sorts a copy and keeps the type', () => {
    check("(list (seq-sort #'< [3 1 2]) (seq-sort #'< '(3 1 2)) (seq-sort #'< \"cab\") (seq-sort #'< []))", '([1 2 3] (1 2 3) "abc" [])');
    check("(let* ((l (list 3 1 2)) (s (seq-sort #'< l))) (list l s))", '((3 1 2) (1 2 3))');
    check("(let ((v (vector 2 1))) (list (seq-sort #'< v) v))", '([1 2] [2 1])');
    check("(list (seq-sort-by #'car #'< '((2 b) (1 a))) (seq-sort-by #'car #'< [(2 b) (1 a)]))", '(((1 a) (2 b)) [(1 a) (2 b)])');
    checkError("(seq-sort #'< (make-bool-vector 2 nil))", '(wrong-type-argument number-or-marker-p nil)');
  });
  it('seq-reverse is reverse', () => {
    check("(list (seq-reverse '(1 2 3)) (seq-reverse [1 2]) (seq-reverse \"ab\"))", '((3 2 1) [2 1] "ba")');
    checkError('(seq-reverse 5)', '(wrong-type-argument sequencep 5)');
  });
  it('seqp, seq-copy and seq-random-elt', () => {
    check("(list (seqp '(1)) (seqp \"a\") (seqp 5) (seq-copy [1 2]) (seq-random-elt '(7)))", '(t t nil [1 2] 7)');
    checkError('(seq-random-elt nil)', '(error "Sequence cannot be empty")');
  });
});

describe('seq-min and seq-max of a dotted or circular list', () => {
  it('signal as apply does in GNU Emacs 28.2', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp("(list (condition-case e (seq-max '(1 2 . 3)) (error e)) (condition-case e (seq-min '(1 2 . 3)) (error e)) (seq-max '(1 5 2)) (seq-min [3 1 2]))")).toBe(
      '((wrong-type-argument listp 3) (wrong-type-argument listp 3) 5 1)',
    );
  });
});
