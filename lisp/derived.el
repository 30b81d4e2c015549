;;; derived.el --- define-derived-mode, and the delayed mode hooks of subr.el  -*- lexical-binding: t -*-

;; A derived mode runs its parent mode, then its own set-up, with the mode
;; hooks held back until the outermost mode is done; its keymap and syntax
;; table inherit from the parent's. Behaviour checked against GNU Emacs 28.2.

(defvar delay-mode-hooks nil)
(defvar delayed-mode-hooks nil)
(make-variable-buffer-local 'delayed-mode-hooks)
;; A parent mode's kill-all-local-variables must not drop them.
(put 'delay-mode-hooks 'permanent-local t)
(put 'delayed-mode-hooks 'permanent-local t)
(defvar after-change-major-mode-hook nil)
(defvar change-major-mode-after-body-hook nil)

(defmacro delay-mode-hooks (&rest body)
  (declare (indent 0))
  `(progn
     (make-local-variable 'delay-mode-hooks)
     (let ((delay-mode-hooks t))
       ,@body)))

(defun run-mode-hooks (&rest hooks)
  (if delay-mode-hooks
      (dolist (hook hooks) (push hook delayed-mode-hooks))
    (setq hooks (nconc (nreverse delayed-mode-hooks) hooks))
    (setq delayed-mode-hooks nil)
    (apply #'run-hooks (cons 'change-major-mode-after-body-hook hooks))
    (run-hooks 'after-change-major-mode-hook)))

(defun derived-mode-p (&rest modes)
  (let ((mode major-mode))
    (while (and mode (not (memq mode modes)))
      (setq mode (get mode 'derived-mode-parent)))
    mode))

(defmacro define-derived-mode (child parent name &rest body)
  (declare (indent defun) (doc-string 4))
  (let ((doc (when (stringp (car body)) (pop body)))
        (keywords nil))
    (while (keywordp (car body))
      (push (cons (pop body) (pop body)) keywords))
    (when (eq parent 'fundamental-mode) (setq parent nil))
    (let* ((hook (intern (format "%s-hook" child)))
           (map (intern (format "%s-map" child)))
           (own-syntax (not (assq :syntax-table keywords)))
           (syntax (if own-syntax
                       (intern (format "%s-syntax-table" child))
                     (cdr (assq :syntax-table keywords))))
           (after-hook (cdr (assq :after-hook keywords))))
      `(progn
         (defvar ,hook nil)
         (defvar ,map (make-sparse-keymap))
         ,@(when own-syntax `((defvar ,syntax (make-syntax-table))))
         ,@(when parent `((put ',child 'derived-mode-parent ',parent)))
         (defun ,child ()
           ,(or doc (format "Major mode derived from `%s'." parent))
           (interactive)
           (delay-mode-hooks
             (,(or parent 'kill-all-local-variables))
             (setq major-mode ',child)
             (setq mode-name ,name)
             ,@(when parent
                 `((unless (keymap-parent ,map)
                     (set-keymap-parent ,map (current-local-map)))))
             ,@(when (and parent own-syntax)
                 ;; The parent's table is the one the parent mode just installed.
                 `((let ((inherited (char-table-parent ,syntax)))
                     (unless (and inherited (not (eq inherited (standard-syntax-table))))
                       (set-char-table-parent ,syntax (syntax-table))))))
             (use-local-map ,map)
             ,@(when syntax `((set-syntax-table ,syntax)))
             ,@body)
           (run-mode-hooks ',hook)
           ,@(when after-hook `(,after-hook)))))))

(provide 'derived)

;;; derived.el ends here
