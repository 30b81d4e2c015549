;;; pcase.el --- pattern matching, loaded at startup  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's pcase.el.
;; The expansion is naive: each clause is tried in turn.  A clause compiles
;; to a form that returns either its body's value or the marker `pcase--fail'
;; holds, so no decision tree and no non-local exits are needed.

(defconst pcase--fail-marker (make-symbol "pcase-fail")
  "Uninterned symbol a failed clause returns; no body can produce it.")

(defvar pcase--dontcare-symbols '(_ t)
  "Patterns that match anything without binding.")

(defun pcase--progn (body)
  (if (cdr body) (cons 'progn body) (car body)))

(defun pcase--fail () (list 'quote pcase--fail-marker))

(defun pcase--self-quoting-p (pat)
  (or (keywordp pat) (integerp pat) (stringp pat)))

(defun pcase--funcall-form (fun arg)
  "A form calling pred/app FUN on the form ARG."
  (cond ((symbolp fun) (list fun arg))
        ((and (consp fun) (memq (car fun) '(lambda closure function)))
         (list 'funcall fun arg))
        ((consp fun) (append fun (list arg)))
        (t (error "Unknown function form in pattern: %S" fun))))

(defun pcase--vars (pat)
  "The variables PAT binds, in order of appearance."
  (cond ((memq pat pcase--dontcare-symbols) nil)
        ((and (symbolp pat) pat (not (keywordp pat))) (list pat))
        ((not (consp pat)) nil)
        ((eq (car pat) 'quote) nil)
        ((memq (car pat) '(and or))
         (let ((vars nil))
           (dolist (p (cdr pat)) (dolist (v (pcase--vars p)) (unless (memq v vars) (push v vars))))
           (nreverse vars)))
        ((eq (car pat) 'app) (pcase--vars (nth 2 pat)))
        ((eq (car pat) '\`) (pcase--qpat-vars (cadr pat)))
        (t nil)))

(defun pcase--qpat-vars (qpat)
  (cond ((and (consp qpat) (eq (car qpat) '\,)) (pcase--vars (cadr qpat)))
        ((consp qpat) (append (pcase--qpat-vars (car qpat)) (pcase--qpat-vars (cdr qpat))))
        ((vectorp qpat) (apply #'append (mapcar #'pcase--qpat-vars qpat)))
        (t nil)))

(defun pcase--compile (pat val success)
  "A form that evaluates SUCCESS if the value of the symbol VAL matches PAT.
Otherwise the form returns the failure marker."
  (cond
   ((memq pat pcase--dontcare-symbols) success)
   ((pcase--self-quoting-p pat)
    (list 'if (list (if (stringp pat) 'equal 'eql) val pat) success (pcase--fail)))
   ((null pat) (error "Unknown pattern `%S'" pat))
   ((symbolp pat)
    (list 'let (list (list pat val)) success))
   ((not (consp pat)) (error "Unknown pattern `%S'" pat))
   (t
    (let ((head (car pat)))
      (cond
       ((eq head 'quote)
        (let ((v (cadr pat)))
          (list 'if (list (if (or (consp v) (stringp v) (vectorp v) (floatp v)) 'equal 'eq)
                          val (list 'quote v))
                success (pcase--fail))))
       ((eq head '\`) (pcase--compile-qpat (cadr pat) val success))
       ((eq head 'pred)
        (let ((fun (cadr pat)))
          (if (and (consp fun) (eq (car fun) 'not))
              (list 'if (pcase--funcall-form (cadr fun) val) (pcase--fail) success)
            (list 'if (pcase--funcall-form fun val) success (pcase--fail)))))
       ((eq head 'guard) (list 'if (cadr pat) success (pcase--fail)))
       ((eq head 'and)
        (let ((form success))
          (dolist (p (reverse (cdr pat))) (setq form (pcase--compile p val form)))
          form))
       ((eq head 'or) (pcase--compile-or pat val success))
       ((eq head 'app)
        (let ((tmp (make-symbol "x")))
          (list 'let (list (list tmp (pcase--funcall-form (nth 1 pat) val)))
                (pcase--compile (nth 2 pat) tmp success))))
       ((eq head 'cl-type)
        (list 'if (list 'cl-typep val (list 'quote (cadr pat))) success (pcase--fail)))
       (t (error "Unknown %s pattern: %S" head pat)))))))

(defun pcase--compile-or (pat val success)
  ;; Variables a branch does not bind are bound to nil, as in Emacs.
  (let* ((all-vars (pcase--vars pat))
         (branches (cdr pat))
         (result (make-symbol "r"))
         (form (pcase--fail)))
    (dolist (p (reverse branches))
      (let* ((missing (let (m) (dolist (v all-vars) (unless (memq v (pcase--vars p)) (push (list v nil) m))) m))
             (body (if missing (list 'let missing success) success))
             (attempt (pcase--compile p val body)))
        (setq form
              (if (equal form (pcase--fail))
                  attempt
                (list 'let (list (list result attempt))
                      (list 'if (list 'eq result (pcase--fail)) form result))))))
    form))

(defun pcase--compile-qpat (qpat val success)
  (cond
   ((and (consp qpat) (eq (car qpat) '\,)) (pcase--compile (cadr qpat) val success))
   ((consp qpat)
    (let ((a (make-symbol "xcar")) (d (make-symbol "xcdr")))
      (list 'if (list 'consp val)
            (list 'let (list (list a (list 'car val)) (list d (list 'cdr val)))
                  (pcase--compile-qpat (car qpat) a (pcase--compile-qpat (cdr qpat) d success)))
            (pcase--fail))))
   ((vectorp qpat)
    (let* ((n (length qpat)) (i n) (form success) (syms nil) (bindings nil))
      (while (> i 0)
        (setq i (1- i))
        (let ((s (make-symbol (format "x%d" i))))
          (push s syms)
          (push (list s (list 'aref val i)) bindings)
          (setq form (pcase--compile-qpat (aref qpat i) s form))))
      (list 'if (list 'and (list 'vectorp val) (list '= (list 'length val) n))
            (if bindings (list 'let bindings form) form)
            (pcase--fail))))
   ((null qpat) (list 'if (list 'null val) success (pcase--fail)))
   ((or (symbolp qpat) (integerp qpat))
    (list 'if (list 'eq val (list 'quote qpat)) success (pcase--fail)))
   (t (list 'if (list 'equal val (list 'quote qpat)) success (pcase--fail)))))

(defun pcase--expand (exp cases exhaustive)
  (let* ((val (make-symbol "val"))
         (result (make-symbol "r"))
         (form (if exhaustive
                   (list 'error "No clause matching `%S'" val)
                 nil)))
    (dolist (case (reverse cases))
      (let ((attempt (pcase--compile (car case) val (pcase--progn (cdr case)))))
        (setq form
              (if (and (null form) (not exhaustive))
                  ;; The last clause: its failure marker becomes nil.
                  (list 'let (list (list result attempt))
                        (list 'if (list 'eq result (pcase--fail)) nil result))
                (list 'let (list (list result attempt))
                      (list 'if (list 'eq result (pcase--fail)) form result))))))
    (list 'let (list (list val exp)) form)))

(defmacro pcase (exp &rest cases)
  "Evaluate EXP and run the body of the first of CASES whose pattern matches."
  (declare (indent 1))
  (pcase--expand exp cases nil))

(defmacro pcase-exhaustive (exp &rest cases)
  "Like `pcase', but signal an error if no pattern matches."
  (declare (indent 1))
  (pcase--expand exp cases t))

;; ---- destructuring (pcase-let and friends): no checks, as in Emacs ------

(defvar pcase--temporaries nil
  "Symbols `pcase--destructure' made up, as opposed to the user's variables.")

(defun pcase--temp (name)
  (let ((s (make-symbol name))) (push s pcase--temporaries) s))

(defun pcase--destructure (pat val)
  "let* bindings that bind PAT's variables to parts of the value of symbol VAL."
  (cond
   ((memq pat pcase--dontcare-symbols) nil)
   ((and (symbolp pat) pat (not (keywordp pat))) (list (list pat val)))
   ((not (consp pat)) nil)
   ((eq (car pat) '\`) (pcase--destructure-qpat (cadr pat) val))
   ((eq (car pat) 'and)
    (apply #'append (mapcar (lambda (p) (pcase--destructure p val)) (cdr pat))))
   ((eq (car pat) 'or) (pcase--destructure (cadr pat) val))
   ((eq (car pat) 'app)
    (let ((tmp (pcase--temp "x")))
      (cons (list tmp (pcase--funcall-form (nth 1 pat) val))
            (pcase--destructure (nth 2 pat) tmp))))
   (t nil)))

(defun pcase--destructure-qpat (qpat val)
  (cond
   ((and (consp qpat) (eq (car qpat) '\,)) (pcase--destructure (cadr qpat) val))
   ((consp qpat)
    (let* ((car-part (pcase--destructure-qpat (car qpat) (quote pcase--placeholder)))
           (cdr-part (pcase--destructure-qpat (cdr qpat) (quote pcase--placeholder))))
      (append
       (when car-part
         (let ((a (pcase--temp "xcar")))
           (cons (list a (list 'car-safe val)) (pcase--destructure-qpat (car qpat) a))))
       (when cdr-part
         (let ((d (pcase--temp "xcdr")))
           (cons (list d (list 'cdr-safe val)) (pcase--destructure-qpat (cdr qpat) d)))))))
   ((vectorp qpat)
    (let ((i 0) (bindings nil))
      (while (< i (length qpat))
        (let ((sub (aref qpat i)))
          (when (pcase--destructure-qpat sub 'pcase--placeholder)
            (let ((e (pcase--temp (format "x%d" i))))
              (setq bindings (append bindings
                                     (cons (list e (list 'aref val i))
                                           (pcase--destructure-qpat sub e)))))))
        (setq i (1+ i)))
      bindings))
   (t nil)))

(defun pcase--let-bindings (bindings sequential)
  "let* bindings for pcase-let's BINDINGS; values all first unless SEQUENTIAL."
  (let ((values nil) (parts nil))
    (dolist (b bindings)
      (let ((pat (car b)) (exp (cadr b)))
        (if (and (symbolp pat) (not (memq pat pcase--dontcare-symbols)))
            (if sequential
                (setq parts (append parts (list (list pat exp))))
              (let ((tmp (make-symbol "v")))
                (setq values (append values (list (list tmp exp))))
                (setq parts (append parts (list (list pat tmp))))))
          (let ((tmp (make-symbol "v")))
            (if sequential
                (setq parts (append parts (list (list tmp exp))))
              (setq values (append values (list (list tmp exp)))))
            (setq parts (append parts (pcase--destructure pat tmp)))))))
    (append values parts)))

(defmacro pcase-let* (bindings &rest body)
  "Like `let*', but each binding's variable may be a pcase pattern."
  (declare (indent 1))
  (cons 'let* (cons (pcase--let-bindings bindings t) body)))

(defmacro pcase-let (bindings &rest body)
  "Like `let', but each binding's variable may be a pcase pattern."
  (declare (indent 1))
  (cons 'let* (cons (pcase--let-bindings bindings nil) body)))

(defmacro pcase-dolist (spec &rest body)
  "Like `dolist', but the loop variable may be a pcase pattern."
  (declare (indent 1))
  (if (symbolp (car spec))
      (cons 'dolist (cons spec body))
    (let ((tmp (make-symbol "x")))
      (list 'dolist (cons tmp (cdr spec))
            (cons 'pcase-let* (cons (list (list (car spec) tmp)) body))))))

(defmacro pcase-setq (&rest args)
  "Assign values to variables by destructuring with pcase patterns."
  (let ((forms nil))
    (while args
      (let ((pat (car args)) (exp (cadr args)))
        (if (symbolp pat)
            (push (list 'setq pat exp) forms)
          (let* ((pcase--temporaries nil)
                 (tmp (make-symbol "v"))
                 (bindings (pcase--destructure pat tmp))
                 (temps nil) (sets nil))
            (dolist (b bindings)
              (if (memq (car b) pcase--temporaries)
                  (push b temps)
                ;; Assign through a temporary so later parts see the old values.
                (let ((s (make-symbol (symbol-name (car b)))))
                  (push (list s (cadr b)) temps)
                  (push (list 'setq (car b) s) sets))))
            (push (cons 'let* (cons (cons (list tmp exp) (nreverse temps))
                                    (or (nreverse sets) '(nil))))
                  forms))))
      (setq args (cddr args)))
    (cons 'progn (nreverse forms))))

(defmacro pcase-lambda (lambda-list &rest body)
  "Like `lambda', but each argument may be a pcase pattern."
  (declare (doc-string 2) (indent defun))
  (let ((args nil) (bindings nil))
    (dolist (arg lambda-list)
      (if (symbolp arg)
          (push arg args)
        (let ((tmp (make-symbol "arg")))
          (push tmp args)
          (push (list arg tmp) bindings))))
    (let ((decls nil))
      (while (and (cdr body) (or (stringp (car body))
                                 (and (consp (car body)) (memq (caar body) '(declare interactive)))))
        (push (pop body) decls))
      (cons 'lambda (cons (nreverse args)
                          (append (nreverse decls)
                                  (if bindings
                                      (list (cons 'pcase-let* (cons (nreverse bindings) body)))
                                    body)))))))

(provide 'pcase)
