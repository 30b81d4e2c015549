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
