;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): sort-lines,
;; reverse-region and delete-duplicate-lines on chosen and random regions. Left out: what Emacs 28 does
;; wrong (delete-duplicate-lines with REVERSE on a one-line region deletes it, and with REVERSE and
;; KEEP-BLANKS can loop forever; reverse-region loops forever on a region with no whole line).
(dolist (c '(("a\nb\nc\n" 1 7) ("a\nb\nc" 1 6) ("a\nb\nc\n" 2 7) ("a\nb\nc\n" 1 6) ("a\nb\nc\n" 1 5) ("aa\nbb\ncc\ndd\n" 2 8) ("aa\nbb\ncc\ndd\n" 4 9) ("a\n\nb\n" 1 5) ("x" 1 2) ("a\nb\n" 3 1)))
  (with-temp-buffer
    (insert (car c)) (goto-char 2)
    (reverse-region (nth 1 c) (nth 2 c))
    (prin1 (list (car c) (nth 1 c) (nth 2 c) (buffer-string) (point))) (terpri)))
(dolist (c '(("b\na\nc\n" 1 7 nil) ("b\na\nc" 1 6 nil) ("b\na\nc" 1 6 t) ("bb\nAa\naa\nB\n\n" 1 13 nil) ("x\nb\na\nc\n" 3 9 nil) ("x\nb\na\nc\n" 4 9 nil) ("b\na\n" 1 4 nil) ("c\nb\nc\na\n" 1 9 t)))
  (with-temp-buffer
    (insert (car c)) (goto-char 4)
    (sort-lines (nth 3 c) (nth 1 c) (nth 2 c))
    (prin1 (list (car c) (nth 1 c) (nth 2 c) (nth 3 c) (buffer-string) (point))) (terpri)))
(let ((sort-fold-case t)) (with-temp-buffer (insert "b\nA\na\nB\n") (sort-lines nil 1 9) (prin1 (buffer-string)) (terpri)))
(dolist (c '(("a\nb\na\nc\nb\n" nil nil nil) ("a\nb\na\nc\nb\n" t nil nil) ("a\na\nb\na\n" nil t nil) ("a\n\nb\n\n" nil nil nil) ("a\n\nb\n\n" nil nil t) ("x\ny\nx" nil nil nil)))
  (with-temp-buffer
    (insert (car c)) (goto-char 3)
    (let ((r (delete-duplicate-lines 1 (point-max) (nth 1 c) (nth 2 c) (nth 3 c))))
      (prin1 (list (car c) (cdr c) r (buffer-string) (point))) (terpri))))
(defvar fz-seed 777)
(defun fz-rand (n) (setq fz-seed (% (+ (* fz-seed 1103515245) 12345) 2147483648)) (% (/ fz-seed 65536) n))
(defconst fz-lines ["" "a" "b" "B" "ab" "a " " a" "c"])
(defun fz-buffer ()
  (let ((n (fz-rand 7)) (s ""))
    (dotimes (_ n) (setq s (concat s (aref fz-lines (fz-rand (length fz-lines))) "\n")))
    (when (= (fz-rand 3) 0) (setq s (concat s (aref fz-lines (fz-rand (length fz-lines))))))
    s))
(dotimes (i 400)
  (let* ((text (fz-buffer)) (len (length text))
         (a (1+ (fz-rand (1+ len)))) (b (1+ (fz-rand (1+ len))))
         (pt (1+ (fz-rand (1+ len)))) (op (% i 3))
         (f1 (= (fz-rand 2) 0)) (f2 (= (fz-rand 3) 0)) (f3 (= (fz-rand 3) 0)))
    (with-temp-buffer
      (insert text) (goto-char pt)
      (let ((r (condition-case e
                   (pcase op
                     (0 (let ((sort-fold-case f2)) (sort-lines f1 (min a b) (max a b)) nil))
                     (1 (if (save-excursion (let ((lo (min a b)) (hi (max a b)) f tt) (goto-char lo) (unless (bolp) (forward-line 1)) (setq f (point)) (goto-char hi) (unless (and (eolp) (not (bolp))) (forward-line -1) (end-of-line)) (setq tt (point)) (> f tt))) 'skipped (reverse-region a b) nil))
                     (2 (let ((lo (save-excursion (goto-char (min a b)) (line-beginning-position))) (hi (save-excursion (goto-char (max a b)) (if (bolp) (point) (line-beginning-position 2))))) (if (and f1 (or f3 (<= (count-lines lo hi) 1))) 'skipped (delete-duplicate-lines lo hi f1 f2 f3)))))
                 (error e))))
        (prin1 (list op text a b pt f1 f2 f3 r (buffer-string) (point))) (terpri)))))
