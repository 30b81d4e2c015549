;;; subprocess-basics.el --- subprocesses: call-process, process-lines, make-process  -*- lexical-binding: t -*-
;; Only POSIX tools (sh, cat, printf, sleep, true); every async process
;; uses pipes, as a pty changes the bytes (echo, CRLF) and elisp has none.

(setq process-connection-type nil)
(defvar case-dir (file-name-as-directory (make-temp-file "subproc" t)))

(defmacro show (label form)
  `(progn (prin1 (list ,label (condition-case err ,form (error (list 'error err))))) (terpri)))

(defun wait-until (pred)
  "Wait (at most 5 s) for PRED, delivering process output."
  (let ((n 0))
    (while (and (not (funcall pred)) (< n 500))
      (accept-process-output nil 0.01)
      (setq n (1+ n)))
    (funcall pred)))

;;; call-process

(show 'exit-0 (call-process "true"))
(show 'exit-3 (call-process "sh" nil nil nil "-c" "exit 3"))
(show 'killed (call-process "sh" nil nil nil "-c" "kill -9 $$"))
(show 'terminated (call-process "sh" nil nil nil "-c" "kill -15 $$"))
(show 'interrupt (call-process "sh" nil nil nil "-c" "kill -2 $$"))
(show 'no-wait (call-process "sh" nil 0 nil "-c" "exit 3"))
(show 'missing (call-process "no-such-program-here"))
(show 'missing-abs (call-process "/no/such/program"))
(show 'directory (call-process "/"))
(show 'bad-program (call-process 'sh))
(show 'bad-arg (call-process "sh" nil nil nil 'a))
(show 'to-current
      (with-temp-buffer
        (insert "XY")
        (goto-char 2)
        (list (call-process "sh" nil t nil "-c" "echo out; echo err >&2") (buffer-string) (point))))
(show 'stderr-discarded
      (with-temp-buffer (list (call-process "sh" nil '(t nil) nil "-c" "echo out; echo err >&2") (buffer-string))))
(show 'stderr-to-file
      (with-temp-buffer
        (let ((f (concat case-dir "err")))
          (list (call-process "sh" nil (list t f) nil "-c" "echo out; echo err >&2") (buffer-string)
                (with-temp-buffer (insert-file-contents f) (buffer-string))))))
(show 'to-file
      (with-temp-buffer
        (let ((f (concat case-dir "out")))
          (list (call-process "sh" nil (list :file f) nil "-c" "echo out; echo err >&2") (buffer-string)
                (with-temp-buffer (insert-file-contents f) (buffer-string))))))
(show 'named-buffer
      (list (call-process "printf" nil "subproc-out" nil "a%sb" "-") (with-current-buffer "subproc-out" (buffer-string))))
(show 'buffer-object
      (let ((b (get-buffer-create "subproc-out2")))
        (with-current-buffer b (insert "12345") (goto-char 3))
        (list (call-process "printf" nil b nil "ab") (with-current-buffer b (list (buffer-string) (point))))))
(show 'infile
      (let ((f (concat case-dir "in")))
        (with-temp-file f (insert "line one\nline two\n"))
        (with-temp-buffer (list (call-process "cat" f t) (buffer-string)))))
(show 'infile-missing
      (let ((e (condition-case e (call-process "cat" (concat case-dir "nope") t) (error e)))) (list (car e) (nth 1 e) (nth 2 e))))
(show 'utf-8 (with-temp-buffer (call-process "printf" nil t nil "caf\\303\\251 \\342\\202\\254") (buffer-string)))
(show 'binary
      (with-temp-buffer
        (let ((coding-system-for-read 'binary))
          (call-process "printf" nil t nil "caf\\303\\251")
          (list (buffer-string) (length (buffer-string))))))
(show 'default-directory (let ((default-directory "/")) (with-temp-buffer (call-process "pwd" nil t) (buffer-string))))
(show 'bad-directory
      (let ((default-directory (concat case-dir "missing/")))
        (car (condition-case e (call-process "true") (error e)))))
(show 'environment
      (let ((process-environment (append '("SUBPROC_A=1" "SUBPROC_A=2" "SUBPROC_B") process-environment)))
        (process-lines "sh" "-c" "echo ${SUBPROC_A}; echo ${SUBPROC_B-unset}")))
(setenv "SUBPROC_C" "from setenv")
(show 'setenv (process-lines "sh" "-c" "echo $SUBPROC_C"))

;;; call-process-region

(show 'region
      (with-temp-buffer
        (insert "hello\nworld\n")
        (list (call-process-region 1 7 "cat" nil t) (buffer-string))))
(show 'region-delete
      (with-temp-buffer
        (insert "hello\nworld\n")
        (list (call-process-region (point-min) (point-max) "sh" t t nil "-c" "tr a-z A-Z") (buffer-string) (point))))
(show 'region-string
      (with-temp-buffer (list (call-process-region "from a string" nil "cat" nil t) (buffer-string))))
(show 'region-nil
      (with-temp-buffer (insert "whole") (list (call-process-region nil nil "cat" nil t) (buffer-string))))

;;; process-lines, shell commands, process-file

(show 'lines (process-lines "sh" "-c" "echo a; echo; printf b"))
(show 'lines-status (process-lines "sh" "-c" "echo a; exit 2"))
(show 'lines-signal (process-lines "sh" "-c" "kill -9 $$"))
(show 'lines-ignore (process-lines-ignore-status "sh" "-c" "echo a; exit 2"))
(show 'lines-missing (process-lines "no-such-program-here"))
(show 'shell-command-to-string (let ((shell-file-name "sh")) (shell-command-to-string "echo hi; echo there >&2")))
(show 'shell-command-switch shell-command-switch)
(show 'process-file (let ((default-directory "/")) (with-temp-buffer (list (process-file "pwd" nil t) (buffer-string)))))
(show 'executable-find (list (file-executable-p (executable-find "sh")) (executable-find "no-such-program-here")))

;;; make-process: events

(defun run-logged (name command &optional after)
  ;; Output is joined: how it is split into filter calls depends on timing.
  (let* ((log nil)
         (p (make-process :name name :command command :connection-type 'pipe
                          :filter (lambda (_p s)
                                    (if (eq (car-safe (car log)) 'out)
                                        (setcar (cdar log) (concat (cadr (car log)) s))
                                      (push (list 'out s) log)))
                          :sentinel (lambda (p e) (push (list 'event e (process-status p) (process-exit-status p)
                                                              (memq p (process-list)))
                                                        log)))))
    (when after (funcall after p))
    (wait-until (lambda () (assq 'event log)))
    (list (reverse log) (process-status p) (process-exit-status p) (process-live-p p))))

(show 'finished (run-logged "ok" '("sh" "-c" "echo hi; printf tail")))
(show 'abnormal (run-logged "code3" '("sh" "-c" "echo hi; exit 3")))
(show 'kill-9 (run-logged "kill9" '("sh" "-c" "echo hi; kill -9 $$")))
(show 'kill-15 (run-logged "term" '("sh" "-c" "kill -15 $$")))
(show 'hangup (run-logged "hup" '("sh" "-c" "kill -1 $$")))
(show 'segv (run-logged "segv" '("sh" "-c" "kill -11 $$")))
(show 'usr1 (run-logged "usr1" '("sh" "-c" "kill -USR1 $$")))
(show 'kill-process (run-logged "killp" '("sleep" "10") #'kill-process))
(show 'interrupt-process (run-logged "intp" '("sleep" "10") #'interrupt-process))
(show 'signal-process (run-logged "sigp" '("sleep" "10") (lambda (p) (signal-process p 'SIGTERM))))
(show 'signal-number (run-logged "sign" '("sleep" "10") (lambda (p) (signal-process p 15))))
(show 'cat (run-logged "cat" '("cat") (lambda (p) (process-send-string p "abc\n") (process-send-eof p))))
(show 'send-region
      (run-logged "catr" '("cat")
                  (lambda (p)
                    (with-temp-buffer (insert "line1\nline2\n") (process-send-region p (point-min) (point-max)))
                    (process-send-eof p))))
(show 'binary-filter
      (let* ((got nil)
             (p (make-process :name "bin" :command '("printf" "\\303\\251") :coding 'binary :connection-type 'pipe
                              :filter (lambda (_p s) (push (list s (multibyte-string-p s)) got)))))
        (list (process-coding-system p) (and (wait-until (lambda () got)) t) got)))

;;; make-process: the object

(let ((p (make-process :name "st" :command '("sleep" "10") :connection-type 'pipe)))
  (show 'accessors
        (list (process-status p) (process-live-p p) (process-type p) (process-command p) (process-exit-status p)
              (process-filter p) (process-sentinel p) (process-buffer p) (process-query-on-exit-flag p)
              (process-contact p) (process-contact p t) (process-tty-name p) (process-coding-system p)
              (integerp (process-id p)) (format "%S" p) (process-mark p) (processp p)
              (eq (get-process "st") p) (and (memq p (process-list)) t)))
  (show 'second-name (let ((q (make-process :name "st" :command '("true") :connection-type 'pipe)))
                       (prog1 (process-name q) (delete-process q))))
  (let ((events nil))
    (set-process-sentinel p (lambda (_p e) (push e events)))
    (show 'delete (list (delete-process p) events (process-status p) (process-exit-status p) (memq p (process-list))))))

(let* ((b (get-buffer-create "subproc-default")))
  (with-current-buffer b (insert "pre\n") (goto-char 2))
  (let ((p (make-process :name "dflt" :buffer b :connection-type 'pipe :command '("sh" "-c" "echo one; echo two; exit 4"))))
    (show 'default-mark (list (process-mark p) (eq (get-buffer-process b) p)))
    (wait-until (lambda () (with-current-buffer b (string-match-p "Process" (buffer-string)))))
    (show 'default-filter-sentinel
          (with-current-buffer b (list (buffer-string) (point) (marker-position (process-mark p)) (get-buffer-process b))))))

(let* ((eb (get-buffer-create "subproc-errb"))
       (p (make-process :name "e" :buffer "subproc-outb" :stderr eb :connection-type 'pipe
                        :command '("sh" "-c" "echo out; echo err >&2; exit 1"))))
  (show 'stderr-buffer-process
        (let ((ep (get-buffer-process eb)))
          (list (process-name ep) (process-type ep) (process-status ep) (process-command ep))))
  (wait-until (lambda () (and (with-current-buffer eb (string-match-p "Process" (buffer-string)))
                              (with-current-buffer "subproc-outb" (string-match-p "Process" (buffer-string))))))
  (show 'stderr-buffer (list (with-current-buffer "subproc-outb" (buffer-string)) (with-current-buffer eb (buffer-string)))))

(let* ((got nil)
       (ep (make-pipe-process :name "ep" :filter (lambda (_p s) (push (list 'err s) got))
                              :sentinel (lambda (_p e) (push (list 'ep-event e) got))))
       (p (make-process :name "e2" :stderr ep :connection-type 'pipe :command '("sh" "-c" "echo err >&2; exit 1")
                        :filter (lambda (_p s) (push (list 'out s) got)))))
  (show 'pipe-process (list (process-type ep) (process-status ep) (process-command ep) ep))
  (wait-until (lambda () (and (not (process-live-p p)) (assq 'ep-event got))))
  (show 'stderr-pipe (list (reverse got) (process-status ep) (process-status p))))

(show 'start-process
      (let* ((b (get-buffer-create "subproc-sp"))
             (p (start-process "sp" b "sh" "-c" "echo started")))
        (wait-until (lambda () (with-current-buffer b (string-match-p "Process" (buffer-string)))))
        (list (process-command p) (with-current-buffer b (buffer-string)))))
(show 'start-process-shell-command
      (let* ((shell-file-name "sh")
             (b (get-buffer-create "subproc-sh"))
             (p (start-process-shell-command "shp" b "echo $((1+2)); exit 5")))
        (wait-until (lambda () (with-current-buffer b (string-match-p "Process" (buffer-string)))))
        (list (process-command p) (with-current-buffer b (buffer-string)))))
(show 'start-file-process
      (let* ((default-directory "/")
             (b (get-buffer-create "subproc-sfp"))
             (p (start-file-process "sfp" b "pwd")))
        (wait-until (lambda () (with-current-buffer b (string-match-p "Process" (buffer-string)))))
        (with-current-buffer b (buffer-string))))

;;; make-process: errors

(show 'make-missing (make-process :name "x" :command '("no-such-program-here")))
(show 'make-no-name (make-process :command '("true")))
(show 'make-bad-command (make-process :name "x" :command "true"))
(show 'make-bad-word (make-process :name "x" :command '("true" 1)))
(show 'make-stop (make-process :name "x" :command '("true") :stop t))
(show 'make-coding (make-process :name "x" :command '("true") :coding 'no-such-coding))
(show 'make-directory (make-process :name "x" :command '("/")))
(show 'bad-signal (signal-process (make-process :name "sig" :command '("true") :connection-type 'pipe) 'NOSIG))
(show 'signal-string (signal-process "no-such-process" 'SIGTERM))
(show 'kill-network (let ((s (make-network-process :name "srv" :server t :service t)))
                      (prog1 (kill-process s) (delete-process s))))
(let ((p (make-process :name "done" :command '("true") :connection-type 'pipe)))
  (wait-until (lambda () (not (memq p (process-list)))))
  (show 'dead (list (process-status p)
                    (condition-case e (process-send-string p "x") (error e))
                    (condition-case e (kill-process p) (error e))
                    (signal-process p 0))))
(delete-directory case-dir t)
