;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): map.el over alists,
;; plists, hash tables and vectors.
(require 'map)
(defun show (x) (if (hash-table-p x) (let (r) (maphash (lambda (k v) (push (cons k v) r)) x) (list 'hash (nreverse r))) x))
(dolist (f '((map-elt '((a . 1) (b . 2)) 'b) (map-elt '((a . 1)) 'z 'dflt) (map-elt '(:a 1 :b 2) :b) (map-elt [10 20 30] 1) (map-elt [10 20] 5 'no) (map-elt '(("x" . 1)) "x") (map-elt '(("x" . 1)) "x" nil #'equal)
             (map-keys '((a . 1) (b . 2))) (map-values '(:a 1 :b 2)) (map-keys [x y z]) (map-pairs '(:a 1 :b 2)) (map-length '((a . 1) (b . 2))) (map-length '(:a 1)) (map-length [1 2 3])
             (map-contains-key '((a . 1)) 'a) (map-contains-key '(:a 1) :b) (map-contains-key [1 2] 1) (map-empty-p nil) (map-empty-p [1]) (mapp '(1 2)) (mapp 5) (mapp [1])
             (map-apply (lambda (k v) (list k v)) '((a . 1) (b . 2))) (map-filter (lambda (_k v) (> v 1)) '((a . 1) (b . 2) (c . 3))) (map-remove (lambda (_k v) (> v 1)) '((a . 1) (b . 2)))
             (map-some (lambda (k v) (and (> v 1) k)) '((a . 1) (b . 2))) (map-every-p (lambda (_k v) (numberp v)) '((a . 1))) (map-into '((a . 1) (b . 2)) 'list) (map-into '((a . 1)) 'plist) (show (map-into '((a . 1) (b . 2)) 'hash-table))
             (map-merge 'list '((a . 1)) '((b . 2) (a . 3))) (map-merge 'plist '(:a 1) '(:b 2)) (map-merge-with 'list #'+ '((a . 1)) '((a . 10) (b . 2)))
             (map-insert '((a . 1)) 'b 2) (map-insert '((a . 1)) 'a 5) (map-delete (list (cons 'a 1) (cons 'b 2)) 'a) (map-nested-elt '((a . ((b . 5)))) '(a b)) (map-nested-elt '(:a (:b 7)) '(:a :b))
             (let ((m (list (cons 'a 1)))) (map-put! m 'a 9) m) (condition-case e (let ((m (list (cons 'a 1)))) (map-put! m 'z 9) m) (error (car e)))
             (let ((h (make-hash-table))) (map-put! h 'k 'v) (show h)) (let ((v (vector 1 2))) (map-put! v 0 'x) v)
             (let ((m (list (cons 'a 1)))) (setf (map-elt m 'b) 2) m) (let ((acc nil)) (map-do (lambda (k v) (push (cons v k) acc)) '((a . 1) (b . 2))) acc)
             (map-keys-apply #'symbol-name '((a . 1))) (map-values-apply #'1+ '((a . 1) (b . 2))) (show (map-copy (let ((h (make-hash-table))) (puthash 1 2 h) h)))))
  (prin1 (condition-case e (show (eval f t)) (error (list 'ERR e)))) (terpri))
