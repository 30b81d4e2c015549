// Scanning balanced expressions and comments (syntax.c's scan-lists,
// scan-sexps, forward-comment, backward-prefix-chars; lisp.el's
// forward-sexp and friends, in lisp/subr.el; parse-partial-sexp and
// syntax-ppss). Every expected value was printed by GNU Emacs 28.2
// (-Q --batch) for the same form.
import { describe, it, expect, beforeAll } from 'vitest';
import { lisp } from '../helpers.js';

describe('scan-lists, scan-sexps, forward-comment and the sexp commands', () => {
  const table: [string, string][] = [
    ["(with-temp-buffer (insert \"(a (b c) d) e\") (list (scan-lists 1 1 0) (scan-sexps 1 1) (scan-sexps 2 1) (scan-sexps 4 1) (scan-lists 5 1 1) (scan-lists 1 1 -1) (scan-lists 1 2 0) (scan-sexps 14 -1) (scan-sexps 12 -2) (scan-lists 5 -1 1)))", "(12 12 3 9 9 2 nil 13 nil 4)"],
    ["(with-temp-buffer (insert \"(a (b c) d) e\") (list (condition-case e (scan-lists 5 -2 0) (error e)) (condition-case e (scan-lists 1 1 1) (error e)) (condition-case e (scan-lists 10 1 0) (error e)) (condition-case e (scan-sexps 4 3) (error e))))", "((scan-error \"Containing expression ends prematurely\" 4 4) (scan-error \"Unbalanced parentheses\" 1 14) (scan-error \"Containing expression ends prematurely\" 11 12) (scan-error \"Containing expression ends prematurely\" 11 12))"],
    ["(with-temp-buffer (insert \"(a \\\"b)\\\" ?\\\\) c)\") (list (scan-lists 1 1 0) (scan-sexps 4 1) (scan-sexps 8 1) (scan-sexps 16 -1)))", "(15 8 12 1)"],
    ["(with-temp-buffer (insert \"foo-bar baz\\\\ qux (x)\") (list (scan-sexps 1 1) (scan-sexps 9 1) (scan-sexps (point-max) -1) (scan-sexps 18 -2)))", "(8 17 18 1)"],
    ["(with-temp-buffer (insert \"\\\"unterminated (\") (list (condition-case e (scan-sexps 1 1) (error e)) (condition-case e (scan-lists 1 1 0) (error e))))", "((scan-error \"Unbalanced parentheses\" 1 16) (scan-error \"Unbalanced parentheses\" 1 16))"],
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (insert \"(a ; comment )\\n b) 'c `(d ,e)\") (list (condition-case e (scan-lists 1 1 0) (error e)) (let ((parse-sexp-ignore-comments t)) (scan-lists 1 1 0)) (let ((parse-sexp-ignore-comments t)) (scan-sexps 20 1)) (let ((parse-sexp-ignore-comments t)) (scan-sexps (point-max) -1))))", "(15 19 22 24)"],
    ["(list parse-sexp-ignore-comments (with-temp-buffer parse-sexp-ignore-comments) (local-variable-p 'parse-sexp-ignore-comments))", "(t nil t)"],
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (setq-local parse-sexp-ignore-comments t) (insert \"x ;; one\\n  ;; two\\n  (y) ; three\\n\") (list (progn (goto-char 2) (list (forward-comment 1) (point))) (progn (goto-char 2) (list (forward-comment 5) (point))) (progn (goto-char (point-max)) (list (forward-comment -1) (point))) (progn (goto-char 25) (list (forward-comment -2) (point)))))", "((t 10) (nil 21) (t 25) (nil 24))"],
    ["(with-temp-buffer (let ((st (make-syntax-table))) (modify-syntax-entry ?/ \". 124b\" st) (modify-syntax-entry ?* \". 23\" st) (modify-syntax-entry ?\\n \"> b\" st) (set-syntax-table st)) (setq-local parse-sexp-ignore-comments t) (insert \"a /* c1 */ b // c2\\n{ x /* ) */ }\") (list (progn (goto-char 2) (list (forward-comment 1) (point))) (progn (goto-char 13) (list (forward-comment 1) (point))) (progn (goto-char 12) (list (forward-comment -1) (point))) (scan-lists 20 1 0) (scan-lists (point-max) -1 0) (progn (goto-char 20) (forward-sexp) (point))))", "((t 11) (t 20) (t 3) 33 20 33)"],
    ["(with-temp-buffer (insert \"(a (b c) d) e\") (goto-char 5) (list (progn (up-list) (point)) (progn (goto-char 5) (backward-up-list) (point)) (progn (goto-char 1) (down-list) (point)) (progn (goto-char 1) (forward-sexp 2) (point)) (progn (backward-sexp) (point)) (progn (goto-char 1) (forward-list) (point)) (progn (backward-list) (point)) (progn (goto-char 1) (forward-sexp 3) (point)) (progn (goto-char 1) (backward-sexp) (point))))", "(9 4 2 14 13 12 1 14 1)"],
    ["(with-temp-buffer (insert \"(a (b c) d) e\") (list (condition-case e (progn (goto-char 4) (forward-sexp 5)) (error e)) (condition-case e (progn (goto-char 5) (up-list 3)) (error e)) (condition-case e (progn (goto-char 12) (down-list)) (error e))))", "((scan-error \"Containing expression ends prematurely\" 11 12) (scan-error \"Unbalanced parentheses\" 12 14) (scan-error \"Unbalanced parentheses\" 13 14))"],
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (insert \"x '(a b) #'car ,@y\") (list (progn (goto-char (point-max)) (backward-sexp) (point)) (progn (backward-sexp) (point)) (progn (backward-sexp) (point)) (progn (goto-char 3) (forward-sexp) (point)) (progn (goto-char 10) (backward-prefix-chars) (point)) (progn (goto-char 4) (backward-prefix-chars) (point))))", "(16 10 3 9 10 3)"],
    ["(with-temp-buffer (insert \"(a b)\") (list (condition-case e (scan-lists (point-marker) 1 0) (error e)) (condition-case e (scan-sexps 1 'x) (error e)) (scan-lists 100 -1 0) (scan-sexps -5 1)))", "((wrong-type-argument fixnump #<marker in no buffer>) (wrong-type-argument fixnump x) 1 6)"],
  ];
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(lisp(`(condition-case e ${form} (error (list 'ERROR e)))`)).toBe(expected);
    });
  }
});

// Random short texts over the characters that matter, five syntax set-ups
// (standard; Emacs Lisp with and without parse-sexp-ignore-comments; C-like
// two-character comments; nested comments and fences), random starts,
// counts and depths: (MODE KIND TEXT FROM COUNT DEPTH RESULT) as Emacs printed
// them. KIND 0 and 3 are scan-lists, 1 scan-sexps, 2 forward-comment.
describe('scanning random texts as Emacs does', () => {
  beforeAll(() => {
    lisp(`(defun syntax-scan-test-case (mode kind text from count depth)
      (with-temp-buffer
        (pcase mode
          (1 (set-syntax-table emacs-lisp-mode-syntax-table) (setq-local parse-sexp-ignore-comments t))
          (2 (set-syntax-table emacs-lisp-mode-syntax-table))
          (3 (let ((st (make-syntax-table))) (modify-syntax-entry ?/ ". 124b" st) (modify-syntax-entry ?* ". 23" st) (modify-syntax-entry ?\\n "> b" st) (set-syntax-table st) (setq-local parse-sexp-ignore-comments t)))
          (4 (let ((st (make-syntax-table))) (modify-syntax-entry ?! "!" st) (modify-syntax-entry ?| "|" st) (modify-syntax-entry ?# "< n" st) (modify-syntax-entry ?@ "> n" st) (modify-syntax-entry ?' "_ p" st) (set-syntax-table st) (setq-local parse-sexp-ignore-comments t))))
        (insert text)
        (list mode kind text from count depth
              (condition-case e
                  (pcase kind
                    (0 (scan-lists from count depth))
                    (1 (scan-sexps from count))
                    (2 (progn (goto-char from) (list (forward-comment count) (point))))
                    (3 (scan-lists from count 0)))
                (error e)))))`);
  });
  const cases: string[] = [
    "(0 3 \" */|(\n\" 6 0 0 6)",
    "(0 3 \"#[!,*.\\\"[\\\"#a\\\"\" 11 1 2 (scan-error \"Unbalanced parentheses\" 12 13))",
    "(0 2 \"[\" 2 -2 2 (nil 2))",
    "(0 2 \"`('\\\\;|#bc??a*/'(\" 13 2 2 (nil 13))",
    "(0 1 \"bc\\\\$`([\n)`\\\\*/\" 2 -1 -2 1)",
    "(0 0 \"a$(|`( /?\" 3 0 -2 3)",
    "(0 3 \"a/*?!@\\\"@$}\" 5 -2 0 nil)",
    "(0 3 \"\\\\'*/\n @!@\\\"\" 9 -3 1 nil)",
    "(0 0 \"\\\\\\\"$?@\" 3 -3 1 (scan-error \"Unbalanced parentheses\" 3 1))",
    "(0 2 \"\\\"{\\\"([$\" 4 0 1 (t 4))",
    "(0 0 \")\" 2 -1 0 (scan-error \"Unbalanced parentheses\" 1 1))",
    "(0 0 \"((\" 1 2 -1 (scan-error \"Unbalanced parentheses\" 1 3))",
    "(0 2 \"'\n`a*/ \\\\ ?\" 3 2 -2 (nil 3))",
    "(0 2 \"[}|#{ }`a {;\" 8 1 1 (nil 8))",
    "(0 0 \".{\\\\bc, |'\\\"\\\\} \" 14 -2 -2 (scan-error \"Unbalanced parentheses\" 10 1))",
    "(0 3 \"?a*/}*/(@)@?\\\\\" 2 -1 0 nil)",
    "(0 3 \"'##bc?,*//*\\\\\" 4 -3 2 nil)",
    "(0 0 \";|'?(?\n$(\\\\\" 3 0 1 3)",
    "(0 3 \"]/*;\\\"['\\\\\\\\#}\" 6 2 -2 nil)",
    "(0 3 \"\\\"**; @,*?\" 3 3 -1 nil)",
    "(0 0 \")) ?\" 1 2 -1 (scan-error \"Containing expression ends prematurely\" 1 2))",
    "(0 2 \"/abc,;(bc(bc|\" 4 0 0 (t 4))",
    "(0 1 \"a[.`$*\" 1 0 -1 1)",
    "(0 0 \"a\\\"\" 3 1 1 (scan-error \"Unbalanced parentheses\" 3 3))",
    "(0 2 \".|\\\"/'(#{.;.}@*\" 1 -3 -1 (nil 1))",
    "(0 3 \"]'bc\" 4 3 -1 nil)",
    "(0 3 \"*#!`)\n'.\" 9 2 1 nil)",
    "(0 2 \",\" 2 3 0 (nil 2))",
    "(0 1 \"*,]{;#\" 6 0 2 6)",
    "(0 2 \"a|}}'`/a\" 1 -3 -1 (nil 1))",
    "(0 3 \"bc|*/)* $(\" 10 3 -2 (scan-error \"Unbalanced parentheses\" 10 11))",
    "(0 0 \"` \n}'/@a`]\\\"\" 7 2 -2 (scan-error \"Containing expression ends prematurely\" 10 11))",
    "(0 1 \"\\\"bc\\\"?\\\\{*/'\" 4 -3 -2 (scan-error \"Unbalanced parentheses\" 1 1))",
    "(0 1 \"bc.(/#?, bc[\" 4 -1 -1 1)",
    "(0 2 \"/*bc*/\" 3 -2 1 (nil 3))",
    "(0 0 \"$*/*)](\na@a/\\\"[\" 6 -3 -2 (scan-error \"Unbalanced parentheses\" 5 1))",
    "(0 2 \"bc/.\\\\}';{[\" 1 3 0 (nil 1))",
    "(0 3 \"*/.((a?{`\\\"!${\" 11 2 2 (scan-error \"Unbalanced parentheses\" 13 14))",
    "(0 2 \"|\" 1 2 0 (nil 1))",
    "(0 1 \"'#. ?!,?bc\\\\\" 2 -3 0 nil)",
    "(0 2 \"*\n|*/$./\n*/\\\\#\\\"@\" 15 3 2 (nil 15))",
    "(0 1 \"?)/*!a|#\" 2 1 -1 (scan-error \"Containing expression ends prematurely\" 2 3))",
    "(0 0 \"}? .#\" 1 3 -2 (scan-error \"Containing expression ends prematurely\" 1 2))",
    "(0 3 \";/\\\\a,*/abc(\n.?!\" 13 -2 2 (scan-error \"Containing expression ends prematurely\" 11 11))",
    "(0 2 \"*/*/}[/*\" 8 1 -1 (nil 8))",
    "(0 0 \"]bc ?\n,;\\\". *'`\\\\\" 6 3 1 (scan-error \"Unbalanced parentheses\" 6 17))",
    "(0 0 \"})$#bc$**!/*,@/*.\" 13 -3 0 (scan-error \"Unbalanced parentheses\" 2 1))",
    "(0 2 \"]bc'{{@#a|\" 10 -3 1 (nil 10))",
    "(0 3 \"'bc.{/*`;;bc;a*/@@\" 7 3 2 nil)",
    "(0 1 \"/*;`;.a#\\\\{ \" 4 -2 0 nil)",
    "(0 2 \"*}#?\" 4 2 0 (nil 4))",
    "(0 0 \"}/)[\" 5 2 -1 (scan-error \"Unbalanced parentheses\" 5 5))",
    "(0 1 \"''*/|\" 6 3 2 nil)",
    "(0 0 \".[@\\\\([(\" 2 0 0 2)",
    "(0 2 \"a[;\n)\" 1 1 -1 (nil 1))",
    "(0 2 \"{*\" 1 3 -2 (nil 1))",
    "(0 0 \" `])(\" 1 3 1 (scan-error \"Containing expression ends prematurely\" 4 5))",
    "(0 1 \"$*\\\"bc#\" 1 2 -1 (scan-error \"Unbalanced parentheses\" 3 7))",
    "(0 1 \"*`*|/}(\" 7 0 -2 7)",
    "(0 1 \"*\\\".a\\\"$\" 6 -3 -2 nil)",
    "(0 2 \"*?().*/#{*/ \" 6 3 -1 (nil 6))",
    "(0 2 \".\" 1 -2 2 (nil 1))",
    "(0 2 \"|\\\"`'[;`*/}`/\n\" 14 0 1 (t 14))",
    "(0 1 \",\" 1 1 -1 nil)",
    "(0 0 \"|) ] */#\n|! ,\" 14 3 1 (scan-error \"Unbalanced parentheses\" 14 14))",
    "(0 3 \"(`'[{}}?.'\" 5 1 -2 7)",
    "(0 2 \"*/ .*/\\\"/}a[\" 10 3 -2 (nil 10))",
    "(0 0 \"**/]$;\\\"`|/)/?\" 11 -1 -2 (scan-error \"Unbalanced parentheses\" 7 1))",
    "(0 1 \"{#]##\" 2 -2 0 (scan-error \"Containing expression ends prematurely\" 1 1))",
    "(0 1 \"?\\\\bc|}\\\"(.{$|.\" 3 3 2 (scan-error \"Containing expression ends prematurely\" 6 7))",
    "(0 0 \"![`}| )a.\n@\" 9 -3 -1 nil)",
    "(0 3 \" [\" 1 3 -1 (scan-error \"Unbalanced parentheses\" 2 3))",
    "(0 0 \"/}@'\" 1 0 -1 1)",
    "(0 2 \"@/*a\" 4 1 2 (nil 4))",
    "(0 2 \"$,|@}?*/\" 5 -1 1 (nil 5))",
    "(0 1 \"[*;|($`|@\" 8 1 -1 9)",
    "(0 0 \"[/\" 2 2 -2 (scan-error \"Unbalanced parentheses\" 2 3))",
    "(0 3 \"`)*//*\\\\`;/*\\\\[\" 1 -2 2 nil)",
    "(0 0 \"(;@*))bc],@!,\" 3 3 1 (scan-error \"Containing expression ends prematurely\" 6 7))",
    "(0 3 \"\n\\\\[};!;/$\" 10 -1 -1 (scan-error \"Unbalanced parentheses\" 4 1))",
  ];
  for (const printed of cases) {
    it(printed, () => {
      expect(lisp(`(apply #'syntax-scan-test-case (butlast (car (read-from-string ${JSON.stringify(printed)}))))`)).toBe(printed);
    });
  }
});

describe('parse-partial-sexp and syntax-ppss', () => {
  const table: [string, string][] = [
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (insert \"(defun f (x) \\\"doc (\\\" ; c (\\n  (list ?\\\\( 'a))\") (list (parse-partial-sexp 1 1) (parse-partial-sexp 1 12) (parse-partial-sexp 1 18) (parse-partial-sexp 1 25) (parse-partial-sexp 1 30) (parse-partial-sexp 1 (point-max)) (point)))", "((0 nil nil nil nil nil 0 nil nil nil nil) (2 10 11 nil nil nil 0 nil nil (1 10) nil) (1 1 10 34 nil nil 0 nil 14 (1) nil) (1 1 14 nil t nil 0 nil 22 (1) nil) (1 1 14 nil nil nil 0 nil nil (1) nil) (0 nil 1 nil nil nil 0 nil nil nil nil) 44)"],
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (insert \"(a (b \\\"c\\\" d) e)\") (list (progn (parse-partial-sexp 1 (point-max) 2) (point)) (progn (parse-partial-sexp 1 (point-max) nil t) (point)) (progn (parse-partial-sexp 2 (point-max) nil t) (point)) (progn (parse-partial-sexp 5 (point-max) -1) (point)) (progn (parse-partial-sexp 1 (point-max) nil nil nil 'syntax-table) (point)) (parse-partial-sexp 8 (point-max) nil nil (parse-partial-sexp 1 8))))", "(5 1 2 13 8 (0 nil 1 nil nil nil 0 nil nil nil nil))"],
    ["(with-temp-buffer (let ((st (make-syntax-table))) (modify-syntax-entry ?/ \". 124b\" st) (modify-syntax-entry ?* \". 23\" st) (modify-syntax-entry ?\\n \"> b\" st) (set-syntax-table st)) (insert \"x /* a */ y // b\\nz /\") (list (parse-partial-sexp 1 5) (parse-partial-sexp 1 4) (parse-partial-sexp 1 8) (parse-partial-sexp 1 15) (parse-partial-sexp 1 (point-max)) (progn (parse-partial-sexp 1 (point-max) nil nil nil t) (point)) (parse-partial-sexp 5 (point-max) nil nil (parse-partial-sexp 1 4))))", "((0 nil 1 nil t nil 0 nil 3 nil nil) (0 nil 1 nil nil nil 0 nil nil nil 2818049) (0 nil 1 nil t nil 0 nil 3 nil nil) (0 nil 11 nil t nil 0 1 13 nil nil) (0 nil 18 nil nil nil 0 nil nil nil 2818049) 5 (0 nil 18 nil nil nil 0 nil nil nil 2818049))"],
    ["(with-temp-buffer (insert \"(a \\\\\") (list (parse-partial-sexp 1 (point-max)) (syntax-ppss) (point) (syntax-ppss 3) (point) (syntax-ppss-toplevel-pos (syntax-ppss 4))))", "((1 1 2 nil nil t 0 nil nil (1) 9) (1 1 2 nil nil t 0 nil nil (1) 9) 5 (1 1 2 nil nil nil 0 nil nil (1) nil) 3 1)"],
    ["(with-temp-buffer (insert \"abc\") (list (condition-case e (parse-partial-sexp 3 1) (error e)) (condition-case e (parse-partial-sexp 1 10) (error (car e))) (condition-case e (parse-partial-sexp 1 3 'x) (error e))))", "((error \"End position is smaller than start position\") args-out-of-range (wrong-type-argument fixnump x))"],
    ["(with-temp-buffer (set-syntax-table emacs-lisp-mode-syntax-table) (insert \"(foo \\\"bar\\\" ;; baz\\n  qux)\") (list (nth 3 (syntax-ppss 8)) (nth 4 (syntax-ppss 15)) (nth 8 (syntax-ppss 15)) (nth 0 (syntax-ppss 20)) (nth 1 (syntax-ppss 20)) (nth 9 (syntax-ppss 20))))", "(34 t 12 1 1 (1))"],
  ];
  for (const [form, expected] of table) {
    it(`${form} => ${expected}`, () => {
      expect(lisp(`(condition-case e ${form} (error (list 'ERROR e)))`)).toBe(expected);
    });
  }
});

describe('parse-partial-sexp on a bad OLDSTATE', () => {
  // GNU Emacs loops forever on this one.
  it('signals circular-list for a circular list of open parens', () => {
    expect(lisp("(with-temp-buffer (insert \"abc\") (condition-case e (parse-partial-sexp 1 2 nil nil (list 0 nil nil nil nil nil 0 nil nil (let ((l (list 1 2))) (setcdr (cdr l) l) l))) (error (car e))))")).toBe('circular-list');
  });
});

// As above, four syntax set-ups (standard; Emacs Lisp; C-like; nested
// comments and fences), random regions, TARGETDEPTH, STOPBEFORE and
// COMMENTSTOP, and sometimes OLDSTATE from a parse of the region's first
// part, up to MID: (MODE TEXT FROM TO TARGET STOPBEFORE COMMENTSTOP MID (STATE POINT)).
describe('parsing random texts as Emacs does', () => {
  beforeAll(() => {
    lisp(`(defun syntax-ppss-test-case (mode text from to target stopbefore cstop mid)
      (with-temp-buffer
        (pcase mode
          (1 (set-syntax-table emacs-lisp-mode-syntax-table))
          (2 (let ((st (make-syntax-table))) (modify-syntax-entry ?/ ". 124b" st) (modify-syntax-entry ?* ". 23" st) (modify-syntax-entry ?\\n "> b" st) (set-syntax-table st)))
          (3 (let ((st (make-syntax-table))) (modify-syntax-entry ?! "!" st) (modify-syntax-entry ?| "|" st) (modify-syntax-entry ?# "< n" st) (modify-syntax-entry ?@ "> n" st) (modify-syntax-entry ?' "_ p" st) (set-syntax-table st))))
        (insert text)
        (let ((old (and mid (parse-partial-sexp from mid))))
          (list mode text from to target stopbefore cstop mid
                (list (parse-partial-sexp (or mid from) to target stopbefore old cstop) (point))))))`);
  });
  const cases: string[] = [
    "(0 \"?#\n\\\"*/\n\" 2 2 nil nil syntax-table nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(0 \"}]$//*/{bc`'\" 10 11 2 nil syntax-table 10 ((0 nil 10 nil nil nil 0 nil nil nil nil) 11))",
    "(0 \"bc\n).@'[\" 2 2 nil nil syntax-table nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(0 \"a@`;.'.*/||;\" 5 6 2 nil t 6 ((0 nil nil nil nil nil 0 nil nil nil nil) 6))",
    "(0 \" a\\\\`}}@*!#bc..//)\" 5 16 nil t nil nil ((-2 nil nil nil nil nil -2 nil nil nil nil) 8))",
    "(0 \"{'*/`#'\\\")@$)[bc|\" 5 7 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 7))",
    "(0 \"?|\\\"\n${\\\"!!\n\" 5 10 1 nil nil nil ((1 6 nil nil nil nil 0 nil nil (6) nil) 7))",
    "(0 \"/.]@\n]@'`$}/@)/*\" 7 15 nil nil nil nil ((-2 nil 12 nil nil nil -2 nil nil nil nil) 15))",
    "(0 \"#`*/|$/*(@\" 1 2 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(0 \"\\\"],.\\\\'/*|/]\" 7 12 -2 nil nil nil ((-1 nil 7 nil nil nil -1 nil nil nil nil) 12))",
    "(1 \"\\\\\" 1 2 nil nil nil nil ((0 nil nil nil nil t 0 nil nil nil 9) 2))",
    "(1 \")}$*/`?/\" 1 8 nil nil t nil ((-1 nil 2 nil nil nil -1 nil nil nil nil) 8))",
    "(1 \"*/\" 3 3 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 3))",
    "(1 \"?{){{(!\" 5 6 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 5))",
    "(1 \"`[!)(\\\\(}#[\" 4 8 nil nil nil nil ((0 5 6 nil nil nil -1 nil nil (5) nil) 8))",
    "(1 \"bc\\\"\" 1 4 nil nil nil 1 ((0 nil 1 34 nil nil 0 nil 3 nil nil) 4))",
    "(1 \"\n!a]#}{]a]\" 9 11 -2 nil nil nil ((-1 nil 9 nil nil nil -1 nil nil nil nil) 11))",
    "(1 \" |)a([)\" 2 5 nil nil nil nil ((-1 nil 4 nil nil nil -1 nil nil nil nil) 5))",
    "(1 \"|\n*//@\n|{'#\" 5 9 nil nil nil nil ((0 nil 8 nil nil nil 0 nil nil nil nil) 9))",
    "(1 \"/?a\\\\[[@]';\" 4 4 -1 nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 4))",
    "(1 \"`a?\" 1 2 -1 nil nil 1 ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(1 \"#]?/\n?a)*[/?#/@\" 11 16 nil nil syntax-table nil ((0 nil 11 nil nil nil 0 nil nil nil nil) 16))",
    "(1 \"\n\" 2 2 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(1 \"?\n``,(,\\\"\\\"\" 7 9 nil nil nil 9 ((0 nil nil 34 nil nil 0 nil 8 nil nil) 9))",
    "(1 \"\\\\@.;!/*;/\" 9 10 nil nil nil 10 ((0 nil nil nil nil nil 0 nil nil nil nil) 10))",
    "(1 \"(.a;'#!|;bc`@;\" 10 13 nil nil nil nil ((0 nil 10 nil nil nil 0 nil nil nil nil) 13))",
    "(1 \"`\" 2 2 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(1 \"#\\\\.(?\\\\\\\"#[\" 3 6 nil t nil 6 ((1 4 nil nil nil nil 1 nil nil (4) nil) 6))",
    "(1 \"/**/)|}'a.@##?bc@!#\" 2 13 -2 nil t nil ((-1 nil 6 nil nil nil -1 nil nil nil nil) 13))",
    "(1 \"!\n*/[*\\\"/)*\" 6 8 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 6))",
    "(1 \"'`]*/[`](,}\" 1 10 0 nil nil 7 ((0 9 nil nil nil nil -1 nil nil (9) nil) 10))",
    "(1 \"*\" 1 1 nil nil nil 1 ((0 nil nil nil nil nil 0 nil nil nil nil) 1))",
    "(1 \"'` (};( .?bc(bc\" 7 12 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 7))",
    "(1 \"#;[{?,bc*/!.,a|\n\" 8 10 nil nil syntax-table 10 ((0 nil nil nil nil nil 0 nil nil nil nil) 10))",
    "(1 \"| bc}/*a#@\\\\*/\\\"?[)[)\" 2 11 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 3))",
    "(1 \" #)]?\" 2 4 nil nil nil nil ((-1 nil nil nil nil nil -1 nil nil nil nil) 4))",
    "(1 \"/`\\\"[\\\"$//*\\\\?\n//*\" 9 10 nil t syntax-table nil ((0 nil nil nil nil nil 0 nil nil nil nil) 9))",
    "(1 \"{[;,\" 2 4 nil t nil 2 ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(1 \"`\n{bc?'\\\\|/*[ \" 9 11 nil nil t nil ((0 nil 9 nil nil nil 0 nil nil nil nil) 11))",
    "(1 \"*/]*/.?'`[])#/*.('*/\" 16 21 nil nil nil nil ((1 17 19 nil nil nil 0 nil nil (17) nil) 21))",
    "(1 \"])/a).{].\" 4 10 nil t nil 9 ((-2 nil nil nil nil nil -2 nil nil nil nil) 9))",
    "(1 \"$$;$bcbc}[,))/\\\"|#}\" 15 19 nil nil nil nil ((0 nil nil 34 nil nil 0 nil 15 nil nil) 19))",
    "(1 \"\\\",*/$ ][? ##[$'@\" 14 16 nil nil nil nil ((0 nil 14 nil nil nil 0 nil nil nil nil) 16))",
    "(1 \"@/*/(@\\\\*;'\" 2 7 nil nil syntax-table 5 ((1 5 nil nil nil nil 0 nil nil (5) nil) 7))",
    "(1 \"@\\\\|)a*\" 2 6 nil nil syntax-table nil ((-1 nil 5 nil nil nil -1 nil nil nil nil) 6))",
    "(1 \"@\" 1 2 -2 t t nil ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(2 \"@@/*\n/a.`(bc@!\" 4 8 nil nil nil nil ((0 nil 7 nil nil nil 0 nil nil nil nil) 8))",
    "(2 \"a``@(a,}$ @.|\" 6 10 0 nil nil nil ((-1 nil 9 nil nil nil -1 nil nil nil nil) 10))",
    "(2 \"]#\" 2 3 nil nil nil 3 ((0 nil nil nil nil nil 0 nil nil nil nil) 3))",
    "(2 \"/*'((\\\"]'\" 3 8 nil nil syntax-table nil ((2 5 nil 34 nil nil 0 nil 6 (4 5) nil) 7))",
    "(2 \" `\" 1 3 nil nil t nil ((0 nil nil nil nil nil 0 nil nil nil nil) 3))",
    "(2 \"*/bc*?a;|(.\\\\?\" 6 7 -2 t syntax-table nil ((0 nil nil nil nil nil 0 nil nil nil nil) 7))",
    "(2 \";[]?\n'/#'!\n'\\\"\" 2 4 2 nil nil nil ((0 nil 2 nil nil nil 0 nil nil nil nil) 4))",
    "(2 \" */, \" 4 6 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 6))",
    "(2 \")*\\\\)|[bc ()?`]#\" 5 12 nil nil nil nil ((1 6 10 nil nil nil 0 nil nil (6) nil) 12))",
    "(2 \"?!||,\n;;\\\\`\" 2 8 nil nil nil nil ((0 nil 3 nil nil nil 0 nil nil nil nil) 8))",
    "(2 \" /*\" 2 4 0 nil t 2 ((0 nil nil nil t nil 0 nil 2 nil nil) 4))",
    "(2 \"!)`\\\"\\\\]\" 4 5 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 4))",
    "(2 \"?[{\" 1 3 nil nil nil nil ((1 2 nil nil nil nil 0 nil nil (2) nil) 3))",
    "(2 \"[/*{/( )]@\" 3 11 nil nil nil nil ((0 nil 4 nil nil nil 0 nil nil nil nil) 11))",
    "(2 \"@{).?;*/{)/*}/\" 7 8 nil nil nil nil ((0 nil nil nil nil nil 0 nil nil nil 393217) 8))",
    "(2 \"'{;\\\"@`*/bc|]$/*@*/)\\\\\" 9 21 nil nil nil nil ((-2 nil 13 nil nil t -2 nil nil nil 9) 21))",
    "(2 \"[\\\"/*;\" 1 3 nil nil syntax-table nil ((1 1 nil 34 nil nil 0 nil 2 (1) nil) 3))",
    "(2 \"@\\\"*?\" 1 4 0 nil nil nil ((0 nil nil 34 nil nil 0 nil 2 nil 393217) 4))",
    "(2 \"(\" 2 2 -1 nil nil 2 ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(2 \"#;\" 2 3 nil t nil nil ((0 nil nil nil nil nil 0 nil nil nil nil) 3))",
    "(2 \"'\" 1 2 nil t nil 1 ((0 nil nil nil nil nil 0 nil nil nil nil) 2))",
    "(2 \"]'); '#/*[bc\\\"!?bc}a\" 6 10 nil nil nil nil ((0 nil nil nil t nil 0 nil 8 nil nil) 10))",
    "(2 \",\\\\$*/||}#}\" 5 7 nil nil nil nil ((0 nil 6 nil nil nil 0 nil nil nil nil) 7))",
    "(2 \"/*'{}@|bc{{\" 9 11 nil nil nil 11 ((1 10 nil nil nil nil 1 nil nil (10) nil) 11))",
  ];
  for (const printed of cases) {
    it(printed, () => {
      expect(lisp(`(apply #'syntax-ppss-test-case (butlast (car (read-from-string ${JSON.stringify(printed)}))))`)).toBe(printed);
    });
  }
});
