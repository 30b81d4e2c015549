;;; simple.el --- editing commands scripts call: the kill ring, lines, whitespace, indentation  -*- lexical-binding: t -*-

;; Each definition becomes an autoload at startup (src/primitives/index.ts);
;; the file is read the first time one of them is called. Behaviour follows
;; GNU Emacs 28.2's commands as a batch script sees them (no command loop:
;; `last-command' never says that kills should append).

;;; Marks and regions.

(defun use-region-p ()
  (and (region-active-p) (> (region-end) (region-beginning))))

(defun exchange-point-and-mark (&optional _arg)
  (interactive "P")
  (let ((m (mark t)))
    (unless m (error "No mark set in this buffer"))
    (set-mark (point))
    (goto-char m)
    nil))

(defun mark-whole-buffer ()
  (interactive nil)
  (push-mark)
  (push-mark (point-max) nil t)
  (goto-char (point-min)))

(defun goto-line (line &optional buffer relative)
  (interactive (goto-line-read-args))
  (when buffer (set-buffer buffer))
  (push-mark)
  (let ((target (save-restriction
                  (unless relative (widen))
                  (goto-char (point-min))
                  (forward-line (1- line))
                  (point))))
    ;; A line outside the restriction widens it.
    (when (and (not relative) (or (< target (point-min)) (> target (point-max))))
      (widen))
    (goto-char target)))

;;; The kill ring.

(defvar kill-ring nil)
(defvar kill-ring-max 120)
(defvar kill-ring-yank-pointer nil)
(defvar kill-do-not-save-duplicates nil)
(defvar kill-whole-line nil)
(defvar kill-read-only-ok nil)

(defun kill-new (string &optional replace)
  (unless (and kill-do-not-save-duplicates kill-ring
               (equal-including-properties string (car kill-ring)))
    (if (and replace kill-ring)
        (setcar kill-ring string)
      (push string kill-ring)
      (when (> (length kill-ring) kill-ring-max)
        (setcdr (nthcdr (1- kill-ring-max) kill-ring) nil))))
  (setq kill-ring-yank-pointer kill-ring)
  string)

(defun kill-append (string before-p)
  (let ((current (car kill-ring)))
    (kill-new (if before-p (concat string current) (concat current string))
              (and current t))))

(defun current-kill (n &optional do-not-move)
  (unless kill-ring (error "Kill ring is empty"))
  (let ((tail (nthcdr (mod (- n (length kill-ring-yank-pointer)) (length kill-ring))
                      kill-ring)))
    (unless do-not-move (setq kill-ring-yank-pointer tail))
    (car tail)))

;; Outside the command loop last-command changes only when Lisp sets it:
;; kill-whole-line sets it to kill-region, and kills append from then on.
(defun kill-ring--save (string beg end)
  (if (eq last-command 'kill-region)
      (kill-append string (< end beg))
    (kill-new string)))

(defun copy-region-as-kill (beg end &optional _region)
  (interactive)
  (kill-ring--save (filter-buffer-substring beg end) beg end)
  (setq deactivate-mark t)
  nil)

(defun kill-ring-save (beg end &optional region)
  (interactive)
  (copy-region-as-kill beg end region))

(defun kill-region (beg end &optional _region)
  (interactive)
  (unless (and beg end) (user-error "The mark is not set now, so there is no region"))
  (kill-ring--save (filter-buffer-substring beg end t) beg end)
  (setq this-command 'kill-region)
  (setq deactivate-mark t)
  nil)

(defun filter-buffer-substring (beg end &optional delete)
  (if delete
      (prog1 (buffer-substring beg end) (delete-region beg end))
    (buffer-substring beg end)))

(defun kill-line (&optional arg)
  (interactive "P")
  (kill-region (point)
               (progn
                 (if arg
                     (forward-line (prefix-numeric-value arg))
                   (when (eobp) (signal 'end-of-buffer nil))
                   ;; Only blanks to the end of the line: the newline goes too.
                   (let ((end (line-end-position)))
                     (if (or (save-excursion (skip-chars-forward " \t" end) (= (point) end))
                             (and kill-whole-line (bolp)))
                         (forward-line 1)
                       (goto-char end))))
                 (point))))

(defun kill-whole-line (&optional arg)
  (interactive "p")
  (setq arg (or arg 1))
  (when (and (> arg 0) (eobp) (save-excursion (forward-visible-line 0) (eobp)))
    (signal 'end-of-buffer nil))
  (when (and (< arg 0) (bobp) (save-excursion (end-of-visible-line) (bobp)))
    (signal 'beginning-of-buffer nil))
  ;; The line goes in two kills, before and after point, joined into one entry.
  (unless (eq last-command 'kill-region)
    (kill-new "")
    (setq last-command 'kill-region))
  (cond ((zerop arg)
         (save-excursion (kill-region (point) (progn (forward-visible-line 0) (point))))
         (kill-region (point) (progn (end-of-visible-line) (point))))
        ((< arg 0)
         (save-excursion (kill-region (point) (progn (end-of-visible-line) (point))))
         (kill-region (point) (progn (forward-visible-line (1+ arg))
                                     (unless (bobp) (backward-char))
                                     (point))))
        (t
         (save-excursion (kill-region (point) (progn (forward-visible-line 0) (point))))
         (kill-region (point) (progn (forward-visible-line arg) (point))))))

(defun forward-visible-line (arg) (forward-line arg))
(defun end-of-visible-line () (end-of-line))

(defun yank (&optional arg)
  (interactive "*P")
  (push-mark)
  (insert-for-yank (current-kill (cond ((listp arg) 0) ((eq arg '-) -2) (t (1- arg)))))
  (when (consp arg) (exchange-point-and-mark))
  nil)

(defvar yank-excluded-properties
  '(category field follow-link fontified font-lock-face help-echo intangible invisible
    keymap local-map mouse-face read-only yank-handler))
(defvar yank-handled-properties
  '((font-lock-face . yank-handle-font-lock-face-property)
    (category . yank-handle-category-property)))
(defvar yank-undo-function nil)

(defun yank-handle-font-lock-face-property (face start end)
  (and face (null (bound-and-true-p font-lock-defaults))
       (put-text-property start end 'face face)))

(defun yank-handle-category-property (category start end)
  ;; The category symbol's properties become the text's own, under those it has already.
  (when category
    (let ((from start))
      (while (< from end)
        (let ((to (next-property-change from nil end))
              (own (text-properties-at from)))
          (set-text-properties from to (symbol-plist category))
          (add-text-properties from to own)
          (setq from to))))))

(defun remove-yank-excluded-properties (start end)
  (let ((inhibit-read-only t))
    (dolist (handler yank-handled-properties)
      (let ((from start))
        (while (< from end)
          (let ((to (next-single-property-change from (car handler) nil end)))
            (funcall (cdr handler) (get-text-property from (car handler)) from to)
            (setq from to)))))
    (if (eq yank-excluded-properties t)
        (set-text-properties start end nil)
      (remove-list-of-text-properties start end yank-excluded-properties))))

(defun insert-for-yank (string)
  ;; Each stretch with its own yank-handler is inserted on its own.
  (let (to)
    (while (setq to (next-single-property-change 0 'yank-handler string))
      (insert-for-yank-1 (substring string 0 to))
      (setq string (substring string to))))
  (insert-for-yank-1 string))

(defun insert-for-yank-1 (string)
  (let* ((handler (and (stringp string) (get-text-property 0 'yank-handler string)))
         (param (or (nth 1 handler) string))
         (opoint (point)))
    (setq yank-undo-function t)
    (if (nth 0 handler)
        (funcall (car handler) param)
      (insert param))
    (let ((end (point)))
      (unless (nth 2 handler)
        (remove-yank-excluded-properties opoint end))
      ;; The last character's properties must not stick to what is typed after it.
      (when (and (> end opoint) (text-properties-at (1- end)))
        (put-text-property (1- end) end 'rear-nonsticky t))
      (setq yank-undo-function (nth 3 handler)))))

(defun zap-to-char (arg char &optional _interactive)
  (interactive)
  (kill-region (point) (progn (search-forward (char-to-string char) nil nil arg) (point))))

(defun prefix-numeric-value (raw)
  (cond ((null raw) 1)
        ((eq raw '-) -1)
        ((consp raw) (car raw))
        (t raw)))

;;; Lines and whitespace.

(defvar fill-prefix nil)

(defun open-line (n)
  (interactive "*p")
  (let ((here (point)))
    ;; One insertion: a huge N signals memory-exhausted rather than looping.
    (insert (make-string (max n 0) ?\n))
    (goto-char here)
    nil))

(defvar delete-trailing-lines t)

(defun delete-trailing-whitespace (&optional start end)
  (interactive)
  (save-match-data
    (save-excursion
      (let ((limit (and end (copy-marker end))))
        (goto-char (or start (point-min)))
        ;; A form feed at the end of a line stays: it is not counted as whitespace here.
        (while (re-search-forward "[ \t\r\v\u00a0]+$" limit t)
          (delete-region (match-beginning 0) (match-end 0)))
        (if limit
            (set-marker limit nil)
          (when delete-trailing-lines
            (goto-char (point-max))
            (when (and (not (buffer-narrowed-p)) (<= (skip-chars-backward "\n") -2))
              (delete-region (1+ (point)) (point-max))))))))
  nil)

(defun fixup-whitespace ()
  (interactive "*")
  (save-excursion
    (delete-horizontal-space)
    (unless (or (looking-at "^\\|$\\|\\s)")
                (save-excursion (forward-char -1) (looking-at "$\\|\\s(\\|\\s'")))
      (insert ?\s))))

;; Joins lines onto the line before them: by default this line, with ARG
;; the next one; with a region (BEG END, no ARG) every line in it.
(defun delete-indentation (&optional arg beg end)
  (interactive)
  (setq deactivate-mark t)
  (let ((limit (if (and beg end (not arg))
                   (progn
                     (when (< (save-excursion (goto-char beg) (line-end-position)) end)
                       (goto-char end))
                     beg)
                 ;; One below the first line's start, so that the first line of the buffer stops the loop.
                 (prog1 (1- (line-beginning-position (and arg 2)))
                   (when arg (forward-line 1))))))
    (while (and (> (line-beginning-position) limit)
                (progn (forward-line 0) (eq (preceding-char) ?\n)))
      (delete-char -1)
      (when (and (stringp fill-prefix) (> (length fill-prefix) 0)
                 (looking-at (regexp-quote fill-prefix)))
        (replace-match "" t t))
      (fixup-whitespace))))

(defalias 'join-line #'delete-indentation)

;; On a blank line: the blank lines around it collapse to this one, or an
;; isolated one goes. On another line: the blank lines after it go.
(defun delete-blank-lines ()
  (interactive "*")
  (let (on-blank lone)
    (save-excursion
      (beginning-of-line)
      (setq on-blank (looking-at "[ \t]*$"))
      (setq lone (and on-blank
                      (not (looking-at "[ \t]*\n[ \t]*$"))
                      (or (bobp)
                          (progn (forward-line -1) (not (looking-at "[ \t]*$")))))))
    (when on-blank
      (beginning-of-line)
      (let ((kept (if lone (line-beginning-position 2) (point))))
        (goto-char kept)
        (delete-region (save-excursion
                         (if (re-search-backward "[^ \t\n]" nil t)
                             (line-beginning-position 2)
                           (point-min)))
                       kept)))
    (unless lone
      (save-excursion
        (forward-line 1)
        (delete-region (point)
                       (if (re-search-forward "[^ \t\n]" nil t)
                           (line-beginning-position)
                         (point-max)))))
    (when (looking-at "^[ \t]*\n\\'")
      (delete-region (point) (point-max)))))

(defun count-words (start end &optional _totals)
  (interactive)
  (let ((n 0))
    (save-excursion
      (save-restriction
        (narrow-to-region start end)
        (goto-char (point-min))
        (while (forward-word-strictly 1)
          (setq n (1+ n)))))
    n))

(defun forward-word-strictly (&optional arg)
  (forward-word arg))

(defun backward-word-strictly (&optional arg)
  (backward-word arg))

;;; Indentation.

(defun current-indentation ()
  (save-excursion
    (beginning-of-line)
    (skip-chars-forward " \t")
    (current-column)))

(defun back-to-indentation ()
  (interactive "^")
  (beginning-of-line 1)
  (skip-syntax-forward " " (line-end-position))
  (backward-prefix-chars))

(defun indent-rigidly (start end arg &optional _interactive)
  (interactive "r\nP\np")
  (save-excursion
    (goto-char end)
    (setq end (point-marker))
    (goto-char start)
    (unless (bolp) (forward-line 1))
    (while (< (point) end)
      (let ((indent (current-indentation))
            (eol-flag (save-excursion (skip-chars-forward " \t") (eolp))))
        (delete-region (point) (progn (skip-chars-forward " \t") (point)))
        (unless eol-flag
          (indent-to (max 0 (+ indent (prefix-numeric-value arg))) 0)))
      (forward-line 1))
    (set-marker end nil)))

(defun untabify (start end &optional _arg)
  (interactive)
  (save-excursion
    (save-restriction
      (narrow-to-region (point-min) end)
      (goto-char start)
      (while (search-forward "\t" nil t)
        (forward-char -1)
        (let ((tab-beg (point))
              (indent-tabs-mode nil)
              column)
          (skip-chars-forward "\t")
          (setq column (current-column))
          (delete-region tab-beg (point))
          (indent-to column))))))

(defun tabify (start end &optional _arg)
  (interactive)
  (save-excursion
    (save-restriction
      (narrow-to-region (point-min) end)
      (goto-char start)
      (let ((indent-tabs-mode t))
        (while (re-search-forward " [ \t]+" nil t)
          (let ((end-col (current-column))
                (beg-col (save-excursion (goto-char (match-beginning 0))
                                         (skip-chars-forward "\t")
                                         (current-column))))
            ;; Only runs that reach a tab stop become tabs.
            (when (> (/ end-col tab-width) (/ beg-col tab-width))
              (delete-region (match-beginning 0) (point))
              (indent-to end-col))))))))

(provide 'simple)

;;; simple.el ends here

(defun pop-mark ()
  "Pop the mark ring into the mark: the old mark goes to the end of the ring. Point stays."
  (when mark-ring
    (setq mark-ring (nconc mark-ring (list (copy-marker (mark-marker)))))
    (set-marker (mark-marker) (car mark-ring))
    (set-marker (car mark-ring) nil)
    (pop mark-ring))
  (deactivate-mark))

(defun region-bounds ()
  "The bounds of the region, as a list of (START . END) pairs."
  (list (cons (region-beginning) (region-end))))

(defun current-word (&optional strict really-word)
  "The symbol or word at or next to point, as a string without properties.
STRICT: nil unless point is in or beside one; REALLY-WORD: words, not symbols."
  (save-excursion
    (let* ((oldpoint (point)) (start (point)) (end (point))
           (syntaxes (if really-word "w" "w_"))
           (not-syntaxes (concat "^" syntaxes)))
      (skip-syntax-backward syntaxes) (setq start (point))
      (goto-char oldpoint)
      (skip-syntax-forward syntaxes) (setq end (point))
      (when (and (eq start oldpoint) (eq end oldpoint))
        ;; Point is between two words: look on this line only.
        (if strict
            (setq start nil)
          (skip-syntax-backward not-syntaxes (line-beginning-position))
          (if (bolp)
              (progn
                (skip-syntax-forward not-syntaxes (line-end-position))
                (setq start (point))
                (skip-syntax-forward syntaxes)
                (setq end (point)))
            (setq end (point))
            (skip-syntax-backward syntaxes)
            (setq start (point)))))
      (unless (or (null start) (= start end))
        (buffer-substring-no-properties start end)))))

(defvar find-tag-default-function nil)

(defun find-tag-default-bounds ()
  "The bounds (START . END) of the symbol at or before point, or nil."
  (bounds-of-thing-at-point 'symbol))

(defun find-tag-default ()
  "The symbol at or before point, as a default tag to search for."
  (let ((bounds (find-tag-default-bounds)))
    (when bounds
      (buffer-substring-no-properties (car bounds) (cdr bounds)))))

(defun find-tag-default-as-regexp ()
  "The default tag as a regexp matching it literally."
  (let ((tag (funcall (or find-tag-default-function
                          (get major-mode 'find-tag-default-function)
                          #'find-tag-default))))
    (when tag (regexp-quote tag))))

(defun find-tag-default-as-symbol-regexp ()
  "The default tag as a regexp matching it as a whole symbol."
  (let ((tag-regexp (find-tag-default-as-regexp)))
    (if (and tag-regexp
             (eq (or find-tag-default-function
                     (get major-mode 'find-tag-default-function)
                     #'find-tag-default)
                 #'find-tag-default))
        (format "\\_<%s\\_>" tag-regexp)
      tag-regexp)))

(defun upcase-char (arg)
  "Upcase ARG characters from point on, leaving point where it is."
  (interactive "p")
  (save-excursion
    (upcase-region (point) (progn (forward-char arg) (point)))))

;;; Copying text between buffers and files.

(defun simple--insert-region-into (buffer start end how)
  "Insert the current buffer's text from START to END into BUFFER at its point.
HOW: `after' leaves BUFFER's point after it, `before' before it, `replace'
erases BUFFER first (point then at its start)."
  (let ((source (current-buffer)))
    (with-current-buffer (get-buffer-create buffer)
      (barf-if-buffer-read-only)
      (when (eq how 'replace) (erase-buffer))
      (if (eq how 'after)
          (insert-buffer-substring source start end)
        (save-excursion (insert-buffer-substring source start end))))))

(defun append-to-buffer (buffer start end)
  "Insert the region's text into BUFFER at its point, which moves past it."
  (interactive "BAppend to buffer: \nr")
  (simple--insert-region-into buffer start end 'after))

(defun prepend-to-buffer (buffer start end)
  "Insert the region's text into BUFFER at its point, which stays before it."
  (interactive "BPrepend to buffer: \nr")
  (simple--insert-region-into buffer start end 'before))

(defun copy-to-buffer (buffer start end)
  "Replace BUFFER's text with the region's, point at its start."
  (interactive "BCopy to buffer: \nr")
  (simple--insert-region-into buffer start end 'replace))

(defun insert-buffer (buffer)
  "Insert BUFFER's text after point, with the mark after it."
  (interactive "*bInsert buffer: ")
  (push-mark (save-excursion (insert-buffer-substring (get-buffer buffer)) (point)))
  nil)

(defun append-to-file (start end filename)
  "Append the region (or START as a string) to FILENAME."
  (interactive "r\nFAppend to file: ")
  (write-region start end filename t))

;;; Killing words.

(defun simple--kill-moving (motion arg)
  "Kill from point to where the motion command MOTION goes with ARG."
  (kill-region (point) (progn (funcall motion arg) (point))))

(defun kill-word (arg)
  "Kill the text to the end of the ARGth word from point."
  (interactive "p")
  (simple--kill-moving #'forward-word arg))

(defun backward-kill-word (arg)
  "Kill the text back to the start of the ARGth word before point."
  (interactive "p")
  (kill-word (- arg)))

;;; Pages (page.el).

(defvar page-delimiter "^\014" "What a line that starts a page begins with.")

(defun forward-page (&optional count)
  "Move past COUNT page boundaries (back if COUNT is negative)."
  (interactive "p")
  (setq count (or count 1))
  (while (and (> count 0) (not (eobp)))
    (when (bolp) (forward-char 1))
    (unless (re-search-forward page-delimiter nil t)
      (goto-char (point-max)))
    (setq count (1- count)))
  (while (and (< count 0) (not (bobp)))
    ;; Right after a delimiter: start from before it.
    (when (and (save-excursion (re-search-backward page-delimiter nil t))
               (= (match-end 0) (point)))
      (goto-char (match-beginning 0)))
    (unless (bobp)
      (forward-char -1)
      (goto-char (if (re-search-backward page-delimiter nil t) (match-end 0) (point-min))))
    (setq count (1+ count))))

(defun backward-page (&optional count)
  "Move back past COUNT page boundaries."
  (interactive "p")
  (forward-page (- (or count 1))))

(defun forward-to-indentation (&optional arg)
  "Move ARG lines down and past their indentation."
  (interactive "^p")
  (forward-line (or arg 1))
  (skip-chars-forward " \t"))

(defun backward-to-indentation (&optional arg)
  "Move ARG lines up and past their indentation."
  (interactive "^p")
  (forward-line (- (or arg 1)))
  (skip-chars-forward " \t"))

(defun delete-forward-char (n &optional killflag)
  "Delete N characters forward (kill them if KILLFLAG); with an active region and N 1, the region."
  (interactive "p\nP")
  (unless (integerp n) (signal 'wrong-type-argument (list 'integerp n)))
  (if (and (use-region-p) (= n 1))
      (delete-region (region-beginning) (region-end))
    (delete-char n killflag)))

(defun kill-sexp (&optional arg _interactive)
  "Kill the ARG balanced expressions after point (before it if ARG < 0)."
  (interactive "p\nd")
  (let ((from (point)))
    (forward-sexp (or arg 1))
    (kill-region from (point))))

(defun backward-kill-sexp (&optional arg interactive)
  "Kill the ARG balanced expressions before point."
  (interactive "p\nd")
  (kill-sexp (- (or arg 1)) interactive))

;;; Transposing.

(defun transpose-subr-1 (pos1 pos2)
  "Exchange the text of the regions POS1 and POS2, (START . END) each."
  (when (> (car pos1) (cdr pos1)) (setq pos1 (cons (cdr pos1) (car pos1))))
  (when (> (car pos2) (cdr pos2)) (setq pos2 (cons (cdr pos2) (car pos2))))
  (when (> (car pos1) (car pos2)) (setq pos1 (prog1 pos2 (setq pos2 pos1))))
  (when (> (cdr pos1) (car pos2)) (error "Don't have two things to transpose"))
  (let* ((second (buffer-substring (car pos2) (cdr pos2)))
         (first-length (- (cdr pos1) (car pos1)))
         (boundary (copy-marker (car pos2))))
    ;; The second goes in after the first, then the first where the second was.
    (goto-char (cdr pos1))
    (insert-before-markers second)
    (let ((first (delete-and-extract-region (car pos1) (+ (car pos1) first-length))))
      (goto-char boundary)
      (insert first))
    (goto-char (+ boundary first-length))
    (delete-region (point) (+ (point) (length second)))
    (set-marker boundary nil)))

(defun transpose-subr (mover arg &optional special)
  "Drag the thing before point (as MOVER moves over things) past ARG others;
ARG 0 exchanges the things at point and mark. With SPECIAL, MOVER returns the
\(START . END) of a thing itself."
  (let ((bounds (if special
                    mover
                  (lambda (n) (cons (progn (funcall mover n) (point))
                                    (progn (funcall mover (- n)) (point))))))
        first second)
    (cond
     ((= arg 0)
      (save-excursion
        (setq first (funcall bounds 1))
        (goto-char (or (mark) (error "No mark set in this buffer")))
        (setq second (funcall bounds 1))
        (transpose-subr-1 first second))
      (exchange-point-and-mark))
     ((> arg 0)
      (setq first (funcall bounds -1))
      (setq second (funcall bounds arg))
      (transpose-subr-1 first second)
      (goto-char (car second)))
     (t
      (setq first (funcall bounds -1))
      (goto-char (car first))
      (setq second (funcall bounds arg))
      (transpose-subr-1 first second)
      (goto-char (+ (car second) (- (cdr first) (car first))))))))

(defun transpose-chars (arg)
  "Drag the character before point past ARG others; at the end of a line
without ARG, exchange the two characters before point."
  (interactive "*P")
  (when (and (null arg) (eolp) (not (bobp)))
    (forward-char -1))
  (transpose-subr #'forward-char (prefix-numeric-value arg)))

(defun transpose-words (arg)
  "Drag the word before point past ARG others."
  (interactive "*p")
  (transpose-subr #'forward-word arg))

(defun transpose-lines (arg)
  "Drag the line before point's past ARG others."
  (interactive "*p")
  (transpose-subr (lambda (n)
                    (if (> n 0)
                        (let ((left (forward-line n)))
                          (unless (eq (preceding-char) ?\n) (setq left (1+ left)))
                          (when (> left 0) (newline left)))
                      (forward-line n)))
                  arg))

(defun transpose-sexps (arg &optional interactive)
  "Drag the balanced expression before point past ARG others."
  (interactive "*p\nd")
  (if interactive
      (condition-case nil
          (transpose-sexps arg nil)
        (scan-error (user-error "Not between two complete sexps")))
    (transpose-subr
     (lambda (n)
       (let ((skip (if (> n 0) #'skip-syntax-backward #'skip-syntax-forward)))
         (if (if (> n 0)
                 (looking-at "\\sw\\|\\s_")
               (and (not (bobp)) (save-excursion (forward-char -1) (looking-at "\\sw\\|\\s_"))))
             ;; On a symbol, perhaps inside it.
             (progn (funcall skip "w_")
                    (cons (save-excursion (forward-sexp n) (point)) (point)))
           (funcall skip " .")
           (cons (save-excursion (forward-sexp n) (point))
                 (progn (while (or (forward-comment (if (> n 0) 1 -1))
                                   (not (zerop (funcall (if (> n 0) #'skip-syntax-forward #'skip-syntax-backward) ".")))))
                        (point))))))
     arg 'special)))
