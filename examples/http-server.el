;;; http-server.el --- a tiny HTTP/1.1 server  -*- lexical-binding: t -*-

;; Run it with:  npx elisp examples/http-server.el [PORT]
;; Then:  curl http://127.0.0.1:PORT/hello
;; Answers GET requests with a short text page, keeps connections alive
;; (HTTP/1.1 keep-alive, or "Connection: close"), and handles requests
;; that arrive in pieces or several at a time (pipelining).

(defvar http-port
  (let ((arg (pop command-line-args-left)))
    (if (and arg (> (string-to-number arg) 0)) (string-to-number arg) t)))

(defvar http-requests 0 "Requests served so far.")

(defun http-respond (proc status body &optional close)
  (process-send-string
   proc
   (concat (format "HTTP/1.1 %s\r\n" status)
           "Content-Type: text/plain; charset=utf-8\r\n"
           (format "Content-Length: %d\r\n" (string-bytes body))
           (if close "Connection: close\r\n" "")
           "\r\n"
           body))
  (when close (delete-process proc)))

(defun http-handle (proc head)
  "Answer one request whose header block is HEAD (without the blank line)."
  (let* ((lines (split-string head "\r\n"))
         (request (split-string (car lines) " "))
         (method (nth 0 request))
         (path (nth 1 request))
         (close (seq-some (lambda (l) (string= (downcase l) "connection: close")) (cdr lines))))
    (setq http-requests (1+ http-requests))
    (cond
     ((not (equal method "GET"))
      (http-respond proc "405 Method Not Allowed" "Only GET here.\n" close))
     ((equal path "/")
      (http-respond proc "200 OK" (format "Hello from Emacs Lisp! Request %d.\n" http-requests) close))
     (t (http-respond proc "200 OK" (format "You asked for %s\n" path) close)))))

(defun http-filter (proc string)
  (let ((pending (concat (process-get proc 'pending) string))
        end)
    ;; Requests here have no body: each ends with an empty line.
    (while (and (process-live-p proc) (setq end (string-search "\r\n\r\n" pending)))
      (let ((head (substring pending 0 end)))
        (setq pending (substring pending (+ end 4)))
        (http-handle proc head)))
    (when (process-live-p proc) (process-put proc 'pending pending))))

(defvar http-server
  (make-network-process
   :name "http" :server t :host "127.0.0.1" :service http-port
   :coding 'binary :filter #'http-filter :plist (list 'pending "")))

(princ (format "Listening on %d\n" (process-contact http-server :service)))

(while (process-live-p http-server)
  (accept-process-output nil 1))
