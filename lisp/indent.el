;;; indent.el --- indentation commands  -*- lexical-binding: t -*-

(defvar indent-line-function 'indent-relative)
(defvar indent-region-function nil)

(defun indent-line-to (column)
  (beginning-of-line)
  (let ((start (point)))
    (skip-chars-forward " \t")
    (unless (= (current-column) column)
      (delete-region start (point))
      (indent-to column))))

(defun indent-according-to-mode ()
  (interactive nil)
  (funcall indent-line-function))

(defun indent-region (start end &optional column)
  (interactive "r\nP")
  (cond
   (column
    (save-excursion
      (goto-char start)
      (beginning-of-line)
      (let ((end (copy-marker end)))
        (while (< (point) end)
          (unless (looking-at "[ \t]*$") (indent-line-to (prefix-numeric-value column)))
          (forward-line 1))
        (set-marker end nil))))
   (indent-region-function (funcall indent-region-function start end))
   (t
    ;; Line by line with indent-line-function, as Emacs's indent-region-line-by-line.
    (save-excursion
      (let ((end (copy-marker end))
            (reporter (make-progress-reporter "Indenting region..." (point) end)))
        (goto-char start)
        (beginning-of-line)
        (while (< (point) end)
          (unless (looking-at "[ \t]*$") (funcall indent-line-function))
          (forward-line 1)
          (progress-reporter-update reporter (point)))
        (progress-reporter-done reporter)
        (set-marker end nil)))))
  nil)

(provide 'indent)
