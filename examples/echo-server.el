;;; echo-server.el --- a TCP echo server  -*- lexical-binding: t -*-

;; Run it with:  npx elisp examples/echo-server.el [PORT]
;; Without PORT (or with 0) the system picks a free port.  The server
;; prints the port it listens on, then sends every byte it receives
;; back to whoever sent it.  Try it with:  nc 127.0.0.1 PORT
;; It runs unchanged in GNU Emacs:  emacs -Q --batch -l echo-server.el PORT

(defvar echo-port
  (let ((arg (pop command-line-args-left)))
    (if (and arg (> (string-to-number arg) 0)) (string-to-number arg) t)))

(defvar echo-server
  (make-network-process
   :name "echo" :server t :host "127.0.0.1" :service echo-port
   ;; Bytes in, the same bytes out: no decoding.
   :coding 'binary
   :filter (lambda (connection bytes) (process-send-string connection bytes))))

(princ (format "Listening on %d\n" (process-contact echo-server :service)))

;; Events are delivered while Lisp waits: serve until the server is deleted.
(while (process-live-p echo-server)
  (accept-process-output nil 1))
