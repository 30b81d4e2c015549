;;; dom.el --- walking and changing XML/HTML trees  -*- lexical-binding: t -*-

;; Nodes are (TAG ATTRIBUTES . CHILDREN), as `xml-parse-region' makes them;
;; a list whose car is a node stands for that node.  Searches return the
;; node itself before the matches among its children, in document order.
;; Behaviour as Emacs 28.2's dom.el, checked against it.

(defsubst dom--node (node) (if (consp (car node)) (car node) node))

(defsubst dom-tag (node) "NODE's tag." (car (dom--node node)))
(defsubst dom-attributes (node) "NODE's attribute alist." (nth 1 (dom--node node)))
(defsubst dom-children (node) "NODE's children: nodes and strings." (nthcdr 2 (dom--node node)))

(defmacro dom-attr (node attr)
  "The value of NODE's attribute ATTR (a symbol), or nil."
  (list 'cdr (list 'assq attr (list 'dom-attributes node))))

(defun dom-ensure-node (node)
  "NODE itself (the node it stands for), with an attribute slot."
  (let ((node (dom--node node)))
    (when (= (length node) 1) (setcdr node (list nil)))
    node))

(defun dom-non-text-children (node)
  "NODE's children that are nodes."
  (seq-remove #'stringp (dom-children node)))

(defun dom-set-attributes (node attributes)
  (setcar (cdr (dom-ensure-node node)) attributes))

(defun dom-set-attribute (node attribute value)
  "Give NODE's ATTRIBUTE VALUE, adding it last if it is new."
  (let* ((node (dom-ensure-node node))
         (cell (assoc attribute (nth 1 node))))
    (if cell
        (setcdr cell value)
      (setcar (cdr node) (nconc (nth 1 node) (list (cons attribute value)))))))

(defun dom-remove-attribute (node attribute)
  (let* ((node (dom-ensure-node node))
         (cell (assoc attribute (nth 1 node))))
    (when cell (setcar (cdr node) (delq cell (nth 1 node))))))

(defun dom-text (node)
  "NODE's own strings, joined with spaces."
  (mapconcat #'identity (seq-filter #'stringp (dom-children node)) " "))

(defun dom-texts (node &optional separator)
  "All the strings under NODE, joined with SEPARATOR (a space); scripts give \"\"."
  (if (eq (dom-tag node) 'script)
      ""
    (mapconcat (lambda (child)
                 (cond ((stringp child) child)
                       ((eq (dom-tag child) 'script) "")
                       (t (dom-texts child separator))))
               (dom-children node)
               (or separator " "))))

(defun dom-strings (dom)
  "All the strings under DOM, in order."
  (let ((strings nil))
    (dolist (child (dom-children dom))
      (if (stringp child)
          (push (list child) strings)
        (push (dom-strings child) strings)))
    (apply #'append (nreverse strings))))

(defun dom-search (dom predicate)
  "The nodes in DOM (itself included) for which PREDICATE is non-nil."
  (let ((found (apply #'append
                      (mapcar (lambda (child) (and (not (stringp child)) (dom-search child predicate)))
                              (dom-children dom)))))
    (if (funcall predicate dom) (cons dom found) found)))

(defun dom-by-tag (dom tag)
  "The nodes in DOM (itself included) whose tag is TAG."
  (dom-search dom (lambda (node) (equal (dom-tag node) tag))))

(defun dom-child-by-tag (dom tag)
  "DOM's first child with tag TAG."
  (assoc tag (dom-children dom)))

(defun dom-elements (dom attribute match)
  "The nodes in DOM whose ATTRIBUTE matches the regexp MATCH."
  (dom-search dom (lambda (node)
                    (let ((value (dom-attr node attribute)))
                      (and value (string-match match value))))))

(defun dom-by-class (dom match) (dom-elements dom 'class match))
(defun dom-by-style (dom match) (dom-elements dom 'style match))
(defun dom-by-id (dom match) (dom-elements dom 'id match))

(defun dom-parent (dom node)
  "The node in DOM that has NODE as a child."
  (if (memq node (dom-children dom))
      dom
    (let ((found nil) (children (dom-children dom)))
      (while (and children (not found))
        (unless (stringp (car children))
          (setq found (dom-parent (car children) node)))
        (setq children (cdr children)))
      found)))

(defun dom-previous-sibling (dom node)
  "The child before NODE in its parent in DOM."
  (let ((parent (dom-parent dom node)) (previous nil))
    (when parent
      (let ((children (dom-children parent)))
        (while children
          (when (eq (cadr children) node) (setq previous (car children)))
          (setq children (cdr children)))))
    previous))

(defun dom-remove-node (dom node)
  "Remove NODE from wherever it is a child in DOM."
  (dolist (child (dom-children dom))
    (cond ((eq child node) (delq node dom))
          ((not (stringp child)) (dom-remove-node child node)))))

(defun dom-node (tag &optional attributes &rest children)
  "A new node."
  (if children (cons tag (cons attributes children)) (list tag attributes)))

(defun dom-append-child (node child)
  "Add CHILD after NODE's children."
  (nconc (dom-ensure-node node) (list child)))

(defun dom-add-child-before (node child &optional before)
  "Add CHILD to NODE's children before BEFORE (first when nil); NODE."
  (let* ((node (dom-ensure-node node))
         (children (dom-children node)))
    (when (and before (not (memq before children)))
      (error "%s does not exist as a child" before))
    (let ((index (if before (seq-position children before #'eq) 0)))
      (if (zerop index)
          (setcdr (cdr node) (cons child (cddr node)))
        (setcdr (nthcdr (1- index) children) (cons child (nthcdr index children)))))
    node))

(provide 'dom)

;;; dom.el ends here
