;;; -*- lexical-binding: t -*-
;; Differential checks against GNU Emacs 28.2 (golden made with emacs -Q --batch -l): version strings,
;; the running Emacs and user (as types only), shell quoting and unquoting.
(dolist (f '((version-to-list "1.0pre2") (version-to-list "28.2") (version-to-list "1.2.3-beta") (version-to-list "1.0.snapshot") (version< "1.2" "1.10") (version<= "1" "1.0") (version= "1" "1.0") (version-to-list "a.b") (version-to-list "") (version-to-list "2.0rc1") (version-to-list "1.2-alpha3") (version-list-< (list 1 2) (list 1 2 0)) (version< "1.0" "1.0.1") (version-to-list "1..2") (version-to-list ".5") (version-to-list "1.2git") (version-to-list "3.0 beta") (version-to-list 12) (version-list-= '(1 0) '(1)) (version-list-<= '(1 -1) '(1)) (version-list-not-zero '(0 0 3))
             (stringp (user-login-name)) (equal (user-login-name) (user-real-login-name)) (stringp (user-full-name)) (stringp (system-name)) (integerp (emacs-pid)) emacs-major-version emacs-minor-version emacs-version
             (shell-quote-argument "a b$c\"d") (shell-quote-argument "") (shell-quote-argument "x\ny") (shell-quote-argument "é-_./:@,+=%^") (shell-quote-argument "~/x*")
             (split-string-and-unquote "a \"b c\" d") (split-string-and-unquote "  x  y ") (split-string-and-unquote "p,q,\"r,s\"" ",") (combine-and-quote-strings (list "a" "b c" "d\"e" "")) (combine-and-quote-strings (list "a:b" "c") ":") (combine-and-quote-strings (list "back\\slash" "x"))))
  (prin1 (condition-case e (eval f t) (error (list 'ERR e)))) (terpri))
