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

(defun pcase--macroexpander (head)
  "The function that `pcase-defmacro' made for patterns headed by HEAD, or nil."
  (let ((f (and (symbolp head) (intern-soft (format "%s--pcase-macroexpander" head)))))
    (and f (fboundp f) f)))

(defun pcase--expand-pattern (pat)
  "PAT, a pattern defined with `pcase-defmacro', in terms of other patterns."
  (apply (pcase--macroexpander (car pat)) (cdr pat)))

(defmacro pcase--flip (fun arg1 arg2)
  "(FUN ARG2 ARG1): lets (app (pcase--flip F X) PAT) call F with the value first."
  (list fun arg2 arg1))

(defmacro pcase-defmacro (name args &rest body)
  "Define the pcase pattern (NAME ARGS...) as the pattern BODY returns."
  (declare (indent 2) (doc-string 3))
  (let ((expander (intern (format "%s--pcase-macroexpander" name))))
    (list 'progn
          (list 'defalias (list 'quote expander) (cons 'lambda (cons args body)))
          (list 'quote name))))

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
        ((pcase--macroexpander (car pat)) (pcase--vars (pcase--expand-pattern pat)))
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
       ((pcase--macroexpander head)
        (pcase--compile (pcase--expand-pattern pat) val success))
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
   ((pcase--macroexpander (car pat)) (pcase--destructure (pcase--expand-pattern pat) val))
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

;; ---- patterns that other libraries define (seq, map, rx, cl-macs) ------

(defun pcase--seq-bindings (patterns)
  "(app ...) patterns matching each of PATTERNS against one element, or the rest after &rest."
  (let ((index 0) (bindings nil))
    (while patterns
      (if (eq (car patterns) '&rest)
          (progn
            (push (list 'app (list 'pcase--flip 'seq-drop index) (cadr patterns)) bindings)
            (setq patterns nil))
        (push (list 'app (list 'pcase--flip 'seq--elt-safe index) (car patterns)) bindings)
        (setq index (1+ index))
        (setq patterns (cdr patterns))))
    ;; Emacs's seq.el lists them last first.
    bindings))

(pcase-defmacro seq (&rest patterns)
  "Match a sequence whose elements match PATTERNS (missing ones are nil); `&rest' PAT matches the rest."
  (cons 'and (cons '(pred seqp) (pcase--seq-bindings patterns))))

(pcase-defmacro map (&rest args)
  "Match a map: each of ARGS is KEY-SYMBOL, :KEYWORD (binding the variable of that name)
or (KEY PAT), matching PAT against the value of KEY (Emacs 28 has no defaults here)."
  (cons 'and
        (cons '(pred mapp)
              (mapcar (lambda (arg)
                        (cond ((consp arg)
                               (list 'app (list 'pcase--flip 'map-elt (car arg)) (nth 1 arg)))
                              ((keywordp arg)
                               (list 'app (list 'pcase--flip 'map-elt arg)
                                     (intern (substring (symbol-name arg) 1))))
                              (t (list 'app (list 'pcase--flip 'map-elt (list 'quote arg)) arg))))
                      args))))

(defun pcase--rx-transform (form vars)
  "FORM with its (let VAR RX...) as numbered groups and (backref VAR) as their numbers.
VARS is a cons whose car lists the variables seen so far, the newest first."
  (cond
   ((not (consp form)) form)
   ((and (eq (car form) 'let) (symbolp (cadr form)))
    (let ((name (cadr form)))
      (unless (memq name (car vars))
        (setcar vars (cons name (car vars))))
      (cons 'group-n (cons (length (memq name (car vars)))
                           (mapcar (lambda (f) (pcase--rx-transform f vars)) (cddr form))))))
   ((and (eq (car form) 'backref) (symbolp (cadr form)))
    (let ((found (memq (cadr form) (car vars))))
      (unless found
        (error "rx `backref' variable must be one of: %s"
               (mapconcat #'symbol-name (reverse (car vars)) " ")))
      (list 'backref (length found))))
   (t (cons (car form) (mapcar (lambda (f) (pcase--rx-transform f vars)) (cdr form))))))

(pcase-defmacro rx (&rest regexps)
  "Match a string that the rx form (seq REGEXPS...) matches; (let VAR RX...) binds
VAR to what RX matched, and (backref VAR) matches it again."
  (let* ((vars (list nil))
         (forms (mapcar (lambda (f) (pcase--rx-transform f vars)) regexps))
         (names (reverse (car vars)))
         (regexp (cons 'rx forms)))
    (list 'and '(pred stringp)
          (cond
           ((null names) (list 'pred (list 'string-match regexp)))
           ((null (cdr names))
            (list 'app (list 'lambda '(s) (list 'if (list 'string-match regexp 's) '(match-string 1 s) 0))
                  (list 'and (car names) '(pred (not numberp)))))
           (t
            (let ((i 0) (strings nil) (pattern nil))
              (dolist (_ names) (setq i (1+ i)) (push (list 'match-string i 's) strings))
              ;; Both as right-nested conses: (m1 m2 . m3) and `(,v1 ,v2 . ,v3).
              (let ((value (car strings)) (tail (list '\, (car (last names)))))
                (dolist (m (cdr strings)) (setq value (list 'cons m value)))
                (dolist (v (cdr (reverse names))) (setq tail (cons (list '\, v) tail)))
                (setq pattern (list '\` tail))
                (list 'app (list 'lambda '(s) (list 'and (list 'string-match regexp 's) value))
                      pattern))))))))

(pcase-defmacro cl-struct (type &rest fields)
  "Match a structure of TYPE whose FIELDS (SLOT or (SLOT PAT)) match."
  (cons 'and
        (cons (list 'pred (list 'pcase--flip 'cl-typep (list 'quote type)))
              (mapcar (lambda (field)
                        (let ((slot (if (consp field) (car field) field))
                              (pat (if (consp field) (cadr field) field)))
                          (list 'app (list 'cl-struct-slot-value (list 'quote type) (list 'quote slot)) pat)))
                      fields))))

(provide 'pcase)
