;;; chat-server.el --- a line-based chat server  -*- lexical-binding: t -*-

;; Run it with:  npx elisp examples/chat-server.el [PORT]
;; Connect with:  nc 127.0.0.1 PORT
;; The first line a client sends is its name; every later line goes to
;; all the other clients as "NAME: LINE".  "/quit" leaves the chat.
;; Each connection keeps its state in its process plist: the part of a
;; line received so far (`pending') and the name (`nick').

(defvar chat-port
  (let ((arg (pop command-line-args-left)))
    (if (and arg (> (string-to-number arg) 0)) (string-to-number arg) t)))

(defun chat-members ()
  "The connections that have told us their name."
  (seq-filter (lambda (p) (and (process-get p 'nick) (eq (process-status p) 'open)))
              (process-list)))

(defun chat-broadcast (from text)
  "Send TEXT to every member except FROM."
  (dolist (p (chat-members))
    (unless (eq p from) (process-send-string p text))))

(defun chat-handle-line (proc line)
  (let ((nick (process-get proc 'nick)))
    (cond
     ((null nick)
      (process-put proc 'nick line)
      (process-send-string proc (format "Welcome, %s! %d online.\n" line (length (chat-members))))
      (chat-broadcast proc (format "* %s joined\n" line)))
     ((string= line "/quit")
      (process-send-string proc "Bye!\n")
      (delete-process proc))
     (t (chat-broadcast proc (format "%s: %s\n" nick line))))))

(defun chat-filter (proc string)
  ;; Lines may arrive split across packets, or several in one: keep the
  ;; unfinished tail in the plist until its newline comes.
  (let ((pending (concat (process-get proc 'pending) string))
        newline)
    (while (and (process-live-p proc) (setq newline (string-search "\n" pending)))
      (let ((line (string-remove-suffix "\r" (substring pending 0 newline))))
        (setq pending (substring pending (1+ newline)))
        (chat-handle-line proc line)))
    (process-put proc 'pending pending)))

(defun chat-sentinel (proc event)
  (let ((nick (process-get proc 'nick)))
    (when (and nick (not (process-live-p proc)))
      (process-put proc 'nick nil)
      (chat-broadcast proc (format "* %s left\n" nick)))
    (ignore event)))

(defvar chat-server
  (make-network-process
   :name "chat" :server t :host "127.0.0.1" :service chat-port
   :coding 'utf-8-unix :filter #'chat-filter :sentinel #'chat-sentinel
   ;; Every connection starts with a copy of this plist.
   :plist (list 'pending "" 'nick nil)))

(princ (format "Listening on %d\n" (process-contact chat-server :service)))

(while (process-live-p chat-server)
  (accept-process-output nil 1))
