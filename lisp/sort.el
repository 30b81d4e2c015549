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

;;;; The general engine: records, keys, and the fields, regexp, paragraph,
;;;; page and column sorts built on it (Emacs 28.2's sort.el, as measured).

(defun sort--records (next-record end-record start-key end-key)
  "Walk the records from point to the end: a list of (KEY START . END), last first.
KEY is what START-KEY returned, or the (BEG . END) of the key's text."
  (let ((records nil))
    (while (not (eobp))
      (let* ((record-start (point))
             (key-moved-to-end nil)
             (key (catch 'key
                    (or (and start-key (funcall start-key))
                        (let ((key-start (point)))
                          (if end-key
                              (funcall end-key)
                            (funcall end-record)
                            (setq key-moved-to-end t))
                          (cons key-start (point))))))
             (moved-to-next nil))
        (cond (key-moved-to-end)
              (end-record (funcall end-record))
              (next-record (funcall next-record) (setq moved-to-next t)))
        (when key
          (push (cons key (cons record-start (point))) records))
        (when (and (not moved-to-next) next-record)
          (funcall next-record))))
    records))

(defun sort--key-less-p (records predicate)
  "The order sort-subr compares RECORDS' keys in."
  (let ((key (car (car records))))
    (cond (predicate (lambda (a b) (funcall predicate (car a) (car b))))
          ((numberp key) (lambda (a b) (< (car a) (car b))))
          ((consp key)
           (lambda (a b)
             (< (compare-buffer-substrings nil (car (car a)) (cdr (car a))
                                           nil (car (car b)) (cdr (car b)))
                0)))
          (t (lambda (a b) (string< (car a) (car b)))))))

(defun sort--rebuild (sorted in-place)
  "Put the records of SORTED where those of IN-PLACE (both (KEY START . END)) were."
  (let ((min (point-min)) (max (point-max)) (last (point-min)) (source (current-buffer))
        (text nil))
    (with-temp-buffer
      (set-buffer-multibyte (buffer-local-value 'enable-multibyte-characters source))
      (while sorted
        (insert-buffer-substring source last (car (cdr (car in-place))))
        (insert-buffer-substring source (car (cdr (car sorted))) (cdr (cdr (car sorted))))
        (setq last (cdr (cdr (car in-place))))
        (setq sorted (cdr sorted) in-place (cdr in-place)))
      (insert-buffer-substring source last max)
      (setq text (current-buffer))
      (with-current-buffer source
        ;; Keep the last character until the new text is in, so markers at the end stay there.
        (delete-region min (1- max))
        (goto-char (point-min))
        (insert-buffer-substring text)
        (delete-region max (1+ max))))))

(defun sort-subr (reverse nextrecfun endrecfun &optional startkeyfun endkeyfun predicate)
  "Sort the records from point to the end of the accessible text by their keys.
NEXTRECFUN moves from a record's end to the next record, ENDRECFUN from inside a
record to its end; STARTKEYFUN moves to the key's start or returns the key;
ENDKEYFUN moves to the key's end. Stable; REVERSE sorts descending."
  (let ((big (> (- (point-max) (point-min)) 50000)))
    (save-excursion
      (when big (message "Finding sort keys..."))
      (let* ((records (sort--records nextrecfun endrecfun startkeyfun endkeyfun))
             (in-place (reverse records))
             (case-fold-search sort-fold-case))
        (when records
          (unless reverse (setq records (nreverse records)))
          (when big (message "Sorting records..."))
          (setq records (sort records (sort--key-less-p records predicate)))
          (when reverse (setq records (nreverse records)))
          (when big (message "Reordering buffer..."))
          (sort--rebuild records in-place)))
      (when big (message "Reordering buffer... Done"))))
  nil)

(defun sort--region-records (reverse beg end next-record end-record)
  "`sort-subr' over the records of the region from BEG to END."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (sort-subr reverse next-record end-record))))

(defun sort-paragraphs (reverse beg end)
  "Sort the paragraphs of the region."
  (interactive "P\nr")
  (sort--region-records reverse beg end
                        (lambda ()
                          (while (and (not (eobp)) (looking-at paragraph-separate))
                            (forward-line 1)))
                        (lambda ()
                          (forward-paragraph)
                          ;; The last paragraph needs its newline to sort among the others.
                          (when (and (eobp) (not (bolp))) (insert "\n")))))

(defun sort-pages (reverse beg end)
  "Sort the pages of the region."
  (interactive "P\nr")
  (sort--region-records reverse beg end (lambda () (skip-chars-forward "\n")) #'forward-page))

(defvar sort-numeric-base 10 "The base of numbers in `sort-numeric-fields' without a 0x or 0 prefix.")

(defvar sort-fields-syntax-table
  (let ((table (make-syntax-table)) (c 0))
    (while (< c 256) (modify-syntax-entry c "w" table) (setq c (1+ c)))
    (modify-syntax-entry ?\s " " table)
    (modify-syntax-entry ?\t " " table)
    (modify-syntax-entry ?\n " " table)
    (modify-syntax-entry ?. "_" table)
    table)
  "Fields are words of this table: everything but blanks.")

(defun sort--too-few-fields ()
  (error "Line has too few fields: %s" (buffer-substring (line-beginning-position) (line-end-position))))

(defun sort-skip-fields (n)
  "Move to the start of field N of the line (from the right when N < 0)."
  (if (> n 0)
      (progn
        (dotimes (_ (1- n))
          (skip-chars-forward " \t")
          (skip-chars-forward "^ \t\n"))
        (skip-chars-forward " \t")
        (when (eolp) (sort--too-few-fields)))
    (end-of-line)
    (dotimes (_ (1- (- n)))
      (skip-chars-backward " \t")
      (skip-chars-backward "^ \t\n"))
    (skip-chars-backward " \t")
    (when (bolp) (sort--too-few-fields))
    (skip-chars-backward "^ \t\n")))

(defun sort-fields-1 (field beg end startkeyfun endkeyfun)
  (let ((table (syntax-table)))
    (when (zerop field) (setq field 1))
    (unwind-protect
        (save-excursion
          (save-restriction
            (narrow-to-region beg end)
            (goto-char (point-min))
            (set-syntax-table sort-fields-syntax-table)
            (sort-subr nil #'forward-line #'end-of-line startkeyfun endkeyfun)))
      (set-syntax-table table))))

(defun sort-fields (field beg end)
  "Sort the lines of the region by their FIELDth whitespace-separated field (from the right if negative)."
  (interactive "p\nr")
  (let ((inhibit-field-text-motion t))
    (sort-fields-1 field beg end
                   (lambda () (sort-skip-fields field) nil)
                   (lambda () (skip-chars-forward "^ \t\n")))))

(defun sort-numeric-fields (field beg end)
  "Sort the lines of the region by the number in their FIELDth field (0x hex and 0 octal too)."
  (interactive "p\nr")
  (let ((inhibit-field-text-motion t))
    (sort-fields-1 field beg end
                   (lambda ()
                     (sort-skip-fields field)
                     (let* ((case-fold-search t)
                            (base (cond ((looking-at "0x[0-9a-f]") (forward-char 2) 16)
                                        ((looking-at "0[0-7]") (forward-char 1) 8))))
                       (string-to-number (buffer-substring (point) (save-excursion (forward-sexp 1) (point)))
                                         (or base sort-numeric-base))))
                   nil)))

(defvar sort-regexp-fields-regexp)
(defvar sort-regexp-record-end)

(defun sort-regexp-fields-next-record ()
  (let ((start (point)))
    (and (re-search-forward sort-regexp-fields-regexp nil 'move)
         (setq sort-regexp-record-end (match-end 0))
         ;; An empty match where the last record ended: look one character on.
         (if (= sort-regexp-record-end start)
             (progn (forward-char 1)
                    (re-search-forward sort-regexp-fields-regexp nil 'move)
                    (setq sort-regexp-record-end (match-end 0)))
           t)
         (goto-char (match-beginning 0)))))

(defun sort-regexp-fields (reverse record-regexp key-regexp beg end)
  "Sort the matches of RECORD-REGEXP in the region by KEY-REGEXP's match in each
\(\"\\\\&\" or \"\" the whole record, \"\\\\N\" its Nth group); records without a key stay out."
  (interactive "P\nsRegexp specifying records to sort: \nsRegexp specifying key within record: \nr")
  (cond ((member key-regexp '("" "\\&")) (setq key-regexp 0))
        ((string-match "\\`\\\\[1-9]\\'" key-regexp) (setq key-regexp (- (aref key-regexp 1) ?0))))
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (let ((sort-regexp-fields-regexp record-regexp)
            (sort-regexp-record-end nil))
        (re-search-forward sort-regexp-fields-regexp nil t)
        (setq sort-regexp-record-end (point))
        (goto-char (match-beginning 0))
        (sort-subr reverse
                   #'sort-regexp-fields-next-record
                   (lambda () (goto-char sort-regexp-record-end))
                   (lambda ()
                     (let ((group (cond ((numberp key-regexp) key-regexp)
                                        ((re-search-forward key-regexp sort-regexp-record-end t) 0)
                                        (t (throw 'key nil)))))
                       (condition-case nil
                           (cons (match-beginning group) (match-end group))
                         (error (throw 'key nil))))))))))

(defun sort-columns (reverse &optional beg end)
  "Sort the lines between BEG's and END's by the text between their columns."
  (interactive "P\nr")
  (save-excursion
    (let ((inhibit-field-text-motion t)
          from to first-column last-column)
      (goto-char (min beg end))
      (setq first-column (current-column))
      (beginning-of-line)
      (setq from (point))
      (goto-char (max beg end))
      (setq last-column (current-column))
      (forward-line)
      (setq to (point))
      (let ((col-start (min first-column last-column))
            (col-end (max first-column last-column)))
        (when (search-backward "\t" from t)
          (error "sort-columns does not work with tabs -- use M-x untabify"))
        (save-restriction
          (narrow-to-region from to)
          (goto-char from)
          (sort-subr reverse #'forward-line #'end-of-line
                     (lambda () (move-to-column col-start) nil)
                     (lambda () (move-to-column col-end) nil)))))))
