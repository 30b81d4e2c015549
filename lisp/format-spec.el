;;; format-spec.el --- format strings with %-specs chosen by the caller  -*- lexical-binding: t -*-

;; (format-spec "%u@%h" '((?u . "me") (?h . "host"))) => "me@host", with Emacs
;; 28's flags: 0 (pad with zeros), - (pad on the right), ^ (upcase),
;; _ (downcase), > and < (cut to the width, keeping the left or the right
;; part), a width, and .PRECISION (cut to that many characters).

(defun format-spec--flags-apply (text flags width precision)
  (when precision
    (setq text (substring text 0 (min precision (length text)))))
  (when (memq ?^ flags) (setq text (upcase text)))
  (when (memq ?_ flags) (setq text (downcase text)))
  (when (and width (> (length text) width))
    (cond ((memq ?> flags) (setq text (substring text 0 width)))
          ((memq ?< flags) (setq text (substring text (- (length text) width))))))
  (when (and width (< (length text) width))
    (let ((pad (make-string (- width (length text)) (if (memq ?0 flags) ?0 ?\s))))
      (setq text (if (memq ?- flags) (concat text pad) (concat pad text)))))
  text)

(defun format-spec (format specification &optional ignore-missing split)
  ;; Literal text is taken with substring, so it keeps its text properties; a
  ;; substitution keeps the value's and gets those of its `%'.
  (let ((i 0) (n (length format)) (pieces nil) (from 0))
    (while (< i n)
      (if (not (eq (aref format i) ?%))
          (setq i (1+ i))
        (if (and (< (1+ i) n) (eq (aref format (1+ i)) ?%))
            (progn (push (substring format from (1+ i)) pieces)
                   (setq i (+ i 2) from i))
          ;; %[flags][width][.precision]char
          (let ((start i) (flags nil) (width nil) (precision nil))
            (setq i (1+ i))
            (while (and (< i n) (memq (aref format i) '(?0 ?- ?^ ?_ ?< ?> ?\s)))
              (push (aref format i) flags)
              (setq i (1+ i)))
            (while (and (< i n) (<= ?0 (aref format i) ?9))
              (setq width (+ (* (or width 0) 10) (- (aref format i) ?0)) i (1+ i)))
            (when (and (< i n) (eq (aref format i) ?.))
              (setq i (1+ i) precision 0)
              (while (and (< i n) (<= ?0 (aref format i) ?9))
                (setq precision (+ (* precision 10) (- (aref format i) ?0)) i (1+ i))))
            (when (< i n)
              (let* ((char (aref format i))
                     (entry (assq char specification)))
                (setq i (1+ i))
                (cond
                 (entry
                  (let* ((value (cdr entry))
                         (text (format-spec--flags-apply
                                (if (stringp value) value (format "%s" value)) flags width precision))
                         (plist (text-properties-at start format)))
                    (push (substring format from start) pieces)
                    (when plist
                      (setq text (copy-sequence text))
                      (add-text-properties 0 (length text) plist text))
                    (push text pieces)
                    (setq from i)))
                 ((eq ignore-missing 'delete)
                  (push (substring format from start) pieces)
                  (setq from i))
                 (ignore-missing)
                 (t (error "Invalid format character: `%%%c'" char)))))))))
    (push (substring format from) pieces)
    (setq pieces (nreverse pieces))
    (if split
        (delete "" pieces)
      (format-spec--join-runs (apply #'concat pieces)))))

(defun format-spec--join-runs (string)
  ;; Emacs edits the format in a buffer, inserting each value so that it
  ;; inherits, so neighbouring text with equal properties ends up as one run.
  (let ((pos 0) (n (length string)))
    (while (< pos n)
      (let ((plist (text-properties-at pos string))
            (end (next-property-change pos string n)))
        (while (and (< end n) plist (equal (text-properties-at end string) plist))
          (setq end (next-property-change end string n)))
        (when plist (set-text-properties pos end plist string))
        (setq pos end))))
  string)

(provide 'format-spec)
