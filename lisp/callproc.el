;;; callproc.el --- Lisp-level process helpers of subr.el, simple.el and files.el  -*- lexical-binding: t -*-

;; Written for elisp after the documented behaviour of GNU Emacs 28.2; the
;; primitives they call (make-process, call-process...) are in
;; src/primitives/process.ts and callproc.ts. Each function here is an
;; autoload until first use.

(defun start-process (name buffer program &rest program-args)
  "Start a program in a subprocess.  Return the process object for it.
NAME is the name of the process, BUFFER its buffer (or buffer name, or
nil), PROGRAM the program file name and PROGRAM-ARGS its arguments."
  (apply #'make-process
         (append (list :name name :buffer buffer)
                 (if program (list :command (cons program program-args))))))

(defun start-file-process (name buffer program &rest program-args)
  "Start a program in a subprocess, in `default-directory'.
Without remote file name handlers this is `start-process'."
  (apply #'start-process name buffer program program-args))

(defun start-process-shell-command (name buffer command)
  "Start a program in a subprocess running COMMAND with `shell-file-name'."
  (start-process name buffer shell-file-name shell-command-switch command))

(defun start-file-process-shell-command (name buffer command)
  "Start COMMAND in a shell subprocess, in `default-directory'."
  (start-file-process name buffer shell-file-name shell-command-switch command))

(defun process-file (program &optional infile buffer display &rest args)
  "Process files synchronously in a separate process, in `default-directory'.
Like `call-process', with INFILE relative to `default-directory'."
  (apply #'call-process program
         (when infile (expand-file-name infile))
         buffer display args))

(defun call-process-shell-command (command &optional infile buffer display &rest args)
  "Run the shell command COMMAND synchronously in a separate process."
  (call-process shell-file-name infile buffer display shell-command-switch
                (mapconcat #'identity (cons command args) " ")))

(defun process-file-shell-command (command &optional infile buffer display &rest args)
  "Process files synchronously with the shell command COMMAND."
  (process-file shell-file-name infile buffer display shell-command-switch
                (mapconcat #'identity (cons command args) " ")))

(defun process-lines-handling-status (program status-handler &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines.
STATUS-HANDLER, if non-nil, is called with the exit status; if nil, a
non-zero exit status signals an error."
  (with-temp-buffer
    (let ((status (apply #'call-process program nil (current-buffer) nil args)))
      (if status-handler
          (funcall status-handler status)
        (unless (eq status 0)
          (error "%s exited with status %s" program status)))
      (goto-char (point-min))
      (let (lines)
        (while (not (eobp))
          (setq lines (cons (buffer-substring-no-properties
                             (line-beginning-position)
                             (line-end-position))
                            lines))
          (forward-line 1))
        (nreverse lines)))))

(defun process-lines (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines.
Signal an error if the program returns with a non-zero exit status."
  (apply #'process-lines-handling-status program nil args))

(defun process-lines-ignore-status (program &rest args)
  "Execute PROGRAM with ARGS, returning its output as a list of lines.
The exit status of the program is ignored."
  (apply #'process-lines-handling-status program #'ignore args))

(defun shell-command-to-string (command)
  "Execute shell command COMMAND and return its output as a string."
  (with-temp-buffer
    (call-process shell-file-name nil t nil shell-command-switch command)
    (buffer-string)))

;;; shell-command and shell-command-on-region, as batch Emacs runs them: the
;;; output goes to a buffer and, when it would fit in the echo area (six
;;; lines of 79 columns), to `message'.

(defun shell-command--destination (error-buffer)
  ;; Standard error with standard output, or in a file for ERROR-BUFFER.
  (if error-buffer (make-temp-file "scor") nil))

(defun shell-command--take-errors (error-file error-buffer)
  (when error-file
    (with-current-buffer (get-buffer-create error-buffer)
      (let ((inhibit-read-only t))
        (goto-char (point-max))
        (insert-file-contents error-file)))
    (delete-file error-file)))

(defun shell-command--screen-lines (text)
  (let ((n 0))
    (dolist (line (split-string text "\n"))
      (setq n (+ n (max 1 (ceiling (length line) 79.0)))))
    n))

(defvar shell-command--window-buffer nil
  "The buffer batch Emacs's one window shows after output too long for the echo area.
Output to a buffer in that window is not messaged: the window shows it.")

(defun shell-command--show (buffer status)
  (let ((text (with-current-buffer buffer (buffer-string))))
    (cond ((string= text "")
           (message (if (eq status 0) "(Shell command succeeded with no output)"
                      (format "(Shell command failed with code %s and no output)" status))))
          ((eq buffer shell-command--window-buffer))
          (t (when (string-suffix-p "\n" text) (setq text (substring text 0 -1)))
             (if (<= (shell-command--screen-lines text) 6)
                 (message "%s" text)
               (setq shell-command--window-buffer buffer))))))

(defun shell-command (command &optional output-buffer error-buffer)
  (interactive)
  (let ((error-file (shell-command--destination error-buffer)))
    (if (and output-buffer
             (or (not (or (bufferp output-buffer) (stringp output-buffer)))
                 (eq (get-buffer output-buffer) (current-buffer))))
        ;; Into this buffer at point: point stays before the output, the mark after it.
        (let ((start (point)))
          (call-process shell-file-name nil (if error-file (list t error-file) t) nil
                        shell-command-switch command)
          (shell-command--take-errors error-file error-buffer)
          (push-mark (point) t)
          (goto-char start))
      (let ((buffer (get-buffer-create (or output-buffer "*Shell Command Output*")))
            (status nil))
        (with-current-buffer buffer
          (let ((inhibit-read-only t)) (erase-buffer))
          (setq status (call-process shell-file-name nil (if error-file (list t error-file) t) nil
                                     shell-command-switch command)))
        (shell-command--take-errors error-file error-buffer)
        (shell-command--show buffer status)
        status))))

(defun shell-command-on-region (start end command &optional output-buffer replace error-buffer
                                      _display-error-buffer _region-noncontiguous-p)
  (interactive)
  (let ((error-file (shell-command--destination error-buffer)))
    (if (or replace (and output-buffer (not (or (bufferp output-buffer) (stringp output-buffer)))))
        ;; The output replaces the region (or goes in at point): point before it, the mark after.
        (let ((input (buffer-substring start end))
              (status nil))
          (when replace (delete-region start end))
          (goto-char (if replace start (point)))
          (let ((from (point)))
            (setq status (with-temp-buffer
                           (insert input)
                           (let ((out (current-buffer)) (s nil))
                             (setq s (call-process-region (point-min) (point-max) shell-file-name t
                                                          (if error-file (list t error-file) t) nil
                                                          shell-command-switch command))
                             (setq input (with-current-buffer out (buffer-string)))
                             s)))
            (insert input)
            (shell-command--take-errors error-file error-buffer)
            (push-mark (point) t)
            (goto-char from))
          status)
      (let ((buffer (get-buffer-create (or output-buffer "*Shell Command Output*")))
            (input (buffer-substring start end))
            (status nil))
        (with-current-buffer buffer
          (let ((inhibit-read-only t)) (erase-buffer))
          (setq status (call-process-region input nil shell-file-name nil
                                            (if error-file (list buffer error-file) buffer) nil
                                            shell-command-switch command)))
        (shell-command--take-errors error-file error-buffer)
        (shell-command--show buffer status)
        status))))

;;; callproc.el ends here
