;;; rx.el --- regexps written as S-expressions  -*- lexical-binding: t -*-

;; `rx', `rx-to-string', `rx-define', `rx-let' and `rx-let-eval', giving the
;; strings GNU Emacs 28.2's rx gives (checked by differential runs of random
;; forms against it).
;;
;; Each form translates to (REGEXP . PRECEDENCE): `atom' can take a postfix
;; operator as it is, `seq' can stand next to others in a sequence, `or'
;; (an alternation, or anything rx cannot see into) needs brackets in both.
;; `empty' is nothing at all ("" or (seq)): a sequence drops it and an
;; operator applied to it gives nothing, where (literal "") stays a regexp.

(defvar rx--greedy t "Nil inside `minimal-match': the named repetitions are then lazy.")
(defvar rx--local-definitions nil "Definitions of `rx-let' (see `rx--parse-definition').")
(defvar rx--global-definitions nil "Definitions of `rx-define'.")
(defvar rx--delayed nil "Non-nil while translating for the `rx' macro: non-constant parts become code.")

(defconst rx--char-classes
  '((digit . digit) (numeric . digit) (num . digit)
    (control . cntrl) (cntrl . cntrl)
    (hex-digit . xdigit) (hex . xdigit) (xdigit . xdigit)
    (blank . blank)
    (graphic . graph) (graph . graph)
    (printing . print) (print . print)
    (alphanumeric . alnum) (alnum . alnum)
    (letter . alpha) (alphabetic . alpha) (alpha . alpha)
    (ascii . ascii) (nonascii . nonascii)
    (lower . lower) (lower-case . lower)
    (punctuation . punct) (punct . punct)
    (space . space) (whitespace . space) (white . space)
    (upper . upper) (upper-case . upper)
    (word . word) (wordchar . word)
    (unibyte . unibyte) (multibyte . multibyte)))

(defconst rx--symbols
  '((nonl "." . atom) (not-newline "." . atom) (any "." . atom)
    (anychar "[^z-a]" . atom) (anything "[^z-a]" . atom)
    (unmatchable "\\`a\\`" . seq)
    (bol "^" . seq) (line-start "^" . seq) (eol "$" . seq) (line-end "$" . seq)
    (bos "\\`" . atom) (string-start "\\`" . atom) (bot "\\`" . atom) (buffer-start "\\`" . atom)
    (eos "\\'" . atom) (string-end "\\'" . atom) (eot "\\'" . atom) (buffer-end "\\'" . atom)
    (point "\\=" . atom)
    (bow "\\<" . atom) (word-start "\\<" . atom) (eow "\\>" . atom) (word-end "\\>" . atom)
    (word-boundary "\\b" . atom) (not-word-boundary "\\B" . atom)
    (symbol-start "\\_<" . atom) (symbol-end "\\_>" . atom)
    (not-wordchar "\\W" . atom)))

(defconst rx--syntax-codes
  '((whitespace . ?-) (punctuation . ?.) (word . ?w) (symbol . ?_)
    (open-parenthesis . ?\() (close-parenthesis . ?\)) (expression-prefix . ?\')
    (string-quote . ?\") (paired-delimiter . ?$) (escape . ?\\) (character-quote . ?/)
    (comment-start . ?<) (comment-end . ?>) (string-delimiter . ?|) (comment-delimiter . ?!)))

(defconst rx--categories
  '((space-for-indent . ?\s) (base . ?.) (consonant . ?0) (base-vowel . ?1)
    (upper-diacritical-mark . ?2) (lower-diacritical-mark . ?3) (tone-mark . ?4) (symbol . ?5)
    (digit . ?6) (vowel-modifying-diacritical-mark . ?7) (vowel-sign . ?8) (semivowel-lower . ?9)
    (not-at-end-of-line . ?<) (not-at-beginning-of-line . ?>) (alpha-numeric-two-byte . ?A)
    (chinese-two-byte . ?C) (chinse-two-byte . ?C) (greek-two-byte . ?G)
    (japanese-hiragana-two-byte . ?H) (indian-two-byte . ?I) (japanese-katakana-two-byte . ?K)
    (strong-left-to-right . ?L) (korean-hangul-two-byte . ?N) (strong-right-to-left . ?R)
    (cyrillic-two-byte . ?Y) (combining-diacritic . ?^) (ascii . ?a) (arabic . ?b) (chinese . ?c)
    (ethiopic . ?e) (greek . ?g) (korean . ?h) (indian . ?i) (japanese . ?j)
    (japanese-katakana . ?k) (latin . ?l) (lao . ?o) (tibetan . ?q) (japanese-roman . ?r)
    (thai . ?t) (vietnamese . ?v) (hebrew . ?w) (cyrillic . ?y) (can-break . ?|)))

;;;; Brackets

(defun rx--bracket (item)
  (cons (concat "\\(?:" (car item) "\\)") 'atom))

(defun rx--as-atom (item)
  (if (eq (cdr item) 'atom) item (rx--bracket item)))

(defun rx--as-seq (item)
  (if (eq (cdr item) 'or) (rx--bracket item) item))

;;;; Character sets: (NEGATED INTERVALS CLASSES), intervals sorted and merged.

(defun rx--merge-intervals (ivs)
  (let ((sorted (sort (copy-sequence ivs) (lambda (a b) (< (car a) (car b)))))
        (out nil))
    (dolist (iv sorted)
      (if (and out (<= (car iv) (1+ (cdar out))))
          (setcdr (car out) (max (cdar out) (cdr iv)))
        (push (cons (car iv) (cdr iv)) out)))
    (nreverse out)))

(defun rx--string-intervals (string)
  ;; "a-z" is a range; a `-' first or last is itself.
  (let ((i 0) (n (length string)) (out nil))
    (while (< i n)
      (let ((c (aref string i)))
        (if (and (< (+ i 2) n) (eq (aref string (1+ i)) ?-))
            (let ((to (aref string (+ i 2))))
              (when (> c to)
                (error "Invalid rx `any' range: %s" (substring string i (+ i 3))))
              (push (cons c to) out)
              (setq i (+ i 3)))
          (push (cons c c) out)
          (setq i (1+ i)))))
    (nreverse out)))

(defun rx--parse-any (args)
  "The (INTERVALS . CLASSES) of the arguments of `any'."
  (let ((ivs nil) (classes nil))
    (dolist (arg args)
      (cond ((characterp arg) (push (cons arg arg) ivs))
            ((stringp arg) (setq ivs (append (rx--string-intervals arg) ivs)))
            ((and (consp arg) (characterp (car arg)) (characterp (cdr arg)) (<= (car arg) (cdr arg)))
             (push (cons (car arg) (cdr arg)) ivs))
            ((and (symbolp arg) (assq arg rx--char-classes))
             (let ((class (cdr (assq arg rx--char-classes))))
               (unless (memq class classes) (setq classes (append classes (list class))))))
            (t (error "Invalid rx `any' argument: %S" arg))))
    (cons (rx--merge-intervals ivs) classes)))

(defun rx--charset-p (form)
  "Can FORM be a character set in `or', `not' and `intersection'?"
  (or (characterp form)
      (and (stringp form) (= (length form) 1))
      (and (consp form)
           (or (memq (car form) '(any in char))
               (and (memq (car form) '(not intersection or |))
                    (let ((ok t)) (dolist (x (cdr form)) (unless (rx--charset-p x) (setq ok nil))) ok))))))

(defun rx--complement-intervals (ivs)
  (let ((out nil) (from 0))
    (dolist (iv ivs)
      (when (< from (car iv)) (push (cons from (1- (car iv))) out))
      (setq from (1+ (cdr iv))))
    (when (<= from (max-char)) (push (cons from (max-char)) out))
    (nreverse out)))

(defun rx--intersect-intervals (a b)
  (let ((out nil))
    (dolist (x a)
      (dolist (y b)
        (let ((lo (max (car x) (car y))) (hi (min (cdr x) (cdr y))))
          (when (<= lo hi) (push (cons lo hi) out)))))
    (rx--merge-intervals out)))

(defun rx--to-charset (form)
  "FORM as (NEGATED INTERVALS CLASSES)."
  (cond ((and (not (memq (car-safe form) '(not intersection or |))) (not (rx--charset-p form)))
         (error "Bad character set: %S" form))
        ((characterp form) (list nil (list (cons form form)) nil))
        ((stringp form) (list nil (list (cons (aref form 0) (aref form 0))) nil))
        ((memq (car form) '(any in char))
         (let ((parsed (rx--parse-any (cdr form)))) (list nil (car parsed) (cdr parsed))))
        ((eq (car form) 'not)
         (let ((set (rx--to-charset (cadr form)))) (cons (not (car set)) (cdr set))))
        ((memq (car form) '(or |))
         (let ((acc (list nil nil nil)))
           (dolist (x (cdr form)) (setq acc (rx--union acc (rx--to-charset x))))
           acc))
        ((eq (car form) 'intersection)
         (let ((acc (list t nil nil)))
           (dolist (x (cdr form)) (setq acc (rx--intersection acc (rx--to-charset x))))
           acc))
        (t (error "Bad character set: %S" form))))

(defun rx--positive-intervals (set)
  (if (car set) (rx--complement-intervals (nth 1 set)) (nth 1 set)))

(defun rx--no-classes (set)
  (when (nth 2 set)
    (error "Character class not permitted in set operations: %S" (car (nth 2 set)))))

(defun rx--union (a b)
  (rx--no-classes a)
  (rx--no-classes b)
  (if (or (car a) (car b))
      (list t (rx--complement-intervals
               (rx--merge-intervals (append (rx--positive-intervals a) (rx--positive-intervals b))))
            nil)
    (list nil (rx--merge-intervals (append (nth 1 a) (nth 1 b))) nil)))

(defun rx--intersection (a b)
  (rx--no-classes a)
  (rx--no-classes b)
  (let ((ivs (rx--intersect-intervals (rx--positive-intervals a) (rx--positive-intervals b))))
    (if (and (car a) (car b))
        (list t (rx--merge-intervals (append (nth 1 a) (nth 1 b))) nil)
      (list nil ivs nil))))

(defun rx--interval-items (ivs)
  "The bracket-expression pieces for IVS: a character, two, or a range."
  (let ((items nil))
    (dolist (iv ivs)
      (let ((from (car iv)) (to (cdr iv)))
        (cond ((= from to) (push (string from) items))
              ((= (1+ from) to) (push (string from) items) (push (string to) items))
              (t (push (string from ?- to) items)))))
    (nreverse items)))

(defun rx--render-charset (set)
  (let* ((negated (car set)) (ivs (nth 1 set)) (classes (nth 2 set)))
    (cond
     ((and (null ivs) (null classes))
      (if negated (cons "[^z-a]" 'atom) (cons "\\`a\\`" 'seq)))
     ((and (not negated) (null classes) (null (cdr ivs)) (= (caar ivs) (cdar ivs)))
      (cons (regexp-quote (string (caar ivs))) 'atom))
     ((and negated (null ivs) (null (cdr classes)))
      (cons (format "[^[:%s:]]" (car classes)) 'atom))
     (t
      ;; `]' can only come first and `-' last, so ranges ending or starting with
      ;; them lose that character to those places; `^' must not come first.
      (let ((close nil) (dash nil) (rest nil))
        (dolist (iv ivs)
          (let ((from (car iv)) (to (cdr iv)))
            (cond ((and (= from ?\]) (null close))
                   (setq close (list iv) from nil))
                  ((and (= to ?\]) (< from to) (null close))
                   (setq close (list (cons ?\] ?\])) to (1- to))))
            (when from
              (when (and (= from ?-) (<= from to)) (setq dash t from (1+ from)))
              (when (and (= to ?-) (< from to)) (setq dash t to (1- to)))
              (when (<= from to) (push (cons from to) rest)))))
        (let* ((items (rx--interval-items (nreverse rest)))
               (caret-last nil))
          (when (and items (null close) (string-prefix-p "^" (car items)))
            (cond ((cdr items) (setq items (append (cdr items) (list (car items)))))
                  (classes (setq caret-last (car items) items nil))))
          (cons (concat (if negated "[^" "[")
                        (if (and dash (null close) (null classes) (equal items '("^")))
                            "-^"
                          (concat (mapconcat #'identity (rx--interval-items close) "")
                                  (mapconcat #'identity items "")))
                        (mapconcat (lambda (c) (format "[:%s:]" c)) classes "")
                        (or caret-last "")
                        (if (and dash (not (and (null close) (null classes) (equal items '("^"))))) "-" "")
                        "]")
                'atom)))))))

;;;; Forms

(defun rx--definition (name)
  (or (assq name rx--local-definitions) (assq name rx--global-definitions)))

(defun rx--substitute (bindings form)
  (cond ((symbolp form) (let ((b (assq form bindings))) (if b (cdr b) form)))
        ((consp form)
         (let ((out nil))
           (while (consp form)
             (let ((x (car form)))
               (if (and (symbolp x) (assq x bindings) (eq (car-safe (cdr (assq x bindings))) 'rx--rest))
                   (setq out (append (reverse (cdr (cdr (assq x bindings)))) out))
                 (push (rx--substitute bindings x) out)))
             (setq form (cdr form)))
           (nreverse out)))
        (t form)))

(defun rx--expand-definition (def args)
  ;; DEF is (NAME PARAMS BODY); &rest collects the remaining arguments.
  (let ((params (cdr (nth 1 def))) (bindings nil))
    (while params
      (if (eq (car params) '&rest)
          (progn (push (cons (cadr params) (cons 'rx--rest args)) bindings)
                 (setq params nil args nil))
        (unless args (error "Too few arguments to rx form `%s'" (car def)))
        (push (cons (car params) (car args)) bindings)
        (setq params (cdr params) args (cdr args))))
    (when args (error "Too many arguments to rx form `%s'" (car def)))
    (rx--substitute bindings (nth 2 def))))

(defun rx--translate (form)
  (cond
   ((stringp form)
    (cons (regexp-quote form) (cond ((= (length form) 0) 'empty) ((= (length form) 1) 'atom) (t 'seq))))
   ((characterp form) (cons (regexp-quote (string form)) 'atom))
   ((symbolp form) (rx--translate-symbol form))
   ((consp form) (rx--translate-form form))
   (t (error "Bad rx expression: %S" form))))

(defun rx--translate-symbol (sym)
  (let ((def (rx--definition sym)))
    (cond
     ((and def (null (nth 1 def)))
      (rx--translate (nth 2 def)))
     ((assq sym rx--symbols) (cdr (assq sym rx--symbols)))
     ((assq sym rx--char-classes)
      (cons (format "[[:%s:]]" (cdr (assq sym rx--char-classes))) 'atom))
     (t (error "Unknown rx symbol `%s'" sym)))))

(defun rx--translate-seq (body)
  (let ((items (delq nil (mapcar (lambda (x) (let ((r (rx--translate x))) (if (eq (cdr r) 'empty) nil r))) body))))
    (cond ((null items) (cons "" 'empty))
          ((null (cdr items)) (car items))
          (t
           ;; `^' is an anchor only first, `$' only last: elsewhere they need brackets.
           (let ((n (length items)) (i 0) (out nil))
             (dolist (x items)
               (push (if (or (and (equal (car x) "^") (> i 0)) (and (equal (car x) "$") (< i (1- n))))
                         (car (rx--bracket x))
                       (car (rx--as-seq x)))
                     out)
               (setq i (1+ i)))
             (cons (apply #'concat (nreverse out)) 'seq))))))

(defun rx--translate-or (body)
  (cond
   ((null body) (rx--translate 'unmatchable))
   ((null (cdr body)) (rx--translate (car body)))
   ((let ((ok t)) (dolist (x body) (unless (or (stringp x) (characterp x)) (setq ok nil))) ok)
    (cons (regexp-opt (mapcar (lambda (x) (if (characterp x) (string x) x)) body) nil) 'atom))
   ((let ((ok t))
      (dolist (x body) (unless (and (rx--charset-p x) (null (nth 2 (rx--to-charset x)))) (setq ok nil)))
      ok)
    (rx--render-charset (rx--to-charset (cons 'or body))))
   (t
    (cons (mapconcat (lambda (x) (car (rx--translate x))) body "\\|") 'or))))

(defun rx--translate-not (arg &optional positive)
  ;; POSITIVE after an even number of `not's.
  (cond
   ((and (consp arg) (eq (car arg) 'not))
    (rx--translate-not (cadr arg) (not positive)))
   ((and (symbolp arg) (assq arg rx--char-classes))
    (cons (format (if positive "[[:%s:]]" "[^[:%s:]]") (cdr (assq arg rx--char-classes))) 'atom))
   ((eq arg 'word-boundary) (cons (if positive "\\b" "\\B") 'atom))
   ((and (consp arg) (eq (car arg) 'syntax)) (rx--translate-syntax (cadr arg) (not positive)))
   ((and (consp arg) (eq (car arg) 'category)) (rx--translate-category (cadr arg) (not positive)))
   ((or (rx--charset-p arg) (memq (car-safe arg) '(or | intersection)))
    (let ((set (rx--to-charset arg)))
      (rx--render-charset (if positive set (cons (not (car set)) (cdr set))))))
   ((and (symbolp arg) (rx--definition arg) (null (nth 1 (rx--definition arg))))
    (rx--translate-not (nth 2 (rx--definition arg)) positive))
   (t (error "Illegal argument to rx `not': %S" arg))))

(defun rx--translate-syntax (name negated)
  (let ((code (cdr (assq name rx--syntax-codes))))
    (unless code
      (if (characterp name) (setq code name) (error "Unknown rx syntax name `%s'" name)))
    (cons (string ?\\ (if negated ?S ?s) code) 'atom)))

(defun rx--translate-category (name negated)
  (let ((code (if (characterp name) name (cdr (assq name rx--categories)))))
    (unless code (error "Unknown rx category `%s'" name))
    (cons (string ?\\ (if negated ?C ?c) code) 'atom)))

(defun rx--postfix (op body)
  (let ((item (rx--translate-seq body)))
    (if (eq (cdr item) 'empty)
        item
      (cons (concat (car (rx--as-atom item)) op) 'seq))))

(defun rx--repeat (from to body)
  ;; TO nil: exactly FROM; t: FROM or more.
  (unless (and (natnump from) (or (null to) (eq to t) (and (natnump to) (<= from to))))
    (error "rx repetition count must be a natural number"))
  (let ((item (rx--translate-seq body)))
    (if (eq (cdr item) 'empty)
        item
      (cons (concat (car (rx--as-atom item))
                    (cond ((or (null to) (eql to from)) (format "\\{%d\\}" from))
                          ((eq to t) (format "\\{%d,\\}" from))
                          (t (format "\\{%d,%d\\}" from to))))
            'atom))))

(defun rx--regexp-atomic-p (re)
  "Is the regexp string RE one unit that a postfix operator applies to whole?"
  (let ((n (length re)))
    (or (and (= n 1) (not (memq (aref re 0) '(?^ ?$ ?* ?+ ?? ?\[ ?\\))))
        (and (= n 2) (eq (aref re 0) ?\\) (not (memq (aref re 1) '(?\( ?\) ?| ?{ ?}))))
        (and (= n 3) (string-prefix-p "\\_" re))
        (and (= n 3) (string-prefix-p "\\s" re))
        (and (= n 3) (string-prefix-p "\\S" re))
        (and (= n 3) (string-prefix-p "\\c" re))
        (and (= n 3) (string-prefix-p "\\C" re))
        (and (> n 1) (eq (aref re 0) ?\[) (rx--bracket-end re 0) (= (rx--bracket-end re 0) n))
        (and (string-prefix-p "\\(" re) (string-suffix-p "\\)" re) (rx--group-end re 0) (= (rx--group-end re 0) n)))))

(defun rx--bracket-end (re i)
  "The index after the bracket expression starting at I in RE, or nil."
  (let ((j (1+ i)) (n (length re)))
    (when (and (< j n) (eq (aref re j) ?^)) (setq j (1+ j)))
    (when (and (< j n) (eq (aref re j) ?\])) (setq j (1+ j)))
    (catch 'done
      (while (< j n)
        (cond ((eq (aref re j) ?\]) (throw 'done (1+ j)))
              ((and (eq (aref re j) ?\[) (< (1+ j) n) (eq (aref re (1+ j)) ?:))
               (let ((close (string-search ":]" re (+ j 2))))
                 (setq j (if close (+ close 2) (1+ j)))))
              (t (setq j (1+ j)))))
      nil)))

(defun rx--group-end (re i)
  "The index after the group \\( ... \\) starting at I in RE, or nil."
  (let ((depth 0) (j i) (n (length re)))
    (catch 'done
      (while (< j n)
        (let ((c (aref re j)))
          (cond ((and (eq c ?\\) (< (1+ j) n))
                 (let ((d (aref re (1+ j))))
                   (cond ((eq d ?\() (setq depth (1+ depth)))
                         ((eq d ?\)) (setq depth (1- depth))
                          (when (= depth 0) (throw 'done (+ j 2))))))
                 (setq j (+ j 2)))
                ((eq c ?\[) (setq j (or (rx--bracket-end re j) (1+ j))))
                (t (setq j (1+ j))))))
      nil)))

(defun rx--translate-form (form)
  (let ((head (car form)) (body (cdr form)))
    (cond
     ((memq head '(seq : and sequence)) (rx--translate-seq body))
     ((memq head '(or |)) (rx--translate-or body))
     ((memq head '(any in char)) (rx--render-charset (rx--to-charset form)))
     ((eq head 'not-char)
      (let ((parsed (rx--parse-any body))) (rx--render-charset (list t (car parsed) (cdr parsed)))))
     ((eq head 'not) (rx--translate-not (car body)))
     ((eq head 'intersection) (rx--render-charset (rx--to-charset form)))
     ((memq head '(* +)) (rx--postfix (symbol-name head) body))
     ((eq head 32) (rx--postfix "?" body))
     ((eq head '\?) (rx--postfix "?" body))
     ((memq head '(*? +?)) (rx--postfix (symbol-name head) body))
     ((memq head '(63 \?\?)) (rx--postfix "??" body))
     ((memq head '(zero-or-more 0+)) (rx--postfix (if rx--greedy "*" "*?") body))
     ((memq head '(one-or-more 1+)) (rx--postfix (if rx--greedy "+" "+?") body))
     ((memq head '(opt optional zero-or-one)) (rx--postfix (if rx--greedy "?" "??") body))
     ((eq head 'minimal-match) (let ((rx--greedy nil)) (rx--translate (car body))))
     ((eq head 'maximal-match) (let ((rx--greedy t)) (rx--translate (car body))))
     ((eq head '=) (rx--repeat (car body) nil (cdr body)))
     ((eq head '>=) (rx--repeat (car body) t (cdr body)))
     ((eq head '**) (rx--repeat (car body) (cadr body) (cddr body)))
     ((eq head 'repeat)
      (if (natnump (cadr body))
          (rx--repeat (car body) (cadr body) (cddr body))
        (rx--repeat (car body) nil (cdr body))))
     ((memq head '(group submatch))
      (cons (concat "\\(" (car (rx--translate-seq body)) "\\)") 'atom))
     ((memq head '(group-n submatch-n))
      (unless (and (integerp (car body)) (> (car body) 0))
        (error "rx `group-n' requires a positive number as first argument"))
      (cons (concat (format "\\(?%d:" (car body)) (car (rx--translate-seq (cdr body))) "\\)") 'atom))
     ((eq head 'backref)
      (unless (and (integerp (car body)) (<= 1 (car body) 9))
        (error "rx `backref' requires an argument in the range 1..9"))
      (cons (format "\\%d" (car body)) 'atom))
     ((eq head 'syntax) (rx--translate-syntax (car body) nil))
     ((eq head 'not-syntax) (rx--translate-syntax (car body) t))
     ((eq head 'category) (rx--translate-category (car body) nil))
     ((eq head 'literal)
      (let ((arg (car body)))
        (cond ((stringp arg) (let ((r (rx--translate arg))) (if (eq (cdr r) 'empty) (cons "" 'seq) r)))
              (rx--delayed (cons (list 'regexp-quote arg) 'seq))
              (t (rx--translate (eval arg t))))))
     ((memq head '(regexp regex))
      (let ((arg (car body)))
        (cond ((stringp arg) (cons arg (if (rx--regexp-atomic-p arg) 'atom 'or)))
              (rx--delayed (cons arg 'or))
              (t (let ((re (eval arg t))) (cons re (if (rx--regexp-atomic-p re) 'atom 'or)))))))
     ((eq head 'eval) (rx--translate (eval (car body) t)))
     ((and (symbolp head) (rx--definition head))
      (let ((def (rx--definition head)))
        (if (nth 1 def)
            (rx--translate (rx--expand-definition def body))
          (error "Not an rx form definition: %s" head))))
     (t (error "Unknown rx form `%s'" head)))))

;;;; Entry points

(defun rx-to-string (form &optional no-group)
  (let ((item (rx--translate form)))
    (if (or no-group (eq (cdr item) 'atom))
        (car item)
      (concat "\\(?:" (car item) "\\)"))))

(defun rx--code (parts)
  ;; PARTS: strings and forms from a delayed translation, joined at run time.
  (let ((merged nil))
    (dolist (p parts)
      (if (and (stringp p) (stringp (car merged)))
          (setcar merged (concat (car merged) p))
        (push p merged)))
    (setq merged (nreverse merged))
    (cond ((null merged) "")
          ((and (null (cdr merged)) (stringp (car merged))) (car merged))
          (t (cons 'concat merged)))))

(defun rx--translate-delayed (forms)
  ;; The sequence FORMS, with (literal EXPR) and (regexp EXPR) of non-constant
  ;; EXPR left as code: each gives a part, bracketed by the precedence rules.
  (let ((parts nil))
    (dolist (f forms)
      (let* ((item (rx--translate f))
             (x (car item)))
        (cond ((stringp x)
               (push (if (and (cdr forms) (eq (cdr item) 'or)) (car (rx--bracket item)) x) parts))
              ((and (cdr forms) (eq (cdr item) 'or))
               (push "\\(?:" parts) (push x parts) (push "\\)" parts))
              (t (push x parts)))))
    (nreverse parts)))

(defun rx--dynamic-p (form)
  (cond ((and (consp form) (memq (car form) '(literal regexp regex)))
         (not (stringp (cadr form))))
        ((consp form) (let ((d nil)) (dolist (x (cdr form)) (when (rx--dynamic-p x) (setq d t))) d))))

(defmacro rx (&rest regexps)
  (let ((rx--delayed nil))
    (cond
     ((not (let ((d nil)) (dolist (r regexps) (when (rx--dynamic-p r) (setq d t))) d))
      (car (rx--translate-seq regexps)))
     ((let ((ok t)) (dolist (r regexps) (when (and (rx--dynamic-p r) (not (memq (car-safe r) '(literal regexp regex)))) (setq ok nil))) ok)
      ;; Run-time parts only at the top level: join them with the rest.
      (let ((rx--delayed t))
        (rx--code (rx--translate-delayed regexps))))
     (t
      ;; Deeper run-time parts: build the form with their values when the code
      ;; runs, and translate it then.
      `(rx-to-string ,(rx--form-builder (cons 'seq regexps)) t)))))

(defun rx--form-builder (form)
  "Code that makes FORM with each non-constant (literal EXPR) or (regexp EXPR) holding EXPR's value."
  (cond ((not (rx--dynamic-p form)) (list 'quote form))
        ((memq (car form) '(literal regexp regex)) (list 'list (list 'quote (car form)) (cadr form)))
        (t (cons 'list (cons (list 'quote (car form)) (mapcar #'rx--form-builder (cdr form)))))))

(defconst rx--builtin-forms
  '(seq : and sequence or | any in char not-char not intersection * + \? *? +? \?\?
    zero-or-more 0+ one-or-more 1+ opt optional zero-or-one minimal-match maximal-match
    = >= ** repeat group submatch group-n submatch-n backref syntax not-syntax category
    literal regexp regex eval))

(defun rx--parse-definition (name args-or-form body)
  (when (or (memq name rx--builtin-forms) (assq name rx--symbols) (assq name rx--char-classes))
    (error "Cannot redefine built-in rx name `%s'" name))
  ;; (NAME nil FORM) for a plain definition, (NAME (:args . PARAMS) BODY) for one with arguments.
  (if body
      (list name (cons :args args-or-form) (car body))
    (list name nil args-or-form)))

(defmacro rx-define (name &rest definition)
  `(eval-and-compile
     (setq rx--global-definitions
           (cons ',(rx--parse-definition name (car definition) (cdr definition))
                 (assq-delete-all ',name (copy-sequence rx--global-definitions))))
     ',name))

(defmacro rx-let (bindings &rest body)
  (let ((rx--local-definitions
         (append (mapcar (lambda (b) (rx--parse-definition (car b) (cadr b) (cddr b))) bindings)
                 rx--local-definitions)))
    (macroexpand-all (cons 'progn body))))

(defmacro rx-let-eval (bindings &rest body)
  `(let ((rx--local-definitions
          (append (mapcar (lambda (b) (rx--parse-definition (car b) (cadr b) (cddr b))) ,bindings)
                  rx--local-definitions)))
     ,@body))

(provide 'rx)
