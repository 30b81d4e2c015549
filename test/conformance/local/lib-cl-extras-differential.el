;;; -*- lexical-binding: t -*-
;; Small cl-lib pieces against Emacs 28.2: alists, c[ad]r aliases, tree substitution,
;; gensym counters, float limits, tagbody/prog, random-state shapes.
(require 'cl-lib)
(require 'subr-x)
(print (list (cl-acons 'a 1 '((b . 2))) (cl-pairlis '(a b) '(1 2) '((c . 3))) (cl-caddr '(1 2 3)) (cl-cdddr '(1 2 3 4)) (cl-caaar '(((x)))) (cl-cadadr '(1 (2 3))) (cl-copy-seq [1 2]) (cl-svref [a b c] 1) (cl-floatp-safe 1.0) (cl-floatp-safe 1)
             (hash-table-empty-p (make-hash-table)) (let ((h (make-hash-table))) (puthash 1 2 h) (hash-table-empty-p h))))
(print (list (cl-gensym) (cl-gensym) (cl-gensym "x") (cl-gensym 7) (symbol-name (cl-gensym)) (intern-soft (cl-gentemp)) (cl-gentemp "foo")))
(print (list (cl-subst-if 'X #'numberp '(a 1 (b 2) . 3)) (cl-subst-if-not 'X #'consp '(a (b))) (cl-nsubst-if 0 (lambda (x) (and (integerp x) (cl-evenp x))) (list 1 2 (list 3 4))) (cl-nsubst-if-not 'z #'atom (list 'a (list 'b)))
             (cl-nsublis '((a . 1) (b . 2)) (list 'a (list 'b 'c))) (cl-rassoc-if-not #'cl-evenp '((a . 2) (b . 3))) (cl-nsubstitute-if-not 0 #'cl-evenp (list 1 2 3 4)) (cl-nset-exclusive-or (list 1 2 3) (list 2 3 4))))
(print (list (cl-multiple-value-call #'+ 1 2 '(3)) (cl-multiple-value-apply #'list '(1 2)) (let (l) (cl-do-all-symbols (s) (when (eq s 'cl-acons) (push s l))) l)))
(print (progn (cl-float-limits) (list (floatp cl-most-positive-float) cl-float-epsilon)))
(print (cl-prog ((x 1)) (setq x (1+ x)) (cl-return x)))
(print (let ((n 0) (out nil)) (cl-tagbody top (push n out) (setq n (1+ n)) (when (< n 3) (go top)) (push 'done out)) (nreverse out)))
(print (let ((r (cl-random 10 (cl-make-random-state 42)))) (list (integerp r) (< -1 r 10) (cl-random-state-p (cl-make-random-state)) (floatp (cl-random 1.0)))))
(with-output-to-string (cl-fresh-line))
(print (list (cl-declaim (optimize (speed 3))) (cl-proclaim '(optimize (speed 3)))))
