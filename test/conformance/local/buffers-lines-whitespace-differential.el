;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): random buffers of
;; blank, indented and text lines through delete-blank-lines, delete-trailing-whitespace,
;; current-indentation, back-to-indentation, delete-indentation and fixup-whitespace.
(defvar fz-seed 4242)
(defun fz-rand (n) (setq fz-seed (% (+ (* fz-seed 1103515245) 12345) 2147483648)) (% (/ fz-seed 65536) n))
(defconst fz-lines ["" "  " "\t" "abc" "  x y  " "z\t" " \t "])
(defun fz-buffer ()
  (let ((n (fz-rand 7)) (s ""))
    (dotimes (_ n) (setq s (concat s (aref fz-lines (fz-rand (length fz-lines))) "\n")))
    (when (= (fz-rand 3) 0) (setq s (concat s (aref fz-lines (fz-rand (length fz-lines))))))
    s))
(dotimes (i 300)
  (let* ((text (fz-buffer)) (pt (1+ (fz-rand (1+ (length text))))) (op (% i 6)))
    (with-temp-buffer
      (insert text) (goto-char pt)
      (let ((r (condition-case e
                   (pcase op
                     (0 (delete-blank-lines))
                     (1 (delete-trailing-whitespace))
                     (2 (list (current-indentation) (progn (back-to-indentation) (point))))
                     (3 (progn (delete-indentation) nil))
                     (4 (progn (delete-indentation t) nil))
                     (5 (progn (fixup-whitespace) nil)))
                 (error e))))
        (prin1 (list op text pt r (buffer-string) (point))) (terpri)))))
