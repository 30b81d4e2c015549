import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';

// lisp/subr.el functions not covered by a conformance case.

describe('subr.el: changing strings in place', () => {
  // Goldens from GNU Emacs 28.2.
  it('store-substring stores a string or a character at IDX, and signals where the string ends', () => {
    expect(lisp(`(list (let ((s (copy-sequence "hello"))) (store-substring s 1 "EL") s)
                       (let ((s (copy-sequence "hello"))) (store-substring s 0 ?J))
                       (let ((s (copy-sequence "héllo"))) (store-substring s 0 "ñ") s)
                       (condition-case e (store-substring (copy-sequence "ab") 1 "xyz") (error e))
                       (condition-case e (store-substring (copy-sequence "ab") 1 5.0) (error e)))`)).toBe(
      '("hELlo" "Jello" "ñéllo" (args-out-of-range "ax" 2) (wrong-type-argument sequencep 5.0))',
    );
  });
  it('subst-char-in-string copies unless INPLACE', () => {
    expect(lisp(`(let ((s (copy-sequence "banana")))
                   (list (subst-char-in-string ?a ?o s) s (eq (subst-char-in-string ?n ?m s t) s) s
                         (subst-char-in-string ?a ?b "") (condition-case e (subst-char-in-string ?a ?b 'x) (error e))))`)).toBe(
      '("bonono" "bamama" t "bamama" "" (wrong-type-argument sequencep x))',
    );
  });
});

describe('keymap.el: read-kbd-macro', () => {
  // Golden from GNU Emacs 28.2.
  it('reads key descriptions as kbd does, or always as a vector with NEED-VECTOR', () => {
    expect(lisp('(list (read-kbd-macro "C-x C-f") (equal (kbd "C-x C-f") (read-kbd-macro "C-x C-f")) (read-kbd-macro "C-c a" t) (read-kbd-macro "<f5> M-x") (read-kbd-macro "C-x C-f" t))')).toBe(
      '("\x18\x06" t [3 97] [f5 134217848] [24 6])',
    );
  });
});

describe('small library functions Emacs 28 has', () => {
  // Golden from GNU Emacs 28.2 running the same form.
  it('cl-equalp, cl-nth-value, cl-get, cl-remprop, cl-nsubst, seq-doseq, seq-setq, string-clean-whitespace, map-let', () => {
    expect(
      lisp(`(progn (require 'cl-lib) (require 'map)
        (list (list (cl-equalp "ABC" "abc") (cl-equalp 1 1.0) (cl-equalp '(1 "A" [2.0]) '(1.0 "a" [2])) (cl-equalp 'a 'A))
              (list (cl-nth-value 1 '(1 2)) (cl-nth-value 5 '(1 2)))
              (progn (put 'zz1 'p 1) (list (cl-get 'zz1 'p) (cl-get 'zz1 'q 'dflt) (cl-remprop 'zz1 'p) (cl-remprop 'zz1 'p)))
              (let ((tree (list 1 (list 2 1) (cons 1 3)))) (list (cl-nsubst 'x 1 tree) tree))
              (let (r) (seq-doseq (x [1 2 3]) (push x r)) r)
              (let (a b c) (seq-setq [a (b c)] [1 (2 3)]) (list a b c))
              (string-clean-whitespace "  a \\t b\\n\\nc  ")
              (map-let (a b) '((a . 1) (b . 2)) (list a b))))`),
    ).toBe('((t t t nil) (2 nil) (1 dflt t nil) ((x (2 x) (x . 3)) (x (2 x) (x . 3))) (3 2 1) (1 2 3) "a b c" (1 2))');
  });
});
