;;; files.el --- visiting and saving files, and the few major modes a visited file gets  -*- lexical-binding: t -*-

;; Behaviour follows GNU Emacs 28.2's files.el as a batch script sees it,
;; checked against it: find-file-noselect shares one buffer per file and
;; names buffers of same-named files after their directories (uniquify's
;; post-forward-angle-brackets style); save-buffer writes silently; a .txt
;; or .el file gets text-mode or emacs-lisp-mode, which ask for a final
;; newline. Other files are in fundamental-mode.

(defvar require-final-newline nil)
(defvar mode-require-final-newline t)
(defvar before-save-hook nil)
(defvar after-save-hook nil)

;;; The major modes a visited file can get (derived modes, as in Emacs).

(defvar text-mode-syntax-table
  (let ((table (make-syntax-table)))
    (modify-syntax-entry ?\" "." table)
    (modify-syntax-entry ?\\ "." table)
    (modify-syntax-entry ?' "w p" table)
    (modify-syntax-entry #xb7 "w" table)
    table))

(define-derived-mode text-mode nil "Text"
  (setq-local require-final-newline mode-require-final-newline))

(define-derived-mode prog-mode fundamental-mode "Prog"
  (setq-local require-final-newline mode-require-final-newline)
  (setq-local parse-sexp-ignore-comments t))

(define-derived-mode lisp-data-mode prog-mode "Lisp-Data"
  (setq-local indent-line-function 'lisp-indent-line)
  (setq-local indent-region-function 'lisp-indent-region))

(define-derived-mode emacs-lisp-mode lisp-data-mode "ELisp")

(define-derived-mode lisp-interaction-mode emacs-lisp-mode "Lisp Interaction")

(defvar auto-mode-alist
  '(("\\.te?xt\\'" . text-mode)
    ("\\.el\\'" . emacs-lisp-mode)))

(defun set-auto-mode (&optional _keep-mode-if-same)
  (let ((mode (and buffer-file-name
                   (assoc-default (file-name-sans-versions buffer-file-name) auto-mode-alist
                                  #'string-match-p))))
    (if (functionp mode) (funcall mode) (fundamental-mode))))

(defun file-name-sans-versions (name &optional _keep-backup-version)
  (substring name 0 (string-match "\\(?:\\.~[.0-9]+~\\|~\\)\\'" name)))

;;; Buffers for files.

(defun find-buffer-visiting (filename &optional predicate)
  (let ((truename (file-truename (expand-file-name filename))))
    (seq-find (lambda (buf)
                (and (with-current-buffer buf
                       (and buffer-file-name
                            (equal (file-truename buffer-file-name) truename)))
                     (or (null predicate) (funcall predicate buf))))
              (buffer-list))))

(defun create-file-buffer (filename)
  (let ((name (file-name-nondirectory (directory-file-name filename))))
    (when (string= name "") (setq name filename))
    (generate-new-buffer name)))

(defun files--uniquify (buffer)
  "Give BUFFER and the buffers visiting same-named files in other directories distinct names."
  (let* ((file (buffer-local-value 'buffer-file-name buffer))
         (base (file-name-nondirectory file))
         (others (seq-filter (lambda (b)
                               (and (not (eq b buffer))
                                    (let ((f (buffer-local-value 'buffer-file-name b)))
                                      (and f (string= (file-name-nondirectory f) base)))))
                             (buffer-list))))
    (when others
      (dolist (b (cons buffer others))
        (let ((dir (file-name-nondirectory
                    (directory-file-name (file-name-directory (buffer-local-value 'buffer-file-name b))))))
          (with-current-buffer b
            (rename-buffer (format "%s<%s>" base dir) t)))))))

(defun find-file-noselect (filename &optional _nowarn rawfile _wildcards)
  (setq filename (abbreviate-file-name (expand-file-name filename)))
  (or (find-buffer-visiting filename)
      (let ((buf (create-file-buffer filename)))
        (with-current-buffer buf
          (when (file-exists-p filename)
            (let ((inhibit-read-only t))
              (insert-file-contents filename t)))
          (setq buffer-file-name (expand-file-name filename))
          (setq buffer-file-truename (abbreviate-file-name (file-truename buffer-file-name)))
          (setq default-directory (file-name-directory buffer-file-name))
          (set-buffer-modified-p nil)
          (goto-char (point-min))
          ;; The mode resets the local variables: keep the file's.
          (let ((file buffer-file-name) (truename buffer-file-truename) (dir default-directory))
            (unless rawfile (set-auto-mode))
            (setq buffer-file-name file
                  buffer-file-truename truename
                  default-directory dir)))
        (files--uniquify buf)
        buf)))

(defun find-file (filename &optional wildcards)
  (interactive)
  (switch-to-buffer (find-file-noselect filename nil nil wildcards)))

(defun find-file-literally (filename)
  (interactive)
  (switch-to-buffer (find-file-noselect filename nil t)))

(defun set-visited-file-name (filename &optional _no-query _along-with-file)
  (interactive "FSet visited file name: ")
  (if (null filename)
      (setq buffer-file-name nil
            buffer-file-truename nil)
    (setq filename (expand-file-name filename))
    (setq buffer-file-name filename
          buffer-file-truename (abbreviate-file-name (file-truename filename))
          default-directory (file-name-directory filename))
    (rename-buffer (file-name-nondirectory filename) t)
    (set-buffer-modified-p t))
  nil)

;; A visited file's directory can be missing until the buffer is saved.
(defalias 'mkdir #'make-directory)

;;; Saving.

(defun basic-save-buffer (&optional _called-interactively)
  (interactive '(called-interactively))
  (if (not (buffer-modified-p))
      nil
    (unless buffer-file-name
      (error "Buffer %s is not visiting a file" (buffer-name)))
    (run-hooks 'before-save-hook)
    (save-excursion
      (save-restriction
        (widen)
        (when (and require-final-newline
                   (> (point-max) (point-min))
                   (/= (char-before (point-max)) ?\n))
          (goto-char (point-max))
          (insert "\n"))
        (write-region nil nil buffer-file-name nil t)))
    (set-buffer-modified-p nil)
    (run-hooks 'after-save-hook)
    nil))

(defun save-buffer (&optional _arg)
  (interactive "p")
  (basic-save-buffer))

(defun write-file (filename &optional _confirm)
  (interactive)
  (when (file-directory-p filename)
    (setq filename (expand-file-name (file-name-nondirectory (or buffer-file-name (buffer-name))) filename)))
  (set-visited-file-name filename)
  (set-buffer-modified-p t)
  (save-buffer))

(defun save-some-buffers (&optional _arg _pred)
  (interactive "P")
  (dolist (buf (buffer-list))
    (with-current-buffer buf
      (when (and buffer-file-name (buffer-modified-p))
        (save-buffer)))))

(provide 'files)

;;; files.el ends here

;;; File names and sizes.

(defun file-name-with-extension (filename extension)
  (let ((ext (string-trim-left extension "[.]")))
    (when (string-empty-p ext) (error "Malformed extension: %s" extension))
    (when (string-empty-p (file-name-nondirectory filename))
      (error "Malformed filename: %s" filename))
    (concat (file-name-sans-extension filename) "." ext)))

(defun file-size-human-readable (file-size &optional flavor space unit)
  (let ((power (if (memq flavor '(nil iec)) 1024.0 1000.0))
        (prefixes '("" "k" "M" "G" "T" "P" "E" "Z" "Y")))
    (while (and (>= file-size power) (cdr prefixes))
      (setq file-size (/ file-size power)
            prefixes (cdr prefixes)))
    (let* ((prefix (car prefixes))
           (prefixed-unit (if (eq flavor 'iec)
                              (concat (if (string= prefix "k") "K" prefix)
                                      (if (string= prefix "") "" "i")
                                      (or unit "B"))
                            (concat prefix unit))))
      ;; One decimal unless it would be .0.
      (format (if (and (>= (mod file-size 1.0) 0.05) (< (mod file-size 1.0) 0.95)) "%.1f%s%s" "%.0f%s%s")
              file-size
              (if (string= prefixed-unit "") "" (or space ""))
              prefixed-unit))))

(defun wildcard-to-regexp (wildcard)
  (let ((i 0) (len (length wildcard)) (out "\\`"))
    (while (< i len)
      (let ((c (aref wildcard i)))
        (cond ((eq c ?*) (setq out (concat out "[^\0]*")))
              ((eq c ??) (setq out (concat out "[^\0]")))
              ((and (eq c ?\[) (string-match "\\[!?\\]?[^]]*\\]" wildcard i) (= (match-beginning 0) i))
               ;; A bracket expression stays one, [!...] being its negation.
               (let ((set (match-string 0 wildcard)))
                 (when (and (> (length set) 2) (eq (aref set 1) ?!))
                   (setq set (concat "[^" (substring set 2))))
                 (setq out (concat out set)
                       i (1- (match-end 0)))))
              (t (setq out (concat out (regexp-quote (string c)))))))
      (setq i (1+ i)))
    (concat out "\\'")))

;;;; Finding files

(defvar locate-dominating-stop-dir-regexp
  "\\`\\(?:[\\/][\\/][^\\/]+[\\/]\\|/\\(?:net\\|afs\\|\\.\\.\\.\\)/\\)\\'"
  "Directories where `locate-dominating-file' stops looking.")

(defun locate-dominating-file (file name)
  "The nearest directory from FILE upwards that holds NAME, as a directory name, or nil.
NAME may be a predicate, then called with each candidate (FILE itself first)."
  (let ((file (abbreviate-file-name (expand-file-name file))) root)
    (while (not (or root (null file)
                    (string-match-p locate-dominating-stop-dir-regexp file)))
      (if (if (stringp name)
              (and (file-directory-p file) (file-exists-p (expand-file-name name file)))
            (funcall name file))
          (setq root file)
        (let ((parent (file-name-directory (directory-file-name file))))
          (setq file (if (equal parent file) nil parent)))))
    (and root (file-name-as-directory root))))

(defun locate-file--accepts (file predicate)
  "Whether FILE will do for `locate-file' with PREDICATE: directories only when it says `dir-ok'."
  (let ((answer (cond ((null predicate) (file-readable-p file))
                      ((consp predicate)
                       (seq-every-p (lambda (what)
                                      (pcase what
                                        ('executable (file-executable-p file))
                                        ('readable (file-readable-p file))
                                        ('writable (file-writable-p file))
                                        (_ (file-exists-p file))))
                                    predicate))
                      ((integerp predicate) (file-exists-p file))
                      (t (funcall predicate file)))))
    (and answer (or (eq answer 'dir-ok) (not (file-directory-p file))))))

(defun locate-file (filename path &optional suffixes predicate)
  "Search for FILENAME (with each of SUFFIXES) in the directories of PATH; return its absolute name or nil."
  (catch 'found
    (dolist (dir (if (file-name-absolute-p filename) '(nil) path))
      (dolist (suffix (or suffixes '("")))
        (let ((candidate (expand-file-name (concat filename suffix) dir)))
          (when (locate-file--accepts candidate predicate)
            (throw 'found candidate)))))
    nil))

(defun file-expand-wildcards (pattern &optional full)
  "The files matching the shell wildcard PATTERN, relative as PATTERN is unless FULL."
  (save-match-data
    (let* ((nondir (file-name-nondirectory pattern))
           (dirpart (file-name-directory pattern))
           (dirs (if (and dirpart (string-match-p "[[*?]" dirpart))
                     (mapcar #'file-name-as-directory
                             (file-expand-wildcards (directory-file-name dirpart)))
                   (list dirpart)))
           (found nil))
      (dolist (dir dirs)
        (when (or (null dir) (file-directory-p dir))
          (let ((names (seq-remove (lambda (name) (string-match-p "\\`\\.\\.?\\'" (file-name-nondirectory name)))
                                   (directory-files (or dir ".") full (wildcard-to-regexp nondir)))))
            (setq found (nconc (if (and dir (not full))
                                   (mapcar (lambda (name) (concat dir name)) names)
                                 names)
                               found)))))
      found)))

(defconst directory-files-no-dot-files-regexp "[^.]\\|\\.\\.\\."
  "Matches any file name except \".\" and \"..\".")

(defun directory-empty-p (dir)
  "Whether DIR is a directory with no files but . and .."
  (and (file-directory-p dir)
       (null (directory-files dir nil directory-files-no-dot-files-regexp t 1))))

(defun file-in-directory-p (file dir)
  "Whether FILE is DIR or lies somewhere below it (DIR must exist); symbolic links are followed."
  (when (file-directory-p dir)
    (let ((file-parts (split-string (file-truename file) "/" t))
          (dir-parts (split-string (file-truename dir) "/" t)))
      (while (and dir-parts file-parts (string= (car dir-parts) (car file-parts)))
        (setq dir-parts (cdr dir-parts) file-parts (cdr file-parts)))
      (null dir-parts))))

(defun file-equal-p (file1 file2)
  "Whether FILE1 and FILE2 name the same existing file."
  (let ((a (file-attributes (file-truename file1)))
        (b (file-attributes (file-truename file2))))
    (and a b (equal a b))))

(defun file-size-human-readable-iec (size)
  "SIZE in bytes in IEC units: \"1 KiB\", \"1.4 MiB\"."
  (file-size-human-readable size 'iec " "))

(defun parse-colon-path (search-path)
  "The directories of the colon-separated SEARCH-PATH, as directory names; an empty element is nil."
  (when search-path
    (mapcar (lambda (dir) (unless (string= dir "") (file-name-as-directory dir)))
            (split-string (substitute-env-vars search-path) path-separator))))

(defvar path-separator ":")

(defun exec-path ()
  "The directories searched for programs: `exec-path'."
  exec-path)

(defun temporary-file-directory ()
  "The directory for temporary files: `temporary-file-directory'."
  temporary-file-directory)

(defun convert-standard-filename (filename)
  "FILENAME as this system spells it (unchanged on GNU/Linux)."
  filename)

(defun make-nearby-temp-file (prefix &optional dir-flag suffix)
  "A new temporary file (or directory with DIR-FLAG) named after PREFIX and SUFFIX."
  (make-temp-file (expand-file-name prefix (temporary-file-directory)) dir-flag suffix))

(defun file-nlinks (filename)
  "The number of hard links to FILENAME, or nil when it does not exist."
  (file-attribute-link-number (file-attributes filename)))

(defun insert-file-contents-literally (filename &optional visit beg end replace)
  "Insert FILENAME's bytes undecoded, as raw bytes in a multibyte buffer."
  (let ((coding-system-for-read 'no-conversion)
        (after-insert-file-functions nil))
    (insert-file-contents filename visit beg end replace)))

;;;; File modes as chmod spells them

(defun file-modes--who (char)
  (pcase char (?u #o4700) (?g #o2070) (?o #o1007) (?a #o7777)))

(defun file-modes--rights (char from)
  (pcase char
    (?r #o444) (?w #o222) (?x #o111) (?s #o6000) (?t #o1000)
    (?X (if (or (/= 0 (logand from #o111)) (= #o40000 (logand from #o170000))) #o111 0))
    (?u (let ((u (logand from #o700))) (* #o111 (/ u #o100))))
    (?g (let ((g (logand from #o70))) (* #o111 (/ g #o10))))
    (?o (* #o111 (logand from #o7)))))

(defun file-modes-symbolic-to-number (modes &optional from)
  "The numeric file mode that the chmod-style MODES (\"u=rwx,g+w\") give from FROM (default 0)."
  (let ((num (or from 0)) (pos 0) (len (length modes)))
    (while (< pos len)
      (let ((clause-start pos) (who 0))
        (while (and (< pos len) (memq (aref modes pos) '(?u ?g ?o ?a)))
          (setq who (logior who (file-modes--who (aref modes pos))) pos (1+ pos)))
        (when (= who 0) (setq who #o7777))
        (unless (and (< pos len) (memq (aref modes pos) '(?+ ?- ?=)))
          (error "Parse error in modes near `%s'" (substring modes clause-start)))
        (while (and (< pos len) (memq (aref modes pos) '(?+ ?- ?=)))
          (let ((op (aref modes pos)) (rights 0))
            (setq pos (1+ pos))
            (while (and (< pos len) (memq (aref modes pos) '(?r ?w ?x ?X ?s ?t ?u ?g ?o)))
              (setq rights (logior rights (file-modes--rights (aref modes pos) num)) pos (1+ pos)))
            (setq rights (logand rights who))
            (setq num (pcase op
                        (?+ (logior num rights))
                        (?- (logand num (lognot rights)))
                        (_ (logior (logand num (lognot who)) rights))))))
        (cond ((>= pos len))
              ((eq (aref modes pos) ?,) (setq pos (1+ pos)))
              (t (error "Parse error in modes near `%s'" (substring modes clause-start))))))
    num))

(defun file-modes-number-to-symbolic (mode &optional filetype)
  "MODE as `ls -l' shows it: \"-rwxr-xr-x\", its first character FILETYPE or the type MODE holds."
  (string
   (or filetype
       (pcase (logand mode #o170000)
         (#o40000 ?d) (#o120000 ?l) (#o10000 ?p) (#o140000 ?s) (#o20000 ?c) (#o60000 ?b) (_ ?-)))
   (if (zerop (logand mode #o400)) ?- ?r)
   (if (zerop (logand mode #o200)) ?- ?w)
   (if (zerop (logand mode #o4000))
       (if (zerop (logand mode #o100)) ?- ?x)
     (if (zerop (logand mode #o100)) ?S ?s))
   (if (zerop (logand mode #o40)) ?- ?r)
   (if (zerop (logand mode #o20)) ?- ?w)
   (if (zerop (logand mode #o2000))
       (if (zerop (logand mode #o10)) ?- ?x)
     (if (zerop (logand mode #o10)) ?S ?s))
   (if (zerop (logand mode #o4)) ?- ?r)
   (if (zerop (logand mode #o2)) ?- ?w)
   (if (zerop (logand mode #o1000))
       (if (zerop (logand mode #o1)) ?- ?x)
     (if (zerop (logand mode #o1)) ?T ?t))))

(defun make-empty-file (filename &optional parents)
  "Create the empty file FILENAME (and its missing directories too if PARENTS).
Signals `file-already-exists' if it exists, unless PARENTS."
  (interactive)
  (when (and (file-exists-p filename) (null parents))
    (signal 'file-already-exists (list "File exists" filename)))
  (let ((directory (file-name-directory filename)))
    (when (and directory (not (file-exists-p directory)))
      (make-directory directory parents)))
  (write-region "" nil filename nil 0))

(defvar copy-directory-create-symlink nil "Non-nil: `copy-directory' of a symlink makes a symlink to its target.")

(defun copy-directory (directory newname &optional keep-time parents copy-contents)
  "Copy DIRECTORY and what it holds to NEWNAME.
A NEWNAME ending in a slash gets DIRECTORY as a subdirectory, or its
contents if COPY-CONTENTS. PARENTS makes missing parents; KEEP-TIME keeps
modification times. Modes are always copied."
  (interactive)
  (when (file-in-directory-p newname directory)
    (error "Cannot copy `%s' into its subdirectory `%s'" directory newname))
  (setq directory (directory-file-name (expand-file-name directory))
        newname (expand-file-name newname))
  (if (and copy-directory-create-symlink (file-symlink-p directory))
      (let ((target (file-attribute-type (file-attributes directory))))
        (make-symbolic-link target
                            (if (directory-name-p newname)
                                (concat newname (file-name-nondirectory directory))
                              newname)
                            t))
    (let ((follow parents))
      (cond ((not (directory-name-p newname))
             (make-directory newname parents))
            ((if copy-contents
                 (or parents (not (file-directory-p newname)))
               (setq newname (concat newname (file-name-nondirectory directory))))
             (make-directory (directory-file-name newname) parents))
            (t (setq follow t)))
      (dolist (file (directory-files directory t directory-files-no-dot-files-regexp))
        (let ((target (concat (file-name-as-directory newname) (file-name-nondirectory file)))
              (type (file-attribute-type (file-attributes file))))
          (cond ((eq type t) (copy-directory file target keep-time parents t))
                ((stringp type) (make-symbolic-link type target t))
                (t (copy-file file target t keep-time)))))
      (let ((modes (file-modes directory))
            (time (and keep-time (file-attribute-modification-time (file-attributes directory))))
            (flag (unless follow 'nofollow)))
        (when modes (set-file-modes newname modes flag))
        (when time (set-file-times newname time flag))))))

(defun insert-file--with (filename insert)
  (when (file-directory-p filename)
    (signal 'file-error (list "Opening input file" "Is a directory" filename)))
  (push-mark (+ (point) (car (cdr (funcall insert filename))))))

(defun insert-file (filename)
  "Insert FILENAME's contents after point, with the mark after them."
  (interactive "*fInsert file: ")
  (insert-file--with filename #'insert-file-contents))

(defun insert-file-literally (filename)
  "Insert FILENAME's bytes after point, undecoded, with the mark after them."
  (interactive "*fInsert file literally: ")
  (insert-file--with filename #'insert-file-contents-literally))

(defun kill-matching-buffers (regexp &optional internal-too no-ask)
  "Kill the buffers whose names match REGEXP (those starting with a space only if
INTERNAL-TOO), asking first unless NO-ASK."
  (interactive "sKill buffers matching this regular expression: \nP")
  (dolist (buffer (buffer-list))
    (let ((name (buffer-name buffer)))
      (when (and name (not (string-empty-p name))
                 (or internal-too (/= (aref name 0) ?\s))
                 (string-match regexp name))
        (if (or no-ask
                (yes-or-no-p (format "Buffer %s %s.  Kill? " name
                                     (if (buffer-modified-p buffer) "HAS BEEN EDITED" "is unmodified"))))
            (kill-buffer buffer))))))

(defun kill-current-buffer ()
  "Kill the current buffer."
  (interactive)
  (kill-buffer (current-buffer)))

(defun make-lock-file-name (filename)
  "The name of FILENAME's lock file: .#NAME in its directory."
  (let ((file (expand-file-name filename)))
    (concat (file-name-directory file) ".#" (file-name-nondirectory file))))
