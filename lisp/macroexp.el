;;; macroexp.el --- helpers for writing macros  -*- lexical-binding: t -*-

;; The helpers of Emacs's macroexp.el that macro authors call: binding an
;; argument once (`macroexp-let2'), building small forms without needless
;; `progn', `let*' or nesting, and telling constant forms from the rest.
;; `macroexp-progn' is a builtin (src/primitives/macros.ts).
;; Nothing here compiles, so `macroexp-compiling-p' is always nil.

(defun macroexp-unprogn (exp)
  "The forms of EXP as a body: the forms of a `progn', else (EXP)."
  (if (eq (car-safe exp) 'progn)
      (or (cdr exp) (list nil))
    (list exp)))

(defun macroexp-let* (bindings exp)
  "A form equivalent to (let* BINDINGS EXP), merged into EXP if it is a `let*'."
  (cond ((null bindings) exp)
        ((eq (car-safe exp) 'let*)
         (cons 'let* (cons (append bindings (car (cdr exp))) (cdr (cdr exp)))))
        (t (list 'let* bindings exp))))

(defun macroexp-if (test then else)
  "A form equivalent to (if TEST THEN ELSE), flattened where ELSE or THEN branch again."
  (let ((else-head (car-safe else)))
    (cond
     ((eq else-head 'if)
      (let ((else-test (nth 1 else))
            (else-then (nth 2 else))
            (else-else (nthcdr 3 else)))
        (cond
         ((equal then else-then)
          (cons 'if (cons (list 'or test else-test) (cons then else-else))))
         ((equal (macroexp-unprogn then) else-else)
          (cons 'if (cons (list 'or test (list 'not else-test))
                          (cons then (macroexp-unprogn else-then)))))
         (t
          (cons 'cond
                (cons (cons test (macroexp-unprogn then))
                      (cons (cons else-test (macroexp-unprogn else-then))
                            (and else-else (list (cons t else-else))))))))))
     ((eq else-head 'cond)
      (cons 'cond (cons (cons test (macroexp-unprogn then)) (cdr else))))
     ;; A branching THEN goes last, where it can be flattened.
     ((memq (car-safe then) '(if cond))
      (macroexp-if (list 'not test) else then))
     (t (cons 'if (cons test (cons then (and else (macroexp-unprogn else)))))))))

(defun macroexp-const-p (exp)
  "Non-nil if EXP always evaluates to the same value."
  (cond ((consp exp)
         (or (eq (car exp) 'quote)
             (and (eq (car exp) 'function) (symbolp (car-safe (cdr exp))))))
        ((symbolp exp) (or (memq exp '(nil t)) (keywordp exp)))
        (t t)))

(defun macroexp-copyable-p (exp)
  "Non-nil if EXP costs nothing to evaluate more than once."
  (or (symbolp exp) (macroexp-const-p exp)))

(defun macroexp--size-left (exp budget)
  "BUDGET less the size of EXP, counting symbols as 1 and strings by 16 chars."
  (cond ((< budget 0) budget)
        ((symbolp exp) (1- budget))
        ((stringp exp) (- budget (/ (length exp) 16)))
        ((vectorp exp)
         (let ((i 0) (n (length exp)))
           (while (< i n)
             (setq budget (macroexp--size-left (aref exp i) budget))
             (setq i (1+ i))))
         (1- budget))
        ((consp exp)
         (let ((tail exp))
           (while (consp tail)
             (setq budget (macroexp--size-left (car tail) budget))
             (setq tail (cdr tail))))
         (1- budget))
        ;; Numbers and other atoms count as too big.
        (t -1)))

(defun macroexp-small-p (exp)
  "Non-nil if EXP is small enough to copy."
  (> (macroexp--size-left exp 10) 0))

(defun macroexp-quote (v)
  "A form that evaluates to V: V itself when it evaluates to itself, else (quote V)."
  (if (and (not (consp v))
           (or (not (symbolp v)) (keywordp v) (memq v '(nil t))))
      v
    (list 'quote v)))

(defun macroexp-parse-body (body)
  "Split BODY into (DECLARATIONS . FORMS); a final string is a form, not a docstring."
  (let ((declarations nil))
    (while (and (cdr body)
                (or (stringp (car body))
                    (memq (car-safe (car body)) '(:documentation declare interactive cl-declare))))
      (setq declarations (cons (car body) declarations))
      (setq body (cdr body)))
    (cons (nreverse declarations) body)))

(defun macroexp-compiling-p ()
  "Non-nil when expanding for the byte compiler: never here."
  nil)

(defun macroexp-file-name ()
  "The file the code being expanded comes from, or nil."
  (and (stringp load-file-name) load-file-name))

(defun macroexp-warn-and-return (msg form &optional _category compile-only)
  "FORM, after saying MSG as a warning unless COMPILE-ONLY (or MSG is nil)."
  (when (and msg (not compile-only))
    (message "%sWarning: %s"
             (if (stringp load-file-name) (concat (file-relative-name load-file-name) ": ") "")
             msg))
  form)

(defun macroexp-macroexpand (form env)
  "Expand FORM (its head only) in macro environment ENV."
  (macroexpand form env))

(defmacro macroexp-let2 (test sym exp &rest body)
  "Run BODY with SYM naming EXP's value: EXP itself if TEST says it is simple,
else a new symbol, which the result then binds to EXP once.
TEST nil means `macroexp-const-p'."
  (declare (indent 3))
  (let ((exp-var (make-symbol "exp"))
        (body-var (make-symbol "body")))
    `(let* ((,exp-var ,exp)
            (,sym (if (funcall #',(or test 'macroexp-const-p) ,exp-var)
                      ,exp-var
                    (make-symbol ,(symbol-name sym))))
            (,body-var ,(macroexp-progn body)))
       (if (eq ,sym ,exp-var)
           ,body-var
         (macroexp-let* (list (list ,sym ,exp-var)) ,body-var)))))

(defmacro macroexp-let2* (test bindings &rest body)
  "`macroexp-let2' over each (SYM EXP) of BINDINGS in turn; a lone SYM means (SYM SYM)."
  (declare (indent 2))
  (if (null bindings)
      (macroexp-progn body)
    (let* ((binding (car bindings))
           (var (if (consp binding) (car binding) binding))
           (exp (if (consp binding) (car (cdr binding)) binding)))
      `(macroexp-let2 ,test ,var ,exp
         (macroexp-let2* ,test ,(cdr bindings) ,@body)))))

(provide 'macroexp)

;;; macroexp.el ends here
