;;; gv.el --- generalized variables: places for setf  -*- lexical-binding: t -*-

;; The places `setf' knows are built into src/primitives/macros.ts (setPlace):
;; conses, arrays, hash tables, symbols' cells, plists and alists. This file
;; adds the rest of Emacs's gv.el as seen from Lisp: defining places
;; (`gv-define-setter', `gv-define-simple-setter', `gv-define-expander'),
;; reading and writing one from a macro (`gv-letplace' over `gv-get', a
;; builtin), and the places of substrings, buffer text, subsequences and bit
;; fields. setPlace loads this file the first time it meets a place head it
;; does not know.

(define-error 'gv-invalid-place "Invalid place expression")

;; `gv-define-setter' and `gv-define-simple-setter' keep a function on the
;; property cl--gv-setter: (VALUE-FORM ARG-FORMS) -> store form, which `setf'
;; and the macros built on it (push, pop, cl-incf, ...) consult.

(defmacro gv-define-setter (name arglist &rest body)
  "Make (setf (NAME ARGS...) VAL) expand to BODY with ARGLIST bound to (VAL ARGS...)."
  (declare (indent 2))
  (let ((fn (list 'lambda '(value args)
                  (list 'apply (list 'function (cons 'lambda (cons arglist body))) 'value 'args))))
    (put name 'cl--gv-setter (eval fn t))
    (list 'progn (list 'put (list 'quote name) ''cl--gv-setter (list 'function fn))
          (list 'quote name))))

(defmacro gv-define-simple-setter (name setter &optional fix-return)
  "Make (setf (NAME ARGS...) VAL) expand to (SETTER ARGS... VAL)."
  (let ((fn (if fix-return
                `(lambda (value args)
                   (let ((v (make-symbol "v")))
                     (list 'let (list (list v value)) (append (list ',setter) args (list v)) v)))
              `(lambda (value args) (append (list ',setter) args (list value))))))
    (put name 'cl--gv-setter (eval fn t))
    (list 'progn (list 'put (list 'quote name) ''cl--gv-setter (list 'function fn))
          (list 'quote name))))

(defmacro gv-define-expander (name handler)
  "Make NAME a place: HANDLER is called with DO and the place's argument forms,
and must return (funcall DO GETTER SETTER) wrapped in what binds its arguments."
  (declare (indent 1))
  (list 'put (list 'quote name) ''gv-expander handler))

(defmacro gv-letplace (vars place &rest body)
  "Run BODY, which builds a form, with VARS = (GETTER SETTER) bound for the place
that PLACE evaluates to: GETTER a form reading it, SETTER a function from a
value form to a form storing it. Its arguments are evaluated once."
  (declare (indent 2))
  (list 'gv-get place (cons 'lambda (cons vars body))))

;;; Places.

(defun gv--set-substring (string start end value)
  "STRING with its characters from START to END (nil: the end) replaced by VALUE."
  (let ((len (length string)))
    (setq end (cond ((null end) len) ((< end 0) (+ end len)) (t end)))
    (when (< start 0) (setq start (+ start len)))
    (concat (and (> start 0) (substring string 0 start))
            value
            (and (< end len) (substring string end)))))

(gv-define-setter substring (value string start &optional end)
  (macroexp-let2 nil v value
    (list 'progn (list 'setf string (list 'gv--set-substring string start end v)) v)))

(gv-define-setter buffer-string (value)
  (list 'insert (list 'prog1 value '(erase-buffer))))

(defun gv--set-buffer-substring (start end value)
  "Replace the text from START to END with VALUE, leaving point alone; VALUE."
  (save-excursion
    (delete-region start end)
    (goto-char start)
    (insert value)
    value))

(gv-define-setter buffer-substring (value start end)
  (list 'gv--set-buffer-substring start end value))

(gv-define-setter cl-subseq (value sequence start &optional end)
  (macroexp-let2 nil new value
    (list 'progn (list 'cl-replace sequence new :start1 start :end1 end) new)))

(gv-define-setter seq-elt (value sequence n)
  (list 'setf (list 'elt sequence n) value))

(gv-define-setter caddr (value list) (list 'setcar (list 'nthcdr 2 list) value))
(gv-define-setter cl-third (value list) (list 'setcar (list 'nthcdr 2 list) value))
(gv-define-setter cl-fourth (value list) (list 'setcar (list 'nthcdr 3 list) value))
(gv-define-setter cl-fifth (value list) (list 'setcar (list 'nthcdr 4 list) value))
(gv-define-setter cl-sixth (value list) (list 'setcar (list 'nthcdr 5 list) value))
(gv-define-setter cl-seventh (value list) (list 'setcar (list 'nthcdr 6 list) value))
(gv-define-setter cl-eighth (value list) (list 'setcar (list 'nthcdr 7 list) value))
(gv-define-setter cl-ninth (value list) (list 'setcar (list 'nthcdr 8 list) value))
(gv-define-setter cl-tenth (value list) (list 'setcar (list 'nthcdr 9 list) value))

(gv-define-expander logand
  (lambda (do place &rest masks)
    (gv-letplace (getter setter) place
      (macroexp-let2 macroexp-copyable-p mask (if (cdr masks) (cons 'logand masks) (car masks))
        (funcall do (list 'logand getter mask)
                 (lambda (value)
                   (macroexp-let2 nil v value
                     (list 'progn
                           (funcall setter (list 'logior (list 'logand v mask)
                                                 (list 'logand getter (list 'lognot mask))))
                           v))))))))

(provide 'gv)

;;; gv.el ends here
