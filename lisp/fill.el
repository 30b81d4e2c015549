;;; fill.el --- paragraphs and filling: forward-paragraph, fill-region, fill-paragraph  -*- lexical-binding: t -*-

;; Paragraphs as fundamental mode sees them (separated by blank lines), and
;; Emacs's filling of them: lines joined with canonical spacing (two spaces
;; after a sentence end when `sentence-end-double-space'), broken again at
;; the last space that keeps a line within `fill-column', each line
;; starting with the fill prefix (given, or found by adaptive filling from
;; the paragraph's first two lines). Justification is not done.

(defvar paragraph-start "\f\\|[ \t]*$")
(defvar paragraph-separate "[ \t\f]*$")
(defvar sentence-end-double-space t)
(defvar adaptive-fill-mode t)
(defvar adaptive-fill-regexp "[-–!|#%;>*·•‣⁃◦ \t]*")
(defvar adaptive-fill-first-line-regexp "\\`[ \t]*\\'")
(defvar adaptive-fill-function nil)
(defvar fill-individual-varying-indent nil)
(defvar fill-paragraph-function nil)

(defun current-fill-column ()
  "The column at which filling breaks lines: `fill-column'."
  fill-column)

;;;; Paragraphs

(defun paragraph--separator-line-p ()
  (save-excursion (beginning-of-line) (looking-at paragraph-separate)))

(defun forward-paragraph (&optional arg)
  "Move past the end of the next ARG paragraphs (back with a negative ARG); return the count not moved."
  (interactive "^p")
  (setq arg (or arg 1))
  (while (and (> arg 0) (not (eobp)))
    ;; Skip separator lines, then the paragraph's lines.
    (beginning-of-line)
    (while (and (not (eobp)) (paragraph--separator-line-p)) (forward-line 1))
    (when (not (eobp)) (forward-line 1))
    (while (and (not (eobp))
                (not (save-excursion (looking-at paragraph-start))))
      (forward-line 1))
    (setq arg (1- arg)))
  (while (and (< arg 0) (not (bobp)))
    (backward-paragraph--one)
    (setq arg (1+ arg)))
  arg)

(defun backward-paragraph--one ()
  "Move back to where this paragraph begins, or the previous one when already there.
A paragraph begins at the empty line before it, if there is one, else at its first line."
  (let ((orig (point)) (done nil))
    (forward-line 0)
    (while (not done)
      (while (and (not (bobp)) (paragraph--separator-line-p)) (forward-line -1))
      (if (paragraph--separator-line-p)
          (progn (goto-char (point-min)) (setq done t))
        (while (and (not (bobp))
                    (not (save-excursion (forward-line -1) (paragraph--separator-line-p))))
          (forward-line -1))
        (let ((landing (if (and (not (bobp)) (save-excursion (forward-line -1) (eolp)))
                           (line-beginning-position 0)
                         (point))))
          (cond ((< landing orig) (goto-char landing) (setq done t))
                ((bobp) (goto-char (point-min)) (setq done t))
                (t (forward-line -1))))))))

(defun backward-paragraph (&optional arg)
  "Move back to the start of this or the ARGth previous paragraph."
  (interactive "^p")
  (forward-paragraph (- (or arg 1))))

(defun mark-paragraph (&optional arg _allow-extend)
  "Put point at the start of this paragraph and the mark at its end."
  (interactive "p\np")
  (forward-paragraph (or arg 1))
  (push-mark nil t t)
  (backward-paragraph (or arg 1)))

;;;; The fill prefix

(defun fill--adaptive-prefix ()
  "The adaptive fill prefix at point (a line start), or nil."
  (cond ((and adaptive-fill-regexp (looking-at adaptive-fill-regexp))
         (match-string-no-properties 0))
        (adaptive-fill-function (funcall adaptive-fill-function))))

(defun fill--common-prefix (a b)
  (let ((i 0) (n (min (length a) (length b))))
    (while (and (< i n) (eq (aref a i) (aref b i))) (setq i (1+ i)))
    (and (> i 0) (substring a 0 i))))

(defun fill-context-prefix (from to &optional _first-line-regexp)
  "The fill prefix adaptive filling finds for the paragraph from FROM to TO, or nil."
  (save-excursion
    (goto-char from)
    (when (eolp) (forward-line 1))
    (beginning-of-line)
    (let ((first (fill--adaptive-prefix)) second)
      (forward-line 1)
      (if (< (point) to)
          (progn
            (setq second (unless (looking-at paragraph-start) (fill--adaptive-prefix)))
            (when second
              (unless first (setq first ""))
              ;; The second line's prefix, when the first line's has its non-blank parts.
              (let ((re "\\`") (rest second))
                (while (string-match "\\`[ \t]*\\([^ \t]+\\)" rest)
                  (setq re (concat re ".*" (regexp-quote (match-string 1 rest)))
                        rest (substring rest (match-end 0))))
                (if (string-match re first) second (fill--common-prefix first second)))))
        (when first
          (let ((result (if (string-match adaptive-fill-first-line-regexp first)
                            first
                          (make-string (string-width first) ?\s))))
            (unless (eq 0 (string-match paragraph-start (concat result "a")))
              result)))))))

;;;; Filling

(defun fill--sentence-end-p (text i)
  "Whether TEXT ends a sentence just before index I (a period, ? or !, maybe closing quotes or brackets)."
  (let ((j i))
    (while (and (> j 0) (memq (aref text (1- j)) '(?\" ?' ?\) ?\] ?} ?”)))
      (setq j (1- j)))
    (and (> j 0) (memq (aref text (1- j)) '(?. ?? ?!)))))

(defun fill--words (text)
  "TEXT split into words, each with the spaces that go before it: (SPACES . WORD)."
  (let ((words nil) (pos 0) (len (length text)))
    (while (< pos len)
      (let ((ws-start pos) (had-newline nil))
        (while (and (< pos len) (memq (aref text pos) '(?\s ?\t ?\n)))
          (when (eq (aref text pos) ?\n) (setq had-newline t))
          (setq pos (1+ pos)))
        (let ((word-start pos))
          (while (and (< pos len) (not (memq (aref text pos) '(?\s ?\t ?\n))))
            (setq pos (1+ pos)))
          (when (> pos word-start)
            (let* ((run (- word-start ws-start))
                   (spaces (cond ((null words) 0)
                                 ((and sentence-end-double-space
                                       (fill--sentence-end-p text ws-start)
                                       (or had-newline (>= run 2)))
                                  2)
                                 (t 1))))
              (push (cons spaces (substring text word-start pos)) words))))))
    (nreverse words)))

(defun fill--nobreak-before-p (previous spaces)
  "Whether a line may not break before a word that follows PREVIOUS after SPACES spaces:
after a period and a single space (French spacing), when sentences take two."
  (and sentence-end-double-space (= spaces 1)
       (string-match-p "[[:alnum:]]\\.\\'" previous)))

(defun fill--line-width (lead line)
  "The width of LEAD followed by LINE's words (newest first) with their spaces."
  (let ((w (string-width lead)))
    (dolist (e line w) (setq w (+ w (car e) (string-width (cdr e)))))))

(defun fill--line-text (lead line)
  (apply #'concat lead (mapcar (lambda (e) (concat (make-string (car e) ?\s) (cdr e))) (reverse line))))

(defun fill--last-break (line)
  "How many of LINE's newest words (LINE is newest first) go to the next line at its last allowed break, or nil."
  (let ((j 1) (found nil) (rest line))
    (while (and (cdr rest) (not found))
      (unless (fill--nobreak-before-p (cdr (cadr rest)) (car (car rest)))
        (setq found j))
      (setq j (1+ j) rest (cdr rest)))
    found))

(defun fill-region-as-paragraph (from to &optional _justify _nosqueeze _squeeze-after)
  "Fill the text from FROM to TO as one paragraph."
  (interactive "r")
  (let* ((from (min from to)) (to (copy-marker (max from to)))
         (prefix (or fill-prefix (and adaptive-fill-mode (fill-context-prefix from to)) "")))
    (goto-char from)
    (skip-chars-forward " \t\n" to)
    (beginning-of-line)
    (let* ((start (point))
           (end (progn (goto-char to) (skip-chars-backward " \t\n" start) (point)))
           ;; The whitespace after the text keeps only its line ends.
           (tail (replace-regexp-in-string "[ \t]" "" (buffer-substring-no-properties end to)))
           (lines (split-string (buffer-substring-no-properties start end) "\n"))
           ;; The first line keeps its own indentation; the others get the prefix.
           (first-lead (progn (string-match (concat "\\`" (if (string-prefix-p prefix (car lines)) (regexp-quote prefix) "") "[ \t]*")
                                            (car lines))
                              (match-string 0 (car lines))))
           (text (mapconcat (lambda (line)
                              (cond ((and (> (length prefix) 0) (string-prefix-p prefix line))
                                     (substring line (length prefix)))
                                    ;; A last line holding only the prefix (its blanks cut): nothing.
                                    ((and (> (length line) 0) (string-prefix-p line prefix)) "")
                                    (t (string-trim-left line))))
                            lines "\n"))
           (words (fill--words text))
           (out nil) (line nil) (lead first-lead) (width (current-fill-column)))
      ;; LINE holds (SPACES . WORD) pairs, newest first. After each word, an
      ;; overlong line is broken at its last allowed break, if it has one.
      (dolist (w words)
        (push (if line w (cons 0 (cdr w))) line)
        (let (j)
          (while (and (cdr line)
                      (> (fill--line-width lead line) width)
                      (setq j (fill--last-break line)))
            (let ((kept (nthcdr j line)) (carried (butlast line (- (length line) j))))
              (push (fill--line-text lead kept) out)
              (setq lead prefix
                    line (append (butlast carried) (list (cons 0 (cdr (car (last carried)))))))))))
      (when line (push (fill--line-text lead line) out))
      (delete-region start to)
      (goto-char start)
      (insert (mapconcat #'identity (nreverse out) "\n"))
      (save-excursion (insert tail))
      (set-marker to nil)
      nil)))

(defun fill-region (from to &optional justify nosqueeze _to-eop)
  "Fill each paragraph between FROM and TO."
  (interactive "r")
  (let ((end (copy-marker (max from to))))
    (save-excursion
      (goto-char (min from to))
      (while (progn (skip-chars-forward " \t\n\f" end) (< (point) end))
        (let ((start (line-beginning-position)))
          (forward-paragraph 1)
          ;; Filling leaves point after the paragraph's new text.
          (fill-region-as-paragraph start (min (point) end) justify nosqueeze)))
      (set-marker end nil))
    nil))

(defun fill-paragraph (&optional justify _region)
  "Fill the paragraph at point, or the next one when point is between paragraphs."
  (interactive "P")
  (if fill-paragraph-function
      (funcall fill-paragraph-function justify)
    (save-excursion
      (beginning-of-line)
      (while (and (not (eobp)) (paragraph--separator-line-p)) (forward-line 1))
      (while (and (not (bobp)) (not (save-excursion (forward-line -1) (paragraph--separator-line-p))))
        (forward-line -1))
      (let ((start (point)))
        (forward-paragraph 1)
        (fill-region-as-paragraph start (point) justify)))
    t))

(provide 'fill)

;;; Sentences (paragraphs.el).

(defvar sentence-end nil "The regexp of a sentence's end and the space after, or nil for the one `sentence-end' builds.")
(defvar sentence-end-base "[.?!\u2026\u203d][]\"'\u201d\u2019)}\u00bb\u203a]*" "What ends a sentence, before the space.")
(defvar sentence-end-without-period nil)
(defvar sentence-end-without-space "\u3002\uff0e\uff1f\uff01" "Characters that end a sentence with no space after.")

(defun sentence-end ()
  "The regexp of a sentence's end: the variable `sentence-end', or one made from
`sentence-end-base', `sentence-end-double-space' and the other sentence variables."
  (or sentence-end
      (concat (if sentence-end-without-period "\\w[ \u00a0][ \u00a0]\\|" "")
              "\\(" sentence-end-base
              (if sentence-end-double-space
                  "\\($\\|[ \u00a0]$\\|\t\\|[ \u00a0][ \u00a0]\\)"
                "\\($\\|[\t \u00a0]\\)")
              "\\|[" sentence-end-without-space "]+\\)"
              "[ \u00a0\t\n]*")))

(defun start-of-paragraph-text ()
  "Move to where the text of the paragraph at or before point begins."
  (let ((start (point)) paragraph)
    (forward-paragraph -1)
    (setq paragraph (point))
    (skip-chars-forward " \t\n")
    ;; Already at the text's start: the previous paragraph's.
    (when (and (>= (point) start) (< paragraph start))
      (goto-char paragraph)
      (when (> paragraph (point-min)) (start-of-paragraph-text)))))

(defun end-of-paragraph-text ()
  "Move to where the text of the paragraph at or after point ends."
  (let ((start (point)))
    (forward-paragraph 1)
    (when (eq (preceding-char) ?\n) (forward-char -1))
    (when (<= (point) start)
      (forward-char 1)
      (when (< (point) (point-max)) (end-of-paragraph-text)))))

(defun forward-sentence (&optional arg)
  "Move to the end of the ARGth sentence (back to starts when ARG < 0).
Paragraph boundaries end sentences too."
  (interactive "^p")
  (setq arg (or arg 1))
  (let ((end-re (sentence-end)))
    (while (< arg 0)
      (let ((pos (point)) text-start line-start)
        (save-excursion
          (start-of-paragraph-text)
          (setq text-start (point))
          (beginning-of-line)
          (setq line-start (point)))
        (if (and (re-search-backward end-re line-start t)
                 (or (< (match-end 0) pos) (re-search-backward end-re line-start t)))
            (goto-char (match-end 0))
          (goto-char text-start)))
      (setq arg (1+ arg)))
    (while (> arg 0)
      (let ((paragraph-end (save-excursion (end-of-paragraph-text) (point))))
        (if (re-search-forward end-re paragraph-end t)
            (skip-chars-backward " \t\n")
          (goto-char paragraph-end)))
      (setq arg (1- arg))))
  (point))

(defun backward-sentence (&optional arg)
  "Move to the start of the ARGth sentence back."
  (interactive "^p")
  (forward-sentence (- (or arg 1))))

(defun kill-sentence (&optional arg)
  "Kill to the end of the ARGth sentence."
  (interactive "p")
  (simple--kill-moving #'forward-sentence arg))

(defun backward-kill-sentence (&optional arg)
  "Kill back to the start of the ARGth sentence."
  (interactive "p")
  (simple--kill-moving #'backward-sentence arg))

(defun kill-paragraph (arg)
  "Kill to the end of the ARGth paragraph."
  (interactive "p")
  (simple--kill-moving #'forward-paragraph arg))

(defun backward-kill-paragraph (arg)
  "Kill back to the start of the ARGth paragraph."
  (interactive "p")
  (simple--kill-moving #'backward-paragraph arg))
