;;; -*- lexical-binding: t -*-
;; conformance: check-stderr
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): indent-region
;; in emacs-lisp-mode (lisp-indent-region, lisp-indent-line), and inhibit-message.
(with-temp-buffer
  (insert ";;; header\n(defun foo (x)\n\"Doc string\nsecond line.\"\n(let ((y 1)\n(z 2))\n;; comment\n(when x\n(message \"%s\" y)) ; trailing\n(list x\ny\nz)))\n\n(defvar bar\n'(a\nb))\n  ;;; three\n(if a\nb\nc)\n")
  (emacs-lisp-mode)
  (indent-region (point-min) (point-max))
  (princ (buffer-string))
  (princ (format "%S %S %S\n" indent-line-function indent-region-function indent-tabs-mode)))
(print (let ((inhibit-message t)) (message "not shown %d" 1)))
(with-temp-buffer
  (insert "(let ((a 1))\n(foo a\nb))\n")
  (emacs-lisp-mode)
  (goto-char (point-min)) (forward-line 1)
  (lisp-indent-line)
  (print (list (buffer-string) (point))))
;; Random objects pretty-printed.
(defvar pf-seed 17)
(defun pf-rand (n) (setq pf-seed (% (+ (* pf-seed 1103515245) 12345) 2147483648)) (% (/ pf-seed 65536) n))
(defun pf-pick (l) (nth (pf-rand (length l)) l))
(defun pf-atom ()
  (pf-pick '(1 -2 3.5 a bb c-d :key :other "s" "two words" "x\ny" nil t ?a foo-bar let if when defun lambda progn setq quote function dolist cond unless let* defvar cl-loop with-temp-buffer condition-case unwind-protect while interactive)))
(defun pf-obj (depth)
  (if (or (<= depth 0) (< (pf-rand 10) 3))
      (pf-atom)
    (pcase (pf-rand 9)
      (0 (vconcat (pf-list depth)))
      (1 (cons (pf-obj (1- depth)) (pf-obj (1- depth))))
      (2 (list 'quote (pf-obj (1- depth))))
      (3 (cons (pf-pick '(let if when defun lambda progn setq cond unless let* while condition-case unwind-protect dolist with-temp-buffer prog1 catch save-excursion defmacro)) (pf-list depth)))
      (4 (list '\` (list 'a (list '\, (pf-obj (1- depth))) (list '\,@ 'xs))))
      (_ (pf-list depth)))))
(defun pf-list (depth)
  (let (l) (dotimes (_ (pf-rand 6)) (push (pf-obj (1- depth)) l)) l))
(dotimes (i 120)
  (let* ((o (pf-obj (1+ (pf-rand 4))))
         (text (pp-to-string o)))
    (with-temp-buffer
      (insert (replace-regexp-in-string "^[ \t]+" (lambda (_) (make-string (pf-rand 5) ?\s)) text))
      (when (= (pf-rand 3) 0) (goto-char (point-min)) (forward-line (pf-rand 3)) (insert ";; c\n"))
      (emacs-lisp-mode)
      (let ((inhibit-message t)) (indent-region (point-min) (point-max)))
      (princ (format ";; %d\n%s" i (buffer-string))))))
