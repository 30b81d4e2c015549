;;; url-parse.el --- URLs as structures: url-generic-parse-url and friends  -*- lexical-binding: t -*-

;; The `url' structure of Emacs's url-parse.el, and the parser that fills it
;; from a URL string the way Emacs 28 splits one: scheme (downcased), then
;; after "//" an authority of user[:password]@host[:port] (host downcased,
;; brackets kept for IPv6), then the file name with its query, then the
;; fragment after "#".

(require 'cl-lib)

(cl-defstruct (url
               (:constructor nil)
               (:constructor url-parse-make-urlobj
                             (&optional type user password host portspec filename
                                        target attributes fullness))
               (:copier nil))
  type user password host portspec filename target attributes fullness
  silent (use-cookies t) (asynchronous t))

(defconst url--default-ports '(("http" . 80) ("https" . 443) ("ftp" . 21) ("file" . 21))
  "The ports URLs of these schemes use when they name none; other schemes have 0.")

(defun url-scheme-default-port (scheme)
  "The port SCHEME's URLs use by default: 80 for http, 443 for https, ... 0 when unknown."
  (and scheme (or (cdr (assoc scheme url--default-ports)) 0)))

(defun url-port (urlobj)
  "The port of URLOBJ: the one it names, else its scheme's default."
  (or (url-portspec urlobj) (url-scheme-default-port (url-type urlobj))))

(defun url--set-port (urlobj port)
  (setf (url-portspec urlobj) port))
(gv-define-simple-setter url-port url--set-port)

(defun url-path-and-query (urlobj)
  "URLOBJ's file name split at \"?\": (PATH . QUERY), QUERY nil when there is none."
  (let ((file (url-filename urlobj)))
    (if (and file (string-match "\\?" file))
        (cons (substring file 0 (match-beginning 0)) (substring file (match-end 0)))
      (cons file nil))))

(defun url-port-if-non-default (urlobj)
  "URLOBJ's port when it differs from its scheme's default, else nil."
  (let ((port (url-portspec urlobj)))
    (and port (not (equal port (url-scheme-default-port (url-type urlobj)))) port)))

(defun url-generic-parse-url (url)
  "Parse the URL string into a `url' structure."
  (if (null url)
      (url-parse-make-urlobj)
    (let ((rest url) type user password host port filename target fullness)
      (save-match-data
        (when (string-match "\\`\\([a-zA-Z][-a-zA-Z0-9+.]*\\):" rest)
          (setq type (downcase (match-string 1 rest))
                rest (substring rest (match-end 0))))
        (when (string-prefix-p "//" rest)
          (setq fullness t)
          (let* ((end (or (string-match "[/?#]" rest 2) (length rest)))
                 (authority (substring rest 2 end)))
            (setq rest (substring rest end))
            (when (string-match "@" authority)
              (let ((userinfo (substring authority 0 (match-beginning 0))))
                (setq authority (substring authority (match-end 0)))
                (if (string-match ":" userinfo)
                    (setq user (substring userinfo 0 (match-beginning 0))
                          password (substring userinfo (match-end 0)))
                  (setq user userinfo))))
            (when (string-match (if (string-prefix-p "[" authority)
                                    "\\`\\[[^]]*\\]\\(:\\([0-9]+\\)\\)\\'"
                                  ":\\([0-9]+\\)\\'")
                                authority)
              (let ((digits (match-string (if (string-prefix-p "[" authority) 2 1) authority)))
                (setq port (string-to-number digits)
                      authority (substring authority 0 (- (length authority) (length digits) 1)))))
            (setq host (downcase authority))))
        (if (string-match "#" rest)
            (setq filename (substring rest 0 (match-beginning 0))
                  target (substring rest (match-end 0)))
          (setq filename rest)))
      (url-parse-make-urlobj type user password host port filename target nil fullness))))

(defun url-recreate-url (urlobj)
  "The URL string that URLOBJ stands for."
  (let ((type (url-type urlobj))
        (user (url-user urlobj))
        (password (url-password urlobj))
        (host (url-host urlobj))
        (port (url-port-if-non-default urlobj))
        (file (url-filename urlobj))
        (target (url-target urlobj)))
    (concat (and type (concat type ":"))
            (and (url-fullness urlobj) "//")
            (and (or user password)
                 (concat user (and password (concat ":" password)) "@"))
            host
            (and port (format ":%d" port))
            (or file "/")
            (and target (concat "#" target)))))

(provide 'url-parse)
