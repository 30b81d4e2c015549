;;; lisp-mode.el --- indenting Lisp code  -*- lexical-binding: t -*-

;; The indentation of Emacs 28's lisp-mode: calculate-lisp-indent, the
;; lisp-indent-function property of the head of each form (defun-like,
;; a count of special arguments, or a function), keyword alignment,
;; indent-sexp, lisp-indent-line and lisp-indent-region; used by pp and by
;; indent-region in Lisp buffers.

(require 'indent)

(defvar lisp-body-indent 2)
(defvar lisp-indent-offset nil)
(defvar lisp-indent-function 'lisp-indent-function)
(defvar calculate-lisp-indent-last-sexp nil)

;; Indentation of Emacs 28's special forms and of the macros defined here
;; without a (declare (indent ...)).
(dolist (entry '((atomic-change-group . 0) (autoload . defun) (benchmark-progn . 0) (benchmark-run . 1)
                 (catch . 1) (cl-defgeneric . 2) (cl-defmethod . defun) (combine-after-change-calls . 0)
                 (condition-case . 2) (condition-case-unless-debug . 2) (define-advice . 2)
                 (define-inline . defun) (defmacro . 2) (defun . 2) (delay-mode-hooks . 0) (dlet . 1)
                 (dolist . 1) (dolist-with-progress-reporter . 2) (dotimes . 1)
                 (dotimes-with-progress-reporter . 2) (ert-deftest . 2) (eval-after-load . 1)
                 (eval-and-compile . 0) (eval-when-compile . 0) (gv-define-setter . 2) (if . 2)
                 (if-let . 2) (ignore-error . 1) (ignore-errors . 0) (lambda . defun) (let . 1) (let* . 1)
                 (let-alist . 1) (letrec . 1) (macroexp-let2 . 3) (pcase . 1) (pcase-dolist . 1)
                 (pcase-exhaustive . 1) (pcase-lambda . defun) (pcase-let . 1) (pcase-let* . 1)
                 (prog1 . 1) (prog2 . 2) (progn . 0) (rx-define . defun) (rx-let . 1) (rx-let-eval . 1)
                 (save-current-buffer . 0) (save-excursion . 0) (save-mark-and-excursion . 0)
                 (save-match-data . 0) (save-restriction . 0) (unless . 1) (unwind-protect . 1) (when . 1)
                 (when-let . 1) (while . 1) (with-case-table . 1) (with-current-buffer . 1)
                 (with-demoted-errors . 1) (with-eval-after-load . 1) (with-local-quit . 0)
                 (with-no-warnings . 0) (with-output-to-string . 0) (with-output-to-temp-buffer . 1)
                 (with-silent-modifications . 0) (with-syntax-table . 1) (with-temp-buffer . 0)
                 (with-temp-file . 1) (with-temp-message . 1) (with-timeout . 1)))
  (unless (get (car entry) 'lisp-indent-function)
    (put (car entry) 'lisp-indent-function (cdr entry))))

(defun lisp-indent--first-on-line-of (pos)
  "Move to the first complete sexp on the line of POS (before or at POS)."
  (goto-char pos)
  (beginning-of-line)
  (parse-partial-sexp (point) pos 0 t)
  (backward-prefix-chars))

(defun calculate-lisp-indent (&optional parse-start)
  "The column the current line should have, or nil inside a string.
A list (COLUMN START) means lines after it in the same form may differ.
PARSE-START is where parsing starts (the start of the buffer by default),
or (:state . STATE) with the parse state at the start of this line."
  (save-excursion
    (beginning-of-line)
    (let ((indent-point (point)) (state nil) (retry t) (containing nil) (fixed nil)
          (calculate-lisp-indent-last-sexp nil))
      (if (eq (car-safe parse-start) :state)
          (setq state (cdr parse-start))
        (goto-char (or parse-start (point-min)))
        (while (< (point) indent-point)
          (setq state (parse-partial-sexp (point) indent-point 0))))
      ;; Down to the innermost list holding the line.
      (while (and retry state (> (nth 0 state) 0))
        (setq retry nil
              calculate-lisp-indent-last-sexp (nth 2 state)
              containing (nth 1 state))
        (goto-char (1+ containing))
        (when (and calculate-lisp-indent-last-sexp (> calculate-lisp-indent-last-sexp (point)))
          (let ((peek (parse-partial-sexp calculate-lisp-indent-last-sexp indent-point 0)))
            (when (setq retry (nth 1 peek)) (setq state peek)))))
      (unless retry
        (goto-char (1+ containing))
        (if (not calculate-lisp-indent-last-sexp)
            ;; The line follows the open paren at once.
            (setq fixed (current-column))
          (parse-partial-sexp (point) calculate-lisp-indent-last-sexp 0 t)
          (cond ((looking-at "\\s("))
                ((> (save-excursion (forward-line 1) (point)) calculate-lisp-indent-last-sexp)
                 ;; The first line of the form's arguments: under the first argument.
                 (unless (= (point) calculate-lisp-indent-last-sexp)
                   (forward-sexp 1)
                   (parse-partial-sexp (point) calculate-lisp-indent-last-sexp 0 t))
                 (backward-prefix-chars))
                (t (lisp-indent--first-on-line-of calculate-lisp-indent-last-sexp)))))
      (let ((normal-indent (current-column)))
        (cond ((nth 3 state) nil)
              ((and (integerp lisp-indent-offset) containing)
               (goto-char containing)
               (+ (current-column) lisp-indent-offset))
              (calculate-lisp-indent-last-sexp
               (or (and lisp-indent-function (not retry)
                        (funcall lisp-indent-function indent-point state))
                   (lisp-indent--keyword-column indent-point containing)
                   normal-indent))
              (fixed)
              (t normal-indent))))))

(defun lisp-indent--keyword-column (indent-point containing)
  ;; A line starting with a keyword goes under the keyword before it, if one
  ;; of the last two elements is a keyword.
  (and (save-excursion (goto-char indent-point) (skip-chars-forward " \t") (looking-at ":"))
       (save-excursion
         (goto-char calculate-lisp-indent-last-sexp)
         (backward-prefix-chars)
         (while (not (or (looking-back "^[ \t]*\\|([ \t]+" (line-beginning-position))
                         (and containing (>= (1+ containing) (point)))))
           (forward-sexp -1)
           (backward-prefix-chars))
         (setq calculate-lisp-indent-last-sexp (point)))
       (> calculate-lisp-indent-last-sexp
          (save-excursion
            (goto-char (1+ containing))
            (parse-partial-sexp (point) calculate-lisp-indent-last-sexp 0 t)
            (point)))
       (let ((parse-sexp-ignore-comments t) (column nil))
         (goto-char calculate-lisp-indent-last-sexp)
         (or (and (looking-at ":") (setq column (current-column)))
             (and (< (line-beginning-position) (prog2 (backward-sexp) (point)))
                  (looking-at ":")
                  (setq column (current-column))))
         column)))

(defun lisp-indent-function (indent-point state)
  (let ((normal-indent (current-column)))
    (goto-char (1+ (nth 1 state)))
    (parse-partial-sexp (point) calculate-lisp-indent-last-sexp 0 t)
    (if (and (nth 2 state) (not (looking-at "\\sw\\|\\s_")))
        ;; The head is not a symbol: under the list, or the first sexp on the last sexp's line.
        (progn
          (unless (> (save-excursion (forward-line 1) (point)) calculate-lisp-indent-last-sexp)
            (goto-char calculate-lisp-indent-last-sexp)
            (beginning-of-line)
            (parse-partial-sexp (point) calculate-lisp-indent-last-sexp 0 t))
          (backward-prefix-chars)
          (current-column))
      (let* ((name (buffer-substring (point) (progn (forward-sexp 1) (point))))
             (symbol (intern-soft name))
             (method (and symbol (or (function-get symbol 'lisp-indent-function)
                                     (get symbol 'lisp-indent-hook)))))
        (cond ((or (eq method 'defun)
                   (and (null method) (> (length name) 3) (string-match "\\`def" name)))
               (lisp-indent-defform state indent-point))
              ((integerp method)
               (lisp-indent-specform method state indent-point normal-indent))
              (method (funcall method indent-point state)))))))

(defun lisp-indent-specform (count state indent-point normal-indent)
  ;; The first COUNT arguments are special: the first two indented twice the
  ;; body indentation, the rest as usual; the body by lisp-body-indent.
  (let* ((start (nth 1 state))
         (column (progn (goto-char start) (current-column)))
         (body-indent (+ lisp-body-indent column))
         (left count))
    (forward-char 1)
    (forward-sexp 1)
    (parse-partial-sexp (point) indent-point 1 t)
    (while (and (< (point) indent-point)
                (condition-case nil
                    (progn (setq left (1- left))
                           (forward-sexp 1)
                           (parse-partial-sexp (point) indent-point 1 t))
                  (error nil))))
    (if (> left 0)
        (if (<= (- count left) 1)
            (list (+ column (* 2 lisp-body-indent)) start)
          (list normal-indent start))
      (if (or (and (= count 0) (= left 0))
              (and (= left 0) (<= body-indent normal-indent)))
          body-indent
        normal-indent))))

(defun lisp-indent-defform (state _indent-point)
  (goto-char (nth 1 state))
  (forward-line 1)
  (when (> (point) (nth 2 state))
    (goto-char (nth 1 state))
    (+ lisp-body-indent (current-column))))

(defun indent-sexp (&optional endpos)
  "Indent the lines after this one that are inside a list begun after point (up to ENDPOS)."
  (interactive nil)
  (save-excursion
    (let* ((end (and endpos (copy-marker endpos)))
           (from (point))
           (state (progn (forward-line 1) (parse-partial-sexp from (point)))))
      (while (and (not (eobp)) (> (nth 0 state) 0) (or (null end) (< (point) end)))
        (unless (looking-at "[ \t]*$")
          (let ((indent (calculate-lisp-indent (cons :state state))))
            (when (consp indent) (setq indent (car indent)))
            (when indent (indent-line-to indent))))
        (beginning-of-line)
        (let ((line (point)))
          (forward-line 1)
          (setq state (parse-partial-sexp line (point) nil nil state))))
      (when end (set-marker end nil)))))

;; Lines and regions.

(defun lisp-indent-line (&optional indent)
  (interactive nil)
  ;; A line in a string, or a ;;; comment, keeps its indentation.
  (let ((pos (- (point-max) (point))))
    (beginning-of-line)
    (let ((indent (or indent (calculate-lisp-indent (lisp-indent--defun-start)))))
      (skip-chars-forward " \t")
      (if (or (null indent) (looking-at "\\s<\\s<\\s<"))
          (goto-char (- (point-max) pos))
        (indent-line-to (if (consp indent) (car indent) indent))
        (when (> (- (point-max) pos) (point))
          (goto-char (- (point-max) pos)))))))

(defun lisp-indent--defun-start ()
  "Where the top-level form holding point starts: an open paren in column 0."
  (save-excursion
    (beginning-of-line)
    (if (re-search-backward "^\\s(" nil t) (point) (point-min))))

(defun beginning-of-defun (&optional arg)
  (interactive "^p")
  (let ((n (or arg 1)))
    (if (> n 0)
        (progn (when (and (bolp) (looking-at "\\s(")) nil)
               (and (re-search-backward "^\\s(" nil 'move n) t))
      (forward-char 1)
      (and (re-search-forward "^\\s(" nil 'move (- n)) (progn (backward-char 1) t)))))

(defun lisp-indent--next-state (ppss from)
  "Parse from FROM (where PPSS was taken) to the end of this line, and on to a string's end if the line ends in one.
Keeps the last complete sexp of PPSS when the line closes none at the same
depth. Point ends at the end of the line parsed."
  (let ((depth (car ppss)) (last (nth 2 ppss)) (done nil))
    (while (not done)
      (setq ppss (parse-partial-sexp from (line-end-position) nil nil ppss))
      (if (and (not (nth 2 ppss)) (= depth (car ppss)))
          (setq ppss (append (list (nth 0 ppss) (nth 1 ppss) last) (nthcdr 3 ppss)))
        (setq last (nth 2 ppss)))
      (setq depth (car ppss))
      (if (and (not (eobp)) (nth 3 ppss))
          ;; Past the newlines of a string: it is the last complete sexp.
          (let ((string-start (nth 8 ppss)))
            (setq ppss (parse-partial-sexp (point) (point-max) nil nil ppss 'syntax-table))
            (setq ppss (append (list (nth 0 ppss) (nth 1 ppss) string-start) (nthcdr 3 ppss)))
            (setq depth (car ppss) last string-start from (point)))
        (setq done t)))
    ppss))

(defun lisp-indent-region (start end)
  "Indent each line from START to END as Lisp code, carrying the parse state along."
  (save-excursion
    (let ((end (copy-marker end))
          (reporter (make-progress-reporter "Indenting region..." (point) end)))
      (goto-char start)
      (beginning-of-line)
      (let ((ppss (parse-partial-sexp (lisp-indent--defun-start) (point)))
            (ppss-point (point)))
        (unless (or (looking-at "[ \t]*$") (nth 3 ppss))
          (lisp-indent-line (calculate-lisp-indent (cons :state ppss))))
        (while (progn
                 ;; The state reaches the end of the line; the newline is parsed with the next.
                 (setq ppss (lisp-indent--next-state ppss ppss-point)
                       ppss-point (point))
                 (and (= (forward-line 1) 0) (< (point) end)))
          ;; The state at the end of the line before serves: only a comment ends at the newline.
          ;; A ;;; comment keeps its place, as with lisp-indent-line.
          (unless (looking-at "[ \t]*\\(?:$\\|\\s<\\s<\\s<\\)")
            (let ((indent (calculate-lisp-indent (cons :state ppss))))
              (when indent (indent-line-to (if (consp indent) (car indent) indent)))))
          (progress-reporter-update reporter (point))))
      (progress-reporter-done reporter)
      (set-marker end nil))))

(provide 'lisp-mode)
