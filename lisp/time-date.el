;;; time-date.el --- format-seconds  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's time-date.el, checked against it.

(defconst time-date--units
  '((?y "year" 31536000) (?d "day" 86400) (?h "hour" 3600) (?m "minute" 60) (?s "second" 1))
  "The units of format-seconds: letter, name, seconds.")

;; %y %d %h %m %s give numbers, %Y %D %H %M %S numbers with unit names; each
;; unit counts what the larger units in the string leave. Text before %z is
;; dropped up to the first unit that is not zero.
(defun format-seconds (string seconds)
  (let ((specs nil) (start 0))
    ;; The units used, largest first: each takes its share of SECONDS.
    (while (string-match "%\\.?[0-9]*\\(.\\)" string start)
      (let ((c (downcase (aref (match-string 1 string) 0))))
        (unless (memq c '(?% ?z))
          (unless (assq c time-date--units)
            (error "Bad format specifier: `%c'" (aref (match-string 1 string) 0)))
          (push c specs)))
      (setq start (match-end 0)))
    (let ((left (truncate seconds))
          (values nil))
      (dolist (unit time-date--units)
        (when (memq (car unit) specs)
          (push (cons (car unit) (/ left (nth 2 unit))) values)
          (setq left (% left (nth 2 unit)))))
      (let ((out "") (pos 0) (chop nil) (first-nonzero nil))
        (while (string-match "%\\(\\.?[0-9]*\\)\\(.\\)" string pos)
          (setq out (concat out (substring string pos (match-beginning 0))))
          (let* ((flags (match-string 1 string))
                 (spec (aref (match-string 2 string) 0))
                 (unit (assq (downcase spec) time-date--units)))
            (cond ((eq spec ?%) (setq out (concat out "%")))
                  ((eq spec ?z) (setq chop (or first-nonzero (length out))))
                  (t
                   (let* ((n (cdr (assq (car unit) values)))
                          (width (if (string-prefix-p "." flags) (concat "0" (substring flags 1)) flags))
                          (text (format (concat "%" width "d") n)))
                     (when (and (null first-nonzero) (/= n 0)) (setq first-nonzero (length out)))
                     (setq out (concat out text
                                       (if (eq spec (upcase spec))
                                           (concat " " (nth 1 unit) (if (= n 1) "" "s"))
                                         ""))))))
            (setq pos (match-end 0))))
        (setq out (concat out (substring string pos)))
        (if chop (substring out chop) out)))))

(provide 'time-date)

;;; time-date.el ends here
