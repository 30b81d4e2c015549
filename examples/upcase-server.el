;;; upcase-server.el --- a server with no wait loop  -*- lexical-binding: t -*-
;; npx elisp examples/upcase-server.el [PORT]: answers in capitals, "quit" hangs up.
(defvar upcase-server
  (make-network-process
   :name "upcase" :server t :host "127.0.0.1" :coding 'utf-8
   :service (string-to-number (or (pop command-line-args-left) "0"))
   :filter (lambda (connection text)
             (if (string-prefix-p "quit" text)
                 (delete-process connection)
               (process-send-string connection (upcase text))))
   :sentinel (lambda (process event) (message "%s: %s" process (string-trim event)))))
(princ (format "Listening on %d\n" (process-contact upcase-server :service)))
