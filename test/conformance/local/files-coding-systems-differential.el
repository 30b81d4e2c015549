;;; -*- lexical-binding: t -*-
;; insert-file-contents detects and decodes as Emacs 28.2 does (UTF-8 preferred,
;; then ISO Latin-1, then raw text; DOS line ends), honours
;; coding-system-for-read, and sets buffer-file-coding-system; write-region
;; encodes with coding-system-for-write or the buffer's coding system.

(defvar cs-dir (file-name-as-directory (make-temp-file "cs" t)))

(defun cs-write-bytes (name bytes)
  (let ((coding-system-for-write 'no-conversion))
    (write-region (apply #'unibyte-string bytes) nil (concat cs-dir name) nil 'silent)))

(defun cs-bytes (name)
  (with-temp-buffer
    (set-buffer-multibyte nil)
    (insert-file-contents-literally (concat cs-dir name))
    (append (buffer-string) nil)))

(cs-write-bytes "bin" '(?a #xc3 #xa9 #xff))
(cs-write-bytes "u8" '(?o ?k #xc3 #xa9 ?\n))
(cs-write-bytes "l1" '(?c ?a ?f #xe9 ?\n))
(cs-write-bytes "dos" '(?a ?\r ?\n ?b ?\r ?\n))
(cs-write-bytes "p1" '(#xff ?a #xc3 #xa9))
(cs-write-bytes "p2" '(?a #xc3 #xa9 #xff ?b))
(cs-write-bytes "p3" '(?a #xc3 #xa9 #xe9 ?b))
(cs-write-bytes "p4" '(?a #xe9 #xc3 #xa9))
(cs-write-bytes "p5" '(?a #xc3 #xa9 #xc3 ?b))
(cs-write-bytes "p6" '(?a #xff))
(cs-write-bytes "p7" '(?a #x80 ?b))
(cs-write-bytes "bom" '(#xef #xbb #xbf ?h ?i ?\n))
(cs-write-bytes "mixed" '(?a ?\r ?\n ?b ?\n))

(dolist (f '("bin" "u8"))
  (dolist (cs '(nil utf-8 latin-1 binary no-conversion raw-text undecided utf-8-unix utf-8-dos iso-8859-1))
    (with-temp-buffer
      (let ((coding-system-for-read cs)) (insert-file-contents (concat cs-dir f)))
      (print (list f cs (append (buffer-string) nil) buffer-file-coding-system last-coding-system-used)))))

(dolist (f '("l1" "dos" "p1" "p2" "p3" "p4" "p5" "p6" "p7" "bom" "mixed"))
  (with-temp-buffer
    (insert-file-contents (concat cs-dir f))
    (print (list f (append (buffer-string) nil) buffer-file-coding-system))))

(with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents (concat cs-dir "u8"))
  (print (list (append (buffer-string) nil) buffer-file-coding-system)))
(with-temp-buffer (set-buffer-multibyte nil) (insert-file-contents (concat cs-dir "dos"))
  (print (list (append (buffer-string) nil) buffer-file-coding-system)))
(with-temp-buffer (insert-file-contents-literally (concat cs-dir "u8"))
  (print (list (append (buffer-string) nil) buffer-file-coding-system enable-multibyte-characters)))

;; The buffer's own coding system stays; only its end-of-line type is settled.
(with-temp-buffer (setq buffer-file-coding-system 'latin-1) (insert-file-contents (concat cs-dir "u8"))
  (print (list (append (buffer-string) nil) buffer-file-coding-system)))
(with-temp-buffer (insert-file-contents (concat cs-dir "u8")) (insert-file-contents (concat cs-dir "l1"))
  (print (list (append (buffer-string) nil) buffer-file-coding-system (local-variable-p 'buffer-file-coding-system))))
(with-temp-buffer (print (list (local-variable-p 'buffer-file-coding-system) buffer-file-coding-system (default-value 'buffer-file-coding-system))))

;; Writing.
(with-temp-buffer (insert "café\n") (write-region nil nil (concat cs-dir "w1") nil 'silent))
(with-temp-buffer (insert "café\n") (let ((coding-system-for-write 'latin-1)) (write-region nil nil (concat cs-dir "w2") nil 'silent)))
(with-temp-buffer (insert "café\n") (setq buffer-file-coding-system 'latin-1) (write-region nil nil (concat cs-dir "w3") nil 'silent))
(with-temp-buffer (insert-file-contents (concat cs-dir "l1")) (write-region nil nil (concat cs-dir "w4") nil 'silent))
(with-temp-buffer (insert-file-contents (concat cs-dir "dos")) (insert "x\n") (write-region nil nil (concat cs-dir "w5") nil 'silent))
(with-temp-buffer (insert-file-contents-literally (concat cs-dir "u8")) (write-region nil nil (concat cs-dir "w6") nil 'silent))
(with-temp-buffer (insert "a\nb\n") (let ((coding-system-for-write 'utf-8-dos)) (write-region nil nil (concat cs-dir "w7") nil 'silent)))
(with-temp-buffer (insert-file-contents (concat cs-dir "bom")) (write-region nil nil (concat cs-dir "w8") nil 'silent))
(let ((coding-system-for-write 'latin-1)) (write-region "naïve\n" nil (concat cs-dir "w9") nil 'silent))
(dolist (f '("w1" "w2" "w3" "w4" "w5" "w6" "w7" "w8" "w9"))
  (print (list f (cs-bytes f))))

(print (list (coding-system-eol-type 'utf-8) (coding-system-eol-type 'utf-8-dos) (coding-system-eol-type 'undecided-unix)
             (coding-system-eol-type 'no-conversion) (coding-system-eol-type 'latin-1-mac)
             (coding-system-base 'utf-8-dos) (coding-system-base 'latin-1) (coding-system-base 'binary)
             (coding-system-change-eol-conversion 'utf-8 'dos) (coding-system-change-eol-conversion 'latin-1-unix 'unix)
             (coding-system-change-eol-conversion 'utf-8-dos 'unix) (coding-system-change-eol-conversion 'utf-8-dos nil)))

;; Detection tolerates what a file's end cuts short; a whole string is judged strictly.
(cs-write-bytes "q1" '(?c ?a ?f #xe9))
(cs-write-bytes "q2" '(?a #xc3))
(cs-write-bytes "q3" '(?a #xf0 #x9f))
(cs-write-bytes "q4" '(?a #xfe))
(cs-write-bytes "q5" '(?a #xc3 #xa9 #xf8))
(cs-write-bytes "q6" '(#xff))
(cs-write-bytes "q7" '(?a #xc0))
(cs-write-bytes "q8" '(?a #x80))
(dolist (f '("q1" "q2" "q3" "q4" "q5" "q6" "q7" "q8"))
  (with-temp-buffer
    (insert-file-contents (concat cs-dir f))
    (print (list f (append (buffer-string) nil) buffer-file-coding-system
                 (detect-coding-string (apply #'unibyte-string (cs-bytes f)) t)))))
(print (list (detect-coding-string "abc") (detect-coding-string "abc" t) (detect-coding-string "caf\303\251" t)
             (detect-coding-string "caf\351" t) (detect-coding-string "a\r\nb" t) (detect-coding-string "a\200b")))
(with-temp-buffer (insert "caf\303\251 x") (print (list (decode-coding-region 1 7 'utf-8) (buffer-string) (point))))
(with-temp-buffer (insert "café") (print (list (encode-coding-region 1 5 'utf-8) (append (buffer-string) nil) (multibyte-string-p (buffer-string)))))
(with-temp-buffer (insert "caf\303\251") (print (list (decode-coding-region 1 6 'utf-8 t) (buffer-string))))
(with-temp-buffer (insert "ab") (let ((d (generate-new-buffer "d"))) (decode-coding-region 1 3 'utf-8 d) (print (list (buffer-string) (with-current-buffer d (buffer-string))))))
(with-temp-buffer (insert "caf\303\251") (print (list (detect-coding-region 1 6 t))))

(delete-directory cs-dir t)
