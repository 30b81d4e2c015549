;;; thingatpt.el --- the symbol, word, sexp, line, number, file name or URL at point  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's thingatpt.el for the things below,
;; checked against it. A thing is found by moving over it with its
;; forward-THING function (or the thing's beginning-op and end-op
;; properties), or by its own bounds-of-thing-at-point property.

(defun forward-thing (thing &optional n)
  (let ((forward-op (or (get thing 'forward-op)
                        (intern-soft (format "forward-%s" thing)))))
    (if (functionp forward-op)
        (funcall forward-op (or n 1))
      (error "Can't determine how to move over a %s" thing))))

(defun thing-at-point--move (thing op direction)
  (let ((fn (get thing op)))
    (if fn (funcall fn) (forward-thing thing direction))))

;; Move to the thing's end and back to its start; if that start is after
;; point, try the other way round, for a thing that ends at point.
(defun bounds-of-thing-at-point (thing)
  (let ((own (get thing 'bounds-of-thing-at-point)))
    (cond
     (own (funcall own))
     (t
      (let ((orig (point)))
        (ignore-errors
          (save-excursion
            (thing-at-point--move thing 'end-op 1)
            (thing-at-point--move thing 'beginning-op -1)
            (let ((beg (point)))
              (if (<= beg orig)
                  (let ((end (progn (thing-at-point--move thing 'end-op 1) (point))))
                    (when (and (<= orig end) (< beg end))
                      (cons beg end)))
                (goto-char orig)
                (thing-at-point--move thing 'beginning-op -1)
                (thing-at-point--move thing 'end-op 1)
                (let* ((end (point))
                       (beg (progn (thing-at-point--move thing 'beginning-op -1) (point))))
                  (when (and (<= beg orig) (<= orig end) (< beg end))
                    (cons beg end))))))))))))

(defun thing-at-point (thing &optional no-properties)
  (let ((text (if (get thing 'thing-at-point)
                  (funcall (get thing 'thing-at-point))
                (let ((bounds (bounds-of-thing-at-point thing)))
                  (when bounds (buffer-substring (car bounds) (cdr bounds)))))))
    (if (and no-properties (stringp text))
        (substring-no-properties text)
      text)))

(defun beginning-of-thing (thing)
  (let ((bounds (bounds-of-thing-at-point thing)))
    (unless bounds (error "No %s here" thing))
    (goto-char (car bounds))))

(defun end-of-thing (thing)
  (let ((bounds (bounds-of-thing-at-point thing)))
    (unless bounds (error "No %s here" thing))
    (goto-char (cdr bounds))))

(defun thing-at-point-looking-at (regexp &optional distance)
  "Non-nil if point is in or just after a match for REGEXP; the match data then describes it."
  (save-excursion
    (let* ((old (point))
           (low (and distance (max (point-min) (- old distance))))
           (match nil)
           (searching t))
      (when (and (looking-at regexp) (>= (match-end 0) old))
        (setq match old))
      ;; Back from DISTANCE after point (or the end) through the matches a
      ;; backward search finds: past those after point, and on while,
      ;; taken whole, they reach point.
      (goto-char (if distance (min (point-max) (+ old distance)) (point-max)))
      (while searching
        (let ((from (point)))
          (setq searching
                (and (re-search-backward regexp low t)
                     (< (point) from)
                     (or (> (match-beginning 0) old)
                         (and (looking-at regexp)
                              (>= (match-end 0) old)
                              (setq match (point))))))))
      (when match
        ;; Then a character at a time, for a match the search stepped over.
        (goto-char match)
        (while (and (not (bobp))
                    (progn (backward-char 1) (looking-at regexp))
                    (>= (match-end 0) old))
          (setq match (point)))
        (goto-char match)
        (looking-at regexp)))))

;;; Symbols, words and whitespace.

(defun forward-symbol (arg)
  (interactive "^p")
  (if (natnump arg)
      (re-search-forward "\\(\\sw\\|\\s_\\)+" nil 'move arg)
    (while (< arg 0)
      (when (re-search-backward "\\(\\sw\\|\\s_\\)+" nil 'move)
        (skip-syntax-backward "w_"))
      (setq arg (1+ arg)))))

(defun forward-whitespace (arg)
  (interactive "^p")
  (if (natnump arg)
      (re-search-forward "[ \t]+\\|\n" nil 'move arg)
    (while (< arg 0)
      (when (re-search-backward "[ \t]+\\|\n" nil 'move)
        (unless (eq (char-after (match-beginning 0)) ?\n)
          (skip-chars-backward " \t")))
      (setq arg (1+ arg)))))

;; Back to a symbol's start, or nowhere when none is before point.
(put 'symbol 'beginning-op
     (lambda () (when (re-search-backward "\\(\\sw\\|\\s_\\)+" nil t)
                  (skip-syntax-backward "w_"))))

(defun symbol-at-point ()
  (let ((name (thing-at-point 'symbol t)))
    (and name (intern name))))

(defun word-at-point (&optional no-properties)
  (thing-at-point 'word no-properties))

(defun sentence-at-point (&optional no-properties)
  (thing-at-point 'sentence no-properties))

;;; Lines and expressions.

(put 'line 'beginning-op (lambda () (if (bolp) (forward-line -1) (beginning-of-line))))

;; Emacs 28 compares syntax-after's descriptor with ?\) and ?\", which never
;; holds: these come down to forward-sexp, staying put at a list's edge.
(defun thing-at-point--end-of-sexp ()
  (condition-case nil (forward-sexp 1) (scan-error nil)))

(defun thing-at-point--beginning-of-sexp ()
  (condition-case nil (forward-sexp -1) (scan-error nil)))

(put 'sexp 'end-op #'thing-at-point--end-of-sexp)
(put 'sexp 'beginning-op #'thing-at-point--beginning-of-sexp)

(defun sexp-at-point ()
  (let ((text (thing-at-point 'sexp t)))
    (and text (ignore-errors (car (read-from-string text))))))

;;; Numbers.

(defun number-at-point ()
  (cond ((thing-at-point-looking-at "\\(0x\\|#x\\)\\([a-fA-F0-9]+\\)" 500)
         (string-to-number (match-string 2) 16))
        ((thing-at-point-looking-at "-?[0-9]+\\.?[0-9]*" 500)
         (string-to-number (match-string 0)))))

(put 'number 'thing-at-point #'number-at-point)

;;; File names and URLs.

(defvar thing-at-point-file-name-chars "-@~/[:alnum:]_.${}#%,:"
  "Characters allowable in filenames.")

(put 'filename 'end-op
     (lambda () (re-search-forward (concat "\\=[" thing-at-point-file-name-chars "]*") nil t)))
(put 'filename 'beginning-op
     (lambda () (if (re-search-backward (concat "[^" thing-at-point-file-name-chars "]") nil t)
                    (forward-char)
                  (goto-char (point-min)))))

(defvar thing-at-point-url-regexp
  (concat "\\<\\(https?\\|ftps?\\|file\\|mailto\\|news\\|telnet\\|ssh\\|git\\):"
          ;; Any characters but blanks, quotes and brackets; not ending with . , or ;.
          "[^]\t\n \"'<>[^`{}]*[^]\t\n \"'<>[^`{}.,;]"))

(defun thing-at-point-bounds-of-url-at-point (&optional _lax)
  (when (thing-at-point-looking-at thing-at-point-url-regexp 200)
    (cons (match-beginning 0) (match-end 0))))

(put 'url 'bounds-of-thing-at-point #'thing-at-point-bounds-of-url-at-point)

(defun thing-at-point-url-at-point (&optional lax bounds)
  (let ((b (or bounds (thing-at-point-bounds-of-url-at-point lax))))
    (and b (buffer-substring-no-properties (car b) (cdr b)))))

(put 'url 'thing-at-point #'thing-at-point-url-at-point)

(defvar thing-at-point-email-regexp
  "<?[-+_.~a-zA-Z][-+_.~:a-zA-Z0-9]*@[-.a-zA-Z0-9]+>?")

(put 'email 'bounds-of-thing-at-point
     (lambda ()
       (when (thing-at-point-looking-at thing-at-point-email-regexp 500)
         (cons (match-beginning 0) (match-end 0)))))

(provide 'thingatpt)

;;; thingatpt.el ends here
