;;; cl-macs.el --- cl-lib's argument lists, blocks and binding macros  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's cl-macs.el.

;;;; Blocks

(defun cl--block-tag (name)
  (intern (format "--cl-block-%s--" name)))

(defmacro cl-block (name &rest body)
  "Evaluate BODY; `cl-return-from' NAME leaves it with a value."
  (declare (indent 1))
  (if (cl--tree-mentions-p body '(cl-return cl-return-from))
      (list 'catch (list 'quote (cl--block-tag name)) (macroexp-progn body))
    (macroexp-progn body)))

(defmacro cl-return (&optional result)
  "Leave the innermost block named nil with RESULT."
  (list 'cl-return-from nil result))

(defmacro cl-return-from (name &optional result)
  "Leave the block NAME with RESULT."
  (list 'throw (list 'quote (cl--block-tag name)) result))

(defun cl--tree-mentions-p (tree symbols)
  "Non-nil if any of SYMBOLS occurs in TREE (a conservative test)."
  (let ((found nil))
    (while (and (consp tree) (not found))
      (setq found (cl--tree-mentions-p (car tree) symbols))
      (setq tree (cdr tree)))
    (or found (and tree (symbolp tree) (memq tree symbols) t))))

(defun macroexp-progn (exps)
  (if (cdr exps) (cons 'progn exps) (car exps)))

;;;; Argument lists

(defconst cl--lambda-list-keywords
  '(&optional &rest &key &allow-other-keys &aux &whole &body &environment))

(defun cl--simple-arglist-p (args)
  (let ((ok t))
    (while (and ok args)
      (if (or (not (consp args)) (not (symbolp (car args)))
              (memq (car args) '(&key &aux &body &whole &environment &allow-other-keys)))
          (setq ok nil))
      (when (consp args) (setq args (cdr args))))
    ok))

(defun cl--split-body (body)
  "Split BODY into (DECLARATIONS . FORMS): docstring, declare and interactive forms."
  (let ((head nil))
    (when (and (stringp (car body)) (cdr body))
      (push (pop body) head))
    (while (and (consp (car body)) (memq (car (car body)) '(declare interactive)))
      (push (pop body) head))
    (cons (nreverse head) body)))

(defun cl--keyword-for (spec)
  "The keyword and variable of a &key SPEC's first element."
  (let ((v (if (consp spec) (car spec) spec)))
    (if (consp v)
        (cons (car v) (cadr v))
      (cons (intern (format ":%s" v)) v))))

(defun cl--bind-list (args var name &optional offset)
  "let* bindings that destructure the list in the variable VAR against ARGS.
NAME is what wrong-number-of-arguments errors report, with the list's length
plus OFFSET (the number of arguments before it)."
  (let ((bindings nil) (mode 'required) (nreq 0) (keys nil)
        (allow-other nil) (has-rest nil) (whole-len (make-symbol "len")))
    (when (eq (car-safe args) '&whole)
      (push (list (cadr args) var) bindings)
      (setq args (cddr args)))
    (push (list whole-len (if offset (list '+ offset (list 'length var)) (list 'length var))) bindings)
    (while args
      (let ((a (if (consp args) (car args) '&rest)))
        (when (not (consp args)) (setq args (list '&rest args)))
        (cond
         ((eq a '&optional) (setq mode 'optional))
         ((memq a '(&rest &body))
          (setq has-rest t)
          (setq args (cdr args))
          (if (consp (car args))
              (let ((tmp (make-symbol "rest")))
                (push (list tmp var) bindings)
                (setq bindings (append (reverse (cl--bind-list (car args) tmp name)) bindings)))
            (push (list (car args) var) bindings)))
         ((eq a '&key) (setq mode 'key))
         ((eq a '&allow-other-keys) (setq allow-other t))
         ((eq a '&aux) (setq mode 'aux))
         ((eq a '&environment) (setq args (cdr args)))
         ((eq mode 'required)
          (setq nreq (1+ nreq))
          (let ((val (list 'if var (list 'pop var)
                           (list 'signal ''wrong-number-of-arguments
                                 (list 'list (list 'quote name) whole-len)))))
            (if (consp a)
                (let ((tmp (make-symbol "arg")))
                  (push (list tmp val) bindings)
                  (setq bindings (append (reverse (cl--bind-list a tmp name)) bindings)))
              (push (list a val) bindings))))
         ((eq mode 'optional)
          (let* ((v (if (consp a) (car a) a)) (def (and (consp a) (cadr a)))
                 (svar (and (consp a) (nth 2 a))))
            (when svar (push (list svar (list 'and var t)) bindings))
            (let ((val (list 'if var (list 'pop var) def)))
              (if (consp v)
                  (let ((tmp (make-symbol "arg")))
                    (push (list tmp val) bindings)
                    (setq bindings (append (reverse (cl--bind-list v tmp name)) bindings)))
                (push (list v val) bindings)))))
         ((eq mode 'key)
          (let* ((kv (cl--keyword-for a)) (kw (car kv)) (v (cdr kv))
                 (def (and (consp a) (cadr a))) (svar (and (consp a) (nth 2 a)))
                 (mem (list 'plist-member var (list 'quote kw)))
                 (tmp (make-symbol "key")))
            (push kw keys)
            (push (list tmp mem) bindings)
            (when svar (push (list svar (list 'and tmp t)) bindings))
            (let ((val (if def (list 'if tmp (list 'car (list 'cdr tmp)) def)
                         (list 'car (list 'cdr tmp)))))
              (if (consp v)
                  (let ((tmp2 (make-symbol "arg")))
                    (push (list tmp2 val) bindings)
                    (setq bindings (append (reverse (cl--bind-list v tmp2 name)) bindings)))
                (push (list v val) bindings)))))
         ((eq mode 'aux)
          (push (if (consp a) (list (car a) (cadr a)) (list a nil)) bindings))))
      (setq args (cdr args)))
    (cond
     (keys
      (unless allow-other
        (push (list (make-symbol "check")
                    (list 'cl--check-keys var (list 'quote (nreverse keys))))
              bindings)))
     ((not has-rest)
      (push (list (make-symbol "check")
                  (list 'if var (list 'signal ''wrong-number-of-arguments
                                      (list 'list (list 'quote name) whole-len))))
            bindings)))
    (nreverse bindings)))

(defun cl--check-keys (plist keys)
  "Signal an error unless every keyword of PLIST is one of KEYS."
  (unless (plist-get plist :allow-other-keys)
    (let ((tail plist))
      (while tail
        (unless (memq (car tail) keys)
          (error "Keyword argument %s not one of %s" (car tail) keys))
        (setq tail (cddr tail))))))

(defun cl--transform-lambda (args body name)
  "A (SIMPLE-ARGS . BODY) pair equivalent to the cl lambda list ARGS with BODY."
  (if (cl--simple-arglist-p args)
      (cons args body)
    (let ((simple nil) (nsimple nil) (split (cl--split-body body)) (rest (make-symbol "--cl-rest--")))
      ;; Leading plain required arguments stay real arguments.
      (while (and (consp args) (symbolp (car args)) (car args)
                  (not (memq (car args) cl--lambda-list-keywords)))
        (push (pop args) simple))
      (setq nsimple (and simple (length simple)))
      (cons (append (nreverse simple) (list '&rest rest))
            (append (car split)
                    (list (cons 'let* (cons (cl--bind-list args rest name nsimple)
                                            (cdr split)))))))))

(defmacro cl-defun (name args &rest body)
  "Define NAME as a function with a Common Lisp style lambda list."
  (declare (indent 2) (doc-string 3))
  (let* ((split (cl--split-body body))
         (res (cl--transform-lambda args (append (car split) (list (cons 'cl-block (cons name (cdr split))))) name)))
    (cons 'defun (cons name res))))

(defmacro cl-iter-defun (name args &rest body)
  (cons 'cl-defun (cons name (cons args body))))

(defmacro cl-defmacro (name args &rest body)
  "Define NAME as a macro with a Common Lisp style (destructuring) lambda list."
  (declare (indent 2) (doc-string 3))
  (let* ((split (cl--split-body body))
         (res (cl--transform-lambda args (append (car split) (list (cons 'cl-block (cons name (cdr split))))) name)))
    (cons 'defmacro (cons name res))))

(defmacro cl-function (func)
  "Like `function', but a lambda may use a Common Lisp style lambda list."
  (if (eq (car-safe func) 'lambda)
      (let ((res (cl--transform-lambda (cadr func) (cddr func) 'cl-none)))
        (list 'function (cons 'lambda res)))
    (list 'function func)))

(defmacro cl-destructuring-bind (args expr &rest body)
  "Bind the variables of the lambda list ARGS to the parts of EXPR's value and run BODY."
  (declare (indent 2))
  (let ((whole (make-symbol "whole")))
    (list 'let (list (list whole expr))
          (cons 'let* (cons (cl--bind-list args whole args) body)))))

;;;; Local functions

(defvar cl--function-convert-cache nil)

(defun cl--function-converter (table)
  "A macroexpand-all handler for `function' that maps local names through TABLE."
  (lambda (f)
    (let ((hit (assq f table)))
      (cond (hit (cdr hit))
            ((eq f (cadr cl--function-convert-cache)) cl--function-convert-cache)
            (t (setq cl--function-convert-cache (list 'function f)))))))

(defun cl--local-function-env (table)
  "A macro environment calling the local functions of TABLE ((NAME . VAR) ...)."
  (let ((env (if (boundp 'macroexpand-all-environment) macroexpand-all-environment nil)))
    (dolist (entry table)
      (let ((var (cdr entry)))
        (push (cons (car entry) (lambda (&rest args) (cons 'funcall (cons var args)))) env)))
    (cons (cons 'function (cl--function-converter table)) env)))

(defun cl--flet-function-form (def)
  "The function form of a cl-flet binding DEF: (NAME ARGS BODY...) or (NAME EXPR)."
  (if (and (cdr def) (null (cddr def)))
      (cadr def)
    (list 'cl-function (cons 'lambda (cons (cadr def) (list (cons 'cl-block (cons (car def) (cddr def)))))))))

(defmacro cl-flet (bindings &rest body)
  "Make local function definitions, visible in BODY only."
  (declare (indent 1))
  (let ((table nil) (lets nil))
    (dolist (def bindings)
      (let ((var (make-symbol (format "--cl-%s--" (car def)))))
        (push (cons (car def) var) table)
        (push (list var (cl--flet-function-form def)) lets)))
    (list 'let (nreverse lets)
          (macroexpand-all (macroexp-progn body) (cl--local-function-env table)))))

(defmacro cl-flet* (bindings &rest body)
  (declare (indent 1))
  (if (null bindings) (macroexp-progn body)
    (list 'cl-flet (list (car bindings)) (cons 'cl-flet* (cons (cdr bindings) body)))))

(defmacro cl-labels (bindings &rest body)
  "Make local, mutually recursive function definitions."
  (declare (indent 1))
  (let ((table nil) (lets nil))
    (dolist (def bindings)
      (push (cons (car def) (make-symbol (format "--cl-%s--" (car def)))) table))
    (let ((env (cl--local-function-env table)))
      (dolist (def bindings)
        (push (list (cdr (assq (car def) table))
                    (macroexpand-all (cl--flet-function-form def) env))
              lets))
      (list 'letrec (nreverse lets) (macroexpand-all (macroexp-progn body) env)))))

(defmacro cl-macrolet (bindings &rest body)
  "Make local macro definitions, visible in BODY only."
  (declare (indent 1))
  (let ((env (if (boundp 'macroexpand-all-environment) macroexpand-all-environment nil)))
    (dolist (def bindings)
      (push (cons (car def) (eval (list 'cl-function (cons 'lambda (cdr def))) t)) env))
    (macroexpand-all (macroexp-progn body) env)))

(defmacro cl-symbol-macrolet (bindings &rest body)
  "Replace the symbols of BINDINGS by their expansions in BODY (simple version)."
  (declare (indent 1))
  (macroexp-progn (cl--sublis-symbols bindings body)))

(defun cl--sublis-symbols (bindings tree)
  (cond ((and (symbolp tree) (assq tree bindings)) (cadr (assq tree bindings)))
        ((eq (car-safe tree) 'quote) tree)
        ((consp tree) (cons (cl--sublis-symbols bindings (car tree))
                            (cl--sublis-symbols bindings (cdr tree))))
        (t tree)))

;;;; Places

(defmacro cl-letf (bindings &rest body)
  "Temporarily bind the places of BINDINGS to values while BODY runs."
  (declare (indent 1))
  (if (null bindings) (macroexp-progn body)
    (let* ((b (car bindings)) (place (car b))
           (inner (cons 'cl-letf (cons (cdr bindings) body))))
      (if (symbolp place)
          (list 'let (list b) inner)
        (let ((old (make-symbol "old")))
          (list 'let (list (list old (if (eq (car place) 'symbol-function)
                                         (list 'symbol-function (cadr place))
                                       place)))
                (list 'unwind-protect
                      (if (cdr b) (list 'progn (list 'setf place (cadr b)) inner) inner)
                      (list 'setf place old))))))))

(defmacro cl-letf* (bindings &rest body)
  (declare (indent 1))
  (cons 'cl-letf (cons bindings body)))

(defmacro cl-pushnew (x place &rest keys)
  "Add X to the list stored in PLACE unless it is already a member (cl-adjoin)."
  (if (symbolp place)
      (list 'setq place (cons 'cl-adjoin (cons x (cons place keys))))
    (let ((v (make-symbol "x")))
      (list 'let (list (list v x))
            (list 'setf place (cons 'cl-adjoin (cons v (cons place keys))))))))

(defmacro cl-callf (func place &rest args)
  (list 'setf place (if (symbolp func) (cons func (cons place args))
                      (cons 'funcall (cons func (cons place args))))))

(defmacro cl-callf2 (func arg1 place &rest args)
  (list 'setf place (if (symbolp func) (cons func (cons arg1 (cons place args)))
                      (cons 'funcall (cons func (cons arg1 (cons place args)))))))

(defmacro cl-rotatef (&rest places)
  (if (cdr places)
      (let ((tmp (make-symbol "tmp")) (forms nil) (p places))
        (while (cdr p)
          (push (list 'setf (car p) (cadr p)) forms)
          (setq p (cdr p)))
        (list 'let (list (list tmp (car places)))
              (cons 'progn (append (nreverse forms) (list (list 'setf (car p) tmp) nil)))))
    nil))

(defmacro cl-shiftf (place &rest args)
  (if (null args) place
    (list 'prog1 place (list 'setf place (cons 'cl-shiftf args)))))

;;;; Iteration and misc

(defmacro cl-dolist (spec &rest body)
  "Like `dolist', inside a block named nil."
  (declare (indent 1))
  (list 'cl-block nil (cons 'dolist (cons spec body))))

(defmacro cl-dotimes (spec &rest body)
  "Like `dotimes', inside a block named nil."
  (declare (indent 1))
  (list 'cl-block nil (cons 'dotimes (cons spec body))))

(defmacro cl-do-symbols (spec &rest body)
  (declare (indent 1))
  (list 'cl-block nil
        (list 'mapatoms (list 'function (cons 'lambda (cons (list (car spec)) body)))
              (cadr spec))
        (nth 2 spec)))

(defmacro cl-progv (symbols values &rest body)
  (declare (indent 2))
  (let ((syms (make-symbol "syms")) (vals (make-symbol "vals")) (binds (make-symbol "binds")))
    (list 'let* (list (list syms symbols) (list vals values) (list binds nil))
          (list 'while syms
                (list 'push (list 'list (list 'pop syms) (list 'list ''quote (list 'pop vals))) binds))
          (list 'eval (list 'list ''let (list 'nreverse binds)
                            (list 'list ''funcall (list 'list ''quote (list 'function (cons 'lambda (cons nil body))))))))))

(defmacro cl-the (_type form) form)
(defmacro cl-declare (&rest _specs) nil)
(defmacro cl-locally (&rest body) (cons 'progn body))
(defmacro cl-eval-when (_when &rest body) (cons 'progn body))
(defmacro cl-load-time-value (form &optional _ro) form)

(defmacro cl-psetq (&rest pairs)
  (cons 'cl-psetf pairs))

(defmacro cl-psetf (&rest pairs)
  (let ((binds nil) (sets nil))
    (while pairs
      (let ((tmp (make-symbol "v")))
        (push (list tmp (cadr pairs)) binds)
        (push (list 'setf (car pairs) tmp) sets))
      (setq pairs (cddr pairs)))
    (list 'let (nreverse binds) (cons 'progn (append (nreverse sets) (list nil))))))

(defmacro cl-do (steps endtest &rest body)
  (declare (indent 2))
  (cl--expand-do 'let 'cl-psetq steps endtest body))

(defmacro cl-do* (steps endtest &rest body)
  (declare (indent 2))
  (cl--expand-do 'let* 'setq steps endtest body))

(defun cl--expand-do (binder setter steps endtest body)
  (let ((step-forms nil))
    (dolist (s steps)
      (when (and (consp s) (cddr s))
        (push (car s) step-forms)
        (push (nth 2 s) step-forms)))
    (list 'cl-block nil
          (list binder (mapcar (lambda (s) (if (consp s) (list (car s) (cadr s)) s)) steps)
                (cons 'while (cons (list 'not (car endtest))
                                   (append body (and step-forms (list (cons setter (nreverse step-forms)))))))
                (macroexp-progn (or (cdr endtest) '(nil)))))))

(defmacro cl-multiple-value-bind (vars form &rest body)
  (declare (indent 2))
  (let ((tmp (make-symbol "v")) (i -1))
    (cons 'let* (cons (cons (list tmp form)
                            (mapcar (lambda (v) (setq i (1+ i)) (list v (list 'nth i tmp))) vars))
                      body))))

(defmacro cl-multiple-value-setq (vars form)
  (let ((tmp (make-symbol "v")) (i -1))
    (list 'let (list (list tmp form))
          (cons 'progn (mapcar (lambda (v) (setq i (1+ i)) (list 'setq v (list 'nth i tmp))) vars))
          (list 'car tmp))))

(defun cl-values (&rest values) values)
(defun cl-values-list (list) list)
(defun cl-multiple-value-list (x) x)

(defmacro cl-assert (form &optional _show-args string &rest args)
  (list 'unless form
        (if string (cons 'error (cons string args))
          (list 'signal ''cl-assertion-failed (list 'list (list 'quote form))))))

(defmacro cl-check-type (form type &optional _string)
  (list 'unless (list 'cl-typep form (list 'quote type))
        (list 'signal ''wrong-type-argument
              (list 'list (list 'quote type) form (list 'quote form)))))

(defmacro cl-deftype (name arglist &rest body)
  (declare (indent 2))
  (list 'put (list 'quote name) ''cl-deftype-handler
        (list 'function (cons 'lambda (cons arglist body)))))

(defmacro cl-defsubst (name args &rest body)
  (declare (indent 2))
  (cons 'cl-defun (cons name (cons args body))))

(defmacro cl-define-compiler-macro (_func _args &rest _body) nil)

;;;; Declarations, all-symbol loops and tagbody

(defmacro cl-declaim (&rest _specs) nil)

(defmacro cl-do-all-symbols (spec &rest body)
  "Run BODY with (car SPEC) bound to each interned symbol; the value is (nth 2 SPEC)."
  (declare (indent 1))
  `(progn (mapatoms (lambda (,(car spec)) ,@body) ,@(and (cadr spec) (list (cadr spec))))
          ,(nth 2 spec)))

(defmacro cl-tagbody (&rest labels-or-stmts)
  "Run the statements in order; a symbol or integer among them is a tag that (go TAG) jumps to."
  (let ((segments nil) (current (list 'cl--tagbody-start)) (tag-var (make-symbol "next")) (catch-tag (make-symbol "tagbody")))
    (dolist (item labels-or-stmts)
      (if (or (symbolp item) (integerp item))
          (progn (push (nreverse current) segments)
                 (setq current (list item)))
        (push item current)))
    (push (nreverse current) segments)
    (setq segments (nreverse segments))
    ;; Each segment falls through to the next: its last form names the next tag.
    (let ((clauses nil) (rest segments))
      (while rest
        (let ((seg (car rest)) (next (cadr rest)))
          (push `((eql ,tag-var ',(car seg)) ,@(cdr seg) ,(if next `',(car next) nil)) clauses))
        (setq rest (cdr rest)))
      `(let ((,tag-var 'cl--tagbody-start))
         (cl-macrolet ((go (tag) (list 'throw '',catch-tag (list 'quote tag))))
           (while (setq ,tag-var (catch ',catch-tag (cond ,@(nreverse clauses))))))
         nil))))

(defmacro cl-prog (bindings &rest body)
  "(cl-block nil (let BINDINGS (cl-tagbody BODY...)))."
  `(cl-block nil (let ,bindings (cl-tagbody ,@body))))

(defmacro cl-prog* (bindings &rest body)
  "(cl-block nil (let* BINDINGS (cl-tagbody BODY...)))."
  `(cl-block nil (let* ,bindings (cl-tagbody ,@body))))

(provide 'cl-macs)
