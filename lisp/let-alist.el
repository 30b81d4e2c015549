;;; let-alist.el --- let-alist and seq-let, loaded at startup  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's let-alist.el and seq.el.

(defun let-alist--dot-symbols (form)
  "The distinct symbols starting with a dot in FORM, not inside nested let-alist."
  (cond ((symbolp form)
         (let ((name (symbol-name form)))
           (and (> (length name) 1) (eq (aref name 0) ?.) (list form))))
        ((and (consp form) (eq (car form) 'let-alist))
         ;; A nested let-alist owns its body's dotted symbols; only its alist
         ;; expression belongs to us.
         (let-alist--dot-symbols (cadr form)))
        ((consp form)
         (let ((result nil))
           (while (consp form)
             (dolist (s (let-alist--dot-symbols (car form)))
               (unless (memq s result) (push s result)))
             (setq form (cdr form)))
           (when form
             (dolist (s (let-alist--dot-symbols form))
               (unless (memq s result) (push s result))))
           (nreverse result)))
        ((vectorp form) (let-alist--dot-symbols (append form nil)))
        (t nil)))

(defun let-alist--access (name alist-var)
  "The form reading the dotted path NAME (without its first dot) from ALIST-VAR."
  (let ((form alist-var))
    (dolist (key (split-string name "\\."))
      (setq form (list 'cdr (list 'assq (list 'quote (intern key)) form))))
    form))

(defmacro let-alist (alist &rest body)
  "Evaluate BODY with each `.KEY' symbol bound to (cdr (assq \\='KEY ALIST))."
  (declare (indent 1))
  (let ((var (make-symbol "alist")))
    (list 'let (list (list var alist))
          (cons 'let
                (cons (mapcar (lambda (s) (list s (let-alist--access (substring (symbol-name s) 1) var)))
                              (let-alist--dot-symbols body))
                      body)))))

(defun seq--let-bindings (args val)
  "let* bindings that destructure the sequence in symbol VAL by ARGS."
  (let ((bindings nil) (i 0))
    (while args
      (let ((arg (car args)))
        (cond ((eq arg '&rest)
               (push (list (cadr args) (list 'seq-drop val i)) bindings)
               (setq args nil))
              ((consp arg)
               (let ((tmp (make-symbol "sub")))
                 (push (list tmp (list 'seq--elt-safe val i)) bindings)
                 (setq bindings (append (reverse (seq--let-bindings arg tmp)) bindings))))
              (t (push (list arg (list 'seq--elt-safe val i)) bindings))))
      (setq i (1+ i))
      (setq args (cdr args)))
    (nreverse bindings)))

(defun seq--elt-safe (sequence n)
  "Element N of SEQUENCE, or nil when SEQUENCE is too short."
  (ignore-errors (elt sequence n)))

(defmacro seq-let (args sequence &rest body)
  "Bind the variables in ARGS to the elements of SEQUENCE, then evaluate BODY."
  (declare (indent 2))
  (let ((val (make-symbol "seq")))
    (cons 'let* (cons (cons (list val sequence) (seq--let-bindings args val)) body))))

(defmacro seq-doseq (spec &rest body)
  "Evaluate BODY with VAR bound to each element of SEQUENCE: (seq-doseq (VAR SEQUENCE) BODY...)."
  (declare (indent 1))
  `(seq-do (lambda (,(car spec)) ,@body) ,(cadr spec)))

(defmacro seq-setq (args sequence)
  "Assign the variables in ARGS from the elements of SEQUENCE, destructuring as seq-let does."
  (let* ((pairs nil)
         (pattern (seq--setq-rename args (lambda (var) (let ((tmp (make-symbol (symbol-name var))))
                                                           (push (list var tmp) pairs)
                                                           tmp)))))
    `(seq-let ,pattern ,sequence
       (setq ,@(apply #'append (nreverse pairs)))
       nil)))

(defun seq--setq-rename (args rename)
  "ARGS (a list or vector pattern) as a list pattern with each variable replaced by (funcall RENAME VAR)."
  (cond ((vectorp args) (seq--setq-rename (append args nil) rename))
        ((consp args) (mapcar (lambda (a) (if (eq a '&rest) a (seq--setq-rename a rename))) args))
        ((and args (symbolp args)) (funcall rename args))
        (t args)))

(provide 'let-alist)
