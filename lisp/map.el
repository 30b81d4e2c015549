;;; map.el --- functions over alists, plists, hash tables and arrays  -*- lexical-binding: t -*-

;; A map is an alist, a plist (a list whose first element is not a cons),
;; a hash table or an array (keys are indices). Behaviour checked against
;; GNU Emacs 28.2's map.el; lists are looked up with `equal' unless a TESTFN
;; is given.

(define-error 'map-not-inplace "Cannot modify map in-place")

(defun map--plist-p (list)
  (and (consp list) (atom (car list))))

(defun map--check-list (list)
  "LIST, after checking it ends: the plist walks below step two at a time."
  (unless (proper-list-p list)
    (if (ignore-errors (length list) t)
        (signal 'wrong-type-argument (list 'listp list))
      (signal 'circular-list (list list))))
  list)

(defun mapp (map)
  (or (listp map) (hash-table-p map) (arrayp map)))

(defun map--pairs (map)
  "MAP's entries as a fresh list of (KEY . VALUE), in order."
  (cond ((hash-table-p map)
         (let (pairs) (maphash (lambda (k v) (push (cons k v) pairs)) map) (nreverse pairs)))
        ((map--plist-p map)
         (map--check-list map)
         (let (pairs) (while map (push (cons (car map) (cadr map)) pairs) (setq map (cddr map))) (nreverse pairs)))
        ((listp map) (mapcar (lambda (e) (cons (car e) (cdr e))) map))
        ((arrayp map) (let ((i -1)) (mapcar (lambda (v) (cons (setq i (1+ i)) v)) map)))
        (t (signal 'wrong-type-argument (list 'mapp map)))))

(defun map-elt (map key &optional default testfn)
  (cond ((hash-table-p map) (gethash key map default))
        ((map--plist-p map)
         (let ((tail (if testfn
                         (let ((l map)) (while (and l (not (funcall testfn (car l) key))) (setq l (cddr l))) l)
                       (plist-member map key))))
           (if tail (cadr tail) default)))
        ((listp map) (alist-get key map default nil (or testfn #'equal)))
        ((arrayp map) (if (and (natnump key) (< key (length map))) (aref map key) default))
        (t (signal 'wrong-type-argument (list 'mapp map)))))

(defun map-insert (map key value)
  "A map like MAP with KEY bound to VALUE, MAP itself unchanged."
  (cond ((hash-table-p map) (let ((copy (copy-hash-table map))) (puthash key value copy) copy))
        ((map--plist-p map) (let ((copy (copy-sequence map))) (plist-put copy key value)))
        ((listp map) (cons (cons key value) map))
        ((arrayp map) (let ((copy (copy-sequence map))) (aset copy key value) copy))
        (t (signal 'wrong-type-argument (list 'mapp map)))))

(defun map-put! (map key value &optional testfn)
  (cond ((hash-table-p map) (puthash key value map))
        ((map--plist-p map)
         (let ((tail (plist-member map key)))
           (if tail (setcar (cdr tail) value) (signal 'map-not-inplace (list map)))))
        ((listp map)
         (let ((cell (assoc key map (or testfn #'equal))))
           (if cell (setcdr cell value) (signal 'map-not-inplace (list map)))))
        ((arrayp map)
         (if (and (natnump key) (< key (length map))) (aset map key value) (signal 'map-not-inplace (list map))))
        (t (signal 'wrong-type-argument (list 'mapp map))))
  value)

;; (setf (map-elt MAP KEY) VALUE): in place when it can be, else MAP gets a new binding in front.
(gv-define-setter map-elt (value map key &optional _default testfn)
  `(condition-case nil
       (map-put! ,map ,key ,value ,testfn)
     (map-not-inplace (setq ,map (map-insert ,map ,key ,value)) ,value)))

(defun map-delete (map key)
  (cond ((hash-table-p map) (remhash key map) map)
        ((map--plist-p map)
         (map--check-list map)
         (let ((result nil))
           (while map
             (unless (equal (car map) key) (setq result (cons (cadr map) (cons (car map) result))))
             (setq map (cddr map)))
           (nreverse result)))
        ((listp map) (seq-remove (lambda (e) (equal (car-safe e) key)) map))
        ((arrayp map) (when (and (natnump key) (< key (length map))) (aset map key nil)) map)
        (t (signal 'wrong-type-argument (list 'mapp map)))))

(defun map-nested-elt (map keys &optional default)
  (let ((value map) (missing (make-symbol "missing")))
    (while (and keys (not (eq value missing)))
      (setq value (if (mapp value) (map-elt value (car keys) missing) missing)
            keys (cdr keys)))
    (if (eq value missing) default value)))

(defun map-keys (map) (mapcar #'car (map--pairs map)))
(defun map-values (map) (mapcar #'cdr (map--pairs map)))
(defun map-pairs (map) (map--pairs map))
(defun map-length (map) (if (hash-table-p map) (hash-table-count map) (length (map--pairs map))))
(defun map-copy (map)
  (cond ((hash-table-p map) (copy-hash-table map))
        ((listp map) (if (map--plist-p map) (copy-sequence map) (mapcar (lambda (e) (cons (car e) (cdr e))) map)))
        (t (copy-sequence map))))
(defun map-empty-p (map) (if (hash-table-p map) (zerop (hash-table-count map)) (seq-empty-p map)))
(defun map-contains-key (map key &optional testfn)
  (cond ((hash-table-p map) (let ((missing (make-symbol "missing"))) (not (eq (gethash key map missing) missing))))
        ((arrayp map) (and (natnump key) (< key (length map))))
        (t (and (seq-some (lambda (k) (funcall (or testfn #'equal) k key)) (map-keys map)) t))))

(defun map-apply (function map) (mapcar (lambda (p) (funcall function (car p) (cdr p))) (map--pairs map)))
(defun map-do (function map) (mapc (lambda (p) (funcall function (car p) (cdr p))) (map--pairs map)) nil)
(defun map-keys-apply (function map) (mapcar function (map-keys map)))
(defun map-values-apply (function map) (mapcar function (map-values map)))
(defun map-filter (pred map) (seq-filter (lambda (p) (funcall pred (car p) (cdr p))) (map--pairs map)))
(defun map-remove (pred map) (seq-remove (lambda (p) (funcall pred (car p) (cdr p))) (map--pairs map)))
(defun map-some (pred map) (seq-some (lambda (p) (funcall pred (car p) (cdr p))) (map--pairs map)))
(defun map-every-p (pred map) (seq-every-p (lambda (p) (funcall pred (car p) (cdr p))) (map--pairs map)))

(defun map-into (map type)
  (let ((pairs (map--pairs map)))
    (pcase type
      ((or 'list 'alist) pairs)
      ('plist (apply #'append (mapcar (lambda (p) (list (car p) (cdr p))) pairs)))
      ((or 'hash-table `(hash-table . ,_))
       (let ((table (apply #'make-hash-table (if (consp type) (cdr type) '(:test equal)))))
         (dolist (p pairs) (puthash (car p) (cdr p) table))
         table))
      (_ (error "Unknown map type: %S" type)))))

(defun map-merge-with (type function &rest maps)
  (let ((result nil))
    (dolist (map maps)
      (dolist (p (map--pairs map))
        (let ((cell (assoc (car p) result)))
          (if cell
              (setcdr cell (funcall function (cdr cell) (cdr p)))
            (setq result (nconc result (list (cons (car p) (cdr p)))))))))
    (map-into result type)))

(defun map-merge (type &rest maps)
  (apply #'map-merge-with type (lambda (_old new) new) maps))



(defmacro map-let (keys map &rest body)
  "Bind each of KEYS to its value in MAP: a symbol KEY binds the symbol to the value of the key 'KEY;
a list (KEY VAR) binds VAR to the value of KEY (evaluated). Emacs 28 ignores a third element."
  (declare (indent 2))
  (let ((m (make-symbol "map")))
    `(let* ((,m ,map)
            ,@(mapcar (lambda (k)
                        (if (consp k)
                            `(,(cadr k) (map-elt ,m ,(car k)))
                          `(,k (map-elt ,m ',k))))
                      keys))
       ,@body)))

(provide 'map)
