;;; url-util.el --- URL strings: queries, encoding, file parts  -*- lexical-binding: t -*-

;; url-hexify-string and url-unhex-string are built in (src/primitives/coding.ts).

(require 'url-parse)

(defun url-build-query-string (query &optional semicolons keep-empty)
  "The query string for QUERY, a list of (KEY VALUE...) entries: \"a=1&b=x%20y\".
A key without values stands alone unless KEEP-EMPTY; SEMICOLONS separates with \";\"."
  (mapconcat
   #'identity
   (mapcan (lambda (entry)
             (let ((key (url-hexify-string (format "%s" (car entry)))))
               (if (or (cdr entry) keep-empty)
                   (mapcar (lambda (value) (concat key "=" (url-hexify-string (format "%s" value))))
                           (or (cdr entry) (list nil)))
                 (list key))))
           query)
   (if semicolons ";" "&")))

(defun url-parse-query-string (query &optional downcase allow-newlines)
  "The alist (KEY VALUE...) of the query string QUERY, unescaped; later values first.
DOWNCASE downcases the keys; ALLOW-NEWLINES keeps escaped newlines."
  (let ((result nil))
    (dolist (pair (split-string query "[;&]"))
      (let* ((cut (string-match "=" pair))
             (key (url-unhex-string (if cut (substring pair 0 cut) pair) allow-newlines))
             (value (decode-coding-string
                     (url-unhex-string (if cut (substring pair (1+ cut)) "") allow-newlines)
                     'utf-8)))
        (when downcase (setq key (downcase key)))
        (setq key (decode-coding-string key 'utf-8))
        (let ((entry (assoc key result)))
          (if entry
              (setcdr entry (cons value (cdr entry)))
            (push (list key value) result)))))
    result))

(defconst url--encode-allowed
  (let ((allowed (make-vector 256 nil)))
    (dolist (c (string-to-list (concat "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
                                       "-._~!$&'()*+,;=:@/?%")))
      (aset allowed c t))
    allowed)
  "The bytes url-encode-url leaves alone in a path, query or fragment.")

(defun url-encode-url (url)
  "URL with the characters a URL may not hold percent-encoded (spaces, non-ASCII...); existing escapes stay."
  (let* ((obj (url-generic-parse-url url))
         (file (url-filename obj))
         (target (url-target obj)))
    (when file (setf (url-filename obj) (url-hexify-string file url--encode-allowed)))
    (when target (setf (url-target obj) (url-hexify-string target url--encode-allowed)))
    (url-recreate-url obj)))

(defun url-file-extension (fname &optional x)
  "The extension of FNAME's last part with its dot (\"\" when none); with X, that part without it."
  (let ((base (and fname (url-file-nondirectory fname))))
    (if (and base (string-match "\\.[^./]+\\'" base))
        (if x (substring base 0 (match-beginning 0)) (match-string 0 base))
      (if x base ""))))

(defun url-file-directory (file)
  "The directory part of the URL file name FILE, ending in \"/\"."
  (cond ((null file) "")
        ((string-match "\\?" file) (url-file-directory (substring file 0 (match-beginning 0))))
        ((string-match "\\(.*\\(/\\|%2[fF]\\)\\)" file) (match-string 1 file))))

(defun url-file-nondirectory (file)
  "The last part of the URL file name FILE, after its last \"/\"."
  (cond ((null file) "")
        ((string-match "\\?" file) (url-file-nondirectory (substring file 0 (match-beginning 0))))
        ((string-match ".*\\(?:/\\|%2[fF]\\)\\(.*\\)" file) (match-string 1 file))
        (t file)))

(defun url-eat-trailing-space (x)
  "X without its trailing whitespace."
  (replace-regexp-in-string "[ \t\n\r]+\\'" "" x))

(defun url-strip-leading-spaces (x)
  "X without its leading whitespace."
  (replace-regexp-in-string "\\`[ \t\n\r]+" "" x))

(defun url-insert-entities-in-string (string)
  "STRING with &, <, > and \" as HTML entities."
  (replace-regexp-in-string
   "[&<>\"]"
   (lambda (c) (pcase c ("&" "&amp;") ("<" "&lt;") (">" "&gt;") (_ "&quot;")))
   string t t))

(provide 'url-util)
