;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): visiting files
;; with find-file-noselect, editing and saving them (final newlines by mode), write-file,
;; same-named files in two directories, set-visited-file-name. Paths are printed relative
;; to a fresh temporary directory.
(let* ((dir (file-name-as-directory (make-temp-file "visit" t)))
       (default-directory dir)
       (rel (lambda (f) (and f (file-relative-name f dir))))
       (contents (lambda (f) (with-temp-buffer (insert-file-contents f) (buffer-string)))))
  (write-region "hello\nworld\n" nil "a.txt")
  (write-region "(defun f () 1)" nil "code.el")
  (write-region "no newline" nil "data.bin")
  (let ((b (find-file-noselect "a.txt")))
    (prin1 (list (buffer-name b)
                 (with-current-buffer b (list (buffer-string) (point) (funcall rel buffer-file-name) (buffer-modified-p) major-mode mode-name require-final-newline))
                 (eq b (find-file-noselect "./a.txt")) (eq b (get-file-buffer "a.txt")) (eq b (find-buffer-visiting (expand-file-name "a.txt" dir)))))
    (terpri)
    (with-current-buffer b
      (goto-char (point-max)) (insert "more")
      (prin1 (list (buffer-modified-p) (save-buffer) (buffer-modified-p) (funcall contents "a.txt") (save-buffer)))
      (terpri)))
  (let ((c (find-file-noselect "code.el")))
    (with-current-buffer c
      (prin1 (list major-mode (char-syntax ?\;) parse-sexp-ignore-comments (progn (goto-char 1) (forward-sexp) (point))))
      (goto-char (point-max)) (insert " ; done") (save-buffer)
      (prin1 (funcall contents "code.el")) (terpri)))
  (let ((d (find-file-noselect "data.bin")))
    (with-current-buffer d
      (prin1 (list major-mode require-final-newline))
      (goto-char (point-max)) (insert "!") (save-buffer)
      (prin1 (funcall contents "data.bin")) (terpri)))
  (let ((n (find-file-noselect "new.txt")))
    (prin1 (list (buffer-name n) (with-current-buffer n (list (buffer-string) (buffer-modified-p) (file-exists-p buffer-file-name))))) (terpri)
    (with-current-buffer n
      (insert "x") (save-buffer) (write-file "out.txt")
      (prin1 (list (buffer-name) (funcall rel buffer-file-name) (buffer-modified-p) (funcall contents "new.txt") (funcall contents "out.txt"))) (terpri)))
  (make-directory "sub" t)
  (write-region "s" nil "sub/a.txt")
  (let ((b2 (find-file-noselect "sub/a.txt")))
    (prin1 (list (buffer-name b2)
                 (replace-regexp-in-string (regexp-quote (file-name-nondirectory (directory-file-name dir))) "TMP"
                                           (buffer-name (get-file-buffer "a.txt")))))
    (terpri))
  (with-current-buffer (find-file-noselect "out.txt")
    (set-visited-file-name "renamed.txt")
    (prin1 (list (buffer-name) (funcall rel buffer-file-name) (buffer-modified-p) (save-buffer) (file-exists-p "renamed.txt") (set-visited-file-name nil) buffer-file-name)) (terpri))
  (prin1 (list (buffer-name (create-file-buffer "zz.txt")) (buffer-name (create-file-buffer " lead.txt")))) (terpri)
  (dolist (b (buffer-list)) (when (buffer-local-value 'buffer-file-name b) (kill-buffer b)))
  (delete-directory dir t))
