;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): file-size-human-readable,
;; format-seconds, file-name-with-extension, wildcard-to-regexp, with-silent-modifications,
;; save-mark-and-excursion and the shape of benchmark-run results.
(dolist (f '((file-size-human-readable 0) (file-size-human-readable 1023) (file-size-human-readable 1024) (file-size-human-readable 1536) (file-size-human-readable 10240) (file-size-human-readable 123456789) (file-size-human-readable 5000 'si) (file-size-human-readable 1024 'iec) (file-size-human-readable 2048 nil " ") (file-size-human-readable 2048 'iec " " "B") (file-size-human-readable 999999) (file-size-human-readable 1e12)
             (format-seconds "%y years %d days %h hours %m minutes %s seconds" 100000000) (format-seconds "%H, %M, %S" 3725) (format-seconds "%Y, %D, %H, %M, %z%S" 3725) (format-seconds "%h:%02m:%02s" 3725) (format-seconds "%.3s" 12.5) (format-seconds "%%" 5) (format-seconds "%z%d days %h hours" 7200)
             (file-name-with-extension "foo.txt" "el") (file-name-with-extension "foo" ".el") (file-name-with-extension "/a/b.c.d" "x")
             (wildcard-to-regexp "*.el") (wildcard-to-regexp "a?b[cd]") (wildcard-to-regexp "[!x]*") (wildcard-to-regexp "a.b+c")
             (with-temp-buffer (insert "x") (list (buffer-modified-p) (progn (set-buffer-modified-p nil) (with-silent-modifications (insert "y")) (buffer-modified-p)) (buffer-string)))
             (with-temp-buffer (insert "abc") (set-mark 2) (goto-char 3) (list (save-mark-and-excursion (set-mark 1) (goto-char 1) (list (point) (mark))) (point) (mark)))
             (let ((r (benchmark-run 2 (+ 1 2)))) (list (length r) (floatp (car r)) (nth 1 r)))
             (let ((r (benchmark-run-compiled 1 (+ 1 2)))) (length r))
             (floatp (benchmark-elapse (+ 1 1)))))
  (prin1 (condition-case e (eval f t) (error (list 'ERR e)))) (terpri))
(dolist (c '(("%Y, %D, %z%H" 3600) ("%Y, %D, %z%H" 90000) ("%Y, %D, %H, %z%M, %S" 61) ("%Y, %D, %H, %z%M, %S" 5) ("%y %d %h %m %s" 0) ("%z%Y" 0) ("%h:%02m:%02s" 59) ("%H" 7200) ("%M and %S" 61) ("%y" 31535999) ("%d days" 864000.9) ("%5S" 3) ("%-5s" 3)))
  (prin1 (condition-case e (format-seconds (car c) (cadr c)) (error (list 'ERR e)))) (terpri))
