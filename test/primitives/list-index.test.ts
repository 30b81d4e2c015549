import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';
import { indexStats } from '../../src/lisp/list-index.js';

// Lookups on long lists (assq, alist-get, assoc of strings, plist-get,
// plist-member) answer from an index while nothing changes (list-index.ts).
// Here each answer is checked against a walk written in Lisp, while the
// lists and their string keys change between bursts of lookups in every way
// that can move a key: setcar, setcdr, nreverse, sort, delq, nconc,
// plist-put, aset and store-substring. The same script prints the same line
// in GNU Emacs 28.2.
const FUZZ = `
(let ((seed 12345) (syms (vconcat (mapcar (lambda (i) (intern (format "fz-k%d" i))) (number-sequence 0 59)))))
  (cl-labels ((rand (n) (setq seed (% (+ (* seed 1103515245) 12345) 2147483648)) (% (/ seed 65536) n))
              (key () (aref syms (rand 60)))
              (str () (format "s%d" (rand 60)))
              (ref-assq (k l) (let (r) (while (and l (not r)) (when (and (consp (car l)) (eq (caar l) k)) (setq r (car l))) (setq l (cdr l))) r))
              (ref-assoc (k l) (let (r) (while (and l (not r)) (when (and (consp (car l)) (equal (caar l) k)) (setq r (car l))) (setq l (cdr l))) r))
              (ref-pmember (k l) (let (r) (while (and l (not r)) (if (eq (car l) k) (setq r l) (setq l (cddr l)))) r)))
    (let ((al nil) (sl nil) (pl nil) (bad 0) (checks 0))
      (dotimes (_ 80)
        (push (if (= (rand 10) 0) (key) (cons (key) (rand 100))) al)
        (push (cons (str) (rand 100)) sl)
        (setq pl (cons (key) (cons (rand 100) pl))))
      (dotimes (_ ROUNDS)
        (dotimes (_ (rand 80))
          (let ((k (key)) (s (str)))
            (setq checks (1+ checks))
            (unless (and (eq (assq k al) (ref-assq k al))
                         (eq (alist-get k al 'none) (let ((c (ref-assq k al))) (if c (cdr c) 'none)))
                         (eq (assoc s sl) (ref-assoc s sl))
                         (eq (plist-member pl k) (ref-pmember k pl))
                         (eq (plist-get pl k) (car (cdr (ref-pmember k pl)))))
              (setq bad (1+ bad)))))
        (pcase (rand 14)
          (0 (let ((c (nthcdr (rand 80) al))) (when (consp (car c)) (setcar (car c) (key)))))
          (1 (let ((c (nthcdr (rand 80) al))) (when c (setcar c (cons (key) 0)))))
          (2 (setq al (nreverse al)))
          (3 (setq al (sort al (lambda (a b) (and (consp a) (consp b) (< (cdr a) (cdr b)))))))
          (4 (let ((c (nthcdr (rand 78) al))) (when (cdr c) (setcdr c (cddr c)) (setq al (nconc al (list (cons (key) 1)))))))
          (5 (let ((c (car (nthcdr (rand 80) sl)))) (when c (aset (car c) (1- (length (car c))) (+ ?0 (rand 10))))))
          (6 (let ((c (nthcdr (rand 80) sl))) (when c (setcar c (cons (str) 7)))))
          (7 (setq sl (nreverse sl)))
          (8 (setq pl (plist-put pl (key) (rand 100))))
          (9 (let ((c (nthcdr (* 2 (rand 80)) pl))) (when c (setcar c (key)))))
          (10 (setq pl (nreverse (nreverse pl))))
          (11 (setq al (delq (car (nthcdr (rand 80) al)) al)) (push (cons (key) 2) al))
          (12 (let ((c (car (nthcdr (rand 80) sl)))) (when c (store-substring (car c) 0 "t"))))
          (13 (let ((c (nthcdr (* 2 (rand 78)) pl))) (when (nthcdr 3 c) (setcdr (cdr c) (nthcdr 4 c)))))))
      (list checks bad (length al) (length sl) (length pl)))))`;

describe('lookup indexes on long lists', () => {
  it('answer as a walk does while the lists and their string keys change', () => {
    const before = { ...indexStats };
    // Golden (checks bad lengths...) from GNU Emacs 28.2 running the same form.
    expect(lisp(FUZZ.replace('ROUNDS', '600'))).toBe('(23412 0 80 80 128)');
    // The run above must have gone through indexes, or it tested only the walks.
    expect(indexStats.builds - before.builds).toBeGreaterThan(50);
    expect(indexStats.answers - before.answers).toBeGreaterThan(40000);
  });
  it('leave dotted and circular lists to the walk, which signals', () => {
    const long = '(mapcar (lambda (i) (cons i i)) (number-sequence 0 99))';
    expect(
      lisp(`(let* ((dotted (append ${long} 'end)) (circ (copy-sequence ${long})) (r nil))
              (setcdr (last circ) circ)
              (dotimes (_ 40)
                (push (list (condition-case e (assq 'x dotted) (error (car e)))
                            (condition-case e (assq 'x circ) (error (car e)))
                            (car (assq 99 dotted)) (car (assq 99 circ)))
                      r))
              (delete-dups r))`),
    ).toBe('((wrong-type-argument circular-list 99 99))');
  });
});
