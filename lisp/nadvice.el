;;; nadvice.el --- advising functions  -*- lexical-binding: t -*-

;; advice-add and friends, and add-function/remove-function on places.
;; An advised function is a chain of wrappers: each wrapper is a closure
;; registered in `advice--table' with (HOW FUNCTION INNER PROPS), where
;; INNER is what it wraps (the next wrapper, or the original definition).
;; The outermost advice runs first; among advices of one depth, the newest.

(defvar advice--table (make-hash-table :test 'eq :weakness 'key))

(defconst advice--how-list
  '(:around :before :after :override :after-until :after-while
    :before-until :before-while :filter-args :filter-return))

(defun advice--p (object) (and (gethash object advice--table) t))
(defun advice--how (w) (nth 0 (gethash w advice--table)))
(defun advice--car (w) (nth 1 (gethash w advice--table)))
(defun advice--cdr (w) (nth 2 (gethash w advice--table)))
(defun advice--props (w) (nth 3 (gethash w advice--table)))

(defun advice--call (how function inner args)
  (pcase how
    (:around (apply function inner args))
    (:before (apply function args) (apply inner args))
    (:after (prog1 (apply inner args) (apply function args)))
    (:override (apply function args))
    (:after-until (or (apply inner args) (apply function args)))
    (:after-while (and (apply inner args) (apply function args)))
    (:before-until (or (apply function args) (apply inner args)))
    (:before-while (and (apply function args) (apply inner args)))
    (:filter-args (apply inner (funcall function args)))
    (:filter-return (funcall function (apply inner args)))))

(defun advice--make (how function inner props)
  (unless (memq how advice--how-list) (error "Unknown add-function location `%S'" how))
  (let ((wrapper (lambda (&rest args) (advice--call how function inner args))))
    (puthash wrapper (list how function inner props) advice--table)
    wrapper))

(defun advice--depth (w)
  (or (cdr (assq 'depth (advice--props w))) 0))

(defun advice--chain (definition)
  "The advices of DEFINITION, outermost first, and what they wrap: (ADVICES . ORIGINAL)."
  (let ((advices nil))
    (while (advice--p definition)
      (push (list (advice--how definition) (advice--car definition) (advice--props definition)) advices)
      (setq definition (advice--cdr definition)))
    (cons (nreverse advices) definition)))

(defun advice--build (advices original)
  (let ((result original))
    (dolist (a (reverse advices))
      (setq result (advice--make (nth 0 a) (nth 1 a) result (nth 2 a))))
    result))

(defun advice--matches (a function)
  (or (equal (nth 1 a) function)
      (and function (equal (cdr (assq 'name (nth 2 a))) function))))

(defun advice--insert (advices how function props)
  ;; Before the first advice of the same depth or deeper (so the newest is outermost).
  (let ((depth (or (cdr (assq 'depth props)) 0)) (before nil) (rest advices))
    (while (and rest (< (or (cdr (assq 'depth (nth 2 (car rest)))) 0) depth))
      (push (car rest) before)
      (setq rest (cdr rest)))
    (append (nreverse before) (list (list how function props)) rest)))

(defun advice--add-to (definition how function props)
  (let* ((chain (advice--chain definition))
         (name (cdr (assq 'name props)))
         (advices (seq-remove (lambda (a) (advice--matches a (or name function))) (car chain))))
    (advice--build (advice--insert advices how function props) (cdr chain))))

(defun advice--remove-from (definition function)
  (let ((chain (advice--chain definition)))
    (advice--build (seq-remove (lambda (a) (advice--matches a function)) (car chain)) (cdr chain))))

(defun advice--member (function definition)
  (let ((found nil))
    (dolist (a (car (advice--chain definition)))
      (when (advice--matches a function) (setq found t)))
    found))

;;;; Named functions

(defun advice--symbol-definition (symbol)
  ;; A macro's advice wraps its expander.
  (let ((def (symbol-function symbol)))
    (if (eq (car-safe def) 'macro) (cdr def) def)))

(defun advice--set-symbol-definition (symbol advised macro)
  (fset symbol (if macro (cons 'macro advised) advised)))

(defun advice--defalias-fset (symbol newdef)
  ;; A redefinition replaces what the advices wrap; the advices stay.
  (let* ((macro (eq (car-safe newdef) 'macro))
         (inner (if macro (cdr newdef) newdef))
         (chain (advice--chain (advice--symbol-definition symbol))))
    (advice--set-symbol-definition symbol (advice--build (car chain) inner) macro)))

(defun advice-add (symbol how function &optional props)
  (let* ((def (symbol-function symbol))
         (macro (eq (car-safe def) 'macro)))
    (advice--set-symbol-definition
     symbol (advice--add-to (advice--symbol-definition symbol) how function props) macro)
    (put symbol 'defalias-fset-function #'advice--defalias-fset)
    nil))

(defun advice-remove (symbol function)
  (let* ((def (symbol-function symbol))
         (macro (eq (car-safe def) 'macro))
         (advised (advice--remove-from (advice--symbol-definition symbol) function)))
    (advice--set-symbol-definition symbol advised macro)
    (unless (advice--p advised) (put symbol 'defalias-fset-function nil))
    nil))

(defun advice-member-p (advice symbol)
  (advice--member advice (advice--symbol-definition symbol)))

(defun advice-mapc (f symbol)
  (dolist (a (car (advice--chain (advice--symbol-definition symbol))))
    (funcall f (nth 1 a) (nth 2 a))))

(defmacro define-advice (symbol args &rest body)
  ;; ARGS is (HOW LAMBDA-LIST &optional NAME DEPTH).
  (let* ((how (nth 0 args)) (lambda-list (nth 1 args)) (name (nth 2 args)) (depth (nth 3 args))
         (props (and depth `((depth . ,depth))))
         (advice (if name (intern (format "%s@%s" symbol name)) `(lambda ,lambda-list ,@body))))
    (if name
        `(prog1 (defun ,advice ,lambda-list ,@body)
           (advice-add ',symbol ,how #',advice ',props))
      `(advice-add ',symbol ,how ,advice ',props))))

;;;; Places

(defun advice--place-getter (place)
  (pcase place
    (`(local ,var) `(symbol-value ,var))
    (`(var ,var) var)
    (_ place)))

(defun advice--place-setter (place value)
  (pcase place
    (`(local ,var) `(set (make-local-variable ,var) ,value))
    (`(var ,var) `(setq ,var ,value))
    (_ `(setf ,place ,value))))

(defmacro add-function (how place function &optional props)
  (let ((v (make-symbol "function")))
    `(let ((,v ,function))
       ,(advice--place-setter place `(advice--add-to ,(advice--place-getter place) ,how ,v ,props))
       nil)))

(defmacro remove-function (place function)
  (let ((v (make-symbol "function")))
    `(let ((,v ,function))
       ,(advice--place-setter place `(advice--remove-from ,(advice--place-getter place) ,v))
       nil)))

(defun advice-function-member-p (advice function-def)
  (advice--member advice function-def))

(defun advice-function-mapc (f function-def)
  (dolist (a (car (advice--chain function-def)))
    (funcall f (nth 1 a) (nth 2 a))))

(provide 'nadvice)
