;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): time-date.el
;; calendar arithmetic and decoded times. Times are at noon UTC so that any local zone gives the same dates.
(print (list (date-leap-year-p 2024) (date-leap-year-p 1900) (date-leap-year-p 2000) (date-leap-year-p 2023)))
(print (mapcar (lambda (m) (date-days-in-month 2024 m)) '(1 2 3 4 5 6 7 8 9 10 11 12)))
(print (list (date-days-in-month 2023 2) (condition-case e (date-days-in-month 2023 13) (error e))))
(print (list (time-to-days (encode-time (quote (0 0 12 1 1 1970 nil nil t)))) (time-to-days (encode-time '(0 0 12 5 3 2024 nil nil t))) (time-to-day-in-year (encode-time '(0 0 12 31 12 2024 nil nil t)))))
(print (list (days-to-time 2) (days-to-time 1.5) (seconds-to-time 90) (seconds-to-time 1.5) (time-to-number-of-days 86400)))
(print (list (make-decoded-time :year 2024 :month 2) (make-decoded-time) (decoded-time-year '(1 2 3 4 5 2024 nil nil 0)) (decoded-time-zone '(1 2 3 4 5 2024 nil nil 3600))))
(print (list (decoded-time-add '(0 0 10 31 1 2024 nil -1 nil) (make-decoded-time :month 1)) (decoded-time-add '(0 0 10 31 12 2024 nil -1 nil) (make-decoded-time :day 1)) (decoded-time-add '(0 0 10 1 3 2024 nil -1 nil) (make-decoded-time :day -1)) (decoded-time-add '(50 59 23 31 12 2024 nil -1 nil) (make-decoded-time :second 20)) (decoded-time-add '(0 0 0 29 2 2024 nil -1 nil) (make-decoded-time :year 1)) (decoded-time-add '(0 0 1 1 1 2024 nil -1 nil) (make-decoded-time :hour -2)) (decoded-time-add '(0 0 0 15 6 2024 nil -1 nil) (make-decoded-time :month -7))))
(print (list (date-ordinal-to-time 2024 60) (date-ordinal-to-time 2023 365) (decoded-time-set-defaults (list nil nil nil nil nil nil nil nil nil)) (decoded-time-period '(1 2 3 4 5 6 nil nil nil))))
