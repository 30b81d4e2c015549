;;; timer.el --- timers, run at wait points  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's timer.el. A timer
;; is a vector of 10 slots, as in Emacs:
;;   [TRIGGERED-P HIGH-SECONDS LOW-SECONDS USECS REPEAT-DELAY FUNCTION ARGS
;;    IDLE-DELAY PSECS INTEGRAL-MULTIPLE]
;; Due timers on `timer-list' are run by src/primitives/timers.ts whenever
;; Lisp waits (accept-process-output, sleep-for, sit-for) and while elisp
;; serves after the script, through `timer-event-handler'. Idle timers are
;; kept on `timer-idle-list' but, as in batch Emacs, never become due.

(defvar timer-max-repeats 10
  "Most times a repeating timer that fell behind runs to catch up.")
(defvar with-timeout-timers nil
  "The timers of the `with-timeout' forms being evaluated.")

(defun timerp (object)
  "Return t if OBJECT is a timer: a vector of 10 slots (9 for timers made before the last one existed)."
  (and (vectorp object) (memq (length object) '(9 10)) t))

(defun timer--check (timer)
  (or (timerp timer) (signal 'wrong-type-argument (list #'timerp timer))))

(defun timer-create ()
  "Return a new timer, not yet set up."
  (let ((timer (make-vector 10 nil)))
    (aset timer 0 t)
    timer))

(defun timer--triggered (timer) (aref timer 0))
(defun timer--high-seconds (timer) (aref timer 1))
(defun timer--low-seconds (timer) (aref timer 2))
(defun timer--usecs (timer) (aref timer 3))
(defun timer--repeat-delay (timer) (aref timer 4))
(defun timer--function (timer) (aref timer 5))
(defun timer--args (timer) (aref timer 6))
(defun timer--idle-delay (timer) (aref timer 7))
(defun timer--psecs (timer) (aref timer 8))
(defun timer--integral-multiple (timer) (aref timer 9))

(defun timer--time (timer)
  "The time at which TIMER is due, as (HIGH LOW USECS PSECS)."
  (list (aref timer 1) (aref timer 2) (aref timer 3) (aref timer 8)))

(defun timer--set-time-slots (timer time)
  (let ((parts (time-convert time 'list)))
    (aset timer 1 (nth 0 parts))
    (aset timer 2 (nth 1 parts))
    (aset timer 3 (nth 2 parts))
    (aset timer 8 (nth 3 parts))
    time))

(defun timer-relative-time (time secs &optional usecs psecs)
  "TIME plus SECS seconds, USECS microseconds and PSECS picoseconds."
  (let ((delta secs))
    (when usecs (setq delta (time-add delta (list 0 0 usecs))))
    (when psecs (setq delta (time-add delta (list 0 0 0 psecs))))
    (time-add time delta)))

(defun timer-set-time (timer time &optional delta)
  "Make TIMER due at TIME, and every DELTA seconds after it if DELTA is positive."
  (timer--check timer)
  (timer--set-time-slots timer time)
  (aset timer 4 (and (numberp delta) (> delta 0) delta))
  timer)

(defun timer-set-idle-time (timer secs &optional repeat)
  "Make TIMER due after SECS seconds of idleness; REPEAT non-nil repeats it."
  (timer--check timer)
  (timer--set-time-slots timer (if (consp secs) secs (time-convert secs 'list)))
  (aset timer 4 repeat)
  timer)

(defun timer-inc-time (timer secs &optional usecs psecs)
  "Move TIMER's time SECS seconds (and USECS, PSECS) later."
  (timer--set-time-slots timer (timer-relative-time (timer--time timer) secs usecs psecs)))

(defun timer-next-integral-multiple-of-time (time secs)
  "The first time after TIME that is a whole multiple of SECS seconds since the epoch."
  (let* ((now (float-time time))
         (next (* secs (1+ (ffloor (/ now secs))))))
    (time-convert next 'list)))

(defun timer-set-function (timer function &optional args)
  "Make TIMER call FUNCTION with ARGS when it is due."
  (timer--check timer)
  (aset timer 5 function)
  (aset timer 6 args)
  function)

(defun timer-until (timer time)
  "Seconds from when TIMER is due until TIME (negative while TIMER is in TIME's future)."
  (float-time (time-subtract time (timer--time timer))))

(defun timer--valid-p (timer)
  (and (timerp timer)
       (integerp (aref timer 1)) (integerp (aref timer 2))
       (integerp (aref timer 3)) (integerp (aref timer 8))
       (aref timer 5)))

(defun timer--insert (timer list)
  "LIST with TIMER inserted in order of time, after timers due at the same time."
  (let ((due (timer--time timer)) (before nil) (rest list))
    (while (and rest (not (time-less-p due (timer--time (car rest)))))
      (push (car rest) before)
      (setq rest (cdr rest)))
    (nconc (nreverse before) (cons timer rest))))

(defun timer-activate (timer &optional triggered-p _reuse-cell)
  "Put TIMER on `timer-list', so that it runs when due."
  (unless (timer--valid-p timer) (error "Invalid or uninitialized timer"))
  (setq timer-list (delq timer timer-list))
  (setq timer-idle-list (delq timer timer-idle-list))
  (aset timer 0 triggered-p)
  (aset timer 7 nil)
  (setq timer-list (timer--insert timer timer-list))
  nil)

(defun timer-activate-when-idle (timer &optional dont-wait _reuse-cell)
  "Put TIMER on `timer-idle-list': it is due after that much idleness."
  (unless (timer--valid-p timer) (error "Invalid or uninitialized timer"))
  (setq timer-list (delq timer timer-list))
  (setq timer-idle-list (delq timer timer-idle-list))
  (aset timer 0 (not dont-wait))
  (aset timer 7 'idle)
  (setq timer-idle-list (timer--insert timer timer-idle-list))
  nil)

(defun cancel-timer (timer)
  "Remove TIMER from the timer lists, so that it never runs."
  (timer--check timer)
  (setq timer-list (delq timer timer-list))
  (setq timer-idle-list (delq timer timer-idle-list))
  nil)

(defun cancel-function-timers (function)
  "Cancel every timer that would call FUNCTION."
  (interactive "aCancel timers of function: ")
  (dolist (timer timer-list)
    (when (eq (aref timer 5) function) (setq timer-list (delq timer timer-list))))
  (dolist (timer timer-idle-list)
    (when (eq (aref timer 5) function) (setq timer-idle-list (delq timer timer-idle-list))))
  nil)

(defconst timer-duration-words
  '(("microsec" . 0.000001) ("microsecond" . 0.000001)
    ("millisec" . 0.001) ("millisecond" . 0.001)
    ("sec" . 1) ("second" . 1) ("min" . 60) ("minute" . 60)
    ("hour" . 3600) ("day" . 86400) ("week" . 604800)
    ("fortnight" . 1209600) ("month" . 2592000) ("year" . 31557600))
  "Units a relative time string like \"2 hours 35 min\" may use, in seconds.")

(defun timer-duration (string)
  "Seconds described by STRING, such as \"1 min 30 sec\"; nil if it is not a duration."
  (if (string-match "\\`[ \t]*[0-9]*\\.?[0-9]+[ \t]*\\'" string)
      (string-to-number string)
    (timer--duration-words string)))

(defun timer--duration-words (string)
  (let ((start 0) (total 0) (ok t))
    (while (and ok (< start (length string)))
      (if (and (string-match "[ \t]*\\([0-9.]+\\)?[ \t]*\\([a-z]+[a-rt-z]\\)s?[ \t]*" string start)
               (= (match-beginning 0) start))
          (let ((count (if (match-beginning 1) (string-to-number (match-string 1 string)) 1))
                (unit (assoc (match-string 2 string) timer-duration-words)))
            (if unit
                (setq total (+ total (* count (cdr unit))) start (match-end 0))
              (setq ok nil)))
        (setq ok nil)))
    (and ok (> start 0) total)))

(defun timer--clock-time (string)
  "Today's time of day named by STRING (\"11:23pm\", \"8am\", \"23:59\"), or nil.
As in Emacs, a time already past today is not moved to tomorrow."
  (let ((hhmm (cond ((string-match "\\`[ \t]*\\([0-9]?[0-9]\\)[:.]\\([0-9][0-9]\\)\\([ap]\\)m\\>" string)
                     (timer--12-hour string 1 2 3))
                    ((string-match "\\`[ \t]*\\([0-9]?[0-9]\\)\\([ap]\\)m\\>" string)
                     (timer--12-hour string 1 nil 2))
                    ((string-match "\\`[ \t]*\\([0-9]?[0-9]\\)[:.]?\\([0-9][0-9]\\)\\(\\>\\|[^ap]\\)" string)
                     (+ (* 100 (string-to-number (match-string 1 string)))
                        (string-to-number (match-string 2 string)))))))
    (when hhmm
      (let ((now (decode-time)))
        (encode-time (list 0 (% hhmm 100) (/ hhmm 100) (nth 3 now) (nth 4 now) (nth 5 now)
                           nil -1 (nth 8 now)))))))

(defun timer--12-hour (string hour-group minute-group ap-group)
  "HHMM from the last match in STRING of a 12-hour time."
  (+ (* 100 (% (string-to-number (match-string hour-group string)) 12))
     (if minute-group (string-to-number (match-string minute-group string)) 0)
     (if (equal (match-string ap-group string) "p") 1200 0)))

(defun run-at-time (time repeat function &rest args)
  "Call FUNCTION with ARGS at TIME, then every REPEAT seconds if REPEAT is a positive number.
TIME is nil (now), t (the next multiple of REPEAT), a number of seconds from
now, a duration string (\"2 min\"), a time of day (\"11:23pm\") or a Lisp time.
Returns the timer, which `cancel-timer' cancels."
  (interactive "sRun at time: \nNRepeat interval: \naFunction: ")
  (let ((timer (timer-create)))
    (cond ((null time) (setq time (current-time)))
          ((and (eq time t) repeat)
           (setq time (timer-next-integral-multiple-of-time nil repeat))
           (aset timer 9 t)))
    (cond ((numberp time) (setq time (timer-relative-time nil time)))
          ((stringp time)
           (setq time (let ((secs (timer-duration time)))
                        (if secs (timer-relative-time nil secs)
                          ;; Neither: as Emacs, fail where the string is taken as a time.
                          (or (timer--clock-time time) (time-convert time 'list)))))))
    (timer-set-time timer time repeat)
    (timer-set-function timer function args)
    (timer-activate timer)
    timer))

(defalias 'run-with-timer #'run-at-time)

(defun run-with-idle-timer (secs repeat function &rest args)
  "Call FUNCTION with ARGS once Emacs has been idle for SECS seconds.
In batch mode, as in Emacs, Lisp is never idle: the timer stays on `timer-idle-list'."
  (interactive)
  (let ((timer (timer-create)))
    (timer-set-function timer function args)
    (timer-set-idle-time timer secs repeat)
    (timer-activate-when-idle timer t)
    timer))

(defun timer-event-handler (timer)
  "Run TIMER, which is due: reschedule it if it repeats, then call its function."
  (setq timer-event-last-2 timer-event-last-1
        timer-event-last-1 timer-event-last
        timer-event-last timer)
  (let ((was-active (memq timer timer-list)) (retrigger nil))
    (when was-active
      (setq timer-list (delq timer timer-list))
      (when (aref timer 4)
        (if (aref timer 9)
            (timer--set-time-slots timer (timer-next-integral-multiple-of-time nil (aref timer 4)))
          (timer-inc-time timer (aref timer 4))
          ;; After a long pause, skip the runs that would only catch up.
          (when (and (numberp timer-max-repeats) (time-less-p (timer--time timer) nil))
            (let ((behind (/ (timer-until timer nil) (aref timer 4))))
              (when (> behind timer-max-repeats)
                (timer-inc-time timer (* (aref timer 4) (ffloor behind)))))))
        ;; Back on the list before the call, so that the function can cancel its own timer.
        (timer-activate timer t)
        (setq retrigger t))
      (condition-case-unless-debug err
          (apply (aref timer 5) (aref timer 6))
        (error (message "Error running timer%s: %S"
                        (if (symbolp (aref timer 5)) (format-message " `%s'" (aref timer 5)) "")
                        err)))
      (when (and retrigger (memq timer timer-list))
        (aset timer 0 nil)))))

(defvar timer-event-last nil "The last timer run.")
(defvar timer-event-last-1 nil "The timer run before `timer-event-last'.")
(defvar timer-event-last-2 nil "The timer run before `timer-event-last-1'.")

(defmacro with-timeout (list &rest body)
  "Run BODY, but stop it after SECONDS and evaluate TIMEOUT-FORMS instead.
\(with-timeout (SECONDS TIMEOUT-FORMS...) BODY...). The timeout can only
happen while BODY waits (accept-process-output, sleep-for, sit-for)."
  (declare (indent 1))
  (let ((seconds (car list)) (timeout-forms (cdr list))
        (tag (make-symbol "timeout")) (value (make-symbol "value")) (timer (make-symbol "timer")))
    `(let ((,value
            (catch ',tag
              (let* ((,timer (run-with-timer ,seconds nil (lambda () (throw ',tag ',tag))))
                     (with-timeout-timers (cons ,timer with-timeout-timers)))
                (unwind-protect (progn ,@body) (cancel-timer ,timer))))))
       (if (eq ,value ',tag) (progn ,@timeout-forms) ,value))))

(defun with-timeout-suspend ()
  "Stop the timers of the enclosing `with-timeout' forms; return what `with-timeout-unsuspend' needs."
  (mapcar (lambda (timer) (cancel-timer timer) (list timer (time-subtract (timer--time timer) nil)))
          with-timeout-timers))

(defun with-timeout-unsuspend (timer-spec-list)
  "Restart the timers stopped by `with-timeout-suspend', each with the time it had left."
  (dolist (spec timer-spec-list)
    (let ((timer (car spec)))
      (timer-set-time timer (time-add nil (cadr spec)))
      (timer-activate timer))))
