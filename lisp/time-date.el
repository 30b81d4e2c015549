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

;;;; Calendar arithmetic (Gregorian).

(defun date-leap-year-p (year)
  (or (and (zerop (% year 4)) (not (zerop (% year 100))))
      (zerop (% year 400))))

(defun date-days-in-month (year month)
  (unless (and (numberp month) (<= 1 month 12))
    (error "Month %s is invalid" month))
  (if (= month 2)
      (if (date-leap-year-p year) 29 28)
    (if (memq month '(1 3 5 7 8 10 12)) 31 30)))

(defun time-to-day-in-year (time)
  "The day of the year (1 for January 1st) of TIME, in local time."
  (let* ((decoded (decode-time time))
         (day (nth 3 decoded)) (month (nth 4 decoded)) (year (nth 5 decoded))
         (n day))
    (dotimes (m (1- month)) (setq n (+ n (date-days-in-month year (1+ m)))))
    n))

(defun time-to-days (time)
  "The number of days from the Gregorian date Sunday, December 31, 1 BC to TIME."
  (let ((year (1- (nth 5 (decode-time time)))))
    (+ (time-to-day-in-year time) (* 365 year) (/ year 4) (- (/ year 100)) (/ year 400))))

(defun seconds-to-time (seconds)
  (time-convert seconds 'list))

(defun days-to-time (days)
  ;; An integer DAYS gives the two-element (HIGH LOW) form, as in Emacs.
  (let ((time (seconds-to-time (* 86400.0 days))))
    (if (integerp days) (setcdr (cdr time) nil))
    time))

(defun time-to-number-of-days (time)
  (/ (float-time time) 86400))

(defun time-since (time)
  (when (stringp time) (setq time (date-to-time time)))
  (time-subtract nil time))

;;;; Decoded times: (SECOND MINUTE HOUR DAY MONTH YEAR DOW DST ZONE).

(defun decoded-time-second (time) (nth 0 time))
(defun decoded-time-minute (time) (nth 1 time))
(defun decoded-time-hour (time) (nth 2 time))
(defun decoded-time-day (time) (nth 3 time))
(defun decoded-time-month (time) (nth 4 time))
(defun decoded-time-year (time) (nth 5 time))
(defun decoded-time-weekday (time) (nth 6 time))
(defun decoded-time-dst (time) (nth 7 time))
(defun decoded-time-zone (time) (nth 8 time))

(defun make-decoded-time (&rest args)
  ;; Keywords :second :minute :hour :day :month :year :dst :zone.
  (list (plist-get args :second) (plist-get args :minute) (plist-get args :hour)
        (plist-get args :day) (plist-get args :month) (plist-get args :year)
        nil (plist-get args :dst) (plist-get args :zone)))

(defun decoded-time--days-in (time)
  (date-days-in-month (nth 5 time) (nth 4 time)))

(defun decoded-time--step-day (time forward)
  ;; One day on or back, across months and years.
  (if forward
      (if (< (nth 3 time) (decoded-time--days-in time))
          (setf (nth 3 time) (1+ (nth 3 time)))
        (setf (nth 3 time) 1)
        (if (< (nth 4 time) 12)
            (setf (nth 4 time) (1+ (nth 4 time)))
          (setf (nth 4 time) 1 (nth 5 time) (1+ (nth 5 time)))))
    (if (> (nth 3 time) 1)
        (setf (nth 3 time) (1- (nth 3 time)))
      (if (> (nth 4 time) 1)
          (setf (nth 4 time) (1- (nth 4 time)))
        (setf (nth 4 time) 12 (nth 5 time) (1- (nth 5 time))))
      (setf (nth 3 time) (decoded-time--days-in time)))))

(defun decoded-time-add (time delta)
  "TIME plus DELTA, both decoded times; months and years first, the day then clamped to its month."
  (let ((time (copy-sequence time)))
    (when (nth 5 delta) (setf (nth 5 time) (+ (nth 5 time) (nth 5 delta))))
    (when (nth 4 delta)
      (let ((new (+ (1- (nth 4 time)) (nth 4 delta))))
        (setf (nth 4 time) (1+ (mod new 12)))
        ;; Emacs 28 moves the year by the truncated quotient: June minus 7 months is November of the same year.
        (setf (nth 5 time) (+ (nth 5 time) (/ new 12)))))
    (setf (nth 3 time) (min (decoded-time--days-in time) (nth 3 time)))
    (let ((days (nth 3 delta)))
      (when days
        (dotimes (_ (abs days)) (decoded-time--step-day time (> days 0)))))
    ;; Seconds, minutes, hours and zone as seconds, carried into the day.
    (let* ((seconds (+ (or (nth 0 delta) 0) (* 60 (or (nth 1 delta) 0)) (* 3600 (or (nth 2 delta) 0))
                       (or (nth 8 delta) 0)))
           (total (+ (or (nth 0 time) 0) (* 60 (or (nth 1 time) 0)) (* 3600 (or (nth 2 time) 0)) seconds))
           (days (floor total 86400))
           (rest (mod total 86400)))
      (unless (zerop seconds)
        (setf (nth 0 time) (% rest 60)
              (nth 1 time) (% (/ rest 60) 60)
              (nth 2 time) (/ rest 3600))
        (dotimes (_ (abs days)) (decoded-time--step-day time (> days 0)))))
    time))

(defun decoded-time-set-defaults (time &optional default-zone)
  (unless (nth 0 time) (setf (nth 0 time) 0))
  (unless (nth 1 time) (setf (nth 1 time) 0))
  (unless (nth 2 time) (setf (nth 2 time) 0))
  (unless (nth 3 time) (setf (nth 3 time) 1))
  (unless (nth 4 time) (setf (nth 4 time) 1))
  (unless (nth 5 time) (setf (nth 5 time) 1970))
  (unless (nth 7 time) (setf (nth 7 time) -1))
  (when (and (not (nth 8 time)) default-zone) (setf (nth 8 time) 0))
  time)

(defun decoded-time-period (time)
  "The seconds TIME spans as a period, with 30-day months and 365-day years."
  (+ (or (nth 0 time) 0)
     (* (or (nth 1 time) 0) 60)
     (* (or (nth 2 time) 0) 3600)
     (* (or (nth 3 time) 0) 86400)
     (* (or (nth 4 time) 0) 30 86400)
     (* (or (nth 5 time) 0) 365 86400)))

(defun date-ordinal-to-time (year ordinal)
  "The decoded date of day ORDINAL (1 for January 1st) of YEAR."
  (let ((month 1))
    (while (> ordinal (date-days-in-month year month))
      (setq ordinal (- ordinal (date-days-in-month year month)) month (1+ month)))
    (list nil nil nil ordinal month year nil nil nil)))
