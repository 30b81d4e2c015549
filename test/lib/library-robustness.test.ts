// Bad arguments to lisp/ library functions signal Lisp errors (as GNU Emacs
// 28.2 does where it does not hang) rather than looping or crashing.
import { describe, it, expect } from 'vitest';
import { lisp, lispError } from '../helpers.js';

describe('the library on bad arguments', () => {
  it('replace-*-in-region stop at an empty match at the end of the buffer (Emacs 28 loops forever there)', () => {
    expect(lisp('(with-temp-buffer (insert "ab") (list (replace-string-in-region "" "" 1) (buffer-string) (replace-regexp-in-region "x*" "-" 1) (buffer-string)))')).toBe('(3 "ab" 3 "-a-b-")');
  });
  it('open-line with a huge count signals (in one insertion) instead of looping', () => {
    expect(lispError('(with-temp-buffer (open-line most-positive-fixnum))')).toMatch(/^\((memory-exhausted|wrong-type-argument|error) /);
    expect(lispError('(with-temp-buffer (open-line (expt 2 40)))')).toMatch(/^\((memory-exhausted|error) /);
  });
  it('keymaps: wrong types, cycles and circular keymaps signal', () => {
    expect(lispError('(set-keymap-parent 1 nil)')).toBe('(wrong-type-argument keymapp 1)');
    expect(lispError('(let ((m (make-sparse-keymap))) (set-keymap-parent m m))')).toBe('(error "Cyclic keymap inheritance")');
    expect(lispError('(lookup-key (make-sparse-keymap) 5)')).toBe('(wrong-type-argument arrayp 5)');
    expect(lispError("(let ((m (list 'keymap (cons 97 'x)))) (setcdr (cdr m) m) (lookup-key m \"b\"))")).toMatch(/^\(circular-list /);
  });
  it('map functions signal circular-list for a circular plist instead of exhausting the heap', () => {
    expect(lispError('(let ((c (list 1 2 3))) (setcdr (cddr c) c) (map-keys c))')).toMatch(/^\(circular-list /);
    expect(lispError('(let ((c (list 1 2 3))) (setcdr (cddr c) c) (map-delete c 1))')).toMatch(/^\(circular-list /);
  });
});
