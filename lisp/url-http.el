;;; url-http.el --- http: URLs for url-retrieve  -*- lexical-binding: t -*-

;; What scripts use of Emacs's url.el, for http: URLs, on network processes.
;; A request opens a connection, sends the headers url-http.el sends (same
;; names, same order), and collects the response in a unibyte buffer named
;; " *http HOST:PORT*": the status line and headers with their CRs removed,
;; an empty line that `url-http-end-of-headers' marks, then the body
;; (chunked bodies decoded, gzip ones decompressed).  Redirects are followed
;; up to `url-max-redirections'.  https: URLs go over TLS (Node's, verifying
;; certificates against Node's CAs and NODE_EXTRA_CA_CERTS).  Unlike Emacs,
;; there are no cookies, no proxies and no reuse of kept-alive connections:
;; each request has its own connection, closed when the response is complete.

(require 'url-parse)

(defvar url-request-method nil "The method of the next request; nil means GET.")
(defvar url-request-data nil "The body of the next request: a unibyte string, or nil.")
(defvar url-request-extra-headers nil "More headers for the next request: ((NAME . VALUE)...).")
(defvar url-max-redirections 30 "How many redirects a request follows.")
(defvar url-user-agent 'default "The User-Agent header: a string, nil for none, or `default'.")
(defvar url-http-attempt-keepalives t)
(defvar url-current-object nil "In a response buffer, the parsed URL it answers.")

;; Set in each response buffer.
(defvar url-http-response-status)
(defvar url-http-response-version)
(defvar url-http-end-of-headers)
(defvar url-http-content-type)
(defvar url-http-content-length)
(defvar url-http-transfer-encoding)
(defvar url-http-target-url)
(defvar url-http--request nil "In a response buffer: (CALLBACK CBARGS REDIRECTS METHOD DATA HEADERS DONE SILENT).")

(defun url-http--user-agent ()
  (cond ((stringp url-user-agent) url-user-agent)
        ((eq url-user-agent 'default)
         (format "URL/Emacs Emacs/%s (TTY; %s)" emacs-version system-configuration))))

(defun url-http--request-text (urlobj method data headers)
  "The bytes of a request for URLOBJ."
  (when (and data (multibyte-string-p data) (string-match-p "[^\0-\177]" data))
    (error "Multibyte text in HTTP request: %s" data))
  (let ((file (url-filename urlobj))
        (host (url-host urlobj))
        (port (url-port urlobj)))
    (concat (or method "GET") " " (if (or (null file) (equal file "")) "/" file) " HTTP/1.1\r\n"
            "MIME-Version: 1.0\r\n"
            "Connection: " (if url-http-attempt-keepalives "keep-alive" "close") "\r\n"
            "Extension: Security/Digest Security/SSL\r\n"
            "Host: " host (if (= port (if (equal (url-type urlobj) "https") 443 80)) "" (format ":%d" port)) "\r\n"
            (if (zlib-available-p) "Accept-encoding: gzip\r\n" "")
            "Accept: */*\r\n"
            (let ((agent (url-http--user-agent))) (if agent (concat "User-Agent: " agent "\r\n") ""))
            (mapconcat (lambda (header) (concat (car header) ": " (cdr header) "\r\n")) headers "")
            (if data (format "Content-length: %d\r\n" (string-bytes data)) "")
            "\r\n"
            data)))

(defun url-http--header (name)
  "The value of header NAME (lower case) in the current response, or nil."
  (save-excursion
    (goto-char (point-min))
    (forward-line 1)
    (let ((case-fold-search t))
      (when (re-search-forward (concat "^" (regexp-quote name) ":[ \t]*\\(.*\\)$") url-http-end-of-headers t)
        (match-string 1)))))

(defun url-http--parse-headers ()
  "Once the whole header is in, clean it and set the response's variables."
  (goto-char (point-min))
  (when (re-search-forward "\n\r?\n" nil t)
    (let ((end (copy-marker (point))))
      (goto-char (point-min))
      (while (search-forward "\r" end t) (replace-match ""))
      (setq-local url-http-end-of-headers (copy-marker (1- end)))
      (set-marker end nil))
    (goto-char (point-min))
    (when (looking-at "HTTP/\\([0-9.]+\\) +\\([0-9]+\\)")
      (setq-local url-http-response-version (match-string 1))
      (setq-local url-http-response-status (string-to-number (match-string 2))))
    (setq-local url-http-content-type (url-http--header "content-type"))
    (let ((length (url-http--header "content-length")))
      (setq-local url-http-content-length (and length (string-to-number length))))
    (setq-local url-http-transfer-encoding
                (let ((te (url-http--header "transfer-encoding"))) (and te (downcase te))))
    (goto-char (point-max))))

(defun url-http--decode-chunked ()
  "Replace a complete chunked body with its data; nil while it is incomplete."
  (let ((pos (1+ url-http-end-of-headers)) (parts nil) (complete nil) (bad nil))
    (save-excursion
      (while (and (not complete) (not bad))
        (goto-char pos)
        (if (not (looking-at "\\([0-9a-fA-F]+\\)[^\r\n]*\r?\n"))
            (setq bad t)
          (let ((size (string-to-number (match-string 1) 16))
                (data-start (match-end 0)))
            (cond
             ((= size 0)
              ;; Trailers end at an empty line.
              (goto-char data-start)
              (if (re-search-forward "^\r?\n" nil t) (setq complete t) (setq bad t)))
             ((< (point-max) (+ data-start size 2)) (setq bad t))
             (t (push (buffer-substring data-start (+ data-start size)) parts)
                (setq pos (+ data-start size))
                (goto-char pos)
                (if (looking-at "\r?\n") (setq pos (match-end 0)) (setq bad t)))))))
      (when complete
        (delete-region (1+ url-http-end-of-headers) (point-max))
        (goto-char (point-max))
        (apply #'insert (nreverse parts))))
    (when complete (goto-char (point-max)))
    complete))

(defun url-http--body-complete-p ()
  (let ((method (nth 3 url-http--request)))
    (cond ((or (equal method "HEAD") (memq url-http-response-status '(204 304))
               (and url-http-response-status (< url-http-response-status 200)))
           t)
          ((equal url-http-transfer-encoding "chunked") (url-http--decode-chunked))
          (url-http-content-length
           (>= (- (point-max) url-http-end-of-headers 1) url-http-content-length))
          (t nil))))

(defun url-http--filter (proc data)
  (let ((buffer (process-buffer proc)))
    (when (buffer-live-p buffer)
      (with-current-buffer buffer
        (goto-char (point-max))
        (insert data)
        (unless url-http-end-of-headers (url-http--parse-headers))
        (when (and url-http-end-of-headers (url-http--body-complete-p))
          (url-http--finish proc nil))))))

(defun url-http--sentinel (proc event)
  (let ((buffer (process-buffer proc)))
    (when (and (buffer-live-p buffer) (not (process-live-p proc)))
      (with-current-buffer buffer
        (cond
         ((string-prefix-p "failed" event)
          (url-http--finish proc (list :error (list 'error 'connection-failed event
                                                    :host (url-host url-current-object)
                                                    :service (url-port url-current-object)))))
         ;; Without a length, the body ends with the connection (and point goes
         ;; back to the start, as in Emacs).
         (url-http-end-of-headers (goto-char (point-min)) (url-http--finish proc nil))
         (t (url-http--finish proc (list :error (list 'error 'connection-failed event)))))))))

(defun url-http--finish (proc error-status)
  "The response in the current buffer is complete (or failed): call back, or follow a redirect."
  (unless (nth 6 url-http--request)
    (setcar (nthcdr 6 url-http--request) t)
    (set-process-filter proc #'ignore)
    (set-process-sentinel proc #'ignore)
    (delete-process proc)
    (when (and url-http-end-of-headers (zlib-available-p)
               (equal (downcase (or (url-http--header "content-encoding") "")) "gzip")
               (< (1+ url-http-end-of-headers) (point-max)))
      (when (zlib-decompress-region (1+ url-http-end-of-headers) (point-max))
        ;; The header no longer describes the body.
        (save-excursion
          (goto-char (point-min))
          (let ((case-fold-search t))
            (when (re-search-forward "^content-encoding:.*\n" url-http-end-of-headers t)
              (delete-region (match-beginning 0) (match-end 0))))))
      (goto-char (point-max)))
    (let* ((request url-http--request)
           (status url-http-response-status)
           (location (and url-http-end-of-headers (url-http--header "location")))
           (redirects (nth 2 request)))
      (if (and (null error-status) location (memq status '(301 302 303 307 308))
               (< (length redirects) url-max-redirections))
          (let* ((target (url-expand-file-name location (url-recreate-url url-current-object)))
                 (see-other (= status 303))
                 (old (current-buffer)))
            (url-http--retrieve (url-generic-parse-url target) (nth 0 request) (nth 1 request)
                                (cons target redirects)
                                (if see-other "GET" (nth 3 request)) (unless see-other (nth 4 request))
                                (nth 5 request) t (nth 7 request))
            (kill-buffer old))
        (let ((plist (append (mapcan (lambda (url) (list :redirect url)) (reverse redirects))
                             (or error-status
                                 (and status (>= status 400) (list :error (list 'error 'http status)))))))
          (apply (nth 0 request) plist (nth 1 request)))))))

(defun url-http--retrieve (urlobj callback cbargs redirects method data headers asynchronous &optional silent)
  "Send the request for URLOBJ; return the buffer its response goes to."
  (let* ((host (url-host urlobj))
         (port (url-port urlobj))
         (type (url-type urlobj))
         (buffer (progn
                   (unless (member type '("http" "https"))
                     (error "Unsupported URL type: %s" type))
                   (generate-new-buffer (format " *http %s:%d*" host port))))
         (temp (get-buffer-create " *url-http-temp*"))
         (proc (progn
                 (unless silent (message "Contacting host: %s:%d" host port))
                 (condition-case err
                     (make-network-process :name host :buffer temp :host host :service port
                                           :nowait asynchronous
                                           :tls-parameters (and (equal type "https")
                                                                (list 'gnutls-x509pki :hostname host))
                                           :coding 'binary)
                   (file-error (kill-buffer temp) (kill-buffer buffer)
                               (signal (car err) (cdr err)))))))
    (with-current-buffer buffer
      (set-buffer-multibyte nil)
      (setq-local url-current-object urlobj)
      (setq-local url-http-end-of-headers nil)
      (setq-local url-http-response-status nil)
      (setq-local url-http-target-url urlobj)
      (setq-local url-http--request (list callback cbargs redirects method data headers nil silent)))
    (set-process-buffer proc buffer)
    (set-process-query-on-exit-flag proc nil)
    (set-process-filter proc #'url-http--filter)
    (set-process-sentinel proc #'url-http--sentinel)
    (let ((text (url-http--request-text urlobj method data headers)))
      (if (eq (process-status proc) 'connect)
          ;; Sent once the connection is up.
          (set-process-sentinel proc (lambda (p event)
                                       (if (eq (process-status p) 'open)
                                           (progn (set-process-sentinel p #'url-http--sentinel)
                                                  (process-send-string p text))
                                         (url-http--sentinel p event))))
        (process-send-string proc text)))
    buffer))

(defun url-retrieve (url callback &optional cbargs silent _inhibit-cookies)
  "Request URL; once the response is in, call CALLBACK with STATUS and CBARGS in its buffer.
STATUS is a plist: (:redirect URL) for each redirect followed, (:error (error http CODE))
for an error status, (:error (error connection-failed ...)) when no connection was made.
Returns the response buffer."
  (url-http--retrieve (if (stringp url) (url-generic-parse-url url) url)
                      callback cbargs nil url-request-method url-request-data url-request-extra-headers
                      t silent))

(defun url-retrieve-synchronously (url &optional silent _inhibit-cookies timeout)
  "Request URL and wait for the response; return its buffer (nil after TIMEOUT seconds)."
  (let* ((done nil)
         (result nil)
         (start (float-time)))
    (url-http--retrieve (if (stringp url) (url-generic-parse-url url) url)
                        (lambda (&rest _) (setq result (current-buffer) done t))
                        nil nil url-request-method url-request-data url-request-extra-headers
                        nil silent)
    (while (and (not done) (or (null timeout) (< (- (float-time) start) timeout)))
      (accept-process-output nil 0.05))
    result))

(defun url-insert-file-contents (url &optional _visit _beg _end _replace)
  "Insert the body of URL's response at point, decoded as its charset (or UTF-8) says."
  (let ((buffer (url-retrieve-synchronously url)))
    (unless buffer (error "Opening input file: No such file or directory, %s" url))
    (let* ((body (with-current-buffer buffer
                   (buffer-substring (1+ url-http-end-of-headers) (point-max))))
           (type (with-current-buffer buffer url-http-content-type))
           (charset (and type (string-match "charset=\"?\\([-a-zA-Z0-9_]+\\)" type)
                         (intern (downcase (match-string 1 type)))))
           (coding (if (and charset (coding-system-p charset)) charset 'utf-8))
           (text (decode-coding-string body coding)))
      (kill-buffer buffer)
      (insert text)
      (list url (length text)))))

;;; Relative URLs (url-expand.el).

(defun url-expand--remove-dot-segments (path)
  "PATH with its . and .. segments resolved (RFC 3986, 5.2.4)."
  (let ((input (split-string path "/")) (output nil) (last nil))
    (while input
      (let ((segment (car input)))
        (setq last (null (cdr input)))
        (cond ((equal segment ".") (when last (push "" output)))
              ((equal segment "..")
               (when (cdr output) (pop output))
               (when last (push "" output)))
              (t (push segment output))))
      (setq input (cdr input)))
    (let ((result (mapconcat #'identity (nreverse output) "/")))
      (if (string-prefix-p "/" result) result (concat "/" result)))))

(defun url-expand-file-name (url &optional default)
  "URL made absolute against DEFAULT (a string or a parsed URL)."
  (cond
   ((null default) url)
   ((string-match-p "\\`[a-zA-Z][-a-zA-Z0-9+.]*:" url) url)
   (t
    (let* ((base (if (stringp default) (url-generic-parse-url default) default))
           (base-string (url-recreate-url base)))
      (cond
       ((equal url "") base-string)
       ((string-prefix-p "//" url) (concat (url-type base) ":" url))
       (t
        (let* ((parsed (url-generic-parse-url (concat "http://x" (if (string-match-p "\\`[/?#]" url) "" "/") url)))
               (base-file (or (url-filename base) ""))
               (base-path (if (string-match "\\`\\([^?]*\\)" base-file) (match-string 1 base-file) ""))
               (base-query (and (string-match "\\?\\(.*\\)\\'" base-file) (match-string 1 base-file)))
               (ref-file (url-filename parsed))
               (ref-path (if (string-match "\\`\\([^?]*\\)" ref-file) (match-string 1 ref-file) ""))
               (ref-query (and (string-match "\\?\\(.*\\)\\'" ref-file) (match-string 1 ref-file)))
               (path (cond ((string-prefix-p "#" url) base-path)
                           ((string-prefix-p "?" url) base-path)
                           ((string-prefix-p "/" url) (url-expand--remove-dot-segments ref-path))
                           (t (url-expand--remove-dot-segments
                               (concat (if (string-match "\\`\\(.*/\\)" base-path) (match-string 1 base-path) "/")
                                       (substring ref-path 1))))))
               (query (cond ((string-prefix-p "#" url) base-query) (t ref-query)))
               (result (copy-sequence base)))
          (setf (url-filename result) (concat path (and query (concat "?" query))))
          (setf (url-target result) (url-target parsed))
          (url-recreate-url result))))))))

(provide 'url-http)
(provide 'url-expand)
(provide 'url)

;;; url-http.el ends here
