;;; cl-case.el --- cl-lib's case and type dispatch, loaded at startup  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's cl-macs.el and cl-extra.el.

(defun cl--case-keys (clauses)
  "Every key CLAUSES mention, in the order cl-ecase's error message lists them."
  (let ((keys nil))
    (dolist (c clauses)
      (if (listp (car c))
          (setq keys (append (car c) keys))
        (push (car c) keys)))
    (reverse keys)))

(defun cl--case-expand (val clauses final)
  (let ((form final))
    (dolist (c (reverse clauses))
      (let ((key (car c)) (body (or (cdr c) '(nil))))
        (setq form
              (cond ((memq key '(t otherwise)) (cons 'progn body))
                    ((listp key)
                     (list 'if (list 'cl-member val (list 'quote key)) (cons 'progn body) form))
                    (t (list 'if (list 'eql val (list 'quote key)) (cons 'progn body) form))))))
    form))

(defmacro cl-case (expr &rest clauses)
  "Evaluate the body of the first of CLAUSES whose keys contain EXPR's value."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    (list 'let (list (list val expr)) (cl--case-expand val clauses nil))))

(defmacro cl-ecase (expr &rest clauses)
  "Like `cl-case', but signal an error if no clause matches."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    (list 'let (list (list val expr))
          (cl--case-expand val clauses
                           (list 'error "cl-ecase failed: %s, %s" val
                                 (list 'quote (cl--case-keys clauses)))))))

(defun cl--type-predicate (type)
  "The predicate function for the symbol TYPE, or nil."
  (let ((known (assq type '((null . null) (atom . atom) (real . numberp) (float . floatp)
                            (fixnum . fixnump) (bignum . bignump) (character . characterp)
                            (natnum . natnump) (boolean . booleanp) (keyword . keywordp)
                            (hash-table . hash-table-p) (list . listp) (cons . consp)
                            (symbol . symbolp) (string . stringp) (vector . vectorp)
                            (array . arrayp) (sequence . sequencep) (function . functionp)
                            (integer . integerp) (number . numberp) (buffer . bufferp)
                            (marker . markerp) (record . recordp) (bool-vector . bool-vector-p)
                            (char-table . char-table-p) (subr . subrp) (process . processp)
                            (number-or-marker . number-or-marker-p)
                            (integer-or-marker . integer-or-marker-p)))))
    (cond (known (cdr known))
          ((get type 'cl-deftype-satisfies))
          (t (let ((p (intern-soft (concat (symbol-name type) "p")))
                   (p2 (intern-soft (concat (symbol-name type) "-p"))))
               (cond ((and p (fboundp p)) p)
                     ((and p2 (fboundp p2)) p2)))))))

(defun cl-typep (object type)
  "Non-nil if OBJECT is of type TYPE (a cl type specifier)."
  (cond
   ((eq type t) t)
   ((null type) nil)
   ((symbolp type)
    (let ((pred (cl--type-predicate type)))
      (unless pred (error "Unknown type %S" type))
      (and (funcall pred object) t)))
   ((consp type)
    (let ((head (car type)))
      (cond
       ((eq head 'or) (let ((r nil)) (dolist (ty (cdr type)) (unless r (setq r (cl-typep object ty)))) r))
       ((eq head 'and) (let ((r t)) (dolist (ty (cdr type)) (when r (setq r (cl-typep object ty)))) r))
       ((eq head 'not) (not (cl-typep object (cadr type))))
       ((memq head '(member cl-member)) (and (cl-member object (cdr type)) t))
       ((eq head 'eql) (eql object (cadr type)))
       ((eq head 'satisfies) (and (funcall (cadr type) object) t))
       ((memq head '(integer float real number))
        (and (cl-typep object head)
             (let ((lo (nth 1 type)) (hi (nth 2 type)))
               (and (or (memq lo '(* nil)) (if (consp lo) (> object (car lo)) (>= object lo)))
                    (or (memq hi '(* nil)) (if (consp hi) (< object (car hi)) (<= object hi)))))))
       (t (error "Bad type spec: %s" type)))))
   (t (error "Bad type spec: %s" type))))

(defun cl--typecase-expand (val clauses final)
  (let ((form final))
    (dolist (c (reverse clauses))
      (let ((type (car c)) (body (or (cdr c) '(nil))))
        (setq form
              (if (memq type '(t otherwise))
                  (cons 'progn body)
                (list 'if (list 'cl-typep val (list 'quote type)) (cons 'progn body) form)))))
    form))

(defmacro cl-typecase (expr &rest clauses)
  "Evaluate the body of the first of CLAUSES whose type EXPR's value has."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    (list 'let (list (list val expr)) (cl--typecase-expand val clauses nil))))

(defmacro cl-etypecase (expr &rest clauses)
  "Like `cl-typecase', but signal an error if no clause matches."
  (declare (indent 1))
  (let ((val (make-symbol "val")))
    (list 'let (list (list val expr))
          (cl--typecase-expand val clauses
                               (list 'error "cl-etypecase failed: %s, %s" val
                                     (list 'quote (mapcar #'car clauses)))))))

(defun cl-coerce (x type)
  "Coerce X to TYPE: list, vector, string, array, character or float."
  (cond ((eq type 'list) (if (listp x) x (append x nil)))
        ((eq type 'vector) (if (vectorp x) x (vconcat x)))
        ((eq type 'bool-vector) (if (bool-vector-p x) x (apply #'bool-vector (append x nil))))
        ((eq type 'string) (if (stringp x) x (concat x)))
        ((eq type 'array) (if (arrayp x) x (vconcat x)))
        ((and (eq type 'character) (stringp x) (= (length x) 1)) (aref x 0))
        ((and (eq type 'character) (symbolp x)) (cl-coerce (symbol-name x) type))
        ((eq type 'float) (float x))
        ((cl-typep x type) x)
        (t (error "Can't coerce %s to type %s" x type))))

(provide 'cl-case)
