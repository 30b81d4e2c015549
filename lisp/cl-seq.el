;;; cl-seq.el --- cl-lib's sequence, list and set functions  -*- lexical-binding: t -*-
;; Written for elisp; behaviour follows GNU Emacs 28.2's cl-seq.el and cl-extra.el.

;;;; Matching

(defun cl--matcher (item test test-not key if if-not)
  "A one-argument predicate for the :test/:test-not/:key/:if/:if-not keywords."
  (cond
   (if (if key (lambda (x) (funcall if (funcall key x))) if))
   (if-not (if key (lambda (x) (not (funcall if-not (funcall key x))))
             (lambda (x) (not (funcall if-not x)))))
   (test (if key (lambda (x) (funcall test item (funcall key x)))
           (lambda (x) (funcall test item x))))
   (test-not (if key (lambda (x) (not (funcall test-not item (funcall key x))))
               (lambda (x) (not (funcall test-not item x)))))
   (key (lambda (x) (eql item (funcall key x))))
   (t (lambda (x) (eql item x)))))

(defun cl--seq-to-type (list like)
  "LIST as a sequence of the same type as LIKE."
  (cond ((listp like) list)
        ((stringp like) (concat list))
        (t (vconcat list))))

(defun cl--matching-indices (match seq start end count from-end)
  "Indices of SEQ's elements in [START, END) satisfying MATCH, at most COUNT of them."
  (let ((i 0) (hits nil) (start (or start 0)))
    (if (listp seq)
        ;; The length first, as Emacs's cl-seq.el takes it: a circular list signals circular-list.
        (let ((tail seq) (end (or end (length seq))))
          (while (and tail (< i end))
            (when (and (>= i start) (funcall match (car tail))) (push i hits))
            (setq tail (cdr tail) i (1+ i))))
      (let ((n (or end (length seq))))
        (setq i start)
        (while (< i n)
          (when (funcall match (aref seq i)) (push i hits))
          (setq i (1+ i)))))
    ;; HITS is in decreasing order here.
    (when (and count (< count (length hits)))
      (setq hits (if from-end (cl-subseq hits 0 (max count 0))
                   (nthcdr (- (length hits) (max count 0)) hits))))
    (nreverse hits)))

(cl-defun cl-remove (item seq &key test test-not key count start end from-end if if-not)
  "A copy of SEQ without the elements matching ITEM."
  (let ((match (cl--matcher item test test-not key if if-not)))
    (if (and (listp seq) (null count) (null start) (null end))
        ;; Common case: share the tail after the last removed element.
        ;; The length first, as cl-seq.el takes it: a circular list signals circular-list.
        (let ((tail seq) (last-hit nil) (_ (length seq)))
          (while tail
            (when (funcall match (car tail)) (setq last-hit tail))
            (setq tail (cdr tail)))
          (if (null last-hit) seq
            (let ((res nil) (tail seq))
              (while (not (eq tail last-hit))
                (unless (funcall match (car tail)) (push (car tail) res))
                (setq tail (cdr tail)))
              (nconc (nreverse res) (cdr last-hit)))))
      ;; Emacs honours :from-end only when COUNT is under half the range.
      (when (and from-end count
                 (not (< count (/ (- (or end (length seq)) (or start 0)) 2))))
        (setq from-end nil))
      (let ((hits (cl--matching-indices match seq start end count from-end)))
        (if (null hits) seq
          (let ((res nil) (i 0))
            (mapc (lambda (x)
                    (if (and hits (= i (car hits))) (setq hits (cdr hits)) (push x res))
                    (setq i (1+ i)))
                  seq)
            (cl--seq-to-type (nreverse res) seq)))))))

(defun cl-remove-if (pred seq &rest keys)
  (apply #'cl-remove nil seq :if pred keys))
(defun cl-remove-if-not (pred seq &rest keys)
  (apply #'cl-remove nil seq :if-not pred keys))
(defun cl-delete (item seq &rest keys)
  (apply #'cl-remove item seq keys))
(defun cl-delete-if (pred seq &rest keys)
  (apply #'cl-remove nil seq :if pred keys))
(defun cl-delete-if-not (pred seq &rest keys)
  (apply #'cl-remove nil seq :if-not pred keys))

(cl-defun cl-substitute (new old seq &key test test-not key count start end from-end if if-not)
  "A copy of SEQ with the elements matching OLD replaced by NEW."
  (let* ((match (cl--matcher old test test-not key if if-not))
         (hits (cl--matching-indices match seq start end count from-end)))
    (if (null hits) seq
      (let ((res nil) (i 0))
        (mapc (lambda (x)
                (if (and hits (= i (car hits))) (progn (setq hits (cdr hits)) (push new res)) (push x res))
                (setq i (1+ i)))
              seq)
        (cl--seq-to-type (nreverse res) seq)))))

(defun cl-substitute-if (new pred seq &rest keys)
  (apply #'cl-substitute new nil seq :if pred keys))
(defun cl-substitute-if-not (new pred seq &rest keys)
  (apply #'cl-substitute new nil seq :if-not pred keys))
(defun cl-nsubstitute (new old seq &rest keys)
  (apply #'cl-substitute new old seq keys))
(defun cl-nsubstitute-if (new pred seq &rest keys)
  (apply #'cl-substitute new nil seq :if pred keys))

(cl-defun cl-position (item seq &key test test-not key start end from-end if if-not)
  "The index of the first (or last, with :from-end) element of SEQ matching ITEM."
  (let ((hits (cl--matching-indices (cl--matcher item test test-not key if if-not)
                                    seq start end (if from-end nil 1) nil)))
    (if from-end (car (last hits)) (car hits))))

(defun cl-position-if (pred seq &rest keys)
  (apply #'cl-position nil seq :if pred keys))
(defun cl-position-if-not (pred seq &rest keys)
  (apply #'cl-position nil seq :if-not pred keys))

(defun cl-find (item seq &rest keys)
  "The first element of SEQ matching ITEM."
  (let ((i (apply #'cl-position item seq keys)))
    (and i (elt seq i))))
(defun cl-find-if (pred seq &rest keys)
  (apply #'cl-find nil seq :if pred keys))
(defun cl-find-if-not (pred seq &rest keys)
  (apply #'cl-find nil seq :if-not pred keys))

(cl-defun cl-count (item seq &key test test-not key start end if if-not)
  "The number of elements of SEQ matching ITEM."
  (length (cl--matching-indices (cl--matcher item test test-not key if if-not) seq start end nil nil)))
(defun cl-count-if (pred seq &rest keys)
  (apply #'cl-count nil seq :if pred keys))
(defun cl-count-if-not (pred seq &rest keys)
  (apply #'cl-count nil seq :if-not pred keys))

(cl-defun cl-remove-duplicates (seq &key test test-not key start end from-end if if-not)
  "A copy of SEQ without duplicates; the last occurrence stays unless :from-end."
  (ignore if if-not)
  (let* ((items (append seq nil)) (n (length items)) (start (or start 0)) (end (or end n))
         (res nil) (i 0) (kept nil))
    (if from-end
        (dolist (x items)
          (if (and (>= i start) (< i end)
                   (cl-member (if key (funcall key x) x) kept :test test :test-not test-not :key key))
              nil
            (push x res)
            (when (and (>= i start) (< i end)) (push x kept)))
          (setq i (1+ i)))
      (let ((tail items))
        (while tail
          (let ((x (car tail)))
            (unless (and (>= i start) (< i end)
                         (cl-member (if key (funcall key x) x)
                                    (cl-subseq items (1+ i) end)
                                    :test test :test-not test-not :key key))
              (push x res)))
          (setq tail (cdr tail) i (1+ i)))))
    (cl--seq-to-type (nreverse res) seq)))

(defun cl-delete-duplicates (seq &rest keys)
  (apply #'cl-remove-duplicates seq keys))

;;;; Predicates over sequences

(defun cl--map-elements (func seqs)
  "Call FUNC on successive elements of SEQS until the shortest ends."
  (if (and (null (cdr seqs)) (listp (car seqs)))
      (mapcar func (car seqs))
    (let* ((n (apply #'min (mapcar #'length seqs))) (i 0) (res nil))
      (while (< i n)
        (push (apply func (mapcar (lambda (s) (elt s i)) seqs)) res)
        (setq i (1+ i)))
      (nreverse res))))

(defun cl-some (pred seq &rest more)
  "The first non-nil value of PRED on the elements of SEQ (and MORE)."
  (if (and (null more) (listp seq))
      (let ((res nil))
        (while (and seq (not (setq res (funcall pred (car seq)))))
          (setq seq (cdr seq)))
        res)
    (catch 'cl--some
      (cl--map-elements (lambda (&rest xs) (let ((v (apply pred xs))) (if v (throw 'cl--some v))))
                        (cons seq more))
      nil)))

(defun cl-every (pred seq &rest more)
  "Non-nil if PRED is true of every element of SEQ (and MORE)."
  (if (and (null more) (listp seq))
      (progn
        (while (and seq (funcall pred (car seq)))
          (setq seq (cdr seq)))
        (null seq))
    (catch 'cl--every
      (cl--map-elements (lambda (&rest xs) (or (apply pred xs) (throw 'cl--every nil)))
                        (cons seq more))
      t)))

(defun cl-notany (pred seq &rest more)
  (not (apply #'cl-some pred seq more)))
(defun cl-notevery (pred seq &rest more)
  (not (apply #'cl-every pred seq more)))

(cl-defun cl-reduce (func seq &key start end from-end (initial-value nil init-p) key)
  "Combine the elements of SEQ with the two-argument FUNC."
  (let ((items (append (if (or start end) (cl-subseq seq (or start 0) end) seq) nil)))
    (when key (setq items (mapcar key items)))
    (when from-end (setq items (reverse items)))
    (let ((acc (cond (init-p initial-value)
                     (items (pop items))
                     (t (funcall func)))))
      (if from-end
          (dolist (x items) (setq acc (funcall func x acc)))
        (dolist (x items) (setq acc (funcall func acc x))))
      acc)))

;;;; Lists

(cl-defun cl-member (item list &key test test-not key if if-not)
  "The tail of LIST whose car matches ITEM (`eql' by default)."
  (if (or test test-not key if if-not)
      (let ((match (cl--matcher item test test-not key if if-not)))
        (while (and list (not (funcall match (car list))))
          (setq list (cdr list)))
        list)
    (while (and list (not (eql item (car list))))
      (setq list (cdr list)))
    list))

(defun cl-member-if (pred list &rest keys)
  (apply #'cl-member nil list :if pred keys))
(defun cl-member-if-not (pred list &rest keys)
  (apply #'cl-member nil list :if-not pred keys))

(cl-defun cl-assoc (item alist &key test test-not key if if-not)
  "The first element of ALIST whose car matches ITEM."
  (let ((match (cl--matcher item test test-not key if if-not)))
    (while (and alist (not (and (consp (car alist)) (funcall match (car (car alist))))))
      (setq alist (cdr alist)))
    (car alist)))
(defun cl-assoc-if (pred alist &rest keys)
  (apply #'cl-assoc nil alist :if pred keys))
(defun cl-assoc-if-not (pred alist &rest keys)
  (apply #'cl-assoc nil alist :if-not pred keys))

(cl-defun cl-rassoc (item alist &key test test-not key if if-not)
  "The first element of ALIST whose cdr matches ITEM."
  (let ((match (cl--matcher item test test-not key if if-not)))
    (while (and alist (not (and (consp (car alist)) (funcall match (cdr (car alist))))))
      (setq alist (cdr alist)))
    (car alist)))
(defun cl-rassoc-if (pred alist &rest keys)
  (apply #'cl-rassoc nil alist :if pred keys))

(defun cl-adjoin (item list &rest keys)
  "LIST with ITEM added in front unless it is already a member."
  (let ((key (plist-get keys :key)))
    (if (apply #'cl-member (if key (funcall key item) item) list keys) list (cons item list))))

(defun cl-union (list1 list2 &rest keys)
  "The union of LIST1 and LIST2."
  (cond ((null list1) list2) ((null list2) list1)
        ((equal list1 list2) list1)
        (t (when (< (length list1) (length list2))
             (setq list1 (prog1 list2 (setq list2 list1))))
           (let ((res nil) (key (plist-get keys :key)))
             (dolist (x list2)
               (unless (apply #'cl-member (if key (funcall key x) x) list1 keys)
                 (push x res)))
             (append (nreverse res) list1)))))

(defun cl-intersection (list1 list2 &rest keys)
  "The elements of LIST1 that are also in LIST2."
  (and list1 list2
       (if (equal list1 list2) list1
         (let ((res nil) (key (plist-get keys :key)))
           (when (< (length list1) (length list2))
             (setq list1 (prog1 list2 (setq list2 list1))))
           (dolist (x list2)
             (when (apply #'cl-member (if key (funcall key x) x) list1 keys)
               (push x res)))
           res))))

(defun cl-set-difference (list1 list2 &rest keys)
  "The elements of LIST1 that are not in LIST2."
  (if (or (null list1) (null list2)) list1
    (let ((res nil) (key (plist-get keys :key)))
      (dolist (x list1)
        (unless (apply #'cl-member (if key (funcall key x) x) list2 keys)
          (push x res)))
      (nreverse res))))

(defun cl-set-exclusive-or (list1 list2 &rest keys)
  (cond ((null list1) list2) ((null list2) list1)
        ((equal list1 list2) nil)
        (t (append (apply #'cl-set-difference list1 list2 keys)
                   (apply #'cl-set-difference list2 list1 keys)))))

(defun cl-subsetp (list1 list2 &rest keys)
  "Non-nil if every element of LIST1 is in LIST2."
  (cond ((null list1) t) ((null list2) nil)
        ((equal list1 list2) t)
        (t (let ((key (plist-get keys :key)))
             (cl-every (lambda (x) (apply #'cl-member (if key (funcall key x) x) list2 keys)) list1)))))

(defun cl-nunion (l1 l2 &rest keys) (apply #'cl-union l1 l2 keys))
(defun cl-nintersection (l1 l2 &rest keys) (apply #'cl-intersection l1 l2 keys))
(defun cl-nset-difference (l1 l2 &rest keys) (apply #'cl-set-difference l1 l2 keys))

(cl-defun cl-sort (seq pred &key key)
  "Sort SEQ (destructively) by PRED, comparing the :key of each element."
  (if (nlistp seq)
      (if (stringp seq) (concat (cl-sort (append seq nil) pred :key key))
        (let ((sorted (cl-sort (append seq nil) pred :key key)) (i 0))
          (dolist (x sorted) (aset seq i x) (setq i (1+ i)))
          seq))
    (sort seq (if key (lambda (a b) (funcall pred (funcall key a) (funcall key b))) pred))))

(defun cl-stable-sort (seq pred &rest keys)
  (apply #'cl-sort seq pred keys))

(cl-defun cl-merge (_type seq1 seq2 pred &key key)
  (let ((a (append seq1 nil)) (b (append seq2 nil)) (res nil))
    (while (and a b)
      (if (funcall pred (if key (funcall key (car b)) (car b)) (if key (funcall key (car a)) (car a)))
          (push (pop b) res)
        (push (pop a) res)))
    (nconc (nreverse res) a b)))

;;;; Mapping

(defun cl-mapcar (func seq &rest more)
  "Like `mapcar', but over several sequences, stopping at the shortest."
  (if more (cl--map-elements func (cons seq more)) (mapcar func seq)))

(defun cl-mapc (func seq &rest more)
  (if more (progn (cl--map-elements func (cons seq more)) seq) (mapc func seq)))

(defun cl-mapcan (func seq &rest more)
  (apply #'nconc (apply #'cl-mapcar func seq more)))

(defun cl-map (type func seq &rest more)
  (cl-coerce (apply #'cl-mapcar func seq more) type))

(defun cl-maplist (func list &rest more)
  (let ((lists (cons list more)) (res nil))
    (while (not (memq nil lists))
      (push (apply func lists) res)
      (setq lists (mapcar #'cdr lists)))
    (nreverse res)))

(defun cl-mapl (func list &rest more)
  (apply #'cl-maplist func list more)
  list)

(defun cl-mapcon (func list &rest more)
  (apply #'nconc (apply #'cl-maplist func list more)))

;;;; Accessors and small list functions

(defalias 'cl-first #'car)
(defalias 'cl-second #'cadr)
(defalias 'cl-rest #'cdr)
(defun cl-third (x) (car (cddr x)))
(defun cl-fourth (x) (nth 3 x))
(defun cl-fifth (x) (nth 4 x))
(defun cl-sixth (x) (nth 5 x))
(defun cl-seventh (x) (nth 6 x))
(defun cl-eighth (x) (nth 7 x))
(defun cl-ninth (x) (nth 8 x))
(defun cl-tenth (x) (nth 9 x))
(defalias 'cl-endp #'null)
(defalias 'cl-caddr #'caddr)
(defun cl-copy-list (list)
  "A copy of LIST, keeping a dotted tail."
  (if (consp list)
      (let ((res nil))
        (while (consp list) (push (pop list) res))
        (prog1 (nreverse res) (setcdr res list)))
    list))
(defun cl-list-length (x) (proper-list-p x))
(defun cl-tailp (sublist list)
  (while (and (consp list) (not (eq sublist list)))
    (setq list (cdr list)))
  (if (numberp sublist) (equal sublist list) (eq sublist list)))
(defun cl-ldiff (list sublist)
  (let ((res nil))
    (while (and (consp list) (not (eq list sublist)))
      (push (pop list) res))
    (nreverse res)))
(defun cl-revappend (x y) (nconc (reverse x) y))
(defun cl-nreconc (x y) (nconc (nreverse x) y))

(defun cl-subseq (seq start &optional end)
  "The subsequence of SEQ from START to END (negative counts from the end)."
  (seq-subseq seq start end))

(defun cl-concatenate (type &rest seqs)
  (cond ((eq type 'list) (apply #'append (append seqs '(nil))))
        ((eq type 'vector) (apply #'vconcat seqs))
        ((eq type 'string) (apply #'concat seqs))
        (t (error "Not a sequence type name: %S" type))))

(defun cl-getf (plist tag &optional def)
  "The value of TAG in PLIST, or DEF."
  (let ((m (plist-member plist tag)))
    (if m (cadr m) def)))

(defmacro cl-remf (place tag)
  (let ((p (make-symbol "p")) (tg (make-symbol "tag")))
    (list 'let (list (list p place) (list tg tag))
          (list 'if (list 'eq tg (list 'car p))
                (list 'progn (list 'setf place (list 'cddr p)) t)
                (list 'cl--do-remf p tg)))))

(defun cl--do-remf (plist tag)
  (let ((p (cdr plist)))
    (while (and (cdr p) (not (eq (car (cdr p)) tag))) (setq p (cdr (cdr p))))
    (and (cdr p) (progn (setcdr p (cdr (cdr (cdr p)))) t))))

(cl-defun cl-fill (seq item &key (start 0) end)
  (if (listp seq)
      (let ((tail (nthcdr start seq)) (n (- (or end (length seq)) start)))
        (while (and tail (> n 0)) (setcar tail item) (setq tail (cdr tail) n (1- n))))
    (let ((i start) (e (or end (length seq))))
      ;; A whole array at once, as cl-seq.el does (a char-table has 4 million entries).
      (if (and (= i 0) (= e (length seq)))
          (fillarray seq item)
        (while (< i e) (aset seq i item) (setq i (1+ i))))))
  seq)

(cl-defun cl-replace (seq1 seq2 &key (start1 0) end1 (start2 0) end2)
  (let* ((e1 (or end1 (length seq1))) (e2 (or end2 (length seq2)))
         (n (min (- e1 start1) (- e2 start2))) (i 0))
    (while (< i n)
      (if (listp seq1)
          (setcar (nthcdr (+ start1 i) seq1) (elt seq2 (+ start2 i)))
        (aset seq1 (+ start1 i) (elt seq2 (+ start2 i))))
      (setq i (1+ i)))
    seq1))

(cl-defun cl-mismatch (seq1 seq2 &key test test-not key (start1 0) end1 (start2 0) end2 from-end)
  (let ((e1 (or end1 (length seq1))) (e2 (or end2 (length seq2)))
        (same (lambda (a b)
                (let ((a (if key (funcall key a) a)) (b (if key (funcall key b) b)))
                  (cond (test (funcall test a b)) (test-not (not (funcall test-not a b)))
                        (t (eql a b)))))))
    (if from-end
        (progn
          (while (and (< start1 e1) (< start2 e2)
                      (funcall same (elt seq1 (1- e1)) (elt seq2 (1- e2))))
            (setq e1 (1- e1) e2 (1- e2)))
          (and (or (< start1 e1) (< start2 e2)) e1))
      (while (and (< start1 e1) (< start2 e2)
                  (funcall same (elt seq1 start1) (elt seq2 start2)))
        (setq start1 (1+ start1) start2 (1+ start2)))
      (and (or (< start1 e1) (< start2 e2)) start1))))

(cl-defun cl-search (seq1 seq2 &key test test-not key (start1 0) end1 (start2 0) end2 from-end)
  (let* ((e1 (or end1 (length seq1))) (e2 (or end2 (length seq2)))
         (len (- e1 start1)) (i start2) (found nil))
    (while (and (<= (+ i len) e2) (or from-end (not found)))
      (unless (cl-mismatch seq1 seq2 :test test :test-not test-not :key key
                           :start1 start1 :end1 e1 :start2 i :end2 (+ i len))
        (setq found i))
      (setq i (1+ i)))
    found))

(defun cl-tree-equal (a b &rest keys)
  (let ((test (or (plist-get keys :test) #'eql)) (key (plist-get keys :key)))
    (cl--tree-equal a b test key)))
(defun cl--tree-equal (a b test key)
  (if (and (consp a) (consp b))
      (and (cl--tree-equal (car a) (car b) test key) (cl--tree-equal (cdr a) (cdr b) test key))
    (and (not (consp a)) (not (consp b))
         (funcall test (if key (funcall key a) a) (if key (funcall key b) b)))))

(defun cl-subst (new old tree &rest keys)
  (let ((match (cl--matcher old (plist-get keys :test) (plist-get keys :test-not)
                            (plist-get keys :key) (plist-get keys :if) (plist-get keys :if-not))))
    (cl--subst-walk new match tree)))
(defun cl--subst-walk (new match tree)
  (cond ((funcall match tree) new)
        ((consp tree) (let ((a (cl--subst-walk new match (car tree)))
                            (d (cl--subst-walk new match (cdr tree))))
                        (if (and (eq a (car tree)) (eq d (cdr tree))) tree (cons a d))))
        (t tree)))
(defun cl-sublis (alist tree &rest _keys)
  (cond ((assoc tree alist) (cdr (assoc tree alist)))
        ((consp tree) (cons (cl-sublis alist (car tree)) (cl-sublis alist (cdr tree))))
        (t tree)))

;; cl-nsubst: cl-subst's result, stored back into TREE's conses where it differs.
(defun cl-nsubst (new old tree &rest keys)
  (let ((result (apply #'cl-subst new old tree keys)))
    (if (and (consp tree) (consp result))
        (progn (setcar tree (car result)) (setcdr tree (cdr result)) tree)
      result)))

(defun cl-equalp (x y)
  "Like equal, but strings compare without case and numbers with =."
  (cond ((eq x y) t)
        ((stringp x) (and (stringp y) (string= (downcase x) (downcase y))))
        ((numberp x) (and (numberp y) (= x y)))
        ((consp x)
         (while (and (consp x) (consp y) (cl-equalp (car x) (car y)))
           (setq x (cdr x) y (cdr y)))
         (and (not (consp x)) (cl-equalp x y)))
        ((vectorp x)
         (and (vectorp y) (= (length x) (length y))
              (let ((i (length x)))
                (while (and (>= (setq i (1- i)) 0) (cl-equalp (aref x i) (aref y i))))
                (< i 0))))
        (t (equal x y))))

;; Symbol properties under their Common Lisp names.
(defun cl-get (symbol propname &optional default)
  (let ((cell (plist-member (symbol-plist symbol) propname)))
    (if cell (cadr cell) default)))

(defun cl-remprop (symbol propname)
  (let ((plist (symbol-plist symbol)))
    (if (and plist (eq propname (car plist)))
        (progn (setplist symbol (cddr plist)) t)
      (let ((tail plist) (found nil))
        (while (and (cddr tail) (not found))
          (if (eq (nth 2 tail) propname)
              (progn (setcdr (cdr tail) (nthcdr 4 tail)) (setq found t))
            (setq tail (cddr tail))))
        found))))

;; Emacs has a single value: the Nth value of a list of values.
(defun cl-nth-value (n expression) (nth n expression))

;;;; Numbers

(defun cl-signum (x) (cond ((> x 0) 1) ((< x 0) -1) (t 0)))
(defun cl-isqrt (x)
  (if (and (integerp x) (> x 0))
      (let ((g (cond ((<= x 100) 10) ((<= x 10000) 100) ((<= x 1000000) 1000) (t x))) g2)
        (while (< (setq g2 (/ (+ g (/ x g)) 2)) g) (setq g g2))
        g)
    (if (eq x 0) 0 (signal 'arith-error nil))))
(defun cl-gcd (&rest args)
  (let ((a (abs (or (pop args) 0))))
    (dolist (b args) (setq b (abs b)) (while (> b 0) (setq b (% a (setq a b)))))
    a))
(defun cl-lcm (&rest args)
  (if (memq 0 args) 0
    (let ((a (abs (or (pop args) 1))))
      (dolist (b args) (setq a (* (/ a (cl-gcd a b)) (abs b))))
      a)))
(defun cl-floor (x &optional y) (let ((q (floor x y))) (list q (- x (if y (* q y) q)))))
(defun cl-ceiling (x &optional y) (let ((q (ceiling x y))) (list q (- x (if y (* q y) q)))))
(defun cl-truncate (x &optional y) (let ((q (truncate x y))) (list q (- x (if y (* q y) q)))))
(defun cl-round (x &optional y) (let ((q (round x y))) (list q (- x (if y (* q y) q)))))
(defun cl-mod (x y) (nth 1 (cl-floor x y)))
(defun cl-rem (x y) (nth 1 (cl-truncate x y)))
(defun cl-parse-integer (string &rest keys)
  (let* ((start (or (plist-get keys :start) 0)) (end (or (plist-get keys :end) (length string)))
         (radix (or (plist-get keys :radix) 10))
         (s (string-trim (substring string start end))))
    (if (string-match-p "\\`[-+]?[0-9a-zA-Z]+\\'" s)
        (string-to-number s radix)
      (if (plist-get keys :junk-allowed) nil
        (error "Not an integer string: `%s'" string)))))
(defun cl-digit-char-p (char &optional radix)
  (let ((r (or radix 10))
        (v (cond ((and (>= char ?0) (<= char ?9)) (- char ?0))
                 ((and (>= char ?a) (<= char ?z)) (+ 10 (- char ?a)))
                 ((and (>= char ?A) (<= char ?Z)) (+ 10 (- char ?A))))))
    (and v (< v r) v)))

;;;; Small cl-lib functions: alists, trees, symbols, random numbers

(defun cl-acons (key value alist)
  "ALIST with (KEY . VALUE) in front."
  (cons (cons key value) alist))

(defun cl-pairlis (keys values &optional alist)
  "ALIST with the pairs of KEYS and VALUES in front."
  (nconc (cl-mapcar #'cons keys values) alist))

(dolist (name '("aaa" "aad" "ada" "add" "daa" "dad" "dda" "ddd"
                "aaaa" "aaad" "aada" "aadd" "adaa" "adad" "adda" "addd"
                "daaa" "daad" "dada" "dadd" "ddaa" "ddad" "ddda" "dddd"))
  (defalias (intern (format "cl-c%sr" name)) (intern (format "c%sr" name))))

(defalias 'cl-copy-seq #'copy-sequence)
(defalias 'cl-svref #'aref)
(defalias 'cl-floatp-safe #'floatp)
(defalias 'cl-multiple-value-call #'apply)
(defalias 'cl-multiple-value-apply #'apply)

(defun cl--subst-if-rec (new pred tree destructive)
  (cond ((funcall pred tree) new)
        ((consp tree)
         (let ((head (cl--subst-if-rec new pred (car tree) destructive))
               (tail (cl--subst-if-rec new pred (cdr tree) destructive)))
           (if destructive
               (progn (setcar tree head) (setcdr tree tail) tree)
             (if (and (eq head (car tree)) (eq tail (cdr tree))) tree (cons head tail)))))
        (t tree)))

(defun cl-subst-if (new pred tree &rest _keys)
  "TREE with every subtree PRED accepts replaced by NEW."
  (cl--subst-if-rec new pred tree nil))

(defun cl-subst-if-not (new pred tree &rest _keys)
  "TREE with every subtree PRED rejects replaced by NEW."
  (cl--subst-if-rec new (lambda (x) (not (funcall pred x))) tree nil))

(defun cl-nsubst-if (new pred tree &rest _keys)
  "Destructively replace each subtree of TREE that PRED accepts by NEW."
  (cl--subst-if-rec new pred tree t))

(defun cl-nsubst-if-not (new pred tree &rest _keys)
  "Destructively replace each subtree of TREE that PRED rejects by NEW."
  (cl--subst-if-rec new (lambda (x) (not (funcall pred x))) tree t))

(defun cl-nsublis (alist tree &rest keys)
  "Destructive `cl-sublis'."
  (let ((new (apply #'cl-sublis alist tree keys)))
    (if (and (consp tree) (consp new))
        (progn (setcar tree (car new)) (setcdr tree (cdr new)) tree)
      new)))

(defun cl-rassoc-if-not (pred alist &rest _keys)
  "The first element of ALIST whose cdr PRED rejects."
  (cl-find-if (lambda (x) (and (consp x) (not (funcall pred (cdr x))))) alist))

(defun cl-nsubstitute-if-not (new pred seq &rest keys)
  "Destructively replace the elements of SEQ that PRED rejects by NEW."
  (apply #'cl-nsubstitute-if new (lambda (x) (not (funcall pred x))) seq keys))

(defun cl-nset-exclusive-or (list1 list2 &rest keys)
  "The elements in exactly one of LIST1 and LIST2 (may reuse their cells)."
  (apply #'cl-set-exclusive-or list1 list2 keys))

(defvar cl--gensym-counter 0)
(defvar cl--gentemp-counter 0)

(defun cl-gensym (&optional prefix)
  "A new uninterned symbol named PREFIX (default \"G\") and a counter; an integer PREFIX is the number."
  (let ((pfix (if (stringp prefix) prefix "G"))
        (num (if (integerp prefix)
                 prefix
               (prog1 cl--gensym-counter
                 (setq cl--gensym-counter (1+ cl--gensym-counter))))))
    (make-symbol (format "%s%d" pfix num))))

(defun cl-gentemp (&optional prefix)
  "A new interned symbol named PREFIX (default \"T\") and the first free number."
  (let ((pfix (if (stringp prefix) prefix "T")) name)
    (while (intern-soft (setq name (format "%s%d" pfix cl--gentemp-counter)))
      (setq cl--gentemp-counter (1+ cl--gentemp-counter)))
    (intern name)))

(defconst cl-most-positive-float 1.7976931348623157e+308)
(defconst cl-most-negative-float -1.7976931348623157e+308)
(defconst cl-least-positive-float 5e-324)
(defconst cl-least-negative-float -5e-324)
(defconst cl-least-positive-normalized-float 2.2250738585072014e-308)
(defconst cl-least-negative-normalized-float -2.2250738585072014e-308)
(defconst cl-float-epsilon 2.220446049250313e-16)
(defconst cl-float-negative-epsilon 1.1102230246251565e-16)

(defun cl-float-limits ()
  "Set the cl- float limit constants (already set here: doubles are IEEE 754)."
  nil)

(cl-defstruct (cl--random-state (:copier nil) (:predicate cl-random-state-p)
                                (:constructor nil)
                                (:constructor cl--make-random-state (seed)))
  seed)

(defvar cl--random-state (cl--make-random-state 1))

(defun cl-make-random-state (&optional state)
  "A new random state: a copy of STATE, seeded by an integer STATE, or fresh."
  (cond ((cl-random-state-p state) (cl--make-random-state (cl--random-state-seed state)))
        ((integerp state) (cl--make-random-state (logand (abs state) #xffffffff)))
        (t (cl--make-random-state (logand (random most-positive-fixnum) #xffffffff)))))

(defun cl-random (lim &optional state)
  "A random number below LIM (an integer or a float) from STATE (default `cl--random-state').
The sequence comes from a 32-bit xorshift generator, not Emacs's, so a
seeded state repeats itself here but not Emacs's numbers."
  (let* ((state (or state cl--random-state))
         (x (cl--random-state-seed state)))
    (when (zerop x) (setq x 2463534242))
    (setq x (logand (logxor x (ash x 13)) #xffffffff))
    (setq x (logxor x (ash x -17)))
    (setq x (logand (logxor x (ash x 5)) #xffffffff))
    (setf (cl--random-state-seed state) x)
    (if (integerp lim)
        (if (<= lim 0) (signal 'args-out-of-range (list lim)) (% x lim))
      (* lim (/ (float x) 4294967296.0)))))

(defun cl-fresh-line ()
  "Start a new line on `standard-output' unless already at the start of one."
  (terpri nil t))

(defun cl-proclaim (_spec) nil)

(provide 'cl-seq)
