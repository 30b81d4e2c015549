;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): thing-at-point,
;; bounds-of-thing-at-point, symbol-at-point and number-at-point for symbols, words, sexps, lines,
;; numbers, whitespace, file names, URLs and e-mail addresses, at chosen and random points.
(require 'thingatpt)
(with-temp-buffer
  (insert "foo-bar (baz qux) 12.5 -7 /tmp/x.el http://example.com/a?b=1 word's end.  \nnext line")
  (dolist (pos '(1 4 8 9 10 13 17 18 19 21 23 24 27 30 40 50 66 70 74 77 79 84))
    (goto-char pos)
    (prin1 (list pos (thing-at-point 'symbol t) (thing-at-point 'word t) (thing-at-point 'sexp t) (thing-at-point 'line t) (thing-at-point 'number) (bounds-of-thing-at-point 'symbol) (bounds-of-thing-at-point 'sexp) (symbol-at-point) (number-at-point) (thing-at-point 'whitespace t) (thing-at-point 'filename t) (thing-at-point 'url t)))
    (terpri)))
(defvar fz-seed 31)
(defun fz-rand (n) (setq fz-seed (% (+ (* fz-seed 1103515245) 12345) 2147483648)) (% (/ fz-seed 65536) n))
(defconst fz-pieces ["foo" "-" "(" ")" " " "\n" "12" ".5" "-3" "0x1f" "\"s t\"" "'" "/a/b.c" "http://x.org/p?q=1" "a@b.org" "." "," "\t" "_x" "é"])
(defconst fz-things [symbol word sexp line number whitespace filename url email])
(dotimes (i 600)
  (let ((text "")) (dotimes (_ (fz-rand 8)) (setq text (concat text (aref fz-pieces (fz-rand (length fz-pieces))))))
    (with-temp-buffer
      (when (= (% i 3) 1) (set-syntax-table emacs-lisp-mode-syntax-table))
      (insert text)
      (let* ((pt (1+ (fz-rand (1+ (length text))))) (thing (aref fz-things (fz-rand (length fz-things)))))
        (goto-char pt)
        (prin1 (list (% i 3) text pt thing (condition-case e (list (thing-at-point thing t) (bounds-of-thing-at-point thing)) (error e)) (point)
                     (and (eq thing 'symbol) (symbol-at-point)) (and (eq thing 'number) (number-at-point))))
        (terpri)))))
