// Functions from newer Emacsen that code written today uses; their results
// follow those Emacs versions' documentation.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

describe('functions from Emacs 29 and 30', () => {
  it('char-uppercase-p is true only for upper-case letters', () => {
    expect(lisp('(list (char-uppercase-p ?A) (char-uppercase-p ?a) (char-uppercase-p ?1) (char-uppercase-p ?É))')).toBe('(t nil nil t)');
    expect(lispError('(char-uppercase-p "A")')).toBe('(wrong-type-argument characterp "A")');
  });
  it('cl-type-of distinguishes fixnum, bignum, null and boolean', () => {
    expect(lisp("(mapcar #'cl-type-of (list 1 (expt 2 70) nil t 'a 1.5 \"s\" [1]))")).toBe(
      '(fixnum bignum null boolean symbol float string vector)',
    );
  });
  it('cl-list* conses its arguments onto the last one', () => {
    expect(lisp("(list (cl-list* 1 2 '(3 4)) (cl-list* 1 2) (cl-list* 'a))")).toBe('((1 2 3 4) (1 . 2) a)');
  });
});
