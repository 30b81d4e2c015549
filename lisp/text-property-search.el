;;; text-property-search.el --- find stretches of text by property  -*- lexical-binding: t -*-

;; text-property-search-forward and -backward move over the next stretch
;; whose PROPERTY matches and return a prop-match of it, as Emacs 28's do:
;; PREDICATE t matches VALUE with `equal', nil matches what is not `equal'
;; to VALUE (so VALUE nil matches any non-nil value), a function is called
;; with VALUE and the property's value. A stretch ends where the property
;; changes, except that stretches not equal to a non-nil VALUE run on
;; through all such values.

(require 'cl-lib)

(cl-defstruct (prop-match) beginning end value)

(defun text-property--match-p (value prop-value predicate)
  (cond ((eq predicate t) (equal value prop-value))
        ((null predicate) (not (equal value prop-value)))
        (t (funcall predicate value prop-value))))

(defun text-property--find-end-forward (start property value predicate)
  (let ((end nil))
    (if (and value (null predicate))
        (let ((done nil))
          (while (not done)
            (setq end (next-single-property-change (point) property))
            (if (not end)
                (progn (goto-char (point-max)) (setq end (point) done t))
              (goto-char end)
              (unless (text-property--match-p value (get-text-property (point) property) predicate)
                (setq done t)))))
      (setq end (next-single-property-change (point) property nil (point-max)))
      (goto-char end))
    (make-prop-match :beginning start :end end :value (get-text-property start property))))

(defun text-property--find-end-backward (start property value predicate)
  (let ((end nil))
    (if (and value (null predicate))
        (let ((done nil))
          (while (not done)
            (setq end (previous-single-property-change (point) property))
            (if (not end)
                (progn (goto-char (point-min)) (setq end (point) done t))
              (goto-char (1- end))
              (unless (text-property--match-p value (get-text-property (point) property) predicate)
                (goto-char end)
                (setq done t)))))
      (setq end (previous-single-property-change (point) property nil (point-min)))
      (goto-char end))
    (make-prop-match :beginning end :end (1+ start) :value (get-text-property end property))))

(defun text-property-search-forward (property &optional value predicate not-current)
  (cond
   ((eobp) nil)
   ((and (not not-current)
         (text-property--match-p value (get-text-property (point) property) predicate))
    ;; Inside a match: it runs from here.
    (text-property--find-end-forward (point) property value predicate))
   (t
    (let ((origin (point)) (found nil) (pos nil))
      (while (not found)
        (setq pos (next-single-property-change (point) property))
        (if (not pos)
            (progn (goto-char origin) (setq found t))
          (goto-char pos)
          (if (text-property--match-p value (get-text-property (point) property) predicate)
              (setq found (text-property--find-end-forward (point) property value predicate))
            ;; A stretch that does not match: on past it.
            (setq pos (next-single-property-change (point) property))
            (unless pos (goto-char origin) (setq found t)))))
      (and (not (eq found t)) found)))))

(defun text-property-search-backward (property &optional value predicate not-current)
  (cond
   ((bobp) nil)
   ((text-property--match-p value (get-text-property (1- (point)) property) predicate)
    (let* ((origin (point))
           (match (text-property--find-end-backward (1- (point)) property value predicate)))
      ;; Asked to skip the current stretch and still in it: search again from here.
      (if (and not-current (equal (get-text-property (point) property) (get-text-property origin property)))
          (text-property-search-backward property value predicate)
        match)))
   (t
    (let ((origin (point)) (found nil) (pos nil))
      ;; Emacs 28 starts looking one character back: a stretch that does not
      ;; match and is one character long hides the match before it.
      (backward-char 1)
      (while (not found)
        (setq pos (previous-single-property-change (point) property))
        (if (not pos)
            (progn (goto-char origin) (setq found t))
          (goto-char (1- pos))
          (if (text-property--match-p value (get-text-property (point) property) predicate)
              (setq found (text-property--find-end-backward (point) property value predicate))
            (setq pos (previous-single-property-change (point) property))
            (unless pos (goto-char origin) (setq found t)))))
      (and (not (eq found t)) found)))))

(provide 'text-property-search)
