;;; minibuffer.el --- completion: try-completion, all-completions, test-completion  -*- lexical-binding: t -*-

;; Emacs's minibuf.c functions, over every kind of COLLECTION Emacs takes:
;; a list of strings, symbols or conses (an alist), an obarray, a hash table
;; with string or symbol keys, or a function called with (STRING PREDICATE
;; ACTION). completion-ignore-case and completion-regexp-list apply as in Emacs.

(defvar completion-ignore-case nil)
(defvar completion-regexp-list nil)

(defun completion--entries (collection predicate)
  "The candidates of COLLECTION as (NAME . ARGS-FOR-PREDICATE) pairs, in Emacs's order."
  (let ((out nil))
    (cond
     ((hash-table-p collection)
      (maphash (lambda (k v)
                 (let ((name (if (symbolp k) (symbol-name k) k)))
                   (when (stringp name) (push (list name k v) out))))
               collection))
     ((obarrayp collection)
      (mapatoms (lambda (s) (push (list (symbol-name s) s) out)) collection))
     (t
      (dolist (e collection)
        (let ((name (if (consp e) (car e) e)))
          (when (symbolp name) (setq name (symbol-name name)))
          (when (stringp name) (push (list name e) out))))))
    (setq out (nreverse out))
    (if predicate
        (seq-filter (lambda (entry) (apply predicate (cdr entry))) out)
      out)))

(defun completion--matches (string collection predicate)
  (let ((case-fold-search completion-ignore-case)
        (n (length string)))
    (seq-filter
     (lambda (name)
       (and (>= (length name) n)
            (eq t (compare-strings string nil nil name 0 n completion-ignore-case))
            (let ((ok t))
              (dolist (re completion-regexp-list) (unless (string-match-p re name) (setq ok nil)))
              ok)))
     (mapcar #'car (completion--entries collection predicate)))))

(defun all-completions (string collection &optional predicate _hide-spaces)
  (if (functionp collection)
      (funcall collection string predicate t)
    (completion--matches string collection predicate)))

(defun test-completion (string collection &optional predicate)
  (if (functionp collection)
      (funcall collection string predicate 'lambda)
    (let ((matches (completion--matches string collection predicate)))
      (and (seq-some (lambda (m) (eq t (compare-strings m nil nil string nil nil completion-ignore-case))) matches)
           t))))

(defun try-completion (string collection &optional predicate)
  (if (functionp collection)
      (funcall collection string predicate nil)
    (let ((matches (completion--matches string collection predicate)))
      (cond
       ((null matches) nil)
       ((and (null (cdr matches)) (string= (car matches) string)) t)
       ((and (seq-every-p (lambda (m) (eq t (compare-strings m nil nil string nil nil completion-ignore-case))) matches)
             (seq-some (lambda (m) (string= m string)) matches))
        t)
       (t
        ;; The longest common prefix; with case ignored, in the case of the first match,
        ;; unless one match has STRING's length and so its case is taken.
        (let* ((first (car matches))
               (len (length first)))
          (dolist (m (cdr matches))
            (let ((c (compare-strings first 0 len m 0 nil completion-ignore-case)))
              (unless (eq c t) (setq len (min len (1- (abs c)))))))
          (let ((exact (and completion-ignore-case
                            (seq-find (lambda (m) (= (length m) len)) matches))))
            (substring (or exact first) 0 len))))))))

(provide 'minibuffer)

;;;; Reading names in batch: a line of standard input after the prompt

(defun read-file-name (prompt &optional _dir _default-filename _mustmatch _initial _predicate)
  "Read a file name after PROMPT: in batch, the line typed, as typed (an empty line gives \"\")."
  (read-from-minibuffer prompt))

(defun read-directory-name (prompt &optional _dir _default-dirname _mustmatch _initial)
  "Read a directory name after PROMPT: in batch, the line typed, as typed."
  (read-from-minibuffer prompt))

(defun read-shell-command (prompt &optional _initial-contents _hist &rest _args)
  "Read a shell command after PROMPT."
  (read-from-minibuffer prompt))

(defun read-buffer (prompt &optional def _require-match _predicate)
  "Read a buffer name after PROMPT, showing DEF (a name or buffer) as the default an empty line gives."
  (let* ((def (if (bufferp def) (buffer-name def) (if (consp def) (car def) def)))
         (shown (if def
                    (format-prompt (replace-regexp-in-string ":? *\\'" "" prompt) def)
                  prompt))
         (answer (read-from-minibuffer shown)))
    (if (and def (equal answer "")) def answer)))

(defun read-regexp (prompt &optional defaults _history)
  "Read a regexp after PROMPT; an empty line gives the first of DEFAULTS.
A PROMPT that does not end in a colon gets one, with the default shown."
  (let* ((defaults (cond ((and (symbolp defaults) defaults (fboundp defaults)) (funcall defaults))
                         ((symbolp defaults) nil)
                         (t defaults)))
         (default (if (consp defaults) (car defaults) defaults))
         (shown (if (string-match-p ":[ \t]*\\'" prompt)
                    prompt
                  (format-prompt prompt (and (stringp default) (> (length default) 0) default))))
         (answer (read-from-minibuffer shown)))
    (if (and (equal answer "") default) default answer)))

(defun read-passwd (prompt &optional confirm default)
  "Read a password after PROMPT, echoing `read-hide-char' (a star) for each character typed.
With CONFIRM, read it twice until both agree; an empty line gives DEFAULT."
  (let* ((read-hide-char (or read-hide-char ?*))
         (first (read-from-minibuffer prompt)))
    (if (not confirm)
        (if (and default (equal first "")) default first)
      (let ((second (let ((read-hide-char nil)) (read-from-minibuffer "Confirm password: "))))
        (if (equal first second)
            (progn (read-passwd--echo second)
                   (if (and default (equal first "")) default first))
          (message "Password not repeated accurately; please start over")
          (read-passwd--echo second)
          (read-passwd prompt confirm default))))))

(defun read-passwd--echo (line)
  "Echo LINE hidden, as the confirmation read did not (Emacs shows it after its complaint, if any)."
  (let ((read-hide-char (or read-hide-char ?*)))
    (minibuffer--echo-hidden line)))
