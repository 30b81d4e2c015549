;;; callint.el --- calling commands as if typed  -*- lexical-binding: t -*-

;; Emacs's callint.c for batch use: `call-interactively' computes a command's
;; arguments from its interactive spec, reading what the spec asks for from
;; standard input (through the minibuffer functions, which batch Emacs reads
;; from stdin too), and `funcall-interactively' calls it with them.

(defvar command-history nil "Commands called with RECORD-FLAG, as forms, the newest first.")

(defun read-minibuffer (prompt &optional initial-contents)
  "Read a Lisp object from the minibuffer (stdin in batch), prompting with PROMPT."
  (car (read-from-string (read-string prompt initial-contents))))

(defun eval-minibuffer (prompt &optional initial-contents)
  "Read a Lisp expression with PROMPT and return its value."
  (eval (read-minibuffer prompt initial-contents) t))

(defun read-variable (prompt &optional default)
  "Read the name of a variable, with PROMPT."
  (intern (completing-read prompt obarray #'boundp t nil nil (and default (format "%s" default)))))

(defun read-command (prompt &optional default)
  "Read the name of a command, with PROMPT."
  (intern (completing-read prompt obarray #'commandp t nil nil (and default (format "%s" default)))))

(defun read-coding-system (prompt &optional default)
  "Read a coding system's name, with PROMPT; DEFAULT for empty input."
  (let ((name (read-string prompt nil nil (and default (format "%s" default)))))
    (if (equal name "") nil (intern name))))

(defun read-non-nil-coding-system (prompt)
  "Read a coding system's name, with PROMPT, until one is given."
  (let (coding)
    (while (null coding) (setq coding (read-coding-system prompt)))
    coding))

(defun funcall-interactively (function &rest arguments)
  "Call FUNCTION with ARGUMENTS as `call-interactively' would."
  (apply function arguments))

(defun callint--argument (code prompt shown)
  "The argument (a list of them for ?r) that spec CODE with PROMPT gives.
A % in PROMPT formats SHOWN, the earlier arguments as Emacs shows them."
  (when (string-search "%" prompt)
    (setq prompt (apply #'format-message prompt shown)))
  (pcase code
    (?a (list (intern (completing-read prompt obarray #'fboundp t))))
    (?b (list (read-buffer prompt (buffer-name (current-buffer)) t)))
    (?B (list (read-buffer prompt (buffer-name (other-buffer (current-buffer))) nil)))
    (?c (list (read-char prompt)))
    (?C (list (read-command prompt)))
    (?d (list (point)))
    (?D (list (read-directory-name prompt nil default-directory t)))
    (?f (list (read-file-name prompt nil nil t)))
    (?F (list (read-file-name prompt)))
    (?G (list (read-file-name prompt nil nil nil "")))
    (?i (list nil))
    (?m (list (or (mark t) (error "The mark is not set now, so there is no region"))))
    ((or ?M ?s) (list (read-string prompt)))
    (?n (list (read-number prompt)))
    (?N (list (if current-prefix-arg (prefix-numeric-value current-prefix-arg) (read-number prompt))))
    (?p (list (prefix-numeric-value current-prefix-arg)))
    (?P (list current-prefix-arg))
    (?r (unless (mark t) (error "The mark is not set now, so there is no region"))
        (list (region-beginning) (region-end)))
    (?S (list (intern (read-string prompt))))
    (?U (list nil))
    (?v (list (read-variable prompt)))
    (?x (list (read-minibuffer prompt)))
    (?X (list (eval-minibuffer prompt)))
    (?z (list (read-coding-system prompt)))
    (?Z (list (and current-prefix-arg (read-non-nil-coding-system prompt))))
    ((or ?e ?k ?K) (error "%s" "command must be bound to an event with parameters"))
    (_ (error "Invalid control letter `%c' (#o%o, #x%04x) in interactive calling string" code code code))))

(defun callint--arguments (spec)
  "The arguments the interactive SPEC string asks for."
  (let ((i 0) (arguments nil) (shown nil))
    (while (and (< i (length spec)) (memq (aref spec i) '(?* ?^ ?@)))
      (when (eq (aref spec i) ?*) (barf-if-buffer-read-only))
      (setq i (1+ i)))
    (dolist (item (split-string (substring spec i) "\n"))
      (unless (equal item "")
        (let* ((code (aref item 0))
               (values (callint--argument code (substring item 1) (reverse shown))))
          (setq arguments (append (reverse values) arguments))
          ;; Prompts show what was read or named; positions, prefixes and objects show as nil.
          (dolist (v values)
            (push (and (memq code '(?s ?M ?n ?S ?b ?B ?f ?F ?D ?G ?a ?C ?v ?c ?z)) v) shown)))))
    (nreverse arguments)))

(defun call-interactively (function &optional record-flag _keys)
  "Call the command FUNCTION with the arguments its interactive spec gives.
With RECORD-FLAG, add the call to `command-history'."
  (unless (commandp function)
    (signal 'wrong-type-argument (list 'commandp function)))
  (let* ((spec (car (cdr (interactive-form function))))
         (arguments (cond ((null spec) nil)
                          ((stringp spec) (callint--arguments spec))
                          (t (eval spec t)))))
    (when record-flag
      (setq command-history
            (cons (cons function (mapcar (lambda (a) (if (or (consp a) (and (symbolp a) a (not (keywordp a)) (not (eq a t))))
                                                         (list 'quote a)
                                                       a))
                                         arguments))
                  command-history)))
    (apply #'funcall-interactively function arguments)))

(provide 'callint)

;;; callint.el ends here
