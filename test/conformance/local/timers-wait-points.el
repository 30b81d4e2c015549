;;; -*- lexical-binding: t -*-
;; Timers: their vector shape, scheduling order, repetition, cancellation
;; (also from inside their own function), errors in timer functions, throws
;; out of them, `with-timeout', and which wait points run them. Only
;; relations between times are printed, never times themselves.
(defun out (x) (prin1 x) (terpri))

(let ((tm (run-at-time 10 nil #'ignore 'a 'b)))
  (out (list (timerp tm) (length tm) (aref tm 0) (aref tm 4) (aref tm 5) (aref tm 6) (aref tm 7) (aref tm 9)))
  (out (list (eq (car timer-list) tm) (integerp (aref tm 1)) (integerp (aref tm 8))
             (< 9 (- (float-time (timer--time tm)) (float-time)) 11)))
  (out (list (cancel-timer tm) (memq tm timer-list))))
(out (list (timerp (make-vector 10 0)) (timerp (make-vector 9 nil)) (timerp (make-vector 11 nil)) (timerp "x") (timer-create)))
(out (condition-case e (cancel-timer 'x) (error e)))
(out (condition-case e (timer-activate (timer-create)) (error e)))
(out (condition-case e (run-at-time 'soon nil #'ignore) (error e)))
(out (condition-case e (run-at-time "whenever" nil #'ignore) (error e)))
(out (mapcar #'timer-duration '("2 sec" "1 min 30 sec" "1.5 hours" "sec" "3 fortnights" "5" "2 secs" "10 millisec" "bogus" "2 min junk")))
(out (list (timer-relative-time '(0 10 0 0) 5) (timer-relative-time '(0 10 0 0) 1 500000)
           (timer-next-integral-multiple-of-time '(0 10 0 0) 4)))

;; Due timers run in order of time, each once, at wait points only.
(setq order nil)
(run-at-time 0.03 nil (lambda () (push 'third order)))
(run-at-time 0.01 nil (lambda () (push 'first order)))
(run-at-time 0.02 nil (lambda () (push 'second order) (sleep-for 0.03) (push 'second-done order)))
(run-at-time nil nil (lambda () (push 'now order)))
(out order)
(sleep-for 0.1)
(out (reverse order))

;; A repeating timer, cancelled by its own function on the third run.
(setq runs 0)
(setq self (run-at-time 0 0.01 (lambda () (setq runs (1+ runs)) (when (= runs 3) (cancel-timer self)))))
(sleep-for 0.1)
(out (list runs (memq self timer-list) (aref self 4)))

;; An error in a timer function is reported and waiting goes on.
(defun failing-timer () (error "Timer failure %d" 42))
(run-at-time 0 nil #'failing-timer)
(out (condition-case e (progn (sleep-for 0.01) 'survived) (error (list 'caught e))))

;; Throws leave the wait; with-timeout is built on that.
(out (catch 'out (run-at-time 0 nil (lambda () (throw 'out 'thrown))) (sleep-for 0.1) 'not-thrown))
(out (with-timeout (0.05 'gave-up) (while t (accept-process-output nil 0.01))))
(out (with-timeout (1 'gave-up) 'finished-first))
(out with-timeout-timers)

;; Which waits run timers.
(dolist (wait (list (lambda () (sit-for 0.01))
                    (lambda () (accept-process-output nil 0.001))
                    (lambda () (accept-process-output nil 0 0 1))
                    (lambda () (sleep-for 0.001))))
  (let ((ran nil))
    (run-at-time 0 nil (lambda () (setq ran t)))
    (funcall wait)
    (out ran)))

;; Idle timers never become due in batch.
(let* ((ran nil) (idle (run-with-idle-timer 0 nil (lambda () (setq ran t)))))
  (sleep-for 0.02)
  (out (list ran (aref idle 7) (aref idle 0) (and (memq idle timer-idle-list) t)))
  (cancel-timer idle))
(setq tm (timer-create))
(timer-set-time tm (time-add nil 0.01))
(timer-set-function tm (lambda (x) (out (list 'activated x))) '(1))
(timer-activate tm)
(sleep-for 0.05)
(run-at-time 100 nil #'ignore)
(run-at-time 200 nil #'ignore)
(out (list (length timer-list) (cancel-function-timers #'ignore) timer-list))
