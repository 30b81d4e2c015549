;;; cl-struct.el --- cl-lib's cl-defstruct  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's cl-defstruct.
;;
;; A structure type NAME keeps its description on NAME's plist:
;; cl--struct-slots ((SLOT DEFAULT . OPTIONS) ...) in storage order, without the tag;
;; cl--struct-type (record, vector or list); cl--struct-named (t if a tag
;; occupies index 0); cl--struct-parent (the :include'd type).

;;;; Places

;; A structure accessor's cl--struct-place property lets setf turn
;; (ACCESSOR OBJ) into the equivalent `aref'/`nth' place.

(defun cl--struct-rewrite-place (place)
  "PLACE with a structure accessor call replaced by the equivalent element place."
  (let ((info (and (consp place) (symbolp (car place)) (get (car place) 'cl--struct-place))))
    (if (null info) place
      (let* ((obj (cadr place))
             (obj (if (nth 2 info) (list 'cl--struct-checked obj (list 'quote (nth 2 info))) obj)))
        (if (eq (car info) 'nth)
            (list 'nth (nth 1 info) obj)
          (list 'aref obj (nth 1 info)))))))

(defun cl--struct-checked (obj type)
  "OBJ, after checking it is a structure of TYPE (or one that includes it)."
  (if (funcall (get type 'cl--struct-predicate) obj) obj
    (signal 'wrong-type-argument (list type obj))))

;; Places defined with `gv-define-setter' live in lisp/gv.el; structure
;; accessors are places through cl--struct-place (see setPlace in
;; src/primitives/macros.ts).

;;;; Definition

(defun cl--struct-subtype-p (tag type)
  "Non-nil if the structure type TAG is TYPE or includes it."
  (while (and tag (not (eq tag type)))
    (setq tag (get tag 'cl--struct-parent)))
  tag)

(defun cl--struct-slot-spec (s)
  (if (consp s) s (list s nil)))

(defmacro cl-defstruct (name-and-options &rest slots)
  "Define a structure type: constructor, predicate, copier and slot accessors."
  (declare (indent 1) (doc-string 2))
  (let* ((name (if (consp name-and-options) (car name-and-options) name-and-options))
         (options (and (consp name-and-options) (cdr name-and-options)))
         (conc-name (format "%s-" name))
         (constructors nil) (default-constructor t)
         (predicate (intern (format "%s-p" name)))
         (copier (intern (format "copy-%s" name)))
         (parent nil) (include-overrides nil)
         (type nil) (named nil) (forms nil))
    (when (stringp (car slots)) (setq slots (cdr slots)))
    (dolist (opt options)
      (let ((key (if (consp opt) (car opt) opt)) (args (and (consp opt) (cdr opt))))
        (cond
         ((eq key :conc-name)
          (setq conc-name (if (car args) (format "%s" (car args)) "")))
         ((eq key :constructor)
          (cond ((null args))
                ((null (car args)) (setq default-constructor nil))
                ((cdr args) (push (list (car args) (cadr args)) constructors))
                (t (setq default-constructor nil)
                   (push (list (car args)) constructors))))
         ((eq key :predicate) (setq predicate (car args)))
         ((eq key :copier) (setq copier (car args)))
         ((eq key :include) (setq parent (car args) include-overrides (cdr args)))
         ((eq key :type) (setq type (car args)))
         ((eq key :named) (setq named t)))))
    ;; A (:constructor NAME) without arguments is a keyword constructor.
    (when (and default-constructor
               (not (assq (intern (format "make-%s" name)) constructors)))
      (push (list (intern (format "make-%s" name))) constructors))
    (when (and parent (null type)) (setq type (get parent 'cl--struct-type)))
    (when (and parent (get parent 'cl--struct-named) (not (eq (get parent 'cl--struct-type) 'record)))
      (setq named t))
    (let* ((record-p (or (null type) (eq type 'record)))
           (tagged (or record-p named))
           (parent-slots (and parent (copy-tree (get parent 'cl--struct-slots))))
           (own-slots (mapcar #'cl--struct-slot-spec (delq nil (mapcar (lambda (s) (unless (stringp s) s)) slots))))
           (all-slots nil)
           (offset (if tagged 1 0))
           (tag-form (list 'quote name)))
      (dolist (o include-overrides)
        (let ((o (cl--struct-slot-spec o)))
          (let ((cell (assq (car o) parent-slots)))
            (when cell (setcdr cell (cdr o))))))
      (setq all-slots (append parent-slots own-slots))
      (unless record-p (setq type (or type 'vector)))
      (put name 'cl--struct-slots all-slots)
      (put name 'cl--struct-type (if record-p 'record type))
      (put name 'cl--struct-named (and tagged t))
      (push (list 'put (list 'quote name) ''cl--struct-slots (list 'quote all-slots)) forms)
      (push (list 'put (list 'quote name) ''cl--struct-type (list 'quote (if record-p 'record type))) forms)
      (push (list 'put (list 'quote name) ''cl--struct-named (and tagged t)) forms)
      (push (list 'put (list 'quote name) ''cl--struct-parent (list 'quote parent)) forms)
      (push (list 'put (list 'quote name) ''cl--class t) forms)
      ;; Predicate.
      (let ((pred-body
             (cond (record-p (list 'and (list 'recordp 'cl-x)
                                   (list 'cl--struct-subtype-p (list 'aref 'cl-x 0) (list 'quote name))
                                   t))
                   ((and named (eq type 'vector))
                    (list 'and (list 'vectorp 'cl-x) (list '> (list 'length 'cl-x) 0)
                          (list 'symbolp (list 'aref 'cl-x 0))
                          (list 'cl--struct-subtype-p (list 'aref 'cl-x 0) (list 'quote name)) t))
                   (named
                    (list 'and (list 'consp 'cl-x) (list 'symbolp (list 'car 'cl-x))
                          (list 'cl--struct-subtype-p (list 'car 'cl-x) (list 'quote name)) t)))))
        (when pred-body
          (let ((pred-name (or predicate (intern (format "cl--struct-%s-p" name)))))
            (push (list 'defun pred-name '(cl-x) pred-body) forms)
            (push (list 'put (list 'quote name) ''cl--struct-predicate (list 'quote pred-name)) forms)
            (push (list 'put (list 'quote name) ''cl-deftype-satisfies (list 'quote pred-name)) forms))))
      ;; Accessors.
      (let ((i offset))
        (dolist (s all-slots)
          (let* ((acc (intern (format "%s%s" conc-name (car s))))
                 (check (and tagged name))
                 (getter (if (eq type 'list) (list 'nth i 'cl-x) (list 'aref 'cl-x i))))
            (push (list 'defun acc '(cl-x)
                        (if check
                            (list 'progn (cl--struct-check-form name record-p) getter)
                          getter))
                  forms)
            ;; Known at expansion time too, so setf works later in the same form.
            (put acc 'cl--struct-place (list (if (eq type 'list) 'nth 'aref) i check))
            (push (list 'put (list 'quote acc) ''cl--struct-place
                        (list 'quote (list (if (eq type 'list) 'nth 'aref) i check)))
                  forms)
            (setq i (1+ i)))))
      ;; Constructors.
      (dolist (c constructors)
        (let* ((cname (car c)) (boa (cdr c))
               (make (cond (record-p 'record) ((eq type 'list) 'list) (t 'vector)))
               (arglist
                (if boa (cl--struct-boa-arglist (car boa) all-slots)
                  (cons '&key (mapcar (lambda (s) (if (cadr s) (list (car s) (cadr s)) (car s)))
                                      all-slots))))
               (mentioned (and boa (cl--loop-pattern-vars (car boa))))
               (slot-values
                (mapcar (lambda (s) (if (or (not boa) (memq (car s) mentioned)) (car s) (cadr s)))
                        all-slots)))
          (push (list 'cl-defun cname arglist
                      (cons make (if tagged (cons tag-form slot-values) slot-values)))
                forms)))
      ;; Copier.
      (when copier
        (push (list 'defalias (list 'quote copier) ''copy-sequence) forms))
      (cons 'progn (append (nreverse forms) (list (list 'quote name)))))))

(defun cl--struct-check-form (name record-p)
  "A form that signals unless cl-x is a structure of type NAME."
  (let ((slow (list 'cl--struct-checked 'cl-x (list 'quote name))))
    (if record-p
        (list 'or (list 'and (list 'recordp 'cl-x) (list 'eq (list 'aref 'cl-x 0) (list 'quote name)))
              slow)
      slow)))

(defun cl--struct-boa-arglist (args slots)
  "ARGS, with optional and key arguments that name a slot defaulting to its initform."
  (let ((mode nil) (res nil))
    (dolist (a args)
      (cond ((memq a '(&optional &key)) (setq mode a) (push a res))
            ((memq a '(&rest &body &aux &allow-other-keys)) (setq mode nil) (push a res))
            ((and mode (symbolp a) (cadr (assq a slots)))
             (push (list a (cadr (assq a slots))) res))
            (t (push a res))))
    (nreverse res)))

(defun cl-struct-slot-info (struct-type)
  (cons '(cl-tag-slot)
        (mapcar (lambda (s) (cons (car s) (cdr s))) (get struct-type 'cl--struct-slots))))

(defun cl-struct-slot-offset (struct-type slot-name)
  (let ((slots (get struct-type 'cl--struct-slots)) (i (if (get struct-type 'cl--struct-named) 1 0)))
    (while (and slots (not (eq (car (car slots)) slot-name)))
      (setq slots (cdr slots) i (1+ i)))
    (if slots i (error "struct %s has no slot %s" struct-type slot-name))))

(defun cl-struct-slot-value (struct-type slot-name inst)
  "The value of the slot SLOT-NAME of the structure INST of type STRUCT-TYPE."
  (let ((i (cl-struct-slot-offset struct-type slot-name)))
    (if (eq (get struct-type 'cl--struct-type) 'list) (nth i inst) (aref inst i))))

(defun cl-struct-sequence-type (struct-type)
  (let ((type (get struct-type 'cl--struct-type)))
    (if (eq type 'record) nil type)))

(provide 'cl-struct)
