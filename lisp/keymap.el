;;; keymap.el --- keymaps as lists, key descriptions  -*- lexical-binding: t -*-

;; Enough of keymap.c and edmacro.el for library code to build and query
;; keymaps in batch (nothing reads keys here): a keymap is (keymap
;; BINDINGS... . PARENT), a binding (EVENT . DEFINITION), an event a
;; character with modifier bits or a symbol. Meta characters are stored
;; under the ESC prefix, as Emacs 28.2 stores them.


(defconst keymap--modifier-bits
  '((?A . #x400000) (?C . #x4000000) (?H . #x1000000) (?M . #x8000000) (?S . #x2000000) (?s . #x800000))
  "Modifier letters of key descriptions and their bits, in the order descriptions use.")

(defun make-sparse-keymap (&optional prompt)
  (if prompt (list 'keymap prompt) (list 'keymap)))

(defun make-keymap (&optional prompt)
  (let ((map (list 'keymap (make-char-table 'keymap))))
    (when prompt (nconc map (list prompt)))
    map))

(defun keymapp (object)
  (or (eq (car-safe object) 'keymap)
      (and object (symbolp object) (fboundp object)
           (eq (car-safe (indirect-function object)) 'keymap))))

(defun keymap--get (object)
  "OBJECT as a keymap list (a prefix command's function), or nil."
  (let ((map (cond ((eq (car-safe object) 'keymap) object)
                   ((and object (symbolp object) (fboundp object)
                         (eq (car-safe (indirect-function object)) 'keymap))
                    (indirect-function object)))))
    ;; Every walk below follows cdrs: a circular keymap signals instead of looping.
    (when (and map (not (proper-list-p map)))
      (signal 'circular-list (list map)))
    map))

(defun keymap--check (object)
  (or (keymap--get object) (signal 'wrong-type-argument (list 'keymapp object))))

(defun keymap-parent (keymap)
  (let ((tail (cdr (keymap--check keymap))))
    (while (and (consp tail) (not (eq (car tail) 'keymap)))
      (setq tail (cdr tail)))
    (and (eq (car-safe tail) 'keymap) tail)))

(defun set-keymap-parent (keymap parent)
  (let ((prev (keymap--check keymap)))
    (when parent
      (keymap--check parent)
      (let ((p parent))
        (while p
          (when (eq p keymap) (error "Cyclic keymap inheritance"))
          (setq p (keymap-parent p)))))
    (while (and (consp (cdr prev)) (not (eq (cadr prev) 'keymap)))
      (setq prev (cdr prev)))
    (setcdr prev parent)
    parent))

(defun keymap--events (key)
  "The events of KEY (a string or vector), meta characters split into ESC and the character."
  (unless (arrayp key) (signal 'wrong-type-argument (list 'arrayp key)))
  (let (events)
    (mapc (lambda (event)
            (when (and (stringp key) (integerp event) (>= event 128) (< event 256)
                       (not (multibyte-string-p key)))
              (setq event (logior (- event 128) #x8000000)))
            (if (and (integerp event) (/= 0 (logand event #x8000000)))
                (progn (push meta-prefix-char events)
                       (push (logand event (lognot #x8000000)) events))
              (push event events)))
          key)
    (nreverse events)))

(defun keymap--binding-cell (map event)
  "The (EVENT . DEF) cell of MAP's own bindings (not its parent's), or nil."
  (let ((tail (cdr map)) (found nil))
    (while (and tail (not found) (not (eq (car-safe tail) 'keymap)))
      (let ((elt (car tail)))
        (when (and (consp elt) (eql (car elt) event))
          (setq found elt)))
      (setq tail (cdr tail)))
    found))

(defun keymap--own-binding (map event)
  "MAP's own binding of EVENT (its char-table, then its list), not its parent's."
  (let ((cell (keymap--binding-cell map event)))
    (cond (cell (cdr cell))
          ((and (integerp event) (char-table-p (cadr map)) (<= 0 event (max-char)))
           (aref (cadr map) event)))))

(defun keymap--bindings (map event &optional accept-default)
  "The bindings of EVENT in MAP and then its parents, nil ones left out."
  (let (found)
    (while map
      (let ((b (or (keymap--own-binding map event)
                   (and accept-default (keymap--own-binding map t)))))
        (when b (push b found)))
      (setq map (keymap-parent map)))
    (nreverse found)))

(defun keymap--store (map event def)
  (let ((cell (keymap--binding-cell map event)))
    (cond (cell (setcdr cell def))
          ;; A full keymap keeps plain characters in its char-table.
          ((and (integerp event) (char-table-p (cadr map)) (<= 0 event (max-char)))
           (aset (cadr map) event def))
          (t
           ;; New bindings go first, after a char-table if there is one.
           (let ((at (if (char-table-p (cadr map)) (cdr map) map)))
             (setcdr at (cons (cons event def) (cdr at))))))
    def))

(defun define-key (keymap key def &optional _remove)
  (let* ((events (keymap--events key))
         (map (keymap--check keymap))
         (done nil))
    (when events
      ;; Prefixes are looked up in MAP's own bindings: a parent's prefix map is never changed.
      (while (cdr events)
        (let* ((event (car events))
               (binding (keymap--own-binding map event))
               (sub (keymap--get binding)))
          (push event done)
          (cond (sub (setq map sub))
                (binding
                 (error "Key sequence %s starts with non-prefix key %s"
                        (key-description (vconcat (keymap--events key)))
                        (key-description (vconcat (reverse done)))))
                (t (setq map (keymap--store map event (make-sparse-keymap))))))
        (setq events (cdr events)))
      (keymap--store map (car events) def))))

;; Where a map and its parent both have prefix maps for an event, the key
;; goes on through both, the map's first.
(defun lookup-key (keymap key &optional accept-default)
  (let ((events (keymap--events key))
        (maps (list (keymap--check keymap)))
        (count 0)
        (result nil))
    (catch 'done
      (while events
        (let ((bindings (apply #'append (mapcar (lambda (m) (keymap--bindings m (car events) accept-default)) maps))))
          (setq count (1+ count)
                events (cdr events)
                result (car bindings))
          (when events
            (setq maps (delq nil (mapcar #'keymap--get bindings)))
            (unless (keymap--get result)
              ;; A key longer than the bindings: how many of its events were bound.
              (throw 'done (if result count nil))))))
      result)))

;; global-map, esc-map and ctl-x-map are made at startup (src/primitives/keyboard.ts).
(defvar keymap--local-map nil)
(make-variable-buffer-local 'keymap--local-map)

(defun current-global-map () global-map)
(defun use-global-map (keymap) (setq global-map keymap) nil)
(defun current-local-map () keymap--local-map)
(defun use-local-map (keymap) (setq keymap--local-map keymap) nil)

(defun global-set-key (key command)
  (interactive) (define-key (current-global-map) key command))
(defun global-unset-key (key)
  (interactive "kUnset key globally: ") (global-set-key key nil))
(defun local-set-key (key command)
  (interactive "KSet key locally: \nCSet key %s locally to command: ")
  (unless (current-local-map) (use-local-map (make-sparse-keymap)))
  (define-key (current-local-map) key command))
(defun local-unset-key (key)
  (interactive "kUnset key locally: ")
  (when (current-local-map) (define-key (current-local-map) key nil)))

(defun key-binding (key &optional accept-default _no-remap _position)
  (or (and (current-local-map) (lookup-key (current-local-map) key accept-default))
      (lookup-key (current-global-map) key accept-default)))

;;; Key descriptions.

(defun single-key-description (key &optional no-angles)
  (if (symbolp key)
      (let* ((name (symbol-name key))
             (mods (and (string-match "\\`\\(\\([ACHMSs]-\\)*\\)" name) (match-string 1 name)))
             (base (substring name (length mods))))
        (if no-angles name (concat mods "<" base ">")))
    (let ((bits (logand key (lognot #x3fffff)))
          (base (logand key #x3fffff))
          (mods ""))
      ;; A control character reads as C- and its letter, among the other modifiers.
      (when (and (< base 32) (not (memq base '(9 13 27))))
        (setq bits (logior bits #x4000000)
              base (+ base (if (and (> base 0) (< base 27)) 96 64))))
      (dolist (m keymap--modifier-bits)
        (when (/= 0 (logand bits (cdr m)))
          (setq mods (concat mods (string (car m)) "-"))))
      (concat mods
              (pcase base
                (9 "TAB") (13 "RET") (27 "ESC") (32 "SPC") (127 "DEL")
                (_ (string base)))))))

(defun key-description (keys &optional prefix)
  (unless (sequencep keys) (signal 'wrong-type-argument (list 'sequencep keys)))
  (let ((events (append prefix (keymap--events (if (listp keys) (vconcat keys) keys)) nil))
        (words nil))
    (while events
      (let ((event (car events)))
        ;; ESC and the next character read as one meta key.
        (if (and (eq event meta-prefix-char) (cdr events) (integerp (cadr events)))
            (progn (push (single-key-description (logior (cadr events) #x8000000)) words)
                   (setq events (cddr events)))
          (push (single-key-description event) words)
          (setq events (cdr events)))))
    (mapconcat #'identity (nreverse words) " ")))

(defconst keymap--named-keys
  '(("NUL" . 0) ("RET" . 13) ("LFD" . 10) ("TAB" . 9) ("ESC" . 27) ("SPC" . 32) ("DEL" . 127)))

(defun keymap--parse-word (word)
  "The event that one word of a key description names."
  (let ((bits 0))
    (while (string-match "\\`\\([ACHMSs]\\)-." word)
      (setq bits (logior bits (cdr (assq (aref word 0) keymap--modifier-bits)))
            word (substring word 2)))
    (cond
     ((string-match "\\`<\\(.+\\)>\\'" word)
      ;; <return> with modifiers is the symbol C-return.
      (let ((name (match-string 1 word)) (prefix ""))
        (dolist (m keymap--modifier-bits)
          (when (/= 0 (logand bits (cdr m)))
            (setq prefix (concat prefix (string (car m)) "-"))))
        (intern (concat prefix name))))
     (t
      (let ((char (or (cdr (assoc word keymap--named-keys))
                      (and (= (length word) 1) (aref word 0))
                      (error "Invalid key description: %s" word))))
        ;; C- of @, a letter, [ \ ] ^ or _ is a control character; of anything else, the control bit.
        (when (/= 0 (logand bits #x4000000))
          (cond ((or (and (>= char ?@) (<= char ?_)) (and (>= char ?a) (<= char ?z)))
                 (setq char (logand char 31) bits (logand bits (lognot #x4000000))))))
        (logior char bits))))))

(defun kbd (keys)
  (read-kbd-macro keys))

(defun read-kbd-macro (start &optional need-vector)
  (interactive "r")
  ;; START is the key description (the interactive form, a region, is not supported).
  (let ((events (mapcar #'keymap--parse-word (split-string start "[ \t\n]+" t))))
    (if (and (not need-vector) (seq-every-p (lambda (e) (and (integerp e) (<= 0 e 127))) events))
        (concat events)
      (vconcat events))))

;;; keymap.el ends here
