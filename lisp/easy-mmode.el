;;; easy-mmode.el --- define-minor-mode  -*- lexical-binding: t -*-

;; A minor mode is a variable (buffer-local unless :global), a command that
;; sets it (on for no argument or a positive one, off for zero or a
;; negative one, flipped for `toggle') and runs its hooks, and maybe a
;; keymap and a mode-line lighter. Behaviour checked against GNU Emacs 28.2.

(defvar minor-mode-alist nil)
(defvar minor-mode-map-alist nil)

(defun easy-mmode-pretty-mode-name (mode &optional _lighter)
  (let ((name (replace-regexp-in-string "-mode\\'" "" (symbol-name mode))))
    (concat (upcase-initials name) " mode")))

(defun easy-mmode-define-keymap (bindings &optional _args)
  (let ((map (make-sparse-keymap)))
    (dolist (binding bindings)
      (define-key map (car binding) (cdr binding)))
    map))

(defmacro define-minor-mode (mode doc &rest body)
  (declare (doc-string 2) (indent defun))
  (let ((global nil) (init nil) (lighter nil) (keymap nil) (has-keymap nil) (after-hook nil))
    (while (keywordp (car body))
      (let ((key (pop body)) (value (pop body)))
        (pcase key
          (:global (setq global value))
          (:init-value (setq init value))
          (:lighter (setq lighter value))
          (:keymap (setq keymap value has-keymap t))
          (:after-hook (setq after-hook value)))))
    (let* ((pretty (easy-mmode-pretty-mode-name mode lighter))
           (hook (intern (format "%s-hook" mode)))
           (hook-on (intern (format "%s-on-hook" mode)))
           (hook-off (intern (format "%s-off-hook" mode)))
           (map (intern (format "%s-map" mode))))
      `(progn
         (defvar ,mode ,init
           ,(format "Non-nil if %s is enabled.\nUse the command `%s' to change this variable." pretty mode))
         ,@(unless global `((make-variable-buffer-local ',mode)))
         (defvar ,hook nil)
         (defvar ,hook-on nil)
         (defvar ,hook-off nil)
         ,@(when has-keymap
             `((defvar ,map (let ((m ,keymap))
                              (cond ((keymapp m) m)
                                    ((listp m) (easy-mmode-define-keymap m))
                                    (t (error "Invalid keymap %S" m)))))
               (unless (assq ',mode minor-mode-map-alist)
                 (push (cons ',mode ,map) minor-mode-map-alist))))
         ,@(when lighter
             `((unless (assq ',mode minor-mode-alist)
                 (push (list ',mode ,lighter) minor-mode-alist))))
         (defun ,mode (&optional arg)
           ,doc
           (interactive (list (or current-prefix-arg 'toggle)))
           (setq ,mode (cond ((eq arg 'toggle) (not ,mode))
                             ((and (numberp arg) (< arg 1)) nil)
                             (t t)))
           ,@body
           (run-hooks ',hook (if ,mode ',hook-on ',hook-off))
           ,@(when after-hook `(,after-hook))
           ,mode)))))

(provide 'easy-mmode)

;;; easy-mmode.el ends here
