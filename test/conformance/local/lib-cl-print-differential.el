;;; -*- lexical-binding: t -*-
;; cl-print: cl-prin1, cl-prin1-to-string, structures with slot names, cl-print-object methods.
;; Outputs compared with GNU Emacs 28.2.
(require 'cl-lib)
(cl-defstruct pt x y)
(cl-defstruct (pt3 (:include pt)) z)
(print (list (cl-prin1-to-string (make-pt :x 1 :y "s")) (cl-prin1-to-string '(1 "a" b . c)) (cl-prin1-to-string [1 (2)]) (cl-prin1-to-string (symbol-function 'car)) (cl-prin1-to-string "str") (cl-prin1-to-string (make-pt3 :x 1 :z '(a)))))
(cl-prin1 '(a "b")) (terpri)
(print (with-output-to-string (cl-prin1 (make-pt :x 2))))
(print (list (cl-prin1-to-string (list (make-pt :x (make-pt :y 1)) [2 (make-pt)])) (cl-prin1-to-string nil) (cl-prin1-to-string 1.5) (cl-prin1-to-string '(a . b))))
(cl-defmethod cl-print-object ((p pt) stream) (princ (format "#<pt %s,%s>" (pt-x p) (pt-y p)) stream))
(print (cl-prin1-to-string (list (make-pt :x 1 :y 2) 3 (vector (make-pt)))))
(print (cl-prin1-to-string (make-pt3 :x 1 :z 2)))
