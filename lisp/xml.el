;;; xml.el --- XML documents as Lisp trees  -*- lexical-binding: t -*-

;; The parser is `xml-parse-region' (src/primitives/xml.ts).  A node is
;; (NAME ATTRIBUTES . CHILDREN): NAME a symbol, ATTRIBUTES an alist of
;; symbols to strings, CHILDREN nodes and strings.  This file has the rest
;; of Emacs's xml.el that scripts use: reading files, taking nodes apart,
;; escaping, and printing trees back.

(defvar xml-entity-alist
  '(("lt" . "&#60;") ("gt" . ">") ("apos" . "'") ("quot" . "\"") ("amp" . "&#38;"))
  "Entity names and their expansions (read again as XML).")

(defvar xml-undefined-entity "?" "What an entity reference with no definition becomes.")

(define-error 'xml-invalid-character "Invalid XML character")

(defun xml-parse-file (file &optional parse-dtd parse-ns)
  "Parse the XML document in FILE."
  (with-temp-buffer
    (insert-file-contents file)
    (xml-parse-region (point-min) (point-max) nil parse-dtd parse-ns)))

(defsubst xml-node-name (node) "NODE's name." (car node))
(defsubst xml-node-attributes (node) "NODE's attribute alist." (nth 1 node))
(defsubst xml-node-children (node) "NODE's children." (cddr node))

(defun xml-get-children (node child-name)
  "NODE's child elements named CHILD-NAME."
  (let ((found nil))
    (dolist (child (xml-node-children node))
      (when (and (consp child) (equal (xml-node-name child) child-name))
        (push child found)))
    (nreverse found)))

(defun xml-get-attribute-or-nil (node attribute)
  "The value of NODE's ATTRIBUTE, or nil."
  (cdr (assoc attribute (xml-node-attributes node))))

(defun xml-get-attribute (node attribute)
  "The value of NODE's ATTRIBUTE, or \"\"."
  (or (xml-get-attribute-or-nil node attribute) ""))

(defconst xml-invalid-characters-re
  "[\0-\10\13\14\16-\37\uFFFE\uFFFF]"
  "Characters XML does not allow.")

(defun xml-escape-string (string &optional noerror)
  "STRING with & < > \" ' as entity references; characters XML cannot hold are
removed if NOERROR, else signal `xml-invalid-character'."
  (let ((bad (string-match xml-invalid-characters-re string)))
    (when bad
      (if noerror
          (setq string (replace-regexp-in-string xml-invalid-characters-re "" string))
        (signal 'xml-invalid-character (list (aref string bad) (1+ bad))))))
  (replace-regexp-in-string
   "[&<>\"']"
   (lambda (c) (cdr (assoc c '(("&" . "&amp;") ("<" . "&lt;") (">" . "&gt;") ("\"" . "&quot;") ("'" . "&apos;")))))
   string t t))

(defun xml-debug-print-internal (node indent)
  "Insert NODE as XML, its first line indented with INDENT."
  (insert indent "<" (symbol-name (xml-node-name node)))
  (dolist (attribute (xml-node-attributes node))
    (insert " " (symbol-name (car attribute)) "=\"" (xml-escape-string (cdr attribute)) "\""))
  (let ((children (xml-node-children node)))
    (if (null children)
        (insert "/>")
      (insert ">")
      (dolist (child children)
        (cond ((consp child) (insert "\n") (xml-debug-print-internal child (concat indent "  ")))
              ((stringp child) (insert (xml-escape-string child)))
              (t (error "Invalid XML tree"))))
      ;; Only a lone string child keeps the end tag on the same line.
      (unless (and (null (cdr children)) (stringp (car children)))
        (insert "\n" indent))
      (insert "</" (symbol-name (xml-node-name node)) ">"))))

(defun xml-print (xml &optional indent-string)
  "Insert the nodes of XML (a list) at point, each on its own line."
  (dolist (node xml)
    (xml-debug-print-internal node (or indent-string ""))))

(defun xml-debug-print (xml &optional indent-string)
  "Like `xml-print'."
  (xml-print xml indent-string))

(defun xml-remove-comments (beg end)
  "Delete the <!-- ... --> comments between BEG and END."
  (save-excursion
    (save-restriction
      (narrow-to-region beg end)
      (goto-char (point-min))
      (while (search-forward "<!--" nil t)
        (let ((start (match-beginning 0)))
          (when (search-forward "-->" nil t)
            (delete-region start (point))))))))

(provide 'xml)

;;; xml.el ends here
