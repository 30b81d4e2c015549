;;; cl-generic.el --- generic functions: cl-defgeneric and cl-defmethod  -*- lexical-binding: t -*-

;; Methods dispatch on their required arguments: a type (the built-in types
;; of `type-of' with Emacs 28's precedence, and cl-defstruct types with their
;; :include parents), (eql VALUE), (head SYMBOL), or t. They combine as in
;; Emacs: :around methods first, then :before methods, the primary methods
;; (each reaching the next with `cl-call-next-method'), then :after methods
;; in the reverse order; the most specific first, the leftmost argument
;; deciding first.

(define-error 'cl-no-method "No method")
(define-error 'cl-no-next-method "No next method" 'cl-no-method)
(define-error 'cl-no-applicable-method "No applicable method" 'cl-no-method)
(define-error 'cl-no-primary-method "No primary method" 'cl-no-method)

(defconst cl--generic-typeof-types
  '((integer number integer-or-marker number-or-marker atom)
    (symbol atom) (string array sequence atom) (cons list sequence)
    (marker integer-or-marker number-or-marker atom) (overlay atom)
    (float number number-or-marker atom) (process atom) (window atom) (subr atom)
    (compiled-function function atom) (buffer atom) (char-table array sequence atom)
    (bool-vector array sequence atom) (frame atom) (hash-table atom) (terminal atom)
    (thread atom) (mutex atom) (condvar atom) (vector array sequence atom)
    (null symbol list sequence atom))
  "For each type `type-of' gives, it and its supertypes, most specific first.")

(defun cl--generic-type-precedence (value)
  (let ((type (type-of value)))
    (cond ((null value) (append (assq 'null cl--generic-typeof-types) '(t)))
          ((get type 'cl--struct-type)
           (let ((chain nil))
             (while type (push type chain) (setq type (get type 'cl--struct-parent)))
             (append (nreverse chain) '(cl-structure-object record atom t))))
          (t (append (or (assq type cl--generic-typeof-types) (list type 'atom)) '(t))))))

(defun cl--generic-specificity (specializer value)
  "How closely SPECIALIZER fits VALUE (smaller is closer), or nil if it does not."
  (cond ((eq specializer t) 10000)
        ((eq (car-safe specializer) 'eql) (and (eql value (cadr specializer)) -2))
        ((eq (car-safe specializer) 'head) (and (eq (car-safe value) (cadr specializer)) -1))
        ((eq (car-safe specializer) 'member) (and (member value (cdr specializer)) -2))
        (t (let ((tail (memq specializer (cl--generic-type-precedence value))))
             (and tail (- (length (cl--generic-type-precedence value)) (length tail)))))))

(defun cl--generic-required-count (args)
  (let ((n 0))
    (while (and args (not (memq (car args) '(&optional &rest &key &context))))
      (setq n (1+ n) args (cdr args)))
    n))

;; A method: (SPECIALIZERS QUALIFIERS FUNCTION); FUNCTION takes the next-method
;; function, the next-method-p function and the arguments.

(defun cl--generic-methods (name) (get name 'cl--generic-methods))

(defun cl--generic-add-method (name specializers qualifiers function)
  (let ((methods (seq-remove (lambda (m) (and (equal (nth 0 m) specializers) (equal (nth 1 m) qualifiers)))
                             (cl--generic-methods name))))
    (put name 'cl--generic-methods (cons (list specializers qualifiers function) methods))
    (unless (get name 'cl--generic-dispatcher)
      (put name 'cl--generic-dispatcher t)
      (defalias name (lambda (&rest args) (cl--generic-dispatch name args))))))

(defun cl--generic-applicable (name args)
  "The methods of NAME that fit ARGS with their specificities, most specific first."
  (let ((found nil))
    (dolist (m (cl--generic-methods name))
      (let ((scores nil) (ok t) (rest args))
        (dolist (spec (nth 0 m))
          (let ((s (and ok (cl--generic-specificity spec (car rest)))))
            (if s (push s scores) (setq ok nil))
            (setq rest (cdr rest))))
        ;; An :extra method goes before the others with the same specializers.
        (when ok (push (cons (append (nreverse scores) (list (if (eq (car (nth 1 m)) :extra) 0 1))) m) found))))
    (mapcar #'cdr (sort found (lambda (a b) (cl--generic-more-specific (car a) (car b)))))))

(defun cl--generic-more-specific (a b)
  (while (and a b (= (car a) (car b))) (setq a (cdr a) b (cdr b)))
  (and a b (< (car a) (car b))))

(defun cl--generic-dispatch (name args)
  (let* ((methods (cl--generic-applicable name args))
         (around (seq-filter (lambda (m) (equal (nth 1 m) '(:around))) methods))
         (before (seq-filter (lambda (m) (equal (nth 1 m) '(:before))) methods))
         (after (reverse (seq-filter (lambda (m) (equal (nth 1 m) '(:after))) methods)))
         (primary (seq-filter (lambda (m) (not (memq (car (nth 1 m)) '(:around :before :after)))) methods)))
    (if (null methods)
        (signal 'cl-no-applicable-method (cons name args))
      (cl--generic-run-around name around
                              (lambda (actual)
                                (dolist (m before) (apply (nth 2 m) nil nil actual))
                                (prog1 (cl--generic-run-chain name primary actual)
                                  (dolist (m after) (apply (nth 2 m) nil nil actual))))
                              args))))

(defun cl--generic-run-around (name around inner args)
  (if (null around)
      (funcall inner args)
    (let ((m (car around)))
      (apply (nth 2 m)
             (lambda (&rest new) (cl--generic-run-around name (cdr around) inner (or new args)))
             (lambda () t)
             args))))

(defun cl--generic-run-chain (name methods args)
  (if (null methods)
      (signal 'cl-no-primary-method (cons name args))
    (let ((m (car methods)) (rest (cdr methods)))
      (apply (nth 2 m)
             (lambda (&rest new)
               (if rest
                   (cl--generic-run-chain name rest (or new args))
                 (signal 'cl-no-next-method (cons name (or new args)))))
             (lambda () (and rest t))
             args))))

(defun cl--generic-method-function (lambda-list body)
  `(lambda (cl--next cl--next-p ,@lambda-list)
     (ignore cl--next cl--next-p)
     (cl-flet ((cl-call-next-method (&rest args) (apply cl--next args))
               (cl-next-method-p () (funcall cl--next-p)))
       ,@body)))

(defun cl--generic-split-args (args)
  "ARGS without specializers, and the specializers of its required arguments."
  (let ((plain nil) (specs nil) (required t))
    (dolist (a args)
      (when (memq a '(&optional &rest &key &context)) (setq required nil))
      (if (and required (consp a))
          (progn (push (car a) plain) (push (cadr a) specs))
        (push a plain)
        (when (and required (symbolp a) (not (memq a '(&optional &rest)))) (push t specs))))
    (list (nreverse plain) (nreverse specs))))

(defmacro cl-defmethod (name &rest args)
  (let ((qualifiers nil))
    (while (not (listp (car args)))
      (push (pop args) qualifiers))
    (let* ((split (cl--generic-split-args (car args)))
           (body (cdr args)))
      ;; A docstring and declarations belong to the method, not its body's value.
      (when (and (stringp (car body)) (cdr body)) (setq body (cdr body)))
      (when (eq (car-safe (car body)) 'declare) (setq body (cdr body)))
      `(progn
         (cl--generic-add-method ',name ',(nth 1 split) ',(nreverse qualifiers)
                                 ,(cl--generic-method-function (nth 0 split) body))
         ',name))))

(defmacro cl-defgeneric (name args &rest options-and-methods)
  (let ((methods nil) (doc nil))
    (when (stringp (car options-and-methods))
      (setq doc (pop options-and-methods)))
    (while (and options-and-methods
                (consp (car options-and-methods))
                (or (keywordp (caar options-and-methods)) (eq (caar options-and-methods) 'declare)))
      (let ((option (pop options-and-methods)))
        (when (eq (car option) :method) (push (cons 'cl-defmethod (cons name (cdr option))) methods))))
    (ignore doc)
    ;; Methods defined before stay (Emacs keeps them when the generic is defined again).
    `(progn
       (put ',name 'cl--generic-dispatcher t)
       (defalias ',name (lambda (&rest args) (cl--generic-dispatch ',name args)))
       ,@(when options-and-methods
           `((cl-defmethod ,name ,args ,@options-and-methods)))
       ,@(nreverse methods)
       ',name)))

(defun cl-generic-p (f)
  "Non-nil if F names a generic function."
  (and (symbolp f) (get f 'cl--generic-dispatcher) t))

(defun cl-call-next-method (&rest _args)
  (error "cl-call-next-method only allowed inside primary and around methods"))

(defun cl-next-method-p ()
  (error "cl-next-method-p only allowed inside primary and around methods"))

(defun cl-no-applicable-method (generic &rest args)
  (signal 'cl-no-applicable-method (cons generic args)))

(defun cl-no-next-method (generic method &rest args)
  (signal 'cl-no-next-method `(,generic ,method ,@args)))

(provide 'cl-generic)
