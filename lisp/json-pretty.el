;;; json-pretty.el --- the rest of json.el: json-join, json-read-file, json-pretty-print  -*- lexical-binding: t -*-

;; json-read, json-read-from-string and json-encode are built in
;; (src/primitives/json.ts).

(defun json-join (strings separator)
  "STRINGS joined with SEPARATOR."
  (mapconcat #'identity strings separator))

(defun json-read-file (file)
  "The first JSON value in FILE."
  (with-temp-buffer
    (insert-file-contents file)
    (goto-char (point-min))
    (json-read)))

(defun json-pretty-print (begin end &optional minimize)
  "Replace each JSON value between BEGIN and END by its pretty-printed (or, with MINIMIZE, compact) form."
  (interactive "r\nP")
  (save-excursion
    (let ((json-encoding-pretty-print (null minimize))
          (json-key-type 'string)
          (json-object-type 'alist)
          (json-null :json-null)
          (end-marker (copy-marker end)))
      (goto-char begin)
      (while (progn (skip-chars-forward " \t\n\r" end-marker) (< (point) end-marker))
        (let* ((start (point))
               (value (json-read))
               (text (json-encode value)))
          (delete-region start (point))
          (insert text)))
      (set-marker end-marker nil))))

(defun json-pretty-print-buffer (&optional minimize)
  "Pretty-print (or with MINIMIZE, compact) the JSON of the whole buffer."
  (interactive "P")
  (json-pretty-print (point-min) (point-max) minimize))

(defun json-pretty-print-ordered (begin end &optional minimize)
  "Like `json-pretty-print', with object keys sorted."
  (interactive "r\nP")
  (let ((json-encoding-object-sort-predicate #'string<))
    (json-pretty-print begin end minimize)))

(defun json-pretty-print-buffer-ordered (&optional minimize)
  "Like `json-pretty-print-buffer', with object keys sorted."
  (interactive "P")
  (json-pretty-print-ordered (point-min) (point-max) minimize))
