// Syntax tables (syntax.c, and subr.el's with-syntax-table, syntax-after
// and syntax-class). Every expected value was printed by GNU Emacs 28.2
// (-Q --batch, in *scratch*) for the same form, the forms run in this
// order in one session: some of them change the tables the later ones see.
import { describe, it, expect } from 'vitest';
import { lisp } from '../helpers.js';

function cases(table: [string, string][]): void {
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(lisp(`(condition-case e ${form} (error (list 'ERROR e)))`)).toBe(expected);
    });
  }
}


describe("the standard syntax table, as Emacs 28.2 has it", () => {
  cases([
    ["(with-temp-buffer (mapcar #'char-syntax (string #xaa #xb6 #x2c7 #xe2f #xf01 #x200c #x201a #x2116 #x2308 #x23b4 #x242a #x2460 #x2e22 #x301c #x3220 #xff3c #x1fb93 #x1fbcb #x3000 #x5b57 #x10ffff)))", "(95 95 95 95 46 46 46 46 95 40 95 95 46 95 95 95 95 46 32 119 119)"],
    ["(with-temp-buffer (mapcar #'char-syntax \"\\t\\n !\\\"#$%&'()*+,-./09:;<=>?@AZ[\\\\]^_`az{|}~\\x7f\"))", "(32 32 32 46 34 46 119 119 95 46 40 41 95 95 46 95 46 95 119 119 46 46 95 95 95 46 46 119 119 40 92 41 46 95 46 119 119 40 95 41 46 46)"],
    ["(mapcar #'char-syntax \"\\t\\n !\\\"#$%&'()*+,-./09:;<=>?@AZ[\\\\]^_`az{|}~\\x7f\")", "(32 62 32 95 34 39 95 95 95 39 40 41 95 95 39 95 95 95 119 119 95 60 95 95 95 95 95 119 119 40 92 41 95 95 39 119 119 95 95 95 95 95)"],
    ["(with-temp-buffer (list (matching-paren ?\\() (matching-paren ?\\]) (matching-paren ?{) (matching-paren #x2045) (matching-paren #xff62) (matching-paren ?a) (matching-paren #x2308)))", "(41 91 125 8262 65379 nil nil)"],
  ]);
});

describe("string-to-syntax and syntax-class-to-char", () => {
  cases([
    ["(list (string-to-syntax \"-\") (string-to-syntax \" \") (string-to-syntax \".\") (string-to-syntax \"w\") (string-to-syntax \"_\") (string-to-syntax \"(]\") (string-to-syntax \")[\") (string-to-syntax \"\\\"\") (string-to-syntax \"\\\\\") (string-to-syntax \"<\") (string-to-syntax \"> b\") (string-to-syntax \"!\") (string-to-syntax \"|\") (string-to-syntax \"$\") (string-to-syntax \"/\") (string-to-syntax \"'\") (string-to-syntax \"@\"))", "((0) (0) (1) (2) (3) (4 . 93) (5 . 91) (7) (9) (11) (2097164) (14) (15) (8) (10) (6) nil)"],
    ["(list (string-to-syntax \". 1\") (string-to-syntax \". 2\") (string-to-syntax \". 3\") (string-to-syntax \". 4\") (string-to-syntax \"_ p\") (string-to-syntax \". 14n\") (string-to-syntax \"< c\") (string-to-syntax \"w x\"))", "((65537) (131073) (262145) (524289) (1048579) (4784129) (8388619) (2))"],
    ["(list (eq (string-to-syntax \"w\") (string-to-syntax \"w\")) (eq (string-to-syntax \"()\") (string-to-syntax \"()\")) (eq (aref (standard-syntax-table) ?b) (string-to-syntax \"w\")))", "(t nil t)"],
    ["(condition-case e (string-to-syntax \"Z\") (error e))", "(error \"Invalid syntax description letter: Z\")"],
    ["(condition-case e (string-to-syntax 'w) (error e))", "(wrong-type-argument stringp w)"],
    ["(mapcar #'syntax-class-to-char (number-sequence 0 15))", "(32 46 119 95 40 41 39 34 36 92 47 60 62 64 33 124)"],
    ["(condition-case e (syntax-class-to-char 16) (error e))", "(args-out-of-range 15 16)"],
    ["(condition-case e (syntax-class-to-char -1) (error e))", "(args-out-of-range 15 -1)"],
  ]);
});

describe("syntax-table objects: make, copy, modify, set", () => {
  cases([
    ["(list (syntax-table-p (standard-syntax-table)) (syntax-table-p (make-char-table 'syntax-table)) (syntax-table-p (make-char-table 'foo)) (syntax-table-p nil) (char-table-subtype (make-syntax-table)))", "(t t nil nil syntax-table)"],
    ["(list (eq (char-table-parent (make-syntax-table)) (standard-syntax-table)) (let ((p (make-syntax-table))) (eq (char-table-parent (make-syntax-table p)) p)) (char-table-parent (standard-syntax-table)))", "(t t nil)"],
    ["(let ((c (copy-syntax-table))) (list (eq (char-table-parent c) (standard-syntax-table)) (char-table-range c nil) (aref c ?a) (char-table-range (standard-syntax-table) nil)))", "(t nil (2) (0))"],
    ["(let* ((p (make-syntax-table)) (c (copy-syntax-table p))) (modify-syntax-entry ?a \".\" p) (list (eq (char-table-parent c) (standard-syntax-table)) (aref c ?a) (aref p ?a)))", "(t (2) (1))"],
    ["(let ((st (make-syntax-table))) (modify-syntax-entry ?a \".\" st) (modify-syntax-entry '(?x . ?z) \"_\" st) (modify-syntax-entry ?< \"(>\" st) (list (aref st ?a) (aref st ?y) (aref st ?<) (aref st ?b) (with-temp-buffer (set-syntax-table st) (list (char-syntax ?a) (char-syntax ?y) (char-syntax ?b) (matching-paren ?<)))))", "((1) (3) (4 . 62) (2) (46 95 119 62))"],
    ["(condition-case e (modify-syntax-entry \"a\" \".\") (error e))", "(wrong-type-argument characterp \"a\")"],
    ["(condition-case e (modify-syntax-entry '(?a . \"z\") \".\") (error e))", "(wrong-type-argument characterp \"z\")"],
    ["(condition-case e (modify-syntax-entry ?a \".\") (error e))", "nil"],
    ["(condition-case e (modify-syntax-entry ?a 5 (make-syntax-table)) (error e))", "(wrong-type-argument stringp 5)"],
    ["(condition-case e (modify-syntax-entry ?a \".\" (make-char-table 'foo)) (error e))", "(wrong-type-argument syntax-table-p #^[nil nil foo nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil])"],
    ["(condition-case e (set-syntax-table (make-char-table 'foo)) (error e))", "(wrong-type-argument syntax-table-p #^[nil nil foo nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil nil])"],
  ]);
});

describe("buffers' tables: *scratch*, with-syntax-table, kill-all-local-variables", () => {
  cases([
    ["(list (eq (syntax-table) lisp-interaction-mode-syntax-table) (eq (char-table-parent lisp-interaction-mode-syntax-table) emacs-lisp-mode-syntax-table) (eq (char-table-parent emacs-lisp-mode-syntax-table) lisp-data-mode-syntax-table))", "(t t t)"],
    ["(with-temp-buffer (list (eq (syntax-table) (standard-syntax-table)) (progn (set-syntax-table emacs-lisp-mode-syntax-table) (char-syntax ?\\;)) (progn (kill-all-local-variables) (char-syntax ?\\;))))", "(t 60 46)"],
    ["(with-temp-buffer (insert \"foo_bar baz\") (goto-char 1) (let ((st (make-syntax-table))) (modify-syntax-entry ?_ \"w\" st) (list (with-syntax-table st (re-search-forward \"\\\\w+\") (point)) (eq (syntax-table) (standard-syntax-table)) (progn (goto-char 1) (re-search-forward \"\\\\w+\") (point)))))", "(8 t 4)"],
  ]);
});

describe("what consults the current table: regexps, case conversion, words, syntax-after", () => {
  cases([
    ["(with-temp-buffer (let ((st (make-syntax-table)) (b (current-buffer))) (condition-case nil (with-syntax-table st (set-buffer (get-buffer-create \"other\")) (error \"x\")) (error nil)) (prog1 (list (eq (current-buffer) b) (eq (syntax-table) (standard-syntax-table)) (with-current-buffer \"other\" (eq (syntax-table) (standard-syntax-table)))) (kill-buffer \"other\"))))", "(nil t t)"],
    ["(list (capitalize \"a$b c%d\") (with-temp-buffer (capitalize \"a$b c%d\")) (upcase-initials \"x$y\") (with-temp-buffer (upcase-initials \"x$y\")))", "(\"A$B C%D\" \"A$b C%d\" \"X$Y\" \"X$y\")"],
    ["(list (progn (string-match \"\\\\_<[a-z$]+\\\\_>\" \"  x$y  \") (match-data)) (with-temp-buffer (string-match \"\\\\_<[a-z$]+\\\\_>\" \"  x$y  \") (match-data)) (progn (string-match \"\\\\sw+\" \"ab$c\") (match-data)) (with-temp-buffer (string-match \"\\\\sw+\" \"ab$c\") (match-data)))", "((2 5) (2 5) (1 2) (0 4))"],
    ["(with-temp-buffer (insert \"(x) ;c\") (list (syntax-after 1) (syntax-class (syntax-after 1)) (syntax-after 0) (syntax-after 7) (syntax-class nil) (progn (set-syntax-table emacs-lisp-mode-syntax-table) (syntax-after 5))))", "((4 . 41) 4 nil nil nil (11))"],
    ["(with-temp-buffer (insert \"a-b c_d#e\") (goto-char 1) (list (progn (forward-word) (point)) (progn (forward-word) (point)) (progn (set-syntax-table emacs-lisp-mode-syntax-table) (goto-char 1) (skip-syntax-forward \"w_\") (point))))", "(2 4 4)"],
  ]);
});

describe("char-tables made with ranges (copy-sequence and elt keep them)", () => {
  cases([
    ["(let ((ct (make-char-table 'foo 7))) (set-char-table-range ct '(#x1000 . #x20000) 9) (let ((c (copy-sequence ct))) (list (aref c #x1500) (aref c 65) (elt c #x1500) (elt ct #x1500))))", "(9 7 9 9)"],
  ]);
});
