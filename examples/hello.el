;;; hello.el --- a first elisp script  -*- lexical-binding: t -*-

;; Run it with:  npx elisp examples/hello.el [NAME...]

(defun hello-greeting (name)
  "Return a greeting for NAME."
  (format "Hello, %s! Welcome to Emacs Lisp." name))

(let ((names (or command-line-args-left '("world"))))
  (dolist (name names)
    (princ (hello-greeting name))
    (terpri)))

(princ (format "%d + %d = %d\n" 2 3 (+ 2 3)))
