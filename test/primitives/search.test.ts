// The search builtins (search.c, and the subr.el / regexp-opt.el functions
// built on them): Lisp in, printed Lisp out. Every expected value was
// produced by GNU Emacs 28.2 (-Q --batch) evaluating the same form inside
// with-temp-buffer, printed with print-escape-newlines; errors show as
// "ERR (SYMBOL . DATA)".
import { describe, it, expect } from 'vitest';
import { evaluate, printLikeTheTable } from './emacs-table.js';

printLikeTheTable();

describe("replace-regexp-in-string", () => {
  it.each<[string, string]>([
    ["(replace-regexp-in-string \" a\" \"xy\" \" A\")", "\"xy\""],
    ["(replace-regexp-in-string \"a b\" \"xy\" \"a B\")", "\"xy\""],
    ["(replace-regexp-in-string \"\\\\(\\\\w+\\\\)\" \"<\\\\1>\" \"hello World\")", "\"<hello> <World>\""],
    ["(replace-regexp-in-string \"o\" (lambda (m) (upcase m)) \"foo boo\")", "\"fOO bOO\""],
    ["(replace-regexp-in-string \"[aeiou]\" (lambda (m) (string-match \"x\" \"x\") \"_\") \"education\")", "\"_d_c_t__n\""],
    ["(replace-regexp-in-string \"b\" \"X\" \"abcb\" nil nil nil 2)", "\"cX\""],
    ["(replace-regexp-in-string \"x\" \"y\" \"abc\" nil nil nil 5)", "ERR (args-out-of-range \"abc\" 5 3)"],
    ["(replace-regexp-in-string \"1ab\" \"xy\" \"1AB\")", "\"XY\""],
    ["(replace-regexp-in-string \"ab\" \"xy\" \"Ab\")", "\"Xy\""],
    ["(replace-regexp-in-string \"ab\" \"xy zw\" \"AB\")", "\"XY ZW\""],
    ["(replace-regexp-in-string \"a\" \"xy\" \"A\")", "\"XY\""],
    ["(replace-regexp-in-string \"ab cd\" \"xy zw\" \"Ab Cd\")", "\"Xy Zw\""],
    ["(replace-regexp-in-string \"ab cd\" \"xy zw\" \"Ab cd\")", "\"xy zw\""],
    ["(replace-regexp-in-string \"ab cd\" \"xy zw\" \"AB cd\")", "\"xy zw\""],
    ["(replace-regexp-in-string \"a b\" \"xy zw\" \"A B\")", "\"XY ZW\""],
    ["(replace-regexp-in-string \"ab\" \"xY\" \"Ab\")", "\"XY\""],
    ["(replace-regexp-in-string \"ab\" \"\\\\&-x\" \"Ab\")", "\"Ab-X\""],
    ["(replace-regexp-in-string \"ab\" \"x\\\\&\" \"AB\")", "\"XAB\""],
    ["(replace-regexp-in-string \"-ab\" \"x\" \"-AB\")", "\"X\""],
    ["(replace-regexp-in-string \"1a\" \"xy\" \"1A\")", "\"XY\""],
    ["(replace-regexp-in-string \"é\" \"xy\" \"É\")", "\"XY\""],
    ["(replace-regexp-in-string \"\\\\(b\\\\)\\\\(c\\\\)\" \"X\" \"abcd\" nil nil 2)", "\"abXd\""],
    ["(replace-regexp-in-string \"\\\\(b\\\\)?c\" \"X\" \"abcd\" nil nil 1)", "\"aXcd\""],
    ["(replace-regexp-in-string \"\" \"-\" \"abc\")", "\"-a-b-c\""],
    ["(replace-regexp-in-string \"x*\" \"-\" \"abc\")", "\"-a-b-c\""],
    ["(replace-regexp-in-string \"^\" \"-\" \"a\\nb\\n\")", "\"-a\\n-b\\n-\""],
    ["(replace-regexp-in-string \"b\\\\|\\\\`a\" \"-\" \"ab\")", "\"--\""],
    ["(replace-regexp-in-string \"a\" \"b\" \"aaa\" nil nil nil -1)", "\"b\""],
    ["(replace-regexp-in-string \"\\\\(x\\\\)?a\" \"[\\\\1]\" \"aa\")", "\"[][]\""],
    ["(replace-regexp-in-string \"A\" \"b\" \"aA\")", "\"bB\""],
    ["(let ((case-fold-search nil)) (replace-regexp-in-string \"A\" \"b\" \"aA\"))", "\"aB\""],
    ["(replace-regexp-in-string \"[[:space:]]+\" \"_\" \" a  b \")", "\"_a_b_\""],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("replace-match", () => {
  it.each<[string, string]>([
    ["(let ((s \"hello\")) (string-match \"l+\" s) (list (replace-match \"L\" nil nil s) (match-data)))", "(\"heLo\" (2 4))"],
    ["(with-temp-buffer (insert \"Hello World\") (goto-char 1) (re-search-forward \"world\") (replace-match \"earth\") (list (buffer-string) (point)))", "(\"Hello Earth\" 12)"],
    ["(with-temp-buffer (insert \"HELLO WORLD\") (goto-char 1) (re-search-forward \"world\") (replace-match \"earth\") (list (buffer-string) (point)))", "(\"HELLO EARTH\" 12)"],
    ["(with-temp-buffer (insert \"hello\") (goto-char 1) (re-search-forward \"l+\") (replace-match \"\\\\\\\\\") (buffer-string))", "\"he\\\\o\""],
    ["(with-temp-buffer (insert \"a.b\") (goto-char 1) (re-search-forward \"\\\\(a\\\\)\\\\.\\\\(b\\\\)\") (replace-match \"\\\\2\\\\1\" nil nil nil 0) (list (buffer-string) (match-data t)))", "(\"ba\" (1 3 1 1 1 3 #<killed buffer>))"],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\1]\" t nil \"ab\"))", "\"[a]\""],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\&]\" t nil \"ab\" 1))", "\"[a]b\""],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\0]\" t nil \"ab\"))", "ERR (error \"Invalid use of ‘\\\\’ in replacement text\")"],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\?]\" t nil \"ab\"))", "\"[\\\\?]\""],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\x]\" t nil \"ab\"))", "ERR (error \"Invalid use of ‘\\\\’ in replacement text\")"],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\2]\" t nil \"ab\"))", "\"[]\""],
    ["(progn (string-match \"\\\\(a\\\\)\\\\|b\" \"b\") (replace-match \"[\\\\1]\" t nil \"b\"))", "\"[]\""],
    ["(progn (string-match \"\\\\(a\\\\)b\" \"ab\") (replace-match \"[\\\\\" t nil \"ab\"))", "ERR (error \"Invalid use of ‘\\\\’ in replacement text\")"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\|b\" \"b\") (replace-match \"x\" t t \"b\" 1))", "ERR (error \"replace-match subexpression does not exist\" 1)"],
    ["(progn (string-match \"a\" \"xa\") (replace-match \"x\" t t \"b\"))", "ERR (args-out-of-range 1 2)"],
    ["(progn (string-match \"ab\" \"xab\") (list (replace-match \"Q\" t t \"xab\") (match-data)))", "(\"xQ\" (1 3))"],
    ["(with-temp-buffer (insert \"hello world\") (goto-char 1) (re-search-forward \"\\\\(hel\\\\)lo \\\\(world\\\\)\") (replace-match \"HI\" t t nil 1) (list (match-data t) (point) (buffer-string)))", "((1 11 1 3 6 11 #<killed buffer>) 3 \"HIlo world\")"],
    ["(with-temp-buffer (insert \"hello world\") (goto-char 1) (re-search-forward \"\\\\(hel\\\\)lo \\\\(world\\\\)\") (replace-match \"[\\\\?]\" t nil nil 1) (list (match-data t) (point) (buffer-string)))", "ERR (error \"Invalid use of ‘\\\\’ in replacement text\")"],
    ["(with-temp-buffer (insert \"hello world\") (goto-char 1) (re-search-forward \"\\\\(hel\\\\)lo \\\\(world\\\\)\") (replace-match \"[\\\\x]\" t nil nil 1) (list (match-data t) (point) (buffer-string)))", "ERR (error \"Invalid use of ‘\\\\’ in replacement text\")"],
    ["(with-temp-buffer (insert \"hello world\") (goto-char 1) (re-search-forward \"\\\\(hel\\\\)lo \\\\(world\\\\)\") (replace-match \"[\\\\&]\" t nil nil 1) (list (match-data t) (point) (buffer-string)))", "((1 14 1 6 9 14 #<killed buffer>) 6 \"[hel]lo world\")"],
    ["(with-temp-buffer (insert \"hello world\") (goto-char 1) (re-search-forward \"\\\\(hel\\\\)lo \\\\(world\\\\)\") (goto-char 3) (replace-match \"[\\\\2]\" t nil nil) (list (match-data t) (point) (buffer-string)))", "((1 8 1 1 1 8 #<killed buffer>) 8 \"[world]\")"],
    ["(progn (string-match \"\\\\(?:x\\\\)?\" \"a\") (replace-match \"x\" t t \"a\" 1))", "ERR (error \"replace-match subexpression does not exist\" 1)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (string-match \"a\" \"a\") (replace-match \"x\" t t \"a\" 2))", "ERR (error \"replace-match subexpression does not exist\" 2)"],
    ["(progn (set-match-data '(0 1 0 1 0 1 0 1)) (string-match \"a\" \"a\") (replace-match \"x\" t t \"a\" 2))", "ERR (error \"replace-match subexpression does not exist\" 2)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (set-match-data '(0 1)) (replace-match \"x\" t t \"a\" 2))", "ERR (error \"replace-match subexpression does not exist\" 2)"],
    ["(with-temp-buffer (insert \"one two three\") (goto-char 1) (while (re-search-forward \"\\\\w+\" nil t) (replace-match \"<\\\\&>\")) (buffer-string))", "\"<one> <two> <three>\""],
    ["(with-temp-buffer (insert \"foo123\") (goto-char 1) (re-search-forward \"[0-9]+\") (replace-match \"X\" t t) (list (buffer-string) (point) (match-data t)))", "(\"fooX\" 5 (4 5 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"x\") (goto-char 1) (re-search-forward \"\\\\(y\\\\)?x\") (replace-match \"Z\" t t nil 1))", "ERR (error \"replace-match subexpression does not exist\" 1)"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (re-search-forward \"b\") (replace-match \"\\\\1\"))", "nil"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (re-search-forward \"\\\\(b\\\\)\") (replace-match \"\\\\2\\\\1\" t) (buffer-string))", "\"abc\""],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("regexp-opt and regexp-quote", () => {
  it.each<[string, string]>([
    ["(regexp-opt '(\"cat\" \"dog\" \"cow\"))", "\"\\\\(?:c\\\\(?:at\\\\|ow\\\\)\\\\|dog\\\\)\""],
    ["(regexp-opt '(\"cat\" \"dog\" \"cow\") t)", "\"\\\\(c\\\\(?:at\\\\|ow\\\\)\\\\|dog\\\\)\""],
    ["(regexp-opt '(\"cat\" \"dog\" \"cow\") 'words)", "\"\\\\<\\\\(c\\\\(?:at\\\\|ow\\\\)\\\\|dog\\\\)\\\\>\""],
    ["(regexp-opt '(\"cat\" \"dog\" \"cow\") 'symbols)", "\"\\\\_<\\\\(c\\\\(?:at\\\\|ow\\\\)\\\\|dog\\\\)\\\\_>\""],
    ["(regexp-opt '(\"if\" \"else\" \"elif\" \"while\" \"for\" \"foreach\" \"return\"))", "\"\\\\(?:el\\\\(?:if\\\\|se\\\\)\\\\|for\\\\(?:each\\\\)?\\\\|if\\\\|return\\\\|while\\\\)\""],
    ["(regexp-opt '(\"a\" \"b\" \"c\" \"d\" \"e\"))", "\"[a-e]\""],
    ["(regexp-opt '(\"a\" \"b\" \"ab\" \"abc\"))", "\"\\\\(?:abc?\\\\|[ab]\\\\)\""],
    ["(regexp-opt '(\"\" \"a\" \"b\"))", "\"[ab]?\""],
    ["(regexp-opt '(\"]\" \"^\" \"-\" \"a\"))", "\"[]a^-]\""],
    ["(regexp-opt '(\"^\" \"-\"))", "\"[-^]\""],
    ["(regexp-opt '(\"^\"))", "\"\\\\^\""],
    ["(regexp-opt '(\"x.y\" \"x*z\"))", "\"\\\\(?:x\\\\(?:\\\\*z\\\\|\\\\.y\\\\)\\\\)\""],
    ["(regexp-opt nil)", "\"\\\\(?:\\\\`a\\\\`\\\\)\""],
    ["(regexp-opt nil t)", "\"\\\\(\\\\`a\\\\`\\\\)\""],
    ["(regexp-opt '(\"foo\" \"foobar\" \"foobaz\") \"\\\\(?1:\")", "\"\\\\(?1:foo\\\\(?:ba[rz]\\\\)?\\\\)\""],
    ["(regexp-opt '(\"ad\" \"d\" \"bd\"))", "\"\\\\(?:[ab]?d\\\\)\""],
    ["(regexp-opt '(\"abc\" \"abd\" \"xbc\" \"xbd\"))", "\"\\\\(?:ab[cd]\\\\|xb[cd]\\\\)\""],
    ["(regexp-opt-depth \"\\\\(a\\\\)\\\\(?:b\\\\)\\\\(c\\\\(d\\\\)\\\\)\")", "3"],
    ["(regexp-opt-charset '(?a ?b ?c ?d ?x))", "\"[a-dx]\""],
    ["(regexp-quote \"a.b*c[d]e^f$g\\\\h?i+j\")", "\"a\\\\.b\\\\*c\\\\[d]e\\\\^f\\\\$g\\\\\\\\h\\\\?i\\\\+j\""],
    ["(regexp-quote \"plain\")", "\"plain\""],
    ["(regexp-quote \"\")", "\"\""],
    ["(regexp-opt '(\"abc\"))", "\"\\\\(?:abc\\\\)\""],
    ["(regexp-opt '(\"a\"))", "\"a\""],
    ["(regexp-opt '(\"a\") t)", "\"\\\\(a\\\\)\""],
    ["(regexp-opt '(\"a\" \"b\") 'words)", "\"\\\\<\\\\([ab]\\\\)\\\\>\""],
    ["(regexp-opt '(\"foo\" \"bar\" \"baz\" \"qux\" \"quux\"))", "\"\\\\(?:ba[rz]\\\\|foo\\\\|qu\\\\(?:u?x\\\\)\\\\)\""],
    ["(let ((re (regexp-opt '(\"if\" \"else\" \"elif\" \"while\" \"for\")))) (mapcar (lambda (s) (and (string-match (concat \"\\\\`\" re \"\\\\'\") s) t)) '(\"if\" \"else\" \"elif\" \"while\" \"for\" \"el\" \"whilex\")))", "(t t t t t nil nil)"],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("skip-chars and skip-syntax", () => {
  it.each<[string, string]>([
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (skip-chars-forward \"a-z\") (point) (skip-chars-forward \"^z\") (point) (skip-chars-backward \"^ \") (point) (skip-chars-forward \"a-z \" 6) (point)))", "(3 4 7 11 -2 9 0 9)"],
    ["(with-temp-buffer (insert \"  \\t foo123_bar-baz;\") (goto-char 1) (list (skip-chars-forward \"[:space:]\") (point) (skip-chars-forward \"[:alpha:]\") (skip-chars-forward \"[:alnum:]_\") (point) (skip-chars-forward \"\\\\-a-z\") (point)))", "(4 5 3 7 15 4 19)"],
    ["(with-temp-buffer (insert \"ab]-^c\") (goto-char 1) (list (skip-chars-forward \"]a-c\") (skip-chars-forward \"-^\") (point)))", "(3 2 6)"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 1) (skip-chars-forward \"[:foo:]\"))", "ERR (error \"Invalid ISO C character class\")"],
    ["(with-temp-buffer (insert \"  foo-bar (x)\") (goto-char 1) (list (skip-syntax-forward \" \") (skip-syntax-forward \"w_\") (point) (skip-syntax-forward \"^(\") (point) (skip-syntax-backward \"^ \") (point)))", "(2 7 10 1 11 0 11)"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (skip-syntax-forward \"Z\"))", "0"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (list (skip-syntax-forward \"w\" 2) (point) (skip-syntax-forward \"w\" 10) (point)))", "(1 2 2 4)"],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("match data", () => {
  it.each<[string, string]>([
    ["(list (string-match \"\\\\(a\\\\)\\\\|\\\\(b\\\\)\" \"b\") (match-data))", "(0 (0 1 nil nil 0 1))"],
    ["(list (string-match \"foo\\\\|\" \"bar\") (match-data))", "(0 (0 0))"],
    ["(list (string-match \"\\\\(?:\\\\)\" \"bar\") (match-data))", "(0 (0 0))"],
    ["(list (string-match \"a\\\\{,2\\\\}\" \"aaa\") (match-data))", "(0 (0 2))"],
    ["(list (string-match \"\\\\(a\\\\|b\\\\)\\\\{2,\\\\}\" \"xababa\") (match-data))", "(1 (1 6 5 6))"],
    ["(list (string-match \"\\\\(a\\\\|b\\\\)\\\\{2,\\\\}?\" \"xababa\") (match-data))", "(0 (0 0))"],
    ["(list (string-match \"\\\\(a\\\\)*?b\" \"aab\") (match-data))", "(0 (0 3 1 2))"],
    ["(list (string-match \"\\\\(?:\\\\(a\\\\)\\\\|\\\\(b\\\\)\\\\)+\" \"ab\") (match-data))", "(0 (0 2 0 1 1 2))"],
    ["(list (string-match \"\\\\(a*\\\\)+?b\" \"aab\") (match-data))", "(0 (0 3 0 2))"],
    ["(list (string-match \"\\\\(a*?\\\\)*b\" \"aab\") (match-data))", "(0 (0 3 2 2))"],
    ["(list (string-match \"\\\\(\\\\)\\\\1*\" \"x\") (match-data))", "(0 (0 0 0 0))"],
    ["(list (string-match \"\\\\([ab]\\\\)\\\\1+\" \"xabbba\") (match-data))", "(2 (2 5 2 3))"],
    ["(list (string-match \"\\\\=a\" \"a\") (match-data))", "(nil (2 5 2 3))"],
    ["(list (string-match \"a\\\\W*b\" \"a, b\") (match-data))", "(0 (0 4))"],
    ["(list (string-match \"\\\\Sw+\" \"ab, cd\") (match-data))", "(2 (2 4))"],
    ["(list (string-match \"\\\\s(\\\\S)*\\\\s)\" \"x (ab) y\") (match-data))", "(2 (2 6))"],
    ["(list (string-match \"\\\\b\" \"  \") (match-data))", "(0 (0 0))"],
    ["(list (string-match \"\\\\B\" \"  \") (match-data))", "(1 (1 1))"],
    ["(list (string-match \"\\\\_>\" \"a-b c\") (match-data))", "(3 (3 3))"],
    ["(list (string-match \"\\\\>\" \"a-b c\") (match-data))", "(1 (1 1))"],
    ["(list (string-match \"a$\" \"a\\n\") (match-data))", "(0 (0 1))"],
    ["(list (string-match \"^$\" \"a\\n\\nb\") (match-data))", "(2 (2 2))"],
    ["(list (string-match \"^\" \"ab\" 1) (match-data))", "(nil (2 2))"],
    ["(list (string-match \"\\\\`\" \"ab\" 1) (match-data))", "(nil (2 2))"],
    ["(list (string-match \"$\" \"ab\" 1) (match-data))", "(2 (2 2))"],
    ["(progn (string-match \"b\" \"abc\") (match-data t))", "(1 2)"],
    ["(progn (set-match-data '(1 2 nil nil 3 4)) (list (match-data) (match-beginning 1) (match-beginning 2)))", "((1 2 nil nil 3 4) nil 3)"],
    ["(progn (set-match-data '(1 2 3)) (match-data))", "(1 2)"],
    ["(progn (set-match-data nil) (match-data))", "nil"],
    ["(progn (set-match-data '(a b)) (match-data))", "ERR (wrong-type-argument integer-or-marker-p a)"],
    ["(set-match-data 1)", "ERR (wrong-type-argument listp 1)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (string-match \"a\" \"a\") (match-data))", "(0 1)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (set-match-data '(0 1)) (match-data))", "(0 1)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (string-match-p \"a\" \"a\") (match-data))", "(0 3 0 1 1 2 2 3)"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)\\\\(c\\\\)\" \"abc\") (string-match \"\\\\(?:a\\\\)\\\\(b\\\\)?\" \"a\") (match-data))", "(0 1)"],
    ["(progn (string-match \"\\\\(?5:a\\\\)\" \"a\") (match-data))", "(0 1 nil nil nil nil nil nil nil nil 0 1)"],
    ["(progn (set-match-data '(0 1)) (match-beginning 0))", "0"],
    ["(progn (set-match-data (list 1 2 (make-marker) 3)) (match-data))", "(1 2 0 3)"],
    ["(list (string-match \"\\\\(?:\\\\(a\\\\)\\\\|\\\\(b\\\\)\\\\)\" \"b\") (match-data))", "(0 (0 1 nil nil 0 1))"],
    ["(progn (string-match \"b\" \"abc\") (list (match-data) (progn (string-match-p \"c\" \"abc\") (match-data))))", "((1 2) (1 2))"],
    ["(progn (string-match \"b\" \"abc\") (let ((inhibit-changing-match-data t)) (string-match \"c\" \"abc\")) (match-data))", "(1 2)"],
    ["(progn (string-match \"b\" \"abc\") (save-match-data (string-match \"c\" \"abc\")) (match-data))", "(1 2)"],
    ["(progn (string-match \"b\" \"abc\") (string-match \"z\" \"abc\") (match-data))", "(1 2)"],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("buffer searches", () => {
  it.each<[string, string]>([
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (re-search-forward \"ba\\\\(.\\\\)\" nil t 2) (point) (match-data t)))", "(12 12 (9 12 11 12 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char (point-max)) (list (re-search-backward \"ba\\\\(.\\\\)\" nil t 2) (point) (match-data t)))", "(5 5 (5 8 7 8 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char (point-max)) (list (re-search-backward \"ba\\\\(.\\\\)\" 6 t 2) (point) (match-data t)))", "(nil 12 (9 12 11 12 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char (point-max)) (list (re-search-backward \"ba\\\\(.\\\\)\" 6 1 2) (point) (match-data t)))", "(nil 6 (9 12 11 12 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (re-search-forward \"z\" 5 t) (point)))", "(nil 1)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (re-search-forward \"z\" 5 'x) (point)))", "(nil 5)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (condition-case e (re-search-forward \"z\" 5) (search-failed e)) (point)))", "((search-failed \"z\") 1)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (search-forward \"BAR\" nil t) (point)))", "(8 8)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (let ((case-fold-search nil)) (list (search-forward \"BAR\" nil t) (point))))", "(nil 1)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (search-forward \"a\" nil t -1) (point)))", "(nil 1)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 5) (list (search-backward \"o\" nil t) (point) (match-data t)))", "(3 3 (3 4 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 3) (list (search-backward \"oo\" nil t) (point)))", "(nil 3)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (search-forward \"a.b\" nil t) (point)))", "(nil 1)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 1) (list (looking-at \"fo+\") (match-data t) (looking-at \"bar\") (looking-at-p \"f\")))", "(t (1 4 #<killed buffer>) nil t)"],
    ["(with-temp-buffer (insert \"foo bar baz\") (goto-char 8) (list (looking-back \"bar\") (match-data t) (looking-back \"a\") (looking-back \"o+ bar\" 3) (looking-back \"o+ bar\" 4)))", "(t (5 8 #<killed buffer>) nil t nil)"],
    ["(with-temp-buffer (insert \"aaa bar\") (goto-char 4) (list (looking-back \"a+\" nil) (match-data t) (looking-back \"a+\" nil t) (match-data t)))", "(t (3 4 #<killed buffer>) t (1 4 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"foo bar baz\") (narrow-to-region 5 8) (goto-char 5) (list (re-search-forward \"\\\\`bar\\\\'\" nil t) (progn (goto-char 5) (re-search-forward \"^bar$\" nil t)) (progn (goto-char 5) (re-search-forward \"\\\\bbar\\\\b\" nil t)) (progn (goto-char 5) (re-search-forward \"a\" nil t 5))))", "(8 8 8 nil)"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (re-search-forward \"b\") (list (match-string 0) (match-string-no-properties 0) (match-beginning 0) (match-end 0) (match-beginning 1)))", "(\"b\" \"b\" 2 3 nil)"],
    ["(with-temp-buffer (insert \"abcabc\") (goto-char 1) (list (re-search-forward \"\" nil t) (point) (re-search-forward \"c\" nil t 0) (point) (match-data t)))", "(1 1 1 1 (1 1 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (re-search-forward \"b\") (list (match-data) (match-data t) (match-data nil '(1 2 3 4 5)) (match-data t '(1))))", "((#<marker in no buffer> #<marker in no buffer>) (2 3 #<killed buffer>) (#<marker in no buffer> #<marker in no buffer> nil nil nil) (2 3 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (re-search-forward \"b\") (match-data t))", "(2 3 #<killed buffer>)"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 2) (list (looking-at \"b\") (match-data t) (looking-at-p \"c\") (match-data t)))", "(t (2 3 #<killed buffer>) nil (2 3 #<killed buffer>))"],
    ["(with-temp-buffer (insert \"abc\") (goto-char 1) (list (search-forward \"bc\") (match-beginning 0) (match-end 0)))", "(4 2 4)"],
    ["(with-temp-buffer (insert \"aXbxc\") (goto-char 1) (list (let ((case-fold-search t)) (search-forward \"x\" nil t 2)) (point)))", "(5 5)"],
    ["(with-temp-buffer (insert \"a\\nb\\nc\") (goto-char 1) (let (acc) (while (re-search-forward \"^\\\\(.\\\\)$\" nil t) (push (match-string 1) acc)) acc))", "(\"c\" \"b\" \"a\")"],
    ["(with-temp-buffer (insert \"one two three\") (goto-char (point-max)) (let (acc) (while (re-search-backward \"\\\\w+\" nil t) (push (point) acc)) acc))", "(1 2 3 5 6 7 9 10 11 12 13)"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 1) (re-search-forward \"a\" 2))", "2"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 2) (re-search-backward \"a\" 3))", "ERR (error \"Invalid search bound (wrong side of point)\")"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 2) (re-search-forward 'a))", "ERR (wrong-type-argument stringp a)"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 2) (re-search-forward \"[\" nil t))", "ERR (invalid-regexp \"Unmatched [ or [^\")"],
    ["(with-temp-buffer (insert \"ab\") (goto-char 1) (list (re-search-forward \"b\" (copy-marker 3) t) (point)))", "(3 3)"],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});

describe("string-match and friends", () => {
  it.each<[string, string]>([
    ["(let ((case-fold-search t)) (list (string-match \"[A-Z]+\" \"abc\") (match-end 0)))", "(0 3)"],
    ["(let ((case-fold-search t)) (list (string-match \"[^A-Z]+\" \"abc1\") (match-end 0)))", "(3 4)"],
    ["(let ((case-fold-search t)) (list (string-match \"\\\\(?:AB\\\\)\\\\{2\\\\}\" \"xabAb\") (match-end 0)))", "(1 5)"],
    ["(let ((case-fold-search t)) (string-match \"é+\" \"ÉéÉ\"))", "0"],
    ["(let ((case-fold-search t)) (list (string-match \"[[:upper:]]+\" \"éÉa1\") (match-end 0)))", "(0 3)"],
    ["(let ((case-fold-search nil)) (list (string-match \"[[:lower:]]+\" \"éÉa1\") (match-end 0)))", "(0 1)"],
    ["(list (string-match \"\\\\w+\" \"日本語 text\") (match-end 0))", "(0 3)"],
    ["(list (string-match \"\\\\cC+\" \"abc日本語\") (match-end 0))", "(3 6)"],
    ["(list (string-match \"\\\\ca+\" \"日本abc\") (match-end 0))", "(2 5)"],
    ["(list (string-match \"[[:alpha:]]+\" \"日本abc1\") (match-end 0))", "(0 5)"],
    ["(list (string-match \"\\U0001F600+\" \"x\\U0001F600\\U0001F600y\") (match-end 0))", "(1 3)"],
    ["(list (string-match \"[\\U0001F600-\\U0001F64F]\" \"ab\\U0001F601\") (match-end 0))", "(2 3)"],
    ["(list (string-match \".\" \"\\U0001F600\") (match-end 0))", "(0 1)"],
    ["(string-match \"x*c\" (make-string 2000 ?x))", "nil"],
    ["(string-match \".*c\" (make-string 2000 ?x))", "nil"],
    ["(string-match \"[a-z]+@[a-z]+\\\\.com\" \"mail me: joe@example.com now\")", "9"],
    ["(string-match \"^\\\\(a\\\\|ab\\\\)\\\\(c\\\\|bcd\\\\)\\\\(d*\\\\)$\" \"abcd\")", "0"],
    ["(string-match \"\\351\" \"\\351\")", "0"],
    ["(string-match \"é\" \"\\351\")", "nil"],
    ["(string-match \"[\\200-\\377]\" \"\\351\")", "0"],
    ["(string-match \"[[:nonascii:]]\" \"\\351\")", "nil"],
    ["(string-match \"[[:unibyte:]]\" \"\\351\")", "nil"],
    ["(list (string-match \"[^[:ascii:]]+\" \"abcé日\") (match-end 0))", "(3 5)"],
    ["(list (string-match \"[[:digit:][:punct:]]+\" \"ab12,.c\") (match-end 0))", "(2 6)"],
    ["(list (string-match \"[a-c-e]+\" \"x-ea-\") (match-end 0))", "(1 5)"],
    ["(split-string \"a1b22c333d\" \"[0-9]+\")", "(\"a\" \"b\" \"c\" \"d\")"],
    ["(split-string \"  two words  \")", "(\"two\" \"words\")"],
    ["(split-string \"a,b,,c\" \",\" t)", "(\"a\" \"b\" \"c\")"],
    ["(split-string \" a , b \" \",\" t \"[ ]+\")", "(\"a\" \"b\")"],
    ["(string-trim \"  xx  \")", "\"xx\""],
    ["(string-trim \"--xx++\" \"-+\" \"\\\\++\")", "\"xx\""],
    ["(progn (string-match \"a\" \"a\") (match-beginning -1))", "ERR (args-out-of-range -1 0)"],
    ["(progn (string-match \"a\" \"a\") (match-beginning 'x))", "ERR (wrong-type-argument fixnump x)"],
    ["(progn (string-match \"a\" \"a\") (match-string 0 \"a\"))", "\"a\""],
    ["(progn (string-match \"\\\\(a\\\\)\" \"a\") (match-string 1 \"bcd\"))", "\"b\""],
    ["(string-match \"a\" \"bab\" 5)", "ERR (args-out-of-range \"bab\" 5)"],
    ["(string-match \"a\" \"bab\" -1)", "nil"],
    ["(string-match \"a\" \"bab\" -4)", "ERR (args-out-of-range \"bab\" -4)"],
    ["(string-match \"a\" \"bab\" 3)", "nil"],
    ["(string-match 'a \"bab\")", "ERR (wrong-type-argument stringp a)"],
    ["(string-match \"a\" 'b)", "ERR (wrong-type-argument stringp b)"],
    ["(looking-at 1)", "ERR (wrong-type-argument stringp 1)"],
    ["(progn (string-match \"\\\\(a\\\\)\" \"a\") (match-beginning 2))", "nil"],
    ["(progn (string-match \"a\\\\(b\\\\)?\" \"xa\") (match-string 1 \"xa\"))", "nil"],
    ["(let ((case-fold-search t)) (string-match \"\\\\(A\\\\)\\\\1\" \"aA\"))", "0"],
    ["(let ((case-fold-search t)) (string-match \"[^a]\" \"A\"))", "nil"],
    ["(let ((case-fold-search t)) (string-match \"[[:lower:]]\" \"A\"))", "0"],
    ["(let ((case-fold-search t)) (string-match \"[[:upper:]]+\" \"aB1\"))", "0"],
    ["(let ((case-fold-search nil)) (string-match \"[[:upper:]]+\" \"aB1\"))", "1"],
    ["(let ((case-fold-search t)) (string-match \"É\" \"é\"))", "0"],
    ["(let ((case-fold-search t)) (string-match \"[À-Ö]\" \"é\"))", "0"],
    ["(let ((case-fold-search t)) (string-match \"ǅ\" \"ǆ\"))", "0"],
    ["(let ((case-fold-search t)) (string-match \"ß\" \"SS\"))", "nil"],
    ["(let ((case-fold-search t)) (string-match \"k\" \"\\u212a\"))", "nil"],
    ["(let ((case-fold-search t)) (string-match \"s\" \"ſ\"))", "nil"],
    ["(progn (string-match \"\\\\(a\\\\)\\\\(b\\\\)?\" \"ab\") (list (match-beginning 0) (match-end 0) (match-beginning 2) (match-end 2) (match-string 1 \"ab\")))", "(0 2 1 2 \"a\")"],
    ["(string-match \"a\" \"bab\" 1.0)", "ERR (wrong-type-argument fixnump 1.0)"],
    ["(string-match \"\\\\(\" \"x\")", "ERR (invalid-regexp \"Unmatched ( or \\\\(\")"],
    ["(string-match \"\\\\(?:\\\\(?:a\\\\|b\\\\)*c\\\\)\" (concat (make-string 1000 ?a) \"c\"))", "0"],
    ["(string-match \"\\\\(a\\\\|b\\\\)*c\" (make-string 200000 ?a))", "ERR (error \"Stack overflow in regexp matcher\")"],
  ])('%s evaluates as in Emacs to %s', (form, expected) => {
    expect(evaluate(form)).toBe(expected);
  });
});
