;;; ert.el --- Emacs Lisp Regression Testing, for batch runs  -*- lexical-binding: t -*-

;; ert-deftest, should, should-not, should-error, skip-unless and the batch
;; runner (`emacs --batch -l ert -l tests.el -f ert-run-tests-batch-and-exit'),
;; printing its report on stderr as Emacs 28.2's does: tests in name order,
;; one line per test, a summary, the unexpected and skipped results, exit
;; status 0 when every result was expected. Not here: the interactive
;; results buffer, backtraces in the report, and `equal' explanations.

(define-error 'ert-test-failed "Test failed")
(define-error 'ert-test-skipped "Test skipped")

(defvar ert--tests nil "Names of the defined tests, newest first.")

(defmacro ert-deftest (name _args &rest body)
  (declare (doc-string 3) (indent 2))
  (let ((doc (when (stringp (car body)) (pop body)))
        (expected :passed)
        (tags nil))
    (while (keywordp (car body))
      (pcase (pop body)
        (:expected-result (setq expected (pop body)))
        (:tags (setq tags (pop body)))
        (_ (pop body))))
    `(progn
       (put ',name 'ert--test
            (list :name ',name :documentation ,doc :body (lambda () ,@body)
                  :expected-result ',expected :tags ,tags))
       (setq ert--tests (cons ',name (delq ',name ert--tests)))
       ',name)))

(defun ert-test-boundp (symbol) (and (get symbol 'ert--test) t))

(defun ert-delete-all-tests ()
  (dolist (name ert--tests) (put name 'ert--test nil))
  (setq ert--tests nil)
  t)

(defun ert-fail (data) (signal 'ert-test-failed (list data)))
(defun ert-skip (data) (signal 'ert-test-skipped (list data)))
(defun ert-pass () (throw 'ert--pass nil))

(defun ert--call-p (form)
  "Is FORM a call of a function (not a macro or special form), whose arguments should can show?"
  (and (consp form) (symbolp (car form)) (functionp (car form))
       (not (special-form-p (car form))) (not (macrop (car form)))))

(defun ert--check (whole form value-form)
  "Code for WHOLE (a should or should-not of FORM): (VALUE-FORM VALUE) is nil when it fails."
  (if (ert--call-p form)
      (let ((args (make-symbol "args")) (value (make-symbol "value")))
        `(let* ((,args (list ,@(cdr form)))
                (,value (apply #',(car form) ,args)))
           (unless ,(funcall value-form value)
             (ert-fail (list ',whole :form (cons ',(car form) ,args) :value ,value)))
           ,value))
    (let ((value (make-symbol "value")))
      `(let ((,value ,form))
         (unless ,(funcall value-form value)
           (ert-fail (list ',whole :form ',form :value ,value)))
         ,value))))

(defmacro should (form)
  (ert--check `(should ,form) form #'identity))

(defmacro should-not (form)
  `(progn ,(ert--check `(should-not ,form) form (lambda (v) `(not ,v))) nil))

(defmacro should-error (form &rest keys)
  (let ((type (plist-get keys :type))
        (caught (make-symbol "caught"))
        (value (make-symbol "value")))
    `(let ((,caught nil) (,value nil))
       (condition-case err
           (setq ,value ,form)
         (error (setq ,caught err)))
       (cond ((null ,caught)
              (ert-fail (list '(should-error ,form ,@keys) :form ',form :value ,value
                              :fail-reason "did not signal an error")))
             ((and ,type
                   (let ((types (if (listp ,type) ,type (list ,type))))
                     (not (seq-some (lambda (ty) (memq ty (get (car ,caught) 'error-conditions))) types))))
              (ert-fail (list '(should-error ,form ,@keys) :form ',form :condition ,caught
                              :fail-reason "the error signaled did not have the expected type")))
             (t ,caught)))))

(defmacro skip-unless (form)
  `(unless ,form (ert-skip '(skip-unless ,form))))

;;; Running tests.

(defun ert--select (selector)
  "The test names SELECTOR picks, sorted by name."
  (sort (seq-filter
         (lambda (name)
           (pcase selector
             ('t t)
             ('nil nil)
             ((pred stringp) (string-match-p selector (symbol-name name)))
             ((pred symbolp) (eq name selector))
             (`(member . ,names) (memq name names))
             (`(tag ,tag) (memq tag (plist-get (get name 'ert--test) :tags)))
             (_ nil)))
         (copy-sequence ert--tests))
        (lambda (a b) (string< (symbol-name a) (symbol-name b)))))

(defun ert--run (name)
  "Run test NAME: (RESULT CONDITION SECONDS), RESULT one of passed, failed and skipped."
  (let ((start (float-time))
        (result 'passed)
        (condition nil))
    (catch 'ert--pass
      (condition-case err
          (funcall (plist-get (get name 'ert--test) :body))
        (ert-test-skipped (setq result 'skipped condition err))
        (error (setq result 'failed condition err))))
    (list result condition (- (float-time) start))))

(defun ert--timestamp () (format-time-string "%Y-%m-%d %H:%M:%S%z"))

(defun ert-run-tests-batch (&optional selector)
  (let* ((names (ert--select (or selector t)))
         (total (length names))
         (start (float-time))
         (expected 0) (unexpected nil) (skipped nil) (expected-failures 0)
         (i 0))
    (message "Running %d tests (%s, selector `%S')" total (ert--timestamp) (or selector t))
    (dolist (name names)
      (setq i (1+ i))
      (let* ((outcome (ert--run name))
             (result (car outcome))
             (wanted (plist-get (get name 'ert--test) :expected-result))
             (as-expected (or (eq result 'skipped)
                              (eq wanted t)
                              (and (eq result 'passed) (eq wanted :passed))
                              (and (eq result 'failed) (eq wanted :failed)))))
        (cond ((eq result 'skipped) (push name skipped))
              (as-expected (setq expected (1+ expected))
                           (when (eq result 'failed) (setq expected-failures (1+ expected-failures))))
              (t (push name unexpected)
                 (when (eq result 'failed)
                   (message "Test %S condition:\n    %S" name (cadr outcome)))))
        (message "%9s  %d/%d  %S (%f sec)"
                 (pcase result
                   ('skipped "skipped")
                   ('passed (if as-expected "passed" "PASSED"))
                   (_ (if as-expected "failed" "FAILED")))
                 i total name (nth 2 outcome))))
    (message "\nRan %d tests, %d results as expected, %d unexpected%s (%s, %f sec)"
             total expected (length unexpected)
             (if skipped (format ", %d skipped" (length skipped)) "")
             (ert--timestamp) (- (float-time) start))
    (when (> expected-failures 0)
      (message "%d expected failures" expected-failures))
    (when unexpected
      (message "\n%d unexpected results:" (length unexpected))
      (dolist (name (nreverse unexpected))
        (message "%9s  %S" (if (eq (plist-get (get name 'ert--test) :expected-result) :failed) "PASSED" "FAILED") name)))
    (when skipped
      (message "\n%d skipped results:" (length skipped))
      (dolist (name (nreverse skipped))
        (message "%9s  %S" "SKIPPED" name)))
    (list total expected (length unexpected) (length skipped))))

(defun ert-run-tests-batch-and-exit (&optional selector)
  (let ((stats (ert-run-tests-batch selector)))
    (kill-emacs (if (zerop (nth 2 stats)) 0 1))))

(provide 'ert)

;;; ert.el ends here
