;;; udp-echo.el --- a UDP echo server  -*- lexical-binding: t -*-

;; Run it with:  npx elisp examples/udp-echo.el [PORT]
;; Try it with:  nc -u 127.0.0.1 PORT
;; A datagram server is one process: each datagram is one filter call,
;; and process-send-string answers whoever sent the last datagram.

(defvar udp-port
  (let ((arg (pop command-line-args-left)))
    (if (and arg (> (string-to-number arg) 0)) (string-to-number arg) t)))

(defvar udp-server
  (make-network-process
   :name "udp-echo" :server t :type 'datagram :host "127.0.0.1" :service udp-port
   :coding 'binary
   :filter (lambda (proc datagram) (process-send-string proc datagram))))

(princ (format "Listening on %d\n" (process-contact udp-server :service)))

(while (process-live-p udp-server)
  (accept-process-output nil 1))
