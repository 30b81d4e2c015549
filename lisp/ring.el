;;; ring.el --- fixed-size rings of items  -*- lexical-binding: t -*-

;; Emacs's ring.el, the rings behind histories and kill rings in packages.
;; A ring is (HEAD LENGTH . VECTOR): HEAD is the slot of the oldest item,
;; LENGTH how many items there are, and the items run from HEAD onwards,
;; wrapping around the vector. Index 0 names the newest item.

(defun ring-p (x)
  "t if X has the shape of a ring."
  (and (consp x) (integerp (car x))
       (consp (cdr x)) (integerp (car (cdr x)))
       (vectorp (cdr (cdr x)))))

(defun make-ring (size)
  "A new empty ring that can hold SIZE items."
  (cons 0 (cons 0 (make-vector size nil))))

(defun ring-plus1 (index veclen)
  "INDEX + 1, wrapping to 0 at VECLEN."
  (if (= (1+ index) veclen) 0 (1+ index)))

(defun ring-minus1 (index veclen)
  "INDEX - 1, wrapping to VECLEN - 1 below 0."
  (1- (if (zerop index) veclen index)))

(defun ring-length (ring)
  "How many items RING holds."
  (car (cdr ring)))

(defun ring-size (ring)
  "How many items RING can hold."
  (length (cdr (cdr ring))))

(defun ring-empty-p (ring)
  "t if RING holds no item."
  (zerop (car (cdr ring))))

(defun ring-index (index head ringlen veclen)
  "The vector slot of item INDEX (0 the newest, taken modulo RINGLEN)
in a ring whose oldest item is in slot HEAD of a vector of VECLEN slots."
  (mod (+ head (- ringlen (mod index ringlen)) -1) veclen))

(defun ring-copy (ring)
  "A copy of RING, sharing its items but not its vector."
  (cons (car ring) (cons (car (cdr ring)) (copy-sequence (cdr (cdr ring))))))

(defun ring-insert (ring item)
  "Add ITEM to RING as its newest item, dropping the oldest when RING is full."
  (let* ((vec (cdr (cdr ring)))
         (veclen (length vec))
         (head (car ring))
         (len (car (cdr ring))))
    (prog1 (aset vec (mod (+ head len) veclen) item)
      (if (= len veclen)
          (setcar ring (ring-plus1 head veclen))
        (setcar (cdr ring) (1+ len))))))

(defun ring-insert-at-beginning (ring item)
  "Add ITEM to RING as its oldest item (overwriting the newest when RING is full)."
  (let* ((vec (cdr (cdr ring)))
         (veclen (length vec))
         (head (ring-minus1 (car ring) veclen)))
    (aset vec head item)
    (setcar ring head)
    (setcar (cdr ring) (min veclen (1+ (car (cdr ring)))))))

(defun ring-remove (ring &optional index)
  "Remove and return item INDEX of RING (its oldest item when INDEX is nil)."
  (when (ring-empty-p ring)
    (error "Ring empty"))
  (let* ((head (car ring))
         (len (car (cdr ring)))
         (vec (cdr (cdr ring)))
         (veclen (length vec))
         (last (mod (+ head len -1) veclen))
         (slot (ring-index (or index (1- len)) head len veclen))
         (item (aref vec slot)))
    ;; Close the gap by moving the newer items one slot back.
    (while (/= slot last)
      (let ((next (ring-plus1 slot veclen)))
        (aset vec slot (aref vec next))
        (setq slot next)))
    (aset vec last nil)
    (setcar (cdr ring) (1- len))
    item))

(defun ring-ref (ring index)
  "Item INDEX of RING: 0 is the newest, and INDEX is taken modulo the length."
  (when (ring-empty-p ring)
    (error "Accessing an empty ring"))
  (let ((vec (cdr (cdr ring))))
    (aref vec (ring-index index (car ring) (car (cdr ring)) (length vec)))))

(defun ring-elements (ring)
  "RING's items as a list, newest first."
  (let ((head (car ring))
        (vec (cdr (cdr ring)))
        (i 0)
        (items nil))
    (while (< i (car (cdr ring)))
      (setq items (cons (aref vec (mod (+ head i) (length vec))) items))
      (setq i (1+ i)))
    items))

(defun ring-member (ring item)
  "The index of the first item of RING `equal' to ITEM, or nil."
  (let ((i 0) (len (ring-length ring)) (found nil))
    (while (and (not found) (< i len))
      (if (equal item (ring-ref ring i))
          (setq found i)
        (setq i (1+ i))))
    found))

(defun ring--index-of (ring item)
  (or (ring-member ring item)
      (error "Item is not in the ring: `%s'" item)))

(defun ring-next (ring item)
  "The item of RING after ITEM (one older, wrapping around)."
  (ring-ref ring (ring-plus1 (ring--index-of ring item) (ring-length ring))))

(defun ring-previous (ring item)
  "The item of RING before ITEM (one newer, wrapping around)."
  (ring-ref ring (ring-minus1 (ring--index-of ring item) (ring-length ring))))

(defun ring-resize (ring size)
  "Make RING hold SIZE items, dropping its oldest ones if it has more."
  (when (integerp size)
    (let ((len (ring-length ring))
          (new-vec (make-vector size nil)))
      (if (= len 0)
          (setcdr ring (cons 0 new-vec))
        (let* ((old-vec (cdr (cdr ring)))
               (old-size (length old-vec))
               (kept (min size len))
               ;; As Emacs computes it: modulo the length, not the old size.
               (first (mod (+ (car ring) (- len kept)) len))
               (j 0))
          (setcdr ring (cons kept new-vec))
          (while (< j kept)
            (aset new-vec j (aref old-vec (mod (+ first j) old-size)))
            (setq j (1+ j)))
          (setcar ring 0))))))

(defun ring-extend (ring x)
  "Make RING hold X more items, if X is a positive integer."
  (when (and (integerp x) (> x 0))
    (ring-resize ring (+ x (ring-size ring)))))

(defun ring-insert+extend (ring item &optional grow-p)
  "`ring-insert' ITEM, first making room for it in a full RING if GROW-P."
  (when (and grow-p (= (ring-length ring) (ring-size ring)))
    (ring-extend ring 1))
  (ring-insert ring item))

(defun ring-remove+insert+extend (ring item &optional grow-p)
  "Remove every copy of ITEM from RING, then `ring-insert+extend' it."
  (let (index)
    (while (setq index (ring-member ring item))
      (ring-remove ring index)))
  (ring-insert+extend ring item grow-p))

(defun ring-convert-sequence-to-ring (seq)
  "SEQ if it is a ring, else a ring of its elements, the first the newest;
an element equal to the newest is skipped."
  (if (ring-p seq)
      seq
    (let* ((size (length seq))
           (ring (make-ring size))
           (i 0))
      (while (< i size)
        (let ((item (elt seq i)))
          (when (or (ring-empty-p ring) (not (equal (ring-ref ring 0) item)))
            (ring-insert-at-beginning ring item)))
        (setq i (1+ i)))
      ring)))

(provide 'ring)

;;; ring.el ends here
