;;; sort.el --- sorting, reversing and de-duplicating lines  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's sort.el, checked against it: which
;; lines of a region take part, stable order, where point ends.

(defvar sort-fold-case nil)

(defun sort--replace-region (beg end text)
  "Replace BEG..END by TEXT (of the same length); point inside goes to BEG."
  (let ((pt (point)))
    (goto-char beg)
    (delete-region beg end)
    (insert text)
    (goto-char (if (and (> pt beg) (< pt end)) beg pt))))

(defun sort-lines (reverse beg end)
  (interactive "P\nr")
  (let* ((from (min beg end))
         (to (max beg end))
         (text (buffer-substring from to))
         (final-newline (string-suffix-p "\n" text))
         (lines (split-string (if final-newline (substring text 0 -1) text) "\n"))
         (key (if sort-fold-case #'downcase #'identity))
         ;; Stable either way: lines with equal keys keep their order.
         (sorted (sort (copy-sequence lines)
                       (lambda (a b)
                         (let ((ka (funcall key a)) (kb (funcall key b)))
                           (if reverse (string< kb ka) (string< ka kb)))))))
    (if (equal sorted lines)
        ;; Emacs rewrites the region anyway: point inside it goes to its start.
        (when (and (> (point) from) (< (point) to)) (goto-char from))
      (sort--replace-region from to
                            (concat (mapconcat #'identity sorted "\n")
                                    (if final-newline "\n" ""))))))

(defun reverse-region (beg end)
  (interactive "r")
  (when (> beg end) (setq beg (prog1 end (setq end beg))))
  (let (from to)
    (save-excursion
      ;; The largest run of whole lines inside the region; an empty line at END stays out.
      (goto-char beg)
      (unless (bolp) (forward-line 1))
      (setq from (point))
      (goto-char end)
      (unless (and (eolp) (not (bolp)))
        (forward-line -1)
        (end-of-line))
      (setq to (point)))
    (unless (< from to) (user-error "There are no full lines in the region"))
    (let ((pt (point))
          (lines (split-string (buffer-substring from to) "\n")))
      (goto-char from)
      (delete-region from to)
      (insert (mapconcat #'identity (nreverse lines) "\n"))
      (goto-char (if (and (>= pt from) (<= pt to)) from pt)))))

;; Lines are compared whole; blank ones too unless KEEP-BLANKS. The first
;; occurrence stays (the last with REVERSE); with ADJACENT only runs of
;; equal lines shrink. Returns how many lines went.
(defun delete-duplicate-lines (beg end &optional reverse adjacent keep-blanks _interactive)
  (interactive)
  (let* ((from (min beg end))
         (to (max beg end))
         (lines (save-excursion
                  (goto-char from)
                  (let (acc)
                    (while (and (< (point) to) (not (and (eobp) acc (= (point) (point-max)))))
                      (push (list (point) (line-end-position) (buffer-substring (point) (line-end-position))) acc)
                      (if (eobp) (goto-char (1+ to)) (forward-line 1)))
                    (nreverse acc))))
         (seen (make-hash-table :test #'equal))
         (previous nil)
         (doomed nil))
    (dolist (line (if reverse (reverse lines) lines))
      (let ((text (nth 2 line)))
        (if (and (not (and keep-blanks (string= text "")))
                 (if adjacent (equal text previous) (gethash text seen)))
            (push line doomed)
          (puthash text t seen)
          (setq previous text))))
    ;; Delete from the end of the buffer back, so the recorded positions stay right.
    (prog1 (length doomed)
      (save-excursion
        (dolist (line (sort doomed (lambda (a b) (> (car a) (car b)))))
          (goto-char (car line))
          (delete-region (point) (progn (forward-line 1) (point))))))))

(provide 'sort)

;;; sort.el ends here
