;;; -*- lexical-binding: t -*-
;; Sentences: sentence-end, forward- and backward-sentence, kill-sentence, paragraph text bounds,
;; kill-paragraph. Outputs compared with GNU Emacs 28.2.
(defvar text "First sentence.  Second one here!  Third?  \"Quoted.\"  Fourth.\nWrapped line.  Single. space here.\n\nNew paragraph.  Last one")
(with-temp-buffer
  (insert text)
  (goto-char (point-min))
  (let (stops) (while (< (point) (point-max)) (forward-sentence) (push (point) stops)) (print (nreverse stops)))
  (let (stops) (while (> (point) (point-min)) (backward-sentence) (push (point) stops)) (print (nreverse stops)))
  (goto-char 25) (print (list (progn (forward-sentence 2) (point)) (progn (backward-sentence 3) (point)) (progn (forward-sentence -1) (point))))
  (let ((sentence-end-double-space nil)) (goto-char (point-min)) (let (stops) (dotimes (_ 6) (forward-sentence) (push (point) stops)) (print (nreverse stops))))
  (print (sentence-end))
  (let ((sentence-end-double-space nil)) (print (sentence-end)))
  (goto-char 20) (kill-sentence) (print (list (point) (car kill-ring) (buffer-substring 1 40)))
  (goto-char 40) (backward-kill-sentence) (print (list (point) (car kill-ring)))
  (goto-char (point-min)) (start-of-paragraph-text) (print (point)) (end-of-paragraph-text) (print (point))
  (goto-char (point-max)) (start-of-paragraph-text) (print (point))
  (goto-char 5) (kill-paragraph 1) (print (list (point) (car kill-ring) (buffer-string))))
(with-temp-buffer (insert "  Indented start.  More.\n") (goto-char (point-max)) (backward-sentence) (print (point)) (backward-sentence) (print (point)))
