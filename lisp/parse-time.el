;;; parse-time.el --- reading dates: ISO 8601 and the usual mail and log forms  -*- lexical-binding: t -*-

;; Results are decoded times (SECOND MINUTE HOUR DAY MONTH YEAR DOW DST ZONE)
;; with nil for what the string does not say, as Emacs 28's:
;; `parse-time-string' takes ISO 8601 first, and otherwise reads tokens
;; (runs of letters, digits, + - and :) one by one, each filling the first
;; slot it fits that is still empty.

;;;; ISO 8601

(defconst iso8601--zone-regexp "\\(Z\\|\\([+-]\\)\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\)?\\)")
(defconst iso8601--time-regexp
  "\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\(?::?\\([0-9][0-9]\\)\\)?\\)?\\(?:[.,]\\([0-9]+\\)\\)?")

(defun iso8601--number (string group)
  (and (match-beginning group) (string-to-number (match-string group string))))

(defun iso8601--decoded (second minute hour day month year dst zone)
  (list second minute hour day month year nil dst zone))

(defun iso8601--week-date (year week day)
  ;; Week 1 holds January 4th; a missing day counts as 0, the Sunday before.
  ;; The day may fall in the year before or after.
  (let* ((jan4 (decode-time (encode-time (list 0 0 12 4 1 year nil nil t)) t))
         (jan4-weekday (let ((w (nth 6 jan4))) (if (= w 0) 7 w)))
         (ordinal (- (+ (* week 7) day) (+ jan4-weekday 3))))
    (while (< ordinal 1)
      (setq year (1- year) ordinal (+ ordinal (if (date-leap-year-p year) 366 365))))
    (while (> ordinal (if (date-leap-year-p year) 366 365))
      (setq ordinal (- ordinal (if (date-leap-year-p year) 366 365)) year (1+ year)))
    (iso8601--ordinal-date year ordinal)))

(defun iso8601--ordinal-date (year ordinal)
  ;; As Emacs 28's date-ordinal-to-time: day 0 stays 0 of January, a day past the year signals.
  (let ((d (date-ordinal-to-time year ordinal)))
    (list (nth 3 d) (nth 4 d) (nth 5 d))))

(defun iso8601-parse-date (string)
  "The date of STRING (all of it) as a decoded time; signals `wrong-type-argument' if it is not one."
  (let ((s string))
    (cond
     ((string-match "\\`\\([0-9][0-9][0-9][0-9]\\)-?W\\([0-9][0-9]\\)\\(?:-?\\([1-7]\\)\\)?\\'" s)
      (let ((d (iso8601--week-date (iso8601--number s 1) (iso8601--number s 2) (or (iso8601--number s 3) 0))))
        (iso8601--decoded nil nil nil (nth 0 d) (nth 1 d) (nth 2 d) -1 nil)))
     ((string-match "\\`\\([0-9][0-9][0-9][0-9]\\)-\\([0-9][0-9][0-9]\\)\\'" s)
      (let ((d (iso8601--ordinal-date (iso8601--number s 1) (iso8601--number s 2))))
        (iso8601--decoded nil nil nil (nth 0 d) (nth 1 d) (nth 2 d) -1 nil)))
     ((string-match "\\`\\([0-9][0-9][0-9][0-9]\\)\\([0-9][0-9][0-9]\\)\\'" s)
      (let ((d (iso8601--ordinal-date (iso8601--number s 1) (iso8601--number s 2))))
        (iso8601--decoded nil nil nil (nth 0 d) (nth 1 d) (nth 2 d) -1 nil)))
     ((string-match "\\`\\([+-]?[0-9][0-9][0-9][0-9]\\)\\(?:-\\([0-9][0-9]\\)\\(?:-\\([0-9][0-9]\\)\\)?\\)?\\'" s)
      (iso8601--decoded nil nil nil (iso8601--number s 3) (iso8601--number s 2) (iso8601--number s 1) -1 nil))
     ((string-match "\\`\\([0-9][0-9][0-9][0-9]\\)\\([0-9][0-9]\\)\\([0-9][0-9]\\)\\'" s)
      (iso8601--decoded nil nil nil (iso8601--number s 3) (iso8601--number s 2) (iso8601--number s 1) -1 nil))
     (t (signal 'wrong-type-argument string)))))

(defun iso8601-parse-time (string &optional form)
  "The time of day of STRING as a decoded time; FORM t keeps a fraction of a second as (TICKS . HZ)."
  (if (not (string-match (concat "\\`" iso8601--time-regexp "\\(?:" iso8601--zone-regexp "\\)?\\'") string))
      (signal 'wrong-type-argument string)
    (let* ((hour (iso8601--number string 1))
           (minute (or (iso8601--number string 2) 0))
           (second (or (iso8601--number string 3) 0))
           (fraction (match-string 4 string))
           (zone (and (match-beginning 5) (match-string 5 string))))
      (when (and fraction form)
        (let ((hz (expt 10 (length fraction))))
          (setq second (cons (+ (* second hz) (string-to-number fraction)) hz))))
      (iso8601--decoded second minute hour nil nil nil
                        (if zone nil -1)
                        (and zone (* 60 (iso8601-parse-zone zone)))))))

(defun iso8601-parse-zone (string)
  "The offset of the zone STRING (Z, +HH, +HHMM, +HH:MM) in minutes."
  (if (not (string-match (concat "\\`" iso8601--zone-regexp "\\'") string))
      (signal 'wrong-type-argument string)
    (if (equal (match-string 1 string) "Z")
        0
      (* (if (equal (match-string 2 string) "-") -1 1)
         (+ (* 60 (iso8601--number string 3)) (or (iso8601--number string 4) 0))))))

(defun iso8601-parse (string &optional form)
  "STRING, a date with an optional T and time of day, as a decoded time."
  (if (not (string-match "\\`\\([^T]+\\)\\(?:T\\(.+\\)\\)?\\'" string))
      (signal 'wrong-type-argument string)
    (let* ((time-part (match-string 2 string))
           (date (iso8601-parse-date (match-string 1 string))))
      (if (not time-part)
          date
        (let ((time (condition-case nil (iso8601-parse-time time-part form)
                      (wrong-type-argument (signal 'wrong-type-argument string)))))
          (list (nth 0 time) (nth 1 time) (nth 2 time) (nth 3 date) (nth 4 date) (nth 5 date)
                nil (nth 7 time) (nth 8 time)))))))

(defun iso8601-valid-p (string)
  (and (condition-case nil (progn (iso8601-parse string) t) (wrong-type-argument nil)) 0))

;;;; The older forms

(defvar parse-time-weekdays
  '(("sunday" . 0) ("monday" . 1) ("tuesday" . 2) ("wednesday" . 3) ("thursday" . 4) ("friday" . 5)
    ("saturday" . 6) ("sun" . 0) ("mon" . 1) ("tue" . 2) ("wed" . 3) ("thu" . 4) ("fri" . 5) ("sat" . 6)))
(defvar parse-time-months
  '(("jan" . 1) ("feb" . 2) ("mar" . 3) ("apr" . 4) ("may" . 5) ("jun" . 6) ("jul" . 7) ("aug" . 8)
    ("sep" . 9) ("oct" . 10) ("nov" . 11) ("dec" . 12) ("january" . 1) ("february" . 2) ("march" . 3)
    ("april" . 4) ("june" . 6) ("july" . 7) ("august" . 8) ("september" . 9) ("october" . 10)
    ("november" . 11) ("december" . 12)))
(defvar parse-time-zoneinfo
  '(("z" 0) ("ut" 0) ("gmt" 0) ("pst" -28800) ("pdt" -25200 t) ("mst" -25200) ("mdt" -21600 t)
    ("cst" -21600) ("cdt" -18000 t) ("est" -18000) ("edt" -14400 t))
  "Zone names: offset in seconds, and t for daylight saving time.")

(defun parse-time-tokenize (string)
  "The runs of letters, digits, + - and : in STRING: numbers for runs of digits, strings for the rest."
  (let ((tokens nil) (i 0) (n (length string)))
    (while (< i n)
      (while (and (< i n) (not (parse-time--token-char-p (aref string i)))) (setq i (1+ i)))
      (when (< i n)
        (let ((start i))
          (while (and (< i n) (parse-time--token-char-p (aref string i))) (setq i (1+ i)))
          (let ((token (substring string start i)))
            (push (if (string-match-p "\\`[0-9]+\\'" token) (string-to-number token) token) tokens)))))
    (nreverse tokens)))

(defun parse-time--token-char-p (c)
  (or (<= ?a c ?z) (<= ?0 c ?9) (memq c '(?+ ?- ?:))))

(defun parse-time--digits (token from to)
  (string-to-number (substring token from to)))

(defun parse-time--colon-time (token)
  "(HOUR MINUTE SECOND) of \"hh:mm:ss\", \"hh:mm\", \"h:mm\" or \"h:mm:ss\", or nil."
  (and (stringp token)
       (let ((n (length token)))
         (cond ((and (= n 8) (eq (aref token 2) ?:) (eq (aref token 5) ?:))
                (list (parse-time--digits token 0 2) (parse-time--digits token 3 5) (parse-time--digits token 6 8)))
               ((and (= n 5) (eq (aref token 2) ?:))
                (list (parse-time--digits token 0 2) (parse-time--digits token 3 5) 0))
               ((and (= n 4) (eq (aref token 1) ?:))
                (list (parse-time--digits token 0 1) (parse-time--digits token 2 4) 0))
               ((and (= n 7) (eq (aref token 1) ?:))
                (list (parse-time--digits token 0 1) (parse-time--digits token 2 4) (parse-time--digits token 5 7)))))))

(defun parse-time--legacy (string)
  (let ((time (list nil nil nil nil nil nil nil -1 nil)))
    (dolist (token (parse-time-tokenize (downcase string)))
      ;; The first rule whose first slot is empty and that fits the token fills it.
      (cond
       ((and (not (nth 6 time)) (stringp token) (assoc token parse-time-weekdays))
        (setf (nth 6 time) (cdr (assoc token parse-time-weekdays))))
       ((and (not (nth 3 time)) (integerp token) (<= 1 token 31))
        (setf (nth 3 time) token))
       ((and (not (nth 4 time)) (stringp token) (assoc token parse-time-months))
        (setf (nth 4 time) (cdr (assoc token parse-time-months))))
       ((and (not (nth 5 time)) (integerp token) (>= token 100))
        (setf (nth 5 time) token))
       ((and (not (nth 2 time)) (stringp token) (= (length token) 8) (parse-time--colon-time token))
        (let ((hms (parse-time--colon-time token)))
          (setf (nth 2 time) (nth 0 hms) (nth 1 time) (nth 1 hms) (nth 0 time) (nth 2 hms))))
       ((and (not (nth 8 time)) (stringp token) (assoc token parse-time-zoneinfo))
        (let ((zone (cdr (assoc token parse-time-zoneinfo))))
          (setf (nth 8 time) (car zone) (nth 7 time) (cadr zone))))
       ((and (not (nth 8 time)) (stringp token) (= (length token) 5) (memq (aref token 0) '(?+ ?-))
             (string-match-p "\\`[+-][0-9]+\\'" token))
        (setf (nth 8 time) (* (if (eq (aref token 0) ?-) -1 1) 60
                              (+ (parse-time--digits token 3 5) (* 60 (parse-time--digits token 1 3))))))
       ((and (not (nth 5 time)) (stringp token) (= (length token) 10)
             (eq (aref token 4) ?-) (eq (aref token 7) ?-))
        (setf (nth 5 time) (parse-time--digits token 0 4)
              (nth 4 time) (parse-time--digits token 5 7)
              (nth 3 time) (parse-time--digits token 8 10)))
       ((and (not (nth 2 time)) (parse-time--colon-time token))
        (let ((hms (parse-time--colon-time token)))
          (setf (nth 2 time) (nth 0 hms) (nth 1 time) (nth 1 hms) (nth 0 time) (nth 2 hms))))
       ((and (not (nth 5 time)) (integerp token) (<= 50 token 110))
        (setf (nth 5 time) (+ 1900 token)))
       ((and (not (nth 5 time)) (integerp token) (<= 0 token 49))
        (setf (nth 5 time) (+ 2000 token)))))
    time))

(defun parse-time-string (string)
  (condition-case nil
      (iso8601-parse string)
    (wrong-type-argument (parse-time--legacy string))))

;;;; Times from dates

(defun date-to-time (date)
  ;; Emacs 28 encodes what was parsed as it is: a date without a time of day is invalid.
  (let ((parsed (parse-time-string date)))
    (unless (and (nth 0 parsed) (nth 1 parsed) (nth 2 parsed) (nth 3 parsed) (nth 4 parsed) (nth 5 parsed))
      (error "Invalid date: %s" date))
    (encode-time parsed)))

(defun safe-date-to-time (date)
  (condition-case nil (date-to-time date) (error '(0 0))))

(defun days-between (date1 date2)
  (- (time-to-days (date-to-time date1)) (time-to-days (date-to-time date2))))

(provide 'parse-time)
(provide 'iso8601)
