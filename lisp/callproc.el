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

;;; callproc.el ends here
