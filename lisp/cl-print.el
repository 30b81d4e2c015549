;;; cl-print.el --- printing that methods can extend  -*- lexical-binding: t -*-

;; `cl-prin1' prints like `prin1', except that each object goes through the
;; generic function `cl-print-object', so a `cl-defmethod' on a structure
;; type changes how its objects print, also inside lists and vectors; and
;; structures print with their slot names: #s(point :x 1 :y 2).

(defun cl-print--struct-type (object)
  "OBJECT's structure type, if it is a record-based structure."
  (and (recordp object)
       (let ((type (type-of object)))
         (and (symbolp type) (get type 'cl--struct-slots) type))))

(cl-defgeneric cl-print-object (object stream)
  "Print OBJECT on STREAM as `cl-prin1' does."
  (let ((struct (cl-print--struct-type object)))
    (cond
     ((and (consp object) (not (memq (car object) '(quote function \` \, \,@))))
      (princ "(" stream)
      (let ((tail object) (count 0))
        (while (consp tail)
          (unless (eq tail object) (princ " " stream))
          (if (and print-length (>= count print-length))
              (progn (princ "..." stream) (setq tail nil))
            (cl-print-object (car tail) stream)
            (setq tail (cdr tail) count (1+ count))))
        (when tail
          (princ " . " stream)
          (cl-print-object tail stream)))
      (princ ")" stream))
     ((vectorp object)
      (princ "[" stream)
      (let ((i 0) (n (length object)))
        (while (< i n)
          (unless (zerop i) (princ " " stream))
          (if (and print-length (>= i print-length))
              (progn (princ "..." stream) (setq i n))
            (cl-print-object (aref object i) stream)
            (setq i (1+ i)))))
      (princ "]" stream))
     (struct
      (princ "#s(" stream)
      (prin1 struct stream)
      (let ((index 1))
        (dolist (slot (get struct 'cl--struct-slots))
          (princ " :" stream)
          (princ (car slot) stream)
          (princ " " stream)
          (cl-print-object (aref object index) stream)
          (setq index (1+ index))))
      (princ ")" stream))
     (t (prin1 object stream)))))

(defun cl-prin1 (object &optional stream)
  "Print OBJECT on STREAM (`standard-output') through `cl-print-object'."
  (cl-print-object object (or stream standard-output))
  object)

(defun cl-prin1-to-string (object)
  "What `cl-prin1' prints for OBJECT."
  (with-output-to-string (cl-prin1 object)))

(provide 'cl-print)

;;; cl-print.el ends here
