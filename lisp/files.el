;;; files.el --- visiting and saving files, and the few major modes a visited file gets  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's files.el as a batch script sees it,
;; checked against it: find-file-noselect shares one buffer per file and
;; names buffers of same-named files after their directories (uniquify's
;; post-forward-angle-brackets style); save-buffer writes silently; a .txt
;; or .el file gets text-mode or emacs-lisp-mode, which ask for a final
;; newline. Other files are in fundamental-mode.

(defvar require-final-newline nil)
(defvar mode-require-final-newline t)
(defvar before-save-hook nil)
(defvar after-save-hook nil)

;;; The major modes a visited file can get (derived modes, as in Emacs).

(defvar text-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?\" "." table)
    (modify-syntax-entry ?\\ "." table)
    (modify-syntax-entry ?' "w p" table)
    (modify-syntax-entry #xb7 "w" table)
    table))

(define-derived-mode text-mode nil "Text"
  (setq-local require-final-newline mode-require-final-newline))

(define-derived-mode prog-mode fundamental-mode "Prog"
  (setq-local require-final-newline mode-require-final-newline)
  (setq-local parse-sexp-ignore-comments t))

(define-derived-mode lisp-data-mode prog-mode "Lisp-Data"
  (setq-local indent-line-function 'lisp-indent-line)
  (setq-local indent-region-function 'lisp-indent-region))

(define-derived-mode emacs-lisp-mode lisp-data-mode "ELisp")

(define-derived-mode lisp-interaction-mode emacs-lisp-mode "Lisp Interaction")

(defvar auto-mode-alist
  '(("\\.te?xt\\'" . text-mode)
    ("\\.el\\'" . emacs-lisp-mode)))

(defun set-auto-mode (&optional _keep-mode-if-same)
  (let ((mode (and buffer-file-name
                   (assoc-default (file-name-sans-versions buffer-file-name) auto-mode-alist
                                  #'string-match-p))))
    (if (functionp mode) (funcall mode) (fundamental-mode))))

(defun file-name-sans-versions (name &optional _keep-backup-version)
  (substring name 0 (string-match "\\(?:\\.~[.0-9]+~\\|~\\)\\'" name)))

;;; Buffers for files.

(defun find-buffer-visiting (filename &optional predicate)
  (let ((truename (file-truename (expand-file-name filename))))
    (seq-find (lambda (buf)
                (and (with-current-buffer buf
                       (and buffer-file-name
                            (equal (file-truename buffer-file-name) truename)))
                     (or (null predicate) (funcall predicate buf))))
              (buffer-list))))

(defun create-file-buffer (filename)
  (let ((name (file-name-nondirectory (directory-file-name filename))))
    (when (string= name "") (setq name filename))
    (generate-new-buffer name)))

(defun files--uniquify (buffer)
  "Give BUFFER and the buffers visiting same-named files in other directories distinct names."
  (let* ((file (buffer-local-value 'buffer-file-name buffer))
         (base (file-name-nondirectory file))
         (others (seq-filter (lambda (b)
                               (and (not (eq b buffer))
                                    (let ((f (buffer-local-value 'buffer-file-name b)))
                                      (and f (string= (file-name-nondirectory f) base)))))
                             (buffer-list))))
    (when others
      (dolist (b (cons buffer others))
        (let ((dir (file-name-nondirectory
                    (directory-file-name (file-name-directory (buffer-local-value 'buffer-file-name b))))))
          (with-current-buffer b
            (rename-buffer (format "%s<%s>" base dir) t)))))))

(defun find-file-noselect (filename &optional _nowarn rawfile _wildcards)
  (setq filename (abbreviate-file-name (expand-file-name filename)))
  (or (find-buffer-visiting filename)
      (let ((buf (create-file-buffer filename)))
        (with-current-buffer buf
          (when (file-exists-p filename)
            (let ((inhibit-read-only t))
              (insert-file-contents filename t)))
          (setq buffer-file-name (expand-file-name filename))
          (setq buffer-file-truename (abbreviate-file-name (file-truename buffer-file-name)))
          (setq default-directory (file-name-directory buffer-file-name))
          (set-buffer-modified-p nil)
          (goto-char (point-min))
          ;; The mode resets the local variables: keep the file's.
          (let ((file buffer-file-name) (truename buffer-file-truename) (dir default-directory))
            (unless rawfile (set-auto-mode))
            (setq buffer-file-name file
                  buffer-file-truename truename
                  default-directory dir)))
        (files--uniquify buf)
        buf)))

(defun find-file (filename &optional wildcards)
  (switch-to-buffer (find-file-noselect filename nil nil wildcards)))

(defun find-file-literally (filename)
  (switch-to-buffer (find-file-noselect filename nil t)))

(defun set-visited-file-name (filename &optional _no-query _along-with-file)
  (if (null filename)
      (setq buffer-file-name nil
            buffer-file-truename nil)
    (setq filename (expand-file-name filename))
    (setq buffer-file-name filename
          buffer-file-truename (abbreviate-file-name (file-truename filename))
          default-directory (file-name-directory filename))
    (rename-buffer (file-name-nondirectory filename) t)
    (set-buffer-modified-p t))
  nil)

;; A visited file's directory can be missing until the buffer is saved.
(defalias 'mkdir #'make-directory)

;;; Saving.

(defun basic-save-buffer (&optional _called-interactively)
  (if (not (buffer-modified-p))
      nil
    (unless buffer-file-name
      (error "Buffer %s is not visiting a file" (buffer-name)))
    (run-hooks 'before-save-hook)
    (save-excursion
      (save-restriction
        (widen)
        (when (and require-final-newline
                   (> (point-max) (point-min))
                   (/= (char-before (point-max)) ?\n))
          (goto-char (point-max))
          (insert "\n"))
        (write-region nil nil buffer-file-name nil t)))
    (set-buffer-modified-p nil)
    (run-hooks 'after-save-hook)
    nil))

(defun save-buffer (&optional _arg)
  (basic-save-buffer))

(defun write-file (filename &optional _confirm)
  (when (file-directory-p filename)
    (setq filename (expand-file-name (file-name-nondirectory (or buffer-file-name (buffer-name))) filename)))
  (set-visited-file-name filename)
  (set-buffer-modified-p t)
  (save-buffer))

(defun save-some-buffers (&optional _arg _pred)
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (when (and buffer-file-name (buffer-modified-p))
        (save-buffer)))))

(provide 'files)

;;; files.el ends here

;;; File names and sizes.

(defun file-name-with-extension (filename extension)
  (let ((ext (string-trim-left extension "[.]")))
    (when (string-empty-p ext) (error "Malformed extension: %s" extension))
    (when (string-empty-p (file-name-nondirectory filename))
      (error "Malformed filename: %s" filename))
    (concat (file-name-sans-extension filename) "." ext)))

(defun file-size-human-readable (file-size &optional flavor space unit)
  (let ((power (if (memq flavor '(nil iec)) 1024.0 1000.0))
        (prefixes '("" "k" "M" "G" "T" "P" "E" "Z" "Y")))
    (while (and (>= file-size power) (cdr prefixes))
      (setq file-size (/ file-size power)
            prefixes (cdr prefixes)))
    (let* ((prefix (car prefixes))
           (prefixed-unit (if (eq flavor 'iec)
                              (concat (if (string= prefix "k") "K" prefix)
                                      (if (string= prefix "") "" "i")
                                      (or unit "B"))
                            (concat prefix unit))))
      ;; One decimal unless it would be .0.
      (format (if (and (>= (mod file-size 1.0) 0.05) (< (mod file-size 1.0) 0.95)) "%.1f%s%s" "%.0f%s%s")
              file-size
              (if (string= prefixed-unit "") "" (or space ""))
              prefixed-unit))))

(defun wildcard-to-regexp (wildcard)
  (let ((i 0) (len (length wildcard)) (out "\\`"))
    (while (< i len)
      (let ((c (aref wildcard i)))
        (cond ((eq c ?*) (setq out (concat out "[^\0]*")))
              ((eq c ??) (setq out (concat out "[^\0]")))
              ((and (eq c ?\[) (string-match "\\[!?\\]?[^]]*\\]" wildcard i) (= (match-beginning 0) i))
               ;; A bracket expression stays one, [!...] being its negation.
               (let ((set (match-string 0 wildcard)))
                 (when (and (> (length set) 2) (eq (aref set 1) ?!))
                   (setq set (concat "[^" (substring set 2))))
                 (setq out (concat out set)
                       i (1- (match-end 0)))))
              (t (setq out (concat out (regexp-quote (string c)))))))
      (setq i (1+ i)))
    (concat out "\\'")))
