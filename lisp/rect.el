;;; rect.el --- rectangles: the same columns on successive lines  -*- lexical-binding: t -*-

;; A rectangle is given by two positions: its columns are theirs, its lines
;; run from the first's to the second's.  Text in it is extracted as a list
;; of strings, one per line, with tabs it cuts into shown as spaces and
;; short lines padded; deleting, clearing, opening and replacing work line by
;; line.  Behaviour as Emacs 28.2's rect.el, checked against it.

(defvar killed-rectangle nil "The rectangle `kill-rectangle' killed last: a list of strings.")

(defun rectangle--columns (start end)
  "The columns of START and END, smaller first."
  (let ((a (save-excursion (goto-char start) (current-column)))
        (b (save-excursion (goto-char end) (current-column))))
    (if (<= a b) (cons a b) (cons b a))))

(defun apply-on-rectangle (function start end &rest args)
  "Call FUNCTION with the rectangle's start and end columns and ARGS, at the
beginning of each of its lines; return where point was after the last call."
  (save-excursion
    (let* ((columns (rectangle--columns start end))
           (last-line-end (progn (goto-char end) (copy-marker (line-end-position))))
           (final nil)
           (more t))
      (goto-char start)
      (beginning-of-line)
      (while more
        (apply function (car columns) (cdr columns) args)
        (setq final (point))
        (setq more (and (zerop (forward-line 1)) (bolp) (<= (point) last-line-end))))
      (set-marker last-line-end nil)
      final)))

(defun rectangle--line-text (startcol endcol)
  "The text of the current line between STARTCOL and ENDCOL, tabs as spaces, padded."
  (move-to-column startcol)
  (let* ((from (point))
         (before (- (current-column) startcol))
         (to (progn (move-to-column endcol) (point)))
         (after (- endcol (current-column)))
         (pieces nil))
    ;; A wide character across STARTCOL counts against the padding after.
    (when (< before 0) (setq after (+ after before) before 0))
    (when (< after 0) (setq after 0))
    (goto-char from)
    (while (< (point) to)
      (if (eq (char-after) ?\t)
          (let ((column (current-column)))
            (forward-char 1)
            (push (make-string (- (current-column) column) ?\s) pieces))
        (push (buffer-substring (point) (1+ (point))) pieces)
        (forward-char 1)))
    (concat (make-string before ?\s) (apply #'concat (nreverse pieces)) (make-string after ?\s))))

(defun extract-rectangle (start end)
  "The rectangle from START to END, as a list of strings."
  (let ((lines nil))
    (apply-on-rectangle (lambda (startcol endcol) (push (rectangle--line-text startcol endcol) lines))
                        start end)
    (nreverse lines)))

(defun rectangle--delete-line (startcol endcol fill)
  (when (= (move-to-column startcol (if fill t 'coerce)) startcol)
    (delete-region (point) (progn (move-to-column endcol 'coerce) (point)))))

(defun delete-rectangle (start end &optional fill)
  "Delete the text of the rectangle; FILL pads short lines first."
  (interactive "*r\nP")
  (apply-on-rectangle #'rectangle--delete-line start end fill))

(defun delete-extract-rectangle (start end &optional fill)
  "Delete the rectangle's text and return it as a list of strings."
  (let ((lines nil))
    (apply-on-rectangle
     (lambda (startcol endcol)
       (if (< (move-to-column startcol (if fill t 'coerce)) startcol)
           (push (make-string (- endcol startcol) ?\s) lines)
         (let ((from (point)))
           (move-to-column endcol t)
           (push (filter-buffer-substring from (point) t) lines))))
     start end)
    (nreverse lines)))

(defun kill-rectangle (start end &optional fill)
  "Delete the rectangle, saving it in `killed-rectangle'."
  (interactive "r\nP")
  (setq killed-rectangle (delete-extract-rectangle start end fill)))

(defun copy-rectangle-as-kill (start end)
  "Save the rectangle in `killed-rectangle' without deleting it."
  (interactive "r")
  (setq killed-rectangle (extract-rectangle start end))
  (setq deactivate-mark t))

(defun insert-rectangle (rectangle)
  "Insert the strings of RECTANGLE one below the other at point's column.
The mark goes where the first begins, point after the last."
  (let ((column (current-column)) (first t))
    (push-mark)
    (dolist (line rectangle)
      (unless first
        (forward-line 1)
        (unless (bolp) (insert ?\n))
        (move-to-column column t))
      (setq first nil)
      (insert-for-yank line))))

(defun yank-rectangle ()
  "Insert `killed-rectangle' at point."
  (interactive "*")
  (insert-rectangle killed-rectangle))

(defun string-rectangle (start end string)
  "Replace the rectangle's text on each line with STRING; point after the last."
  (interactive "*r\nsString rectangle: ")
  (goto-char (apply-on-rectangle
              (lambda (startcol endcol)
                (move-to-column startcol t)
                (rectangle--delete-line startcol endcol nil)
                (insert string))
              start end)))

(defalias 'replace-rectangle #'string-rectangle)

(defun string-insert-rectangle (start end string)
  "Insert STRING at the rectangle's start column on each of its lines."
  (interactive "*r\nsString insert rectangle: ")
  (apply-on-rectangle (lambda (startcol _endcol) (move-to-column startcol t) (insert string))
                      start end))

(defun clear-rectangle (start end &optional fill)
  "Replace the rectangle's text with spaces (short lines are only trimmed unless FILL)."
  (interactive "*r\nP")
  (apply-on-rectangle
   (lambda (startcol endcol)
     (let ((line-end (line-end-position)))
       (when (= (move-to-column startcol (if fill t 'coerce)) startcol)
         (if (and (not fill) (<= (save-excursion (goto-char line-end) (current-column)) endcol))
             (delete-region (point) line-end)
           (let ((from (point)))
             (move-to-column endcol t)
             (let ((reached (current-column)))
               (delete-region from (point))
               (indent-to reached)))))))
   start end))

(defun open-rectangle (start end &optional fill)
  "Push the rectangle's text right, leaving it blank; point to START."
  (interactive "*r\nP")
  (apply-on-rectangle
   (lambda (startcol endcol)
     (when (= (move-to-column startcol (if fill t 'coerce)) startcol)
       (unless (and (not fill) (= (point) (line-end-position)))
         (indent-to endcol))))
   start end)
  (goto-char start))

(defun rectangle-number-lines (start end start-at &optional format)
  "Insert line numbers from START-AT at the rectangle's start column, as FORMAT says
\(by default as wide as the last number, and a space)."
  (interactive "r\np")
  (let* ((first-line (line-number-at-pos start))
         (last-line (line-number-at-pos end))
         (format (or format
                     (format "%%%dd " (length (number-to-string (+ last-line (- first-line) start-at))))))
         (n start-at))
    (apply-on-rectangle (lambda (startcol _endcol)
                          (move-to-column startcol t)
                          (insert (format format n))
                          (setq n (1+ n)))
                        start end)))

(provide 'rect)

;;; rect.el ends here
