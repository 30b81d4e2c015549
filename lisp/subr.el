;;; subr.el --- the basic Lisp library, loaded at startup  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's subr.el and subr-x.el.

(defmacro ignore-errors (&rest body)
  `(condition-case nil (progn ,@body) (error nil)))

(defmacro bound-and-true-p (var)
  `(and (boundp ',var) ,var))

(defmacro ignore-error (condition &rest body)
  `(condition-case nil (progn ,@body) (,condition nil)))

(defmacro condition-case-unless-debug (var bodyform &rest handlers)
  `(condition-case ,var ,bodyform ,@handlers))

(defmacro with-demoted-errors (format &rest body)
  (let ((err (make-symbol "err")))
    (if (stringp format)
        `(condition-case ,err (progn ,@body)
           (error (message ,format ,err) nil))
      `(condition-case ,err (progn ,format ,@body)
         (error (message "Error: %S" ,err) nil)))))

(defmacro eval-when-compile (&rest body) (list 'quote (eval (cons 'progn body) lexical-binding)))
(defmacro eval-and-compile (&rest body) (cons 'progn body))
(defmacro with-no-warnings (&rest body) (cons 'progn body))
(defmacro with-suppressed-warnings (_warnings &rest body) (cons 'progn body))
(defmacro save-match-data (&rest body)
  (let ((saved (make-symbol "saved-match-data")))
    `(let ((,saved (match-data)))
       (unwind-protect (progn ,@body) (set-match-data ,saved t)))))

(defmacro defcustom (symbol standard &optional doc &rest _args)
  `(defvar ,symbol ,standard ,doc))
(defmacro defgroup (&rest _args) nil)
(defmacro defface (face _spec &optional _doc &rest _args) `(quote ,face))
(defmacro define-obsolete-function-alias (obsolete current when &optional doc)
  `(progn (defalias ,obsolete ,current ,doc) (make-obsolete ,obsolete ,current ,when)))
(defmacro define-obsolete-variable-alias (obsolete current when &optional _doc)
  `(progn (defvaralias ,obsolete ,current) (make-obsolete-variable ,obsolete ,current ,when)))
(defun make-obsolete (obsolete-name current-name when)
  "Record OBSOLETE-NAME as obsolete since WHEN, CURRENT-NAME (a symbol or a string) replacing it."
  (put obsolete-name 'byte-obsolete-info (list current-name nil when))
  obsolete-name)
(defun make-obsolete-variable (obsolete-name current-name when &optional access-type)
  "Record the variable OBSOLETE-NAME as obsolete since WHEN."
  (put obsolete-name 'byte-obsolete-variable (list current-name access-type when))
  obsolete-name)

(defmacro with-current-buffer (buffer-or-name &rest body)
  `(save-current-buffer (set-buffer ,buffer-or-name) ,@body))

(defmacro with-temp-buffer (&rest body)
  (let ((temp-buffer (make-symbol "temp-buffer")))
    `(let ((,temp-buffer (generate-new-buffer " *temp*" t)))
       (with-current-buffer ,temp-buffer
         (unwind-protect (progn ,@body)
           (and (buffer-name ,temp-buffer) (kill-buffer ,temp-buffer)))))))

;; The table is restored in the buffer that was current on entry, wherever BODY leaves us.
(defmacro with-syntax-table (table &rest body)
  (declare (indent 1))
  (let ((saved-table (make-symbol "table"))
        (saved-buffer (make-symbol "buffer")))
    `(let ((,saved-table (syntax-table))
           (,saved-buffer (current-buffer)))
       (unwind-protect
           (progn (set-syntax-table ,table) ,@body)
         (save-current-buffer
           (set-buffer ,saved-buffer)
           (set-syntax-table ,saved-table))))))

(defun syntax-after (pos)
  (unless (or (< pos (point-min)) (>= pos (point-max)))
    (aref (syntax-table) (char-after pos))))

(defun syntax-class (syntax)
  (and syntax (logand (car syntax) 65535)))

(defmacro with-output-to-string (&rest body)
  `(let ((standard-output (generate-new-buffer " *string-output*" t)))
     (unwind-protect
         (progn (let ((standard-output standard-output)) ,@body)
                (with-current-buffer standard-output (buffer-string)))
       (kill-buffer standard-output))))

(defmacro dlet (binders &rest body)
  `(progn
     ,@(mapcar (lambda (binder) `(defvar ,(if (consp binder) (car binder) binder))) binders)
     (let ,binders ,@body)))

(defmacro letrec (binders &rest body)
  (let ((vars (mapcar (lambda (b) (if (consp b) (car b) b)) binders)))
    `(let ,vars
       ,@(delq nil (mapcar (lambda (b) (if (consp b) `(setq ,(car b) ,(cadr b)))) binders))
       . ,body)))


(defmacro if-let* (varlist then &rest else)
  (if varlist
      (let* ((binding (car varlist))
             (b (cond ((symbolp binding) (list binding binding))
                      ((null (cdr binding)) (list (make-symbol "s") (car binding)))
                      (t binding))))
        `(let ((,(car b) ,(cadr b)))
           (if ,(car b)
               (if-let* ,(cdr varlist) ,then ,@else)
             ,@else)))
    then))

(defmacro when-let* (varlist &rest body)
  `(if-let* ,varlist (progn ,@body)))

(defmacro and-let* (varlist &rest body)
  `(if-let* ,varlist ,(if body `(progn ,@body) (let ((last (car (last varlist))))
                                                 (if (consp last) (if (cdr last) (car last) (car last)) last)))))

(defmacro if-let (spec then &rest else)
  (when (and (<= (length spec) 2) (not (listp (car spec))))
    (setq spec (list spec)))
  `(if-let* ,spec ,then ,@else))

(defmacro when-let (spec &rest body)
  `(if-let ,spec (progn ,@body)))

(defmacro while-let (spec &rest body)
  (let ((done (gensym "done")))
    `(catch ',done
       (while t
         (if-let* ,spec (progn ,@body) (throw ',done nil))))))

;; named-let optimises calls to NAME in tail position into a loop, as Emacs's
;; does (so deep "recursion" in tail position does not grow the stack); other
;; calls go through a local function.
(defun internal--named-let-tail (form fsym next-vars marker)
  "FORM with tail calls (funcall FSYM ARGS...) turned into loop steps."
  (if (not (consp form)) form
    (let ((head (car form)))
      (cond
       ((and (eq head 'funcall) (eq (cadr form) fsym)
             (= (length (cddr form)) (length next-vars)))
        (let ((sets nil) (vars next-vars) (args (cddr form)))
          (while vars
            (setq sets (cons (car args) (cons (car vars) sets)))
            (setq vars (cdr vars) args (cdr args)))
          (list 'progn (cons 'setq (nreverse sets)) (list 'quote marker))))
       ((memq head '(progn and or))
        (let ((rev (reverse (cdr form))))
          (if (null rev) form
            (cons head (append (reverse (cdr rev))
                               (list (internal--named-let-tail (car rev) fsym next-vars marker)))))))
       ((memq head '(let let*))
        (let ((rev (reverse (cddr form))))
          (if (null rev) form
            (cons head (cons (cadr form)
                             (append (reverse (cdr rev))
                                     (list (internal--named-let-tail (car rev) fsym next-vars marker))))))))
       ((eq head 'if)
        (let ((else (reverse (nthcdr 3 form))))
          (cons 'if (cons (nth 1 form)
                          (cons (internal--named-let-tail (nth 2 form) fsym next-vars marker)
                                (and else
                                     (append (reverse (cdr else))
                                             (list (internal--named-let-tail (car else) fsym next-vars marker)))))))))
       ((eq head 'cond)
        (cons 'cond
              (mapcar (lambda (clause)
                        (if (and (consp clause) (cdr clause))
                            (let ((rev (reverse (cdr clause))))
                              (cons (car clause)
                                    (append (reverse (cdr rev))
                                            (list (internal--named-let-tail (car rev) fsym next-vars marker)))))
                          clause))
                      (cdr form))))
       (t form)))))

(defmacro named-let (name bindings &rest body)
  "Looping construct taken from Scheme: NAME is a local function over BINDINGS."
  (let* ((fargs (mapcar (lambda (b) (if (consp b) (car b) b)) bindings))
         (aargs (mapcar (lambda (b) (if (consp b) (cadr b))) bindings))
         (fsym (make-symbol (symbol-name name)))
         (next-vars (mapcar (lambda (v) (make-symbol (symbol-name v))) fargs))
         (marker (make-symbol "named-let-recurse"))
         (ret (make-symbol "ret"))
         (expanded (macroexpand-all (cons 'progn body)
                                    (list (cons name (lambda (&rest args) `(funcall ,fsym ,@args))))))
         (looped (internal--named-let-tail expanded fsym next-vars marker)))
    `(letrec ((,fsym (lambda ,next-vars
                       (let ((,ret nil))
                         (while (let ,(internal--named-let-pairs fargs next-vars)
                                  (eq (setq ,ret ,looped) ',marker)))
                         ,ret))))
       (funcall ,fsym . ,aargs))))

(defun internal--named-let-pairs (a b)
  "The list of (X Y) for the elements of lists A and B."
  (let ((out nil))
    (while a (setq out (cons (list (car a) (car b)) out) a (cdr a) b (cdr b)))
    (nreverse out)))

(defmacro thread-first (&rest forms)
  (if (null (cdr forms)) (car forms)
    (let ((acc (car forms)))
      (dolist (f (cdr forms) acc)
        (setq acc (if (consp f) `(,(car f) ,acc ,@(cdr f)) `(,f ,acc)))))))

(defmacro thread-last (&rest forms)
  (if (null (cdr forms)) (car forms)
    (let ((acc (car forms)))
      (dolist (f (cdr forms) acc)
        (setq acc (if (consp f) `(,@f ,acc) `(,f ,acc)))))))

(defun define-error (name message &optional parent)
  (or parent (setq parent 'error))
  (let ((conditions
         (if (consp parent)
             (apply #'append
                    (mapcar (lambda (parent)
                              (cons parent
                                    (or (get parent 'error-conditions)
                                        (error "Unknown signal `%s'" parent))))
                            parent))
           (cons parent (get parent 'error-conditions)))))
    (put name 'error-conditions (delete-dups (copy-sequence (cons name conditions))))
    (when message (put name 'error-message message))))

(defun add-hook (hook function &optional depth local)
  (or (boundp hook) (set hook nil))
  (or (default-boundp hook) (set-default hook nil))
  (let ((value (if local (symbol-value hook) (default-value hook))))
    (when (or (not (listp value)) (functionp value))
      (setq value (list value)))
    (unless (member function value)
      (setq value (if (and depth (not (memq depth '(nil)))
                           (if (numberp depth) (> depth 0) t))
                      (append value (list function))
                    (cons function value))))
    (if local (set (make-local-variable hook) value) (set-default hook value))))

(defun remove-hook (hook function &optional local)
  (interactive)
  (when (boundp hook)
    (let ((value (if local (symbol-value hook) (default-value hook))))
      (when (or (not (listp value)) (functionp value)) (setq value (list value)))
      (setq value (delete function (copy-sequence value)))
      (if local (set hook value) (set-default hook value)))))

(defun run-hooks (&rest hooks)
  (dolist (hook hooks)
    (when (boundp hook)
      (let ((value (symbol-value hook)))
        (if (or (functionp value) (and value (not (listp value))))
            (funcall value)
          (dolist (f value)
            (if (eq f t)
                (dolist (g (default-value hook)) (unless (eq g t) (funcall g)))
              (funcall f))))))))

(defun run-hook-with-args (hook &rest args)
  (when (boundp hook)
    (let ((value (symbol-value hook)))
      (if (functionp value) (apply value args)
        (dolist (f value) (unless (eq f t) (apply f args)))))))

(defun run-hook-with-args-until-success (hook &rest args)
  (when (boundp hook)
    (let ((value (symbol-value hook)) (result nil))
      (if (functionp value) (apply value args)
        (while (and value (not result))
          (unless (eq (car value) t) (setq result (apply (car value) args)))
          (setq value (cdr value)))
        result))))

(defun run-hook-with-args-until-failure (hook &rest args)
  (when (boundp hook)
    (let ((value (symbol-value hook)) (result t))
      (if (functionp value) (apply value args)
        (while (and value result)
          (unless (eq (car value) t) (setq result (apply (car value) args)))
          (setq value (cdr value)))
        result))))

(defun run-hook-wrapped (hook wrap-function &rest args)
  "Call WRAP-FUNCTION with each function of HOOK and ARGS; stop at the first non-nil result and return it."
  (when (boundp hook)
    (let ((value (symbol-value hook)) (result nil))
      (if (or (functionp value) (and value (not (listp value))))
          (apply wrap-function value args)
        (while (and value (not result))
          (if (eq (car value) t)
              (let ((global (default-value hook)))
                (while (and global (not result))
                  (unless (eq (car global) t) (setq result (apply wrap-function (car global) args)))
                  (setq global (cdr global))))
            (setq result (apply wrap-function (car value) args)))
          (setq value (cdr value)))
        result))))

(defvar load-read-function #'read)

(defun eval--skip-blanks ()
  "Move past the blanks and `;' comments lread.c's read-eval loop skips; nil at the end of the accessible text."
  (while (progn (skip-chars-forward " \t\n\f\r\u00a0")
                (eq (char-after) ?\;))
    (forward-line 1))
  (not (eobp)))

(defun eval--print-value (value)
  "Print VALUE as the read-eval loop does when asked to: bare on stdout, else on its own line."
  (if (eq standard-output t) (prin1 value) (print value)))

(defun eval-region (start end &optional printflag read-function)
  "Evaluate the forms that start between START and END of the current buffer; PRINTFLAG is where their values are printed.
Each form is read with the buffer narrowed to end at END and point
restored, as lread.c does, then evaluated where the caller left off."
  (let ((standard-output (or printflag #'symbolp))
        (buffer (current-buffer))
        (next (copy-marker start))
        (end-marker (copy-marker end))
        form)
    (save-excursion
      (while (with-current-buffer buffer
               (save-excursion
                 (save-restriction
                   (goto-char next)
                   (narrow-to-region (point-min) end-marker)
                   (when (eval--skip-blanks)
                     (setq form (funcall (or read-function load-read-function #'read) buffer))
                     (set-marker next (point))
                     t))))
        (let ((value (eval form lexical-binding)))
          (when printflag (eval--print-value value)))))
    (set-marker next nil)
    (set-marker end-marker nil)
    nil))

(defun eval-buffer (&optional buffer printflag _filename _unibyte _do-allow-print)
  "Evaluate the accessible part of BUFFER (the current one by default), with the lexical binding its cookie asks for.
The forms run in the caller's current buffer; point in BUFFER moves past each as it is read."
  (let* ((buf (if buffer (or (get-buffer buffer) (error "No such buffer")) (current-buffer)))
         (standard-output (or printflag #'symbolp))
         (lexical-binding (with-current-buffer buf
                            (save-restriction
                              (widen)
                              (eval--lexical-binding-cookie-p
                               (buffer-substring-no-properties 1 (min (point-max) 4097)))))))
    (save-excursion
      (with-current-buffer buf (goto-char (point-min)))
      (while (with-current-buffer buf (eval--skip-blanks))
        (let ((value (eval (funcall (or load-read-function #'read) buf) lexical-binding)))
          (when printflag (eval--print-value value)))))
    nil))

(defun add-to-list (list-var element &optional append compare-fn)
  (if (cond ((null compare-fn) (member element (symbol-value list-var)))
            ((eq compare-fn #'eq) (memq element (symbol-value list-var)))
            ((eq compare-fn #'eql) (memql element (symbol-value list-var)))
            (t (let ((lst (symbol-value list-var)))
                 (while (and lst (not (funcall compare-fn element (car lst))))
                   (setq lst (cdr lst)))
                 lst)))
      (symbol-value list-var)
    (set list-var
         (if append (append (symbol-value list-var) (list element))
           (cons element (symbol-value list-var))))))

(defun apply-partially (fun &rest args)
  (lambda (&rest args2) (apply fun (append args args2))))

(defun function-get (f prop &optional _autoload)
  (let ((val nil))
    (while (and (symbolp f) (null (setq val (get f prop))) (fboundp f)
                (let ((fundef (symbol-function f))) (and (symbolp fundef) fundef (setq f fundef)))))
    val))

(defun assq-delete-all (key alist)
  (while (and (consp (car alist)) (eq (car (car alist)) key)) (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr)) (eq (car (car tail-cdr)) key))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun assoc-delete-all (key alist &optional test)
  (unless test (setq test #'equal))
  (while (and (consp (car alist)) (funcall test (caar alist) key)) (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr)) (funcall test (caar tail-cdr) key))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defun rassq-delete-all (value alist)
  (while (and (consp (car alist)) (eq (cdr (car alist)) value)) (setq alist (cdr alist)))
  (let ((tail alist) tail-cdr)
    (while (setq tail-cdr (cdr tail))
      (if (and (consp (car tail-cdr)) (eq (cdr (car tail-cdr)) value))
          (setcdr tail (cdr tail-cdr))
        (setq tail tail-cdr))))
  alist)

(defvar obarray-default-size 59)
(defun obarray-make (&optional size)
  (let ((size (or size obarray-default-size)))
    (if (< 0 size) (make-vector size 0) (signal 'wrong-type-argument '(size 0)))))
(defun obarrayp (object) (and (vectorp object) (< 0 (length object))))
(defun obarray-size (ob) (length ob))
(defun obarray-get (ob name) (intern-soft name ob))
(defun obarray-put (ob name) (intern name ob))
(defun obarray-remove (ob name) (unintern name ob))
(defun obarray-map (fn ob) (mapatoms fn ob))

(defun documentation (function &optional _raw)
  (let ((def (indirect-function function)))
    (or (function-get function 'function-documentation)
        (progn
          (when (eq (car-safe def) 'macro) (setq def (cdr def)))
          (setq def (internal--function-source def))
          (let ((body (cond ((eq (car-safe def) 'lambda) (cddr def))
                            ((eq (car-safe def) 'closure) (cdr (cddr def))))))
            (if (and (stringp (car body)) (cdr body)) (car body)))))))

(defun documentation-property (symbol prop &optional _raw)
  (let ((doc (get symbol prop))) (if (stringp doc) doc)))

(defun internal--set-elt (seq n val)
  "What (setf (elt SEQ N) VAL) expands to."
  (if (listp seq) (setcar (nthcdr n seq) val) (aset seq n val)))

(defmacro with-temp-file (file &rest body)
  "Evaluate BODY in a fresh buffer, then write that buffer to FILE."
  (let ((temp-file (make-symbol "temp-file"))
        (temp-buffer (make-symbol "temp-buffer")))
    `(let ((,temp-file ,file)
           (,temp-buffer (generate-new-buffer " *temp file*" t)))
       (unwind-protect
           (prog1 (with-current-buffer ,temp-buffer ,@body)
             (with-current-buffer ,temp-buffer
               (write-region nil nil ,temp-file nil 0)))
         (and (buffer-name ,temp-buffer) (kill-buffer ,temp-buffer))))))

;; simple.el's whitespace commands (without fields).
(defun delete-horizontal-space (&optional backward-only)
  "Delete the spaces and tabs around point; only those before it if BACKWARD-ONLY."
  (interactive "*P")
  (let* ((start (point))
         (end (if backward-only start (progn (skip-chars-forward " \t") (point)))))
    (goto-char start)
    (skip-chars-backward " \t")
    (delete-region (point) end)))

(defun just-one-space (&optional n)
  "Leave N spaces (1 by default) where the spaces and tabs around point were.
A negative N also takes newlines, and leaves -N spaces. Existing spaces are
kept as far as they go, so markers in them stay."
  (interactive "*p")
  (let* ((skipped (if (and n (< n 0)) " \t\n\r" " \t"))
         (wanted (abs (or n 1))))
    (skip-chars-backward skipped)
    (let* ((kept (skip-chars-forward " " (+ (point) wanted)))
           (mid (point)))
      (skip-chars-forward skipped)
      (delete-region mid (point))
      (insert (make-string (- wanted kept) ?\s)))))

;;; Moving over balanced expressions (lisp.el), on scan-sexps and scan-lists.

(defvar forward-sexp-function nil)

(defun forward-sexp (&optional arg _interactive)
  (interactive "^p\nd")
  (or arg (setq arg 1))
  (if forward-sexp-function
      (funcall forward-sexp-function arg)
    (goto-char (or (scan-sexps (point) arg) (buffer-end arg)))
    (when (< arg 0) (backward-prefix-chars))))

(defun backward-sexp (&optional arg interactive)
  (interactive "^p\nd")
  (forward-sexp (- (or arg 1)) interactive))

(defun forward-list (&optional arg _interactive)
  (interactive "^p\nd")
  (or arg (setq arg 1))
  (goto-char (or (scan-lists (point) arg 0) (buffer-end arg))))

(defun backward-list (&optional arg interactive)
  (interactive "^p\nd")
  (forward-list (- (or arg 1)) interactive))

(defun down-list (&optional arg _interactive)
  (interactive "^p\nd")
  (or arg (setq arg 1))
  (let ((step (if (> arg 0) 1 -1)))
    (while (/= arg 0)
      (goto-char (or (scan-lists (point) step -1) (buffer-end arg)))
      (setq arg (- arg step)))))

(defun up-list (&optional arg _escape-strings _no-syntax-crossing)
  (interactive "^p\nd\nd")
  (or arg (setq arg 1))
  (let ((step (if (> arg 0) 1 -1)))
    (while (/= arg 0)
      (goto-char (or (scan-lists (point) step 1) (buffer-end arg)))
      (setq arg (- arg step)))))

(defun backward-up-list (&optional arg escape-strings no-syntax-crossing)
  (interactive "^p\nd\nd")
  (up-list (- (or arg 1)) escape-strings no-syntax-crossing))

;;; syntax.el: the parse state at a position, parsed from the start each time.

(defun syntax-ppss (&optional pos)
  (parse-partial-sexp (point-min) (or pos (point))))

(defun syntax-ppss-flush-cache (&rest _args) nil)

(defun syntax-ppss-toplevel-pos (ppss)
  (or (car (nth 9 ppss)) (nth 8 ppss)))

;;; Questions (batch Emacs asks on stdout and reads a line of stdin).

(defvar minibuffer-default-prompt-format " (default %s)")

(defun format-prompt (prompt default &rest format-args)
  (concat (if format-args (apply #'format prompt format-args) prompt)
          (and default
               (or (not (stringp default)) (> (length default) 0))
               (format minibuffer-default-prompt-format
                       (if (consp default) (car default) default)))
          ": "))

(defun y-or-n-p (prompt)
  (let ((question (concat prompt
                          (if (or (zerop (length prompt)) (string-match-p " \\'" prompt)) "" " ")
                          "(y or n) "))
        (asked nil)
        (answer 'none))
    (while (eq answer 'none)
      (let ((reply (read-string (if asked (concat "Please answer y or n.  " question) question))))
        (setq asked t)
        (cond ((member reply '("y" "Y")) (setq answer t))
              ((member reply '("n" "N")) (setq answer nil)))))
    answer))

(defun read-number (prompt &optional default _hist)
  (let ((shown (if default
                   (if (string-match "\\(\\):[ \t]*\\'" prompt)
                       (replace-match (format minibuffer-default-prompt-format
                                              (if (consp default) (car default) default))
                                      t t prompt 1)
                     (concat prompt (format minibuffer-default-prompt-format default)))
                 prompt))
        (n nil))
    (while (not (numberp n))
      (let ((reply (read-from-minibuffer shown)))
        (setq n (cond ((zerop (length reply)) (if (consp default) (car default) default))
                      (t (ignore-errors (read reply)))))
        (unless (numberp n) (message "Please enter a number."))))
    n))

;;; Version strings.

(defvar version-separator ".")

(defvar version-regexp-alist
  '(("^[-._+ ]?snapshot$" . -4)
    ("^[-._+]$" . -4)
    ("^[-._+ ]?\\(cvs\\|git\\|bzr\\|svn\\|hg\\|darcs\\)$" . -4)
    ("^[-._+ ]?unknown$" . -4)
    ("^[-._+ ]?alpha$" . -3)
    ("^[-._+ ]?beta$" . -2)
    ("^[-._+ ]?\\(pre\\|rc\\)$" . -1)))

(defun version-to-list (ver)
  (unless (stringp ver) (error "Version must be a string"))
  (when (string-prefix-p version-separator ver)
    (setq ver (concat "0" ver)))
  (save-match-data
    (let ((case-fold-search t) (pos 0) (parts nil))
      ;; Numbers, each followed by the separator or a word such as "beta" (a negative part).
      (while (eq (string-match "[0-9]+" ver pos) pos)
        (push (string-to-number (match-string 0 ver)) parts)
        (setq pos (match-end 0))
        (when (eq (string-match "[^0-9]+" ver pos) pos)
          (let ((between (match-string 0 ver)))
            (setq pos (match-end 0))
            (unless (string= between version-separator)
              (let ((known (seq-find (lambda (entry) (string-match-p (car entry) between))
                                     version-regexp-alist)))
                (cond (known (push (cdr known) parts))
                      ;; 22.3a is 22.3.1: a lone letter counts from 1.
                      ((string-match "^[-._+ ]?\\([a-zA-Z]\\)$" between)
                       (push (- (downcase (aref (match-string 1 between) 0)) ?a -1) parts))
                      (t (error "Invalid version syntax: `%s'" ver))))))))
      (unless parts (error "Invalid version syntax: `%s' (must start with a number)" ver))
      (nreverse parts))))

(defun version-list-< (l1 l2)
  (while (and l1 l2 (= (car l1) (car l2)))
    (setq l1 (cdr l1) l2 (cdr l2)))
  (cond ((and l1 l2) (< (car l1) (car l2)))
        (l1 (< (version-list-not-zero l1) 0))
        (l2 (< 0 (version-list-not-zero l2)))
        (t nil)))

(defun version-list-= (l1 l2)
  (while (and l1 l2 (= (car l1) (car l2)))
    (setq l1 (cdr l1) l2 (cdr l2)))
  (cond ((and l1 l2) nil)
        (l1 (zerop (version-list-not-zero l1)))
        (l2 (zerop (version-list-not-zero l2)))
        (t t)))

(defun version-list-<= (l1 l2)
  (or (version-list-< l1 l2) (version-list-= l1 l2)))

(defun version-list-not-zero (lst)
  (while (and lst (zerop (car lst)))
    (setq lst (cdr lst)))
  (if lst (car lst) 0))

(defun version< (v1 v2) (version-list-< (version-to-list v1) (version-to-list v2)))
(defun version<= (v1 v2) (version-list-<= (version-to-list v1) (version-to-list v2)))
(defun version= (v1 v2) (version-list-= (version-to-list v1) (version-to-list v2)))

;;; Declarations the byte compiler reads; nothing to do when interpreting.

(defmacro declare-function (_fn _file &rest _args) nil)

;;; Progress reporters, as batch Emacs shows them with `message'.

(defvar progress-reporter--pulse-characters ["-" "\\" "|" "/"])

(defun make-progress-reporter (message &optional min-value max-value current-value min-change min-time)
  ;; (NEXT-VALUE . [NEXT-TIME MIN MAX TEXT MIN-CHANGE MIN-TIME SUFFIX]); a spinner has no MIN and MAX.
  (let ((reporter (cons (or min-value 0)
                        (vector (float-time) min-value max-value
                                (if (string-suffix-p "..." message) message (concat message "..."))
                                (if min-change (max (min min-change 50) 1) 1)
                                (or min-time 0.2) nil))))
    (progress-reporter-update reporter (or current-value min-value))
    reporter))

(defun progress-reporter-update (reporter &optional value suffix)
  (let ((parameters (cdr reporter)))
    (when suffix (aset parameters 6 suffix))
    (when (or (not (numberp value)) (>= value (car reporter)))
      (progress-reporter-do-update reporter value suffix))))

(defun progress-reporter-force-update (reporter &optional value new-message suffix)
  (let ((parameters (cdr reporter)))
    (when new-message (aset parameters 3 new-message))
    (when suffix (aset parameters 6 suffix))
    (aset parameters 0 (float-time))
    (progress-reporter-do-update reporter value suffix)))

(defun progress-reporter-do-update (reporter value &optional suffix)
  (let* ((parameters (cdr reporter))
         (update-time (aref parameters 0))
         (min-value (aref parameters 1))
         (max-value (aref parameters 2))
         (text (aref parameters 3))
         (enough-time (<= update-time (float-time)))
         (suffix (or suffix (aref parameters 6) "")))
    (when enough-time (aset parameters 0 (+ update-time (aref parameters 5))))
    (if (and min-value max-value)
        ;; Percentages: the next update is due when the value has grown by MIN-CHANGE percent.
        (let* ((one-percent (/ (- max-value min-value) 100.0))
               (percentage (if (= max-value min-value) 0 (truncate (/ (- value min-value) one-percent)))))
          (when (integerp value)
            (setcar reporter (ceiling (+ min-value (* (+ percentage (aref parameters 4)) one-percent)))))
          (when enough-time
            (if (= percentage 0)
                (message "%s %s" text suffix)
              (message "%s%d%% %s" text percentage suffix))))
      (when enough-time
        (let ((index (mod (1+ (car reporter)) 4)))
          (setcar reporter index)
          (message "%s %s %s" text (aref progress-reporter--pulse-characters index) suffix))))))

(defun progress-reporter-done (reporter)
  (message "%sdone" (aref (cdr reporter) 3)))

(defmacro dotimes-with-progress-reporter (spec reporter-or-message &rest body)
  (let ((reporter (make-symbol "reporter")))
    `(let ((,reporter ,(if (stringp reporter-or-message)
                           `(make-progress-reporter ,reporter-or-message 0 ,(nth 1 spec))
                         reporter-or-message)))
       (dotimes (,(car spec) ,(nth 1 spec))
         ,@body
         (progress-reporter-update ,reporter (1+ ,(car spec))))
       (progress-reporter-done ,reporter)
       ,@(cddr spec))))

(defmacro dolist-with-progress-reporter (spec reporter-or-message &rest body)
  (let ((reporter (make-symbol "reporter")) (count (make-symbol "count")) (list (make-symbol "list")))
    `(let* ((,list ,(nth 1 spec))
            (,reporter ,(if (stringp reporter-or-message)
                            `(make-progress-reporter ,reporter-or-message 0 (length ,list))
                          reporter-or-message))
            (,count 0))
       (dolist (,(car spec) ,list)
         ,@body
         (progress-reporter-update ,reporter (setq ,count (1+ ,count))))
       (progress-reporter-done ,reporter)
       ,@(cddr spec))))

;;; Changing strings in place.

(defun store-substring (string idx obj)
  ;; Character by character, as Emacs does: an OBJ that runs past the end stores what fits, then signals.
  (if (integerp obj)
      (aset string idx obj)
    (dotimes (i (length obj))
      (aset string (+ idx i) (aref obj i))))
  string)

(defun subst-char-in-string (fromchar tochar string &optional inplace)
  (let ((new (if inplace string (copy-sequence string))))
    (dotimes (i (length new))
      (when (eq (aref new i) fromchar)
        (aset new i tochar)))
    new))

;;; subr-x.el's string-clean-whitespace.

(defun string-clean-whitespace (string)
  "STRING with runs of whitespace made one space, and none at either end."
  (let ((blank "[[:space:]\n]+"))
    (string-trim (replace-regexp-in-string blank " " string t t) blank blank)))

;;; Shell quoting.

(defun shell-quote-argument (argument &optional _posix)
  (if (equal argument "")
      "''"
    ;; A backslash before everything but the characters a file name is safe with;
    ;; a newline goes in single quotes.
    (string-replace "\n" "'\n'"
                    (replace-regexp-in-string "[^-0-9a-zA-Z_./\n]" "\\\\\\&" argument))))

(defun split-string-and-unquote (string &optional separators)
  (let ((sep (or separators "\\s-+"))
        (quote-at (string-search "\"" string)))
    (if (null quote-at)
        (split-string string sep t)
      ;; Before the quote, plain words; the quoted part read as a Lisp string; then the rest again.
      (append (unless (= quote-at 0) (split-string (substring string 0 quote-at) sep t))
              (let ((read (read-from-string string quote-at)))
                (cons (car read)
                      (split-string-and-unquote (substring string (cdr read)) sep)))))))

(defun combine-and-quote-strings (strings &optional separator)
  (let* ((sep (or separator " "))
         (needs-quotes (concat "[\\\"]\\|" (regexp-quote sep))))
    (mapconcat (lambda (s)
                 (if (string-match-p needs-quotes s)
                     (concat "\"" (replace-regexp-in-string "[\\\"]" "\\\\\\&" s) "\"")
                   s))
               strings sep)))

;;; Running code once a feature or file is loaded (after-load-alist is run by provide and load).

(defun eval-after-load (file form)
  (let ((fn (if (functionp form) form (lambda () (eval form lexical-binding)))))
    (if (if (stringp file) (eval-after-load--loaded-p file) (featurep file))
        (funcall fn)
      (let ((entry (assoc file after-load-alist)))
        (if entry
            (nconc entry (list fn))
          (push (list file fn) after-load-alist)))
      nil)))

(defun eval-after-load--loaded-p (file)
  (let ((stem (file-name-sans-extension (file-name-nondirectory file))))
    (or (featurep (intern stem))
        (seq-some (lambda (entry)
                    (and (consp entry) (stringp (car entry))
                         (string= stem (file-name-sans-extension (file-name-nondirectory (car entry))))))
                  load-history))))

(defmacro with-eval-after-load (file &rest body)
  (declare (indent 1))
  `(eval-after-load ,file (lambda () ,@body)))

(defmacro with-silent-modifications (&rest body)
  (declare (debug t) (indent 0))
  (let ((modified (make-symbol "modified")))
    `(let* ((,modified (buffer-modified-p))
            (buffer-undo-list t)
            (inhibit-read-only t)
            (inhibit-modification-hooks t))
       (unwind-protect
           (progn ,@body)
         (unless ,modified (restore-buffer-modified-p nil))))))

(defmacro save-mark-and-excursion (&rest body)
  (declare (indent 0) (debug t))
  (let ((saved (make-symbol "saved-mark")))
    `(let ((,saved (cons (copy-marker (mark-marker)) mark-active)))
       (unwind-protect
           (save-excursion ,@body)
         (set-marker (mark-marker) (car ,saved))
         (setq mark-active (cdr ,saved))))))

;;; Timing (benchmark.el).

(defmacro benchmark-elapse (&rest forms)
  (declare (indent 0))
  (let ((start (make-symbol "start")))
    `(let ((,start (float-time)))
       ,@forms
       (- (float-time) ,start))))

(defun benchmark-call (func &optional repetitions)
  (let ((gcs gcs-done) (gc-time gc-elapsed) (start (float-time)))
    (dotimes (_ (or repetitions 1)) (funcall func))
    (list (- (float-time) start) (- gcs-done gcs) (- gc-elapsed gc-time))))

(defmacro benchmark-run (&optional repetitions &rest forms)
  (declare (indent 1))
  (unless (natnump repetitions) (push repetitions forms) (setq repetitions 1))
  `(benchmark-call (lambda () ,@forms) ,repetitions))

(defmacro benchmark-run-compiled (&optional repetitions &rest forms)
  (declare (indent 1))
  `(benchmark-run ,repetitions ,@forms))

(defmacro benchmark-progn (&rest body)
  "Run BODY, say how long it took, and return its value."
  (declare (indent 0))
  (let ((value (make-symbol "value")) (start (make-symbol "start"))
        (gcs (make-symbol "gcs")) (gc (make-symbol "gc")))
    `(let* ((,gc gc-elapsed) (,gcs gcs-done) (,start (float-time))
            (,value (progn ,@body)))
       (message "Elapsed time: %fs%s" (- (float-time) ,start)
                (if (> (- gcs-done ,gcs) 0)
                    (format " (%fs in %d GCs)" (- gc-elapsed ,gc) (- gcs-done ,gcs))
                  ""))
       ,value)))

(defun benchmark (repetitions form)
  "Say how long REPETITIONS runs of FORM (or calls of FORM, a function) took."
  (let ((result (benchmark-call
                 (eval (if (memq (car-safe form) '(function lambda)) form (list 'lambda nil form)) t)
                 repetitions)))
    (if (zerop (nth 1 result))
        (message "Elapsed time: %fs" (car result))
      (message "Elapsed time: %fs (%fs in %d GCs)" (car result) (nth 2 result) (nth 1 result)))))

;;; Running with a changed environment, directory or file modes.

(defmacro with-environment-variables (variables &rest body)
  "Run BODY with each (NAME VALUE) of VARIABLES set in `process-environment'."
  (declare (indent 1))
  (unless (consp variables)
    (error "Invalid VARIABLES: %s" variables))
  `(let ((process-environment (copy-sequence process-environment)))
     ,@(mapcar (lambda (variable) (list 'setenv (car variable) (car (cdr variable)))) variables)
     ,@body))

(defmacro with-existing-directory (&rest body)
  "Run BODY in `default-directory' if it exists, else in the first that does
of the home directory, `temporary-file-directory', $TMPDIR, /tmp/ and /."
  (declare (indent 0))
  `(let ((default-directory
          (or (seq-find (lambda (dir) (and dir (file-exists-p dir)))
                        (list default-directory (expand-file-name "~/") temporary-file-directory
                              (getenv "TMPDIR") "/tmp/"))
              "/")))
     ,@body))

(defmacro with-file-modes (modes &rest body)
  "Run BODY with `set-default-file-modes' MODES, restoring the modes after."
  (declare (indent 1))
  (let ((saved (make-symbol "umask")))
    `(let ((,saved (default-file-modes)))
       (unwind-protect
           (progn (set-default-file-modes ,modes) ,@body)
         (set-default-file-modes ,saved)))))

(defun vector-or-char-table-p (object)
  "t if OBJECT is a vector or a char-table."
  (or (vectorp object) (char-table-p object)))

(defun json-available-p ()
  "t: JSON support is built in."
  t)

(defun symbol-file (symbol &optional type)
  "The file that defined SYMBOL (as a function, a variable, or anything when TYPE is nil),
according to `load-history'; for an autoloaded function, the file it loads from."
  (let ((fn (and (symbolp symbol) (fboundp symbol) (symbol-function symbol))))
    (if (and (memq type '(nil defun)) (autoloadp fn))
        (nth 1 fn)
      (let ((entries load-history) (found nil))
        (while (and entries (not found))
          (let ((file (car (car entries))) (items (cdr (car entries))))
            (when (if (null type)
                      (or (memq symbol items) (rassq symbol items))
                    (if (eq type 'defvar)
                        (memq symbol items)
                      (member (cons type symbol) items)))
              (setq found file)))
          (setq entries (cdr entries)))
        found))))

;;;; Small subr.el functions and aliases that scripts still call

(defalias 'flatten-list #'flatten-tree)
(defalias 'int-to-string #'number-to-string)
(defalias 'point-at-bol #'line-beginning-position)
(defalias 'point-at-eol #'line-end-position)
(defalias 'store-match-data #'set-match-data)
(defalias 'sxhash #'sxhash-equal)
(defalias 'rplaca #'setcar)
(defalias 'rplacd #'setcdr)
(define-obsolete-function-alias 'condition-case-no-debug 'condition-case-unless-debug "24.1")

(defun string-or-null-p (object)
  "Return t if OBJECT is a string or nil."
  (or (stringp object) (null object)))

(defun subr-primitive-p (object)
  "Return t if OBJECT is a built-in function (this runtime compiles nothing natively)."
  (subrp object))

(defun log10 (x)
  "Return (log X 10)."
  (log x 10))

(defun delete-consecutive-dups (list &optional circular)
  "Destructively remove `equal' consecutive duplicates from LIST.
With CIRCULAR, also drop the last element when it equals the first."
  (let ((tail list) last)
    (while (cdr tail)
      (if (equal (car tail) (cadr tail))
          (setcdr tail (cddr tail))
        (setq last tail
              tail (cdr tail))))
    (when (and circular last (equal (car tail) (car list)))
      (setcdr last nil)))
  list)

(defun define-symbol-prop (symbol prop val)
  "Define the property PROP of SYMBOL to be VAL (`put', for definitions)."
  (put symbol prop val))

(defun match-substitute-replacement (replacement &optional fixedcase literal string subexp)
  "Return REPLACEMENT as `replace-match' would insert it for the last match in STRING (or the buffer)."
  (let* ((start (match-beginning 0))
         (matched (match-string 0 string))
         (shifted (mapcar (lambda (p) (and p (- p start))) (match-data t))))
    (save-match-data
      (set-match-data shifted)
      (replace-match replacement fixedcase literal matched subexp))))

(defun insert-into-buffer (buffer &optional start end)
  "Insert the text of the current buffer between START and END into BUFFER, at its point."
  (let ((current (current-buffer)))
    (with-current-buffer buffer
      (insert-buffer-substring current start end))))

(defun input-pending-p (&optional _check-timers)
  "Return nil: a batch session has no pending keyboard input."
  nil)

(defvar quit-flag nil)
(defvar throw-on-input nil)

(defmacro with-local-quit (&rest body)
  "Run BODY with quitting allowed; a quit ends BODY and returns nil."
  (declare (indent 0))
  `(condition-case nil
       (let ((inhibit-quit nil)) ,@body)
     (quit (setq quit-flag t) nil)))

(defmacro while-no-input (&rest body)
  "Run BODY unless input arrives first; batch sessions have none, so this is BODY's value."
  (declare (indent 0))
  `(with-local-quit (or (input-pending-p) (progn ,@body))))

(defmacro with-temp-message (message &rest body)
  "Show MESSAGE (when non-nil) while BODY runs, then clear it; return BODY's value."
  (declare (indent 1))
  (let ((text (make-symbol "text")))
    `(let ((,text ,message))
       (unwind-protect
           (progn (when ,text (message "%s" ,text))
                  ,@body)
         (when ,text (message nil))))))

(defvar temp-buffer-show-function nil)
(defvar temp-buffer-setup-hook nil)
(defvar temp-buffer-show-hook nil)

(defmacro with-output-to-temp-buffer (bufname &rest body)
  "Run BODY with `standard-output' going to a fresh buffer BUFNAME, as help buffers are made.
The buffer ends up in help mode, read-only, unmodified and ending in a
newline; the caller's current buffer stays current. Returns BODY's value."
  (declare (indent 1))
  (let ((buffer (make-symbol "buffer")) (value (make-symbol "value")))
    `(let* ((,buffer (with-current-buffer (get-buffer-create ,bufname)
                       (kill-all-local-variables)
                       (let ((inhibit-read-only t)) (erase-buffer))
                       (setq major-mode 'help-mode mode-name "Help")
                       (run-hooks 'temp-buffer-setup-hook)
                       (current-buffer)))
            (standard-output ,buffer)
            (,value (progn ,@body)))
       (with-current-buffer ,buffer
         (let ((inhibit-read-only t))
           (unless (eq (char-before (point-max)) ?\n)
             (save-excursion (goto-char (point-max)) (insert "\n"))))
         (set-buffer-modified-p nil)
         (setq buffer-read-only t)
         (goto-char (point-min))
         (run-hooks 'temp-buffer-show-hook))
       ,value)))

(defun add-to-ordered-list (list-var element &optional order)
  "Add ELEMENT to LIST-VAR, kept sorted by the numeric ORDER each element was given.
Elements without an order go last; a nil ORDER keeps an element's earlier one."
  (let ((ordering (get list-var 'list-order)))
    (unless ordering
      (setq ordering (make-hash-table :weakness 'key :test 'eq))
      (put list-var 'list-order ordering))
    (when order
      (puthash element (and (numberp order) order) ordering))
    (unless (memq element (symbol-value list-var))
      (set list-var (cons element (symbol-value list-var))))
    (set list-var (sort (symbol-value list-var)
                        (lambda (a b)
                          (let ((oa (gethash a ordering)) (ob (gethash b ordering)))
                            (if (and oa ob) (< oa ob) oa)))))))

(defvar history-length 100)
(defvar history-delete-duplicates nil)
(defvar history-add-new-input t)

(defun add-to-history (history-var newelt &optional maxelt keep-all)
  "Add NEWELT to the front of the history list HISTORY-VAR, as the minibuffer does.
Empty strings and a repeat of the first element are skipped unless KEEP-ALL;
`history-delete-duplicates' drops older copies; the list is cut to MAXELT
elements, or the variable's `history-length' property, or `history-length'."
  (unless maxelt
    (setq maxelt (or (get history-var 'history-length) history-length)))
  (let ((history (symbol-value history-var)) tail)
    (when (and (listp history)
               (or keep-all
                   (not (stringp newelt))
                   (> (length newelt) 0))
               (or keep-all
                   (not (equal (car history) newelt))))
      (when history-delete-duplicates
        (setq history (delete newelt history)))
      (setq history (cons newelt history))
      (when (integerp maxelt)
        (if (>= 0 maxelt)
            (setq history nil)
          (setq tail (nthcdr (1- maxelt) history))
          (when (consp tail) (setcdr tail nil))))
      (set history-var history))))

(defmacro combine-after-change-calls (&rest body)
  "Run BODY; the after-change calls it causes are run as they happen here."
  (declare (indent 0))
  `(progn ,@body))

(defmacro combine-change-calls (beg end &rest body)
  "Run BODY, which changes only the text between BEG and END, as one change:
`before-change-functions' run once for BEG..END first, and
`after-change-functions' once at the end for the whole changed stretch."
  (declare (indent 2))
  (let ((b (make-symbol "beg")) (e (make-symbol "end")) (size (make-symbol "size")))
    `(let* ((,b ,beg) (,e ,end) (,size (buffer-size)))
       (run-hook-with-args 'before-change-functions ,b ,e)
       (prog1 (let ((before-change-functions nil) (after-change-functions nil))
                ,@body)
         (run-hook-with-args 'after-change-functions ,b (+ ,e (- (buffer-size) ,size)) (- ,e ,b))))))

(defun substitute-env-vars (string &optional when-undefined)
  "STRING with $VAR and ${VAR} replaced by the environment's values and $$ by $.
An undefined variable becomes \"\", or stays as written when WHEN-UNDEFINED
is non-nil, or is what WHEN-UNDEFINED returns for it when that is a function."
  (let ((start 0) (pieces nil))
    (save-match-data
      (while (string-match "\\$\\(?:\\([[:alnum:]_]+\\)\\|{\\([^}]+\\)}\\|\\$\\)" string start)
        (push (substring string start (match-beginning 0)) pieces)
        (let ((var (or (match-string 1 string) (match-string 2 string))))
          (push (cond ((null var) "$")
                      ((getenv var))
                      ((functionp when-undefined) (or (funcall when-undefined var) ""))
                      (when-undefined (match-string 0 string))
                      (t ""))
                pieces))
        (setq start (match-end 0))))
    (apply #'concat (nreverse (cons (substring string start) pieces)))))

(defun substitute-env-in-file-name (filename)
  "FILENAME with its $VAR and ${VAR} references replaced (undefined ones left alone)."
  (substitute-env-vars filename (lambda (var) (concat "$" var))))

(defun string-fill (string length)
  "STRING with each paragraph filled to LENGTH columns (no adaptive prefix)."
  (with-temp-buffer
    (insert string)
    (goto-char (point-min))
    (let ((fill-column length) (adaptive-fill-mode nil))
      (fill-region (point-min) (point-max)))
    (buffer-string)))

(defun native-comp-available-p ()
  "nil: nothing is compiled to native code here."
  nil)
