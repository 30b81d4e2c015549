;;; pp.el --- pretty printing, and the Lisp indentation it uses  -*- lexical-binding: t -*-

;; pp prints as Emacs 28's does: prin1's text, broken before every list
;; that follows other text and after every closing paren, then indented as
;; lisp-mode indents (lisp-mode.el), with tabs.

(require 'lisp-mode)

(defvar pp-escape-newlines t)

;;;; Pretty printing

(defun pp-buffer ()
  "Break the printed Lisp object in this buffer into lines and indent them."
  (interactive nil)
  (goto-char (point-min))
  (while (not (eobp))
    (cond
     ((ignore-errors (down-list 1) t)
      (save-excursion
        (backward-char 1)
        (skip-chars-backward "'`#^")
        (when (and (not (bobp)) (memq (char-before) '(?\s ?\t ?\n)))
          (delete-region (point) (progn (skip-chars-backward " \t\n") (point)))
          (insert "\n"))))
     ((ignore-errors (up-list 1) t)
      (skip-syntax-forward ")")
      (delete-region (point) (progn (skip-chars-forward " \t\n") (point)))
      (insert ?\n))
     (t (goto-char (point-max)))))
  (goto-char (point-min))
  (indent-sexp))

(defun pp-to-string (object)
  (with-temp-buffer
    (set-syntax-table emacs-lisp-mode-syntax-table)
    (let ((print-escape-newlines pp-escape-newlines)
          (print-quoted t))
      (prin1 object (current-buffer)))
    (pp-buffer)
    (buffer-string)))

(defun pp (object &optional stream)
  (princ (pp-to-string object) (or stream standard-output)))

(provide 'pp)
