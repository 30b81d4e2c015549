;;; warnings.el --- warnings shown on stderr and logged in *Warnings*  -*- lexical-binding: t -*-

;; As Emacs 28 in batch: a warning at or above `warning-minimum-log-level'
;; goes to the log buffer and is shown with `message', as "Warning (TYPE):
;; TEXT" (batch Emacs shows it whatever `warning-minimum-level' says).

(defvar warning-levels
  '((:emergency "Emergency%s: ") (:error "Error%s: ") (:warning "Warning%s: ") (:debug "Debug%s: ")))
(defvar warning-level-aliases
  '((emergency . :emergency) (error . :error) (warning . :warning) (notice . :warning)
    (info . :warning) (critical . :emergency) (alarm . :emergency)))
(defvar warning-minimum-level :warning)
(defvar warning-minimum-log-level :warning)
(defvar warning-suppress-types nil)
(defvar warning-suppress-log-types nil)
(defvar warning-type-format " (%s)")
(defvar warning-prefix-function nil)
(defvar warning-series nil)
(defvar warning-fill-prefix nil)

(defun warning-numeric-level (level)
  (let ((i 0) (found nil))
    (dolist (entry warning-levels)
      (when (eq (car entry) level) (setq found (- (length warning-levels) i)))
      (setq i (1+ i)))
    found))

(defun warning-suppress-p (type suppress-list)
  (let ((types (if (consp type) type (list type))) (hit nil))
    (dolist (s suppress-list)
      (if (symbolp s)
          (when (eq s (car types)) (setq hit t))
        (let ((a types) (b s) (ok t))
          (while (and ok b)
            (unless (eq (car a) (car b)) (setq ok nil))
            (setq a (cdr a) b (cdr b)))
          (when ok (setq hit t)))))
    hit))

(defun display-warning (type message &optional level buffer-name)
  (unless level (setq level :warning))
  (unless buffer-name (setq buffer-name "*Warnings*"))
  (let ((alias (assq level warning-level-aliases)))
    (when alias (setq level (cdr alias))))
  (when (and (>= (warning-numeric-level level) (warning-numeric-level warning-minimum-log-level))
             (not (warning-suppress-p type warning-suppress-log-types)))
    (let* ((typename (if (consp type) (car type) type))
           (text (concat (format (nth 1 (assq level warning-levels))
                                 (format warning-type-format typename))
                         message)))
      (with-current-buffer (get-buffer-create buffer-name)
        (goto-char (point-max))
        (unless (bolp) (insert "\n"))
        (insert text "\n"))
      (unless (warning-suppress-p type warning-suppress-types)
        (message "%s" text)))))

(defun warn (message &rest args)
  (display-warning 'emacs (apply #'format-message message args)))

(defun lwarn (type level message &rest args)
  (display-warning type (apply #'format-message message args) level))

(provide 'warnings)
