;;; replace.el --- counting, keeping, flushing and replacing matches  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's replace.el as a script sees it,
;; checked against it. The interactive query loop of perform-replace is not
;; here: replace-string and replace-regexp replace every match.

(defvar search-upper-case 'not-yanks)
(defvar case-replace t)

(defun isearch-no-upper-case-p (string regexp-flag)
  "Non-nil if STRING has no upper-case letter (in a regexp, none outside a backslash pair)."
  (let ((i 0) (len (length string)) (quoted nil) (found nil))
    (while (and (not found) (< i len))
      (let ((c (aref string i)))
        (cond ((and regexp-flag (eq c ?\\)) (setq quoted (not quoted)))
              (quoted (setq quoted nil))
              ((/= c (downcase c)) (setq found t))))
      (setq i (1+ i)))
    (not (or found
             (and regexp-flag (string-match-p "\\[:\\(upp\\|low\\)er:]" string))))))

(defun replace--case-fold (string regexp-flag)
  "What case-fold-search is for a search of STRING: off when it has capitals."
  (if (and case-fold-search search-upper-case)
      (isearch-no-upper-case-p string regexp-flag)
    case-fold-search))

(defun replace--region (rstart rend)
  "The region a command works on: RSTART..REND ordered, else point to the end."
  (if rstart
      (cons (min rstart rend) (max rstart rend))
    (cons (point) (point-max))))

(defun how-many (regexp &optional rstart rend _interactive)
  (interactive (keep-lines-read-args "How many matches for regexp"))
  (let* ((region (replace--region rstart rend))
         (end (cdr region))
         (case-fold-search (replace--case-fold regexp t))
         (count 0))
    (save-excursion
      (goto-char (car region))
      (while (and (< (point) end) (re-search-forward regexp end t))
        ;; An empty match counts once; the next search starts one character on.
        (when (and (= (match-beginning 0) (match-end 0)) (not (eobp))) (forward-char 1))
        (setq count (1+ count))))
    count))

(defalias 'count-matches #'how-many)
(defalias 'delete-matching-lines #'flush-lines)
(defalias 'delete-non-matching-lines #'keep-lines)

(defun flush-lines (regexp &optional rstart rend _interactive)
  (interactive)
  (let* ((region (replace--region rstart rend))
         (start (car region))
         (end (copy-marker (cdr region)))
         (case-fold-search (replace--case-fold regexp t))
         (count 0))
    (goto-char start)
    (save-excursion
      (save-match-data
        (while (and (< (point) end) (re-search-forward regexp end t))
          (delete-region (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))
                         (progn (forward-line 1) (point)))
          (setq count (1+ count)))))
    (set-marker end nil)
    count))

;; The lines kept are those a match touches (all of them for a match across
;; lines); the text between them goes.
(defun keep-lines (regexp &optional rstart rend _interactive)
  (interactive)
  (let* ((region (replace--region rstart rend))
         (start (car region))
         (end (copy-marker (cdr region)))
         (case-fold-search (replace--case-fold regexp t))
         (doomed-from nil))
    ;; A line that the region's end cuts is not part of it.
    (goto-char end)
    (unless (or (bolp) (eobp)) (set-marker end (line-beginning-position)))
    (goto-char start)
    (save-excursion
     (unless (bolp) (forward-line 1))
     (setq doomed-from (point))
     (save-match-data
      (while (< (point) end)
        (if (not (re-search-forward regexp end 'move))
            (delete-region doomed-from end)
          (let ((kept-line (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))))
            (when (< doomed-from kept-line) (delete-region doomed-from kept-line)))
          (setq doomed-from (line-beginning-position 2))
          (when (and (< (point) end) (= (match-beginning 0) (match-end 0)))
            (forward-char 1))))))
    (set-marker end nil)
    nil))

;; END is a marker here: in Emacs 28 it is a number that replacements which
;; lengthen the text leave behind (the search then stops early, or signals
;; "Invalid search bound"); Emacs 29 uses a marker too.
(defun replace--in-region (search from replacement start end literal)
  (let ((count 0)
        (case-fold-search nil)
        (limit (copy-marker (or end (point-max)))))
    (save-excursion
      (goto-char (or start (point)))
      (let ((done nil))
        (while (and (not done) (<= (point) limit) (funcall search from limit t))
          (let ((empty (= (match-beginning 0) (match-end 0))))
            (replace-match replacement t literal)
            (setq count (1+ count))
            ;; Emacs 28 loops forever on an empty match; here the search moves on, or stops at the end.
            (when empty
              (if (and (< (point) limit) (not (eobp))) (forward-char 1) (setq done t)))))))
    (set-marker limit nil)
    (and (> count 0) count)))

(defun replace-regexp-in-region (regexp replacement &optional start end)
  (replace--in-region #'re-search-forward regexp replacement start end nil))

(defun replace-string-in-region (string replacement &optional start end)
  (replace--in-region #'search-forward string replacement start end t))

(defun replace--all (from to regexp-flag delimited start end)
  "Replace every match of FROM by TO from START (point) to END (the end), as perform-replace does without asking."
  (let* ((case-fold-search (replace--case-fold from regexp-flag))
         (fixed-case (not (and case-replace case-fold-search)))
         (regexp (cond ((and delimited regexp-flag) (concat "\\b" from "\\b"))
                       (delimited (concat "\\b" (regexp-quote from) "\\b"))
                       (regexp-flag from)
                       (t (regexp-quote from))))
         (limit (copy-marker (or end (point-max))))
         (count 0)
         (last-empty nil))
    (when start (goto-char (min start (or end start))))
    (push-mark)
    (save-match-data
      ;; No search starts at the end. After an empty match the next search
      ;; starts a character on (point stays if it finds nothing); an empty
      ;; match right where the previous match ended does not count.
      (let ((previous-end nil))
        (while (and (< (point) limit)
                    (let ((here (point)))
                      (or (and (not last-empty) (re-search-forward regexp limit t)
                               (or (/= (match-beginning 0) (match-end 0))
                                   (not (eql (match-beginning 0) previous-end))
                                   (progn (goto-char here) nil)))
                          (and (< (1+ here) limit)
                               (progn (goto-char (1+ here))
                                      (or (re-search-forward regexp limit t)
                                          (progn (goto-char here) nil)))))))
          (setq last-empty (= (match-beginning 0) (match-end 0)))
          (replace-match to fixed-case (not regexp-flag))
          (setq previous-end (point))
          (setq count (1+ count)))))
    (set-marker limit nil)
    (message "Replaced %d occurrence%s" count (if (= count 1) "" "s"))
    nil))

(defun replace-string (from-string to-string &optional delimited start end _backward _region-noncontiguous-p)
  (interactive)
  (replace--all from-string to-string nil delimited start end))

(defun replace-regexp (regexp to-string &optional delimited start end _backward _region-noncontiguous-p)
  (interactive)
  (replace--all regexp to-string t delimited start end))

(provide 'replace)

;;; replace.el ends here

(defun replace--matching-lines (regexp rstart rend interactive save verb)
  "Pass each line after point (or in RSTART..REND) with a match for REGEXP to SAVE,
as (SAVE BEG END), the ones after the first appending to the first's kill; the count."
  (let* ((region (replace--region rstart rend))
         (end (copy-marker (cdr region)))
         (case-fold-search (replace--case-fold regexp t))
         (count 0))
    (goto-char (car region))
    (save-excursion
      (while (and (< (point) end) (re-search-forward regexp end t))
        (unless (zerop count) (setq last-command 'kill-region))
        (funcall save
                 (save-excursion (goto-char (match-beginning 0)) (line-beginning-position))
                 (progn (forward-line 1) (point)))
        (setq count (1+ count))))
    (set-marker end nil)
    (when interactive
      (message (if (= count 1) "%s %d matching line" "%s %d matching lines") verb count))
    count))

(defun kill-matching-lines (regexp &optional rstart rend interactive)
  "Kill the lines after point (or in RSTART..REND) that match REGEXP, as one kill; their count."
  (interactive)
  (replace--matching-lines regexp rstart rend interactive #'kill-region "Killed"))

(defun copy-matching-lines (regexp &optional rstart rend interactive)
  "Copy the lines after point (or in RSTART..REND) that match REGEXP, as one kill; their count."
  (interactive)
  (replace--matching-lines regexp rstart rend interactive #'copy-region-as-kill "Copied"))
