import { describe, it, expect } from 'vitest';
import '../../src/primitives/strings.js';
import { run, call, str, bytes, sym } from './lisp-helpers.js';
import { list, NIL, T, Cons, makeFloat, intern, BoolVector } from '../../src/lisp/index.js';
import { specbind, unbindTo, specpdlDepth } from '../../src/eval/state.js';

function withoutCaseFold<T>(body: () => T): T {
  const depth = specpdlDepth();
  specbind(intern('case-fold-search'), NIL);
  try {
    return body();
  } finally {
    unbindTo(depth);
  }
}

describe('concat and substring', () => {
  it('concat joins strings, lists and vectors of characters', () => {
    expect(run('concat', str('ab'), str('cd'), str(''), str('e'))).toBe('"abcde"');
    expect(run('concat')).toBe('""');
    expect(run('concat', str('a'), list(98, 99), [100], NIL)).toBe('"abcd"');
  });
  it('concat makes a multibyte result only for multibyte parts or non-ASCII characters', () => {
    expect(run('multibyte-string-p', call('concat', bytes(0xe9), str('a')))).toBe('nil');
    expect(run('multibyte-string-p', call('concat', list(233)))).toBe('t');
    expect(run('multibyte-string-p', call('concat', list(0x3fffe9)))).toBe('nil');
    expect(run('string-to-list', call('concat', bytes(0xe9), str('é')))).toBe('(4194281 233)');
    expect(run('multibyte-string-p', call('concat', str('a', true), str('b')))).toBe('t');
  });
  it('concat signals for non-sequences and non-characters', () => {
    expect(run('concat', str('a'), 1)).toBe('(ERR wrong-type-argument sequencep 1)');
    expect(run('concat', str('a'), list(sym('a')))).toBe('(ERR wrong-type-argument characterp a)');
    expect(run('concat', [4194304])).toBe('(ERR wrong-type-argument characterp 4194304)');
    expect(run('concat', str('a'), new Cons(98, 99))).toBe('(ERR wrong-type-argument listp 99)');
    expect(run('concat', new BoolVector(Uint8Array.of(1)))).toBe('(ERR wrong-type-argument integerp t)');
  });
  it('substring counts from either end and works on vectors', () => {
    expect(run('substring', str('hello'), 1, 3)).toBe('"el"');
    expect(run('substring', str('hello'), -3)).toBe('"llo"');
    expect(run('substring', str('hello'), 1, -1)).toBe('"ell"');
    expect(run('substring', str('abc'), NIL, -1)).toBe('"ab"');
    expect(run('substring', [1, 2, 3, 4], 1, 3)).toBe('[2 3]');
    expect(run('substring', str('héllo'), 1, 3)).toBe('"él"');
  });
  it('substring reports the original arguments when out of range', () => {
    expect(run('substring', str('abc'), 0, 5)).toBe('(ERR args-out-of-range "abc" 0 5)');
    expect(run('substring', str('abc'), -4)).toBe('(ERR args-out-of-range "abc" -4 nil)');
    expect(run('substring', str('abc'), 2, 1)).toBe('(ERR args-out-of-range "abc" 2 1)');
    expect(run('substring', str('abc'), sym('a'))).toBe('(ERR wrong-type-argument integerp a)');
    expect(run('substring', str('abc'), makeFloat(1))).toBe('(ERR wrong-type-argument integerp 1.0)');
    expect(run('substring', list(1, 2), 0)).toBe('(ERR wrong-type-argument arrayp (1 2))');
    expect(run('substring-no-properties', str('abc'), 5)).toBe('(ERR args-out-of-range "abc" 5 nil)');
    expect(run('substring-no-properties', [1, 2])).toBe('(ERR wrong-type-argument stringp [1 2])');
  });
  it('string-to-list and string-to-vector accept any sequence', () => {
    expect(run('string-to-list', str('abc'))).toBe('(97 98 99)');
    expect(run('string-to-list', str(''))).toBe('nil');
    expect(run('string-to-vector', str('é'))).toBe('[233]');
    expect(run('string-to-vector', NIL)).toBe('[]');
  });
  it('string-join is mapconcat with identity', () => {
    expect(run('string-join', list(str('a'), str('b'), str('c')), str(', '))).toBe('"a, b, c"');
    expect(run('string-join', list(str('a'), str('b')))).toBe('"ab"');
    expect(run('string-join', NIL, str('-'))).toBe('""');
    expect(run('string-join', [str('a'), str('b')], str(','))).toBe('"a,b"');
    expect(run('string-join', list(str('a'), sym('b')), str(','))).toBe('(ERR wrong-type-argument sequencep b)');
    expect(run('string-join', list(str('a'), str('b')), sym('x'))).toBe('(ERR wrong-type-argument sequencep x)');
  });
});

describe('comparison', () => {
  it('string= compares text and, for non-ASCII, the representation', () => {
    expect(run('string=', str('abc'), str('abc'))).toBe('t');
    expect(run('string=', str('a'), str('A'))).toBe('nil');
    expect(run('string=', sym('sym'), str('sym'))).toBe('t');
    expect(run('string=', NIL, str('nil'))).toBe('t');
    expect(run('string=', str('a'), str('a', true))).toBe('t');
    expect(run('string=', bytes(0xe9), str('é'))).toBe('nil');
    expect(run('string=', str('a'), 1)).toBe('(ERR wrong-type-argument stringp 1)');
  });
  it('string< orders by character code, shorter first', () => {
    expect(run('string<', str('abc'), str('abd'))).toBe('t');
    expect(run('string<', str('ab'), str('abc'))).toBe('t');
    expect(run('string<', str('Z'), str('a'))).toBe('t');
    expect(run('string<', str('e'), str('é'))).toBe('t');
    expect(run('string<', str('\uffff'), str('😀'))).toBe('t');
    expect(run('string<', str('\udca0'), str('a'))).toBe('nil');
    expect(run('string<', bytes(0xe9), str('é'))).toBe('nil');
    expect(run('string>', str('b'), str('a'))).toBe('t');
    expect(run('string-greaterp', sym('b'), str('a'))).toBe('t');
    expect(run('string<', str('a'), 1)).toBe('(ERR wrong-type-argument stringp 1)');
  });
  it('compare-strings returns t or the signed position of the first difference', () => {
    const cs = (a: string, s1: any, e1: any, b: string, s2: any, e2: any, ic: any = NIL) => run('compare-strings', str(a), s1, e1, str(b), s2, e2, ic);
    expect(cs('abc', NIL, NIL, 'abd', NIL, NIL)).toBe('-3');
    expect(cs('abc', NIL, NIL, 'abc', NIL, NIL)).toBe('t');
    expect(cs('ab', NIL, NIL, 'abc', NIL, NIL)).toBe('-3');
    expect(cs('abcd', NIL, NIL, 'ab', NIL, NIL)).toBe('3');
    expect(cs('b', NIL, NIL, 'a', NIL, NIL)).toBe('1');
    expect(cs('ABC', NIL, NIL, 'abc', NIL, NIL, T)).toBe('t');
    expect(cs('ß', NIL, NIL, 'ẞ', NIL, NIL, T)).toBe('t');
    expect(cs('xabc', 1, 3, 'ab', 0, 2)).toBe('t');
    expect(cs('abc', 0, 10, 'abc', NIL, NIL)).toBe('t');
    expect(cs('abc', -1, NIL, 'c', NIL, NIL)).toBe('t');
    expect(cs('a', NIL, NIL, 'abc', NIL, 5)).toBe('-2');
    expect(cs('abc', 2, 1, 'abc', NIL, NIL)).toBe('(ERR args-out-of-range "abc" 2 1)');
    expect(cs('a', sym('x'), NIL, 'a', NIL, NIL)).toBe('(ERR wrong-type-argument integerp x)');
    expect(run('compare-strings', bytes(0xe9), NIL, NIL, str('é'), NIL, NIL)).toBe('1');
  });
  it('string-version-lessp compares digit runs by value', () => {
    const v = (a: string, b: string) => run('string-version-lessp', str(a), str(b));
    expect(v('foo2.png', 'foo12.png')).toBe('t');
    expect(v('a1b', 'a01b')).toBe('nil');
    expect(v('1.10', '1.9')).toBe('nil');
    expect(v('a01c', 'a1b')).toBe('nil');
    expect(v('a001', 'a01')).toBe('t');
    expect(v('foo0', 'foo00')).toBe('t');
    expect(v('x', 'x')).toBe('nil');
    expect(v('a', 'a1')).toBe('t');
    expect(v('a9999999999999999999999', 'a10000000000000000000000')).toBe('t');
    expect(run('string-version-lessp', str('a'), sym('b'))).toBe('t');
  });
  it('string-distance is the Levenshtein distance in characters or bytes', () => {
    expect(run('string-distance', str('kitten'), str('sitting'))).toBe('3');
    expect(run('string-distance', str('é'), str('e'))).toBe('1');
    expect(run('string-distance', str('é'), str('e'), T)).toBe('2');
    expect(run('string-distance', sym('a'), str('b'))).toBe('(ERR wrong-type-argument stringp a)');
  });
  it('string-prefix-p and string-suffix-p optionally ignore case', () => {
    expect(run('string-prefix-p', str('ab'), str('abc'))).toBe('t');
    expect(run('string-prefix-p', str('bc'), str('abc'))).toBe('nil');
    expect(run('string-prefix-p', str('abcd'), str('abc'))).toBe('nil');
    expect(run('string-prefix-p', str('AB'), str('abc'), T)).toBe('t');
    expect(run('string-prefix-p', str('é'), str('ÉA'), T)).toBe('t');
    expect(run('string-suffix-p', str('BC'), str('abc'), T)).toBe('t');
    expect(run('string-suffix-p', str('ab'), str('abc'))).toBe('nil');
    expect(run('string-prefix-p', sym('a'), str('abc'))).toBe('(ERR wrong-type-argument sequencep a)');
  });
  it('assoc-string compares keys as strings, optionally ignoring case', () => {
    const alist = list(new Cons(str('a'), 1), new Cons(str('b'), 2));
    expect(run('assoc-string', str('B'), alist, T)).toBe('("b" . 2)');
    expect(run('assoc-string', sym('b'), alist)).toBe('("b" . 2)');
    expect(run('assoc-string', str('a'), list(str('a'), str('b')))).toBe('"a"');
    expect(run('assoc-string', 1, list(list(str('a'))))).toBe('(ERR wrong-type-argument stringp 1)');
  });
});

describe('searching, replacing and predicates', () => {
  it('string-search finds literal text from a start position', () => {
    expect(run('string-search', str('b'), str('abcb'))).toBe('1');
    expect(run('string-search', str('b'), str('abcb'), 2)).toBe('3');
    expect(run('string-search', str('z'), str('abc'))).toBe('nil');
    expect(run('string-search', str(''), str('abc'), 3)).toBe('3');
    expect(run('string-search', str('A'), str('abc'))).toBe('nil');
    expect(run('string-search', str('l'), str('😀héllo'))).toBe('3');
    expect(run('string-search', bytes(0xe9), str('é'))).toBe('nil');
    expect(run('string-search', bytes(0xe9), str('\udce9'))).toBe('0');
    expect(run('string-search', str('a'), str('abc'), 4)).toBe('(ERR args-out-of-range 4)');
    expect(run('string-search', str('a'), str('abc'), -1)).toBe('(ERR args-out-of-range -1)');
    expect(run('string-search', sym('a'), str('abc'))).toBe('(ERR wrong-type-argument stringp a)');
  });
  it('string-replace replaces every occurrence and refuses an empty FROM', () => {
    expect(run('string-replace', str('a'), str('xy'), str('banana'))).toBe('"bxynxynxy"');
    expect(run('string-replace', str('na'), str('NA'), str('banana'))).toBe('"baNANA"');
    const s = str('abc');
    expect(call('string-replace', str('z'), str('y'), s)).toBe(s);
    expect(run('string-replace', str(''), str('x'), str('abc'))).toBe('(ERR wrong-length-argument 0)');
    expect(run('string-replace', str('a'), sym('b'), str('abc'))).toBe('(ERR wrong-type-argument sequencep b)');
  });
  it('string-empty-p and string-blank-p', () => {
    expect(run('string-empty-p', str(''))).toBe('t');
    expect(run('string-empty-p', NIL)).toBe('nil');
    expect(run('string-blank-p', str(' \t\n\r'))).toBe('0');
    expect(run('string-blank-p', str(' x '))).toBe('nil');
    expect(run('string-blank-p', str(' \f'))).toBe('nil');
  });
  it('remove prefixes and suffixes, returning the string itself when absent', () => {
    expect(run('string-remove-prefix', str('ab'), str('abc'))).toBe('"c"');
    const s = str('abc');
    expect(call('string-remove-prefix', str('x'), s)).toBe(s);
    expect(run('string-remove-suffix', str('bc'), str('abc'))).toBe('"a"');
    expect(run('string-chop-newline', str('ab\n\n'))).toBe('"ab\n"');
    expect(run('string-remove-prefix', str('a'), sym('abc'))).toBe('(ERR wrong-type-argument sequencep abc)');
  });
});

describe('padding, limiting and truncating', () => {
  it('string-pad pads at either end with any character', () => {
    expect(run('string-pad', str('abc'), 6)).toBe('"abc   "');
    expect(run('string-pad', str('abc'), 6, 45, T)).toBe('"---abc"');
    expect(run('string-pad', str('abcdef'), 3)).toBe('"abcdef"');
    expect(run('string-pad', str('é'), 3, 0x65e5)).toBe('"é日日"');
    expect(run('string-pad', str('abc'), -1)).toBe('(ERR wrong-type-argument natnump -1)');
    expect(run('string-pad', str('a'), 3, str('x'))).toBe('(ERR wrong-type-argument characterp "x")');
  });
  it('string-limit cuts characters, or whole encoded characters when given a coding system', () => {
    expect(run('string-limit', str('abcdef'), 3)).toBe('"abc"');
    expect(run('string-limit', str('abcdef'), 3, T)).toBe('"def"');
    expect(run('string-limit', str('abc'), -1)).toBe('(ERR wrong-type-argument natnump -1)');
    expect(run('string-limit', str('日本語'), 4, NIL, sym('utf-8'))).toBe('"\\346\\227\\245"');
    expect(run('string-limit', str('日本語'), 4, T, sym('utf-8'))).toBe('"\\350\\252\\236"');
  });
  it('string-truncate-left keeps the tail after three dots', () => {
    expect(run('string-truncate-left', str('abcdefgh'), 5)).toBe('"...fgh"');
    expect(run('string-truncate-left', str('abcdef'), 2)).toBe('"...f"');
    expect(run('string-truncate-left', str('abcdef'), 4)).toBe('"...ef"');
    expect(run('string-truncate-left', str('abc'), 5)).toBe('"abc"');
  });
  it('string-reverse reverses characters', () => {
    expect(run('string-reverse', str('abé'))).toBe('"éba"');
  });
});

describe('splitting and trimming without the regexp engine', () => {
  it('split-string splits on whitespace by default, dropping empty pieces', () => {
    expect(run('split-string', str('  two words  '))).toBe('("two" "words")');
    expect(run('split-string', str('a\n b\t\tc'))).toBe('("a" "b" "c")');
    expect(run('split-string', str(''))).toBe('nil');
  });
  it('split-string keeps empty pieces for explicit separators unless told otherwise', () => {
    expect(run('split-string', str('a,b,,c'), str(','))).toBe('("a" "b" "" "c")');
    expect(run('split-string', str('a,b,,c'), str(','), T)).toBe('("a" "b" "c")');
    expect(run('split-string', str(',a,'), str(','))).toBe('("" "a" "")');
    expect(run('split-string', str(''), str(','))).toBe('("")');
    expect(run('split-string', str('a  b'), str(' '))).toBe('("a" "" "b")');
    expect(run('split-string', str('abc'), str(''))).toBe('("" "a" "b" "c" "")');
    expect(run('split-string', str('abc'), str(''), T)).toBe('("a" "b" "c")');
    expect(run('split-string', str('a1b22c333'), str('[0-9]+'))).toBe('("a" "b" "c" "")');
    expect(run('split-string', str('l1\nl2\n'), str('\n'))).toBe('("l1" "l2" "")');
  });
  it('split-string trims each piece', () => {
    expect(run('split-string', str(' a , b ,c '), str(','), NIL, str(' '))).toBe('("a" "b" "c")');
    expect(run('split-string', str(' a , , b '), str(','), T, str('[ ]+'))).toBe('("a" "b")');
    expect(run('split-string', str('xa,bx'), str(','), NIL, str('x'))).toBe('("a" "b")');
  });
  it('split-string separators follow case-fold-search', () => {
    expect(run('split-string', str('aXbxc'), str('x'))).toBe('("a" "b" "c")');
    expect(withoutCaseFold(() => run('split-string', str('aXbxc'), str('x')))).toBe('("aXb" "c")');
  });
  it('split-string and string-lines check their arguments', () => {
    expect(run('split-string', sym('a'))).toBe('(ERR wrong-type-argument stringp a)');
    expect(run('split-string', str('a'), sym('b'))).toBe('(ERR wrong-type-argument stringp b)');
    expect(run('string-lines', str('a\nb\n\nc'))).toBe('("a" "b" "" "c")');
    expect(run('string-lines', str(''))).toBe('("")');
    expect(run('string-lines', str('\na\n\nb'), T)).toBe('("a" "b")');
  });
  it('string-trim removes whitespace or matches of the given regexps', () => {
    expect(run('string-trim', str('  \t\n x y \n'))).toBe('"x y"');
    expect(run('string-trim-left', str('  x  '))).toBe('"x  "');
    expect(run('string-trim-right', str('  x  '))).toBe('"  x"');
    expect(run('string-trim', str('--x--'), str('-+'), str('-+'))).toBe('"x"');
    expect(run('string-trim-left', str('xxabc'), str('x+'))).toBe('"abc"');
    expect(run('string-trim-right', str('a--'), str('-'))).toBe('"a-"');
    expect(run('string-trim', str('   '))).toBe('""');
    expect(run('string-trim', str('  a  '), NIL, str('x'))).toBe('"a  "');
    const s = str('abc');
    expect(call('string-trim', s)).toBe(s);
    expect(run('string-trim', sym('a'))).toBe('(ERR wrong-type-argument stringp a)');
  });
});

describe("string-version-lessp orders as Emacs 28's filevercmp (20,000 random pairs checked against GNU Emacs 28.2)", () => {
  it('puts letters before other bytes, ~ before the end, dot names and hidden names first, and suffixes last', async () => {
    const { lisp } = await import('../helpers.js');
    const pairs: [string, string, string][] = [
      ['a', '-', 't'], ['-', 'a', 'nil'], ['a~', 'a', 't'], ['~a', 'a', 't'], ['.a', 'a', 't'], ['.', '..', 't'], ['..', '.a', 't'],
      ['a.txt', 'a.c', 'nil'], ['a.', 'a92b b', 't'], ['a01', 'a1', 't'], ['a1', 'a01', 'nil'], ['1.2.9', '1.2.10', 't'],
      ['a\\0', 'a', 't'], ['a', 'a\\0', 'nil'], ['a\\0b', 'a\\0', 'nil'], ['a\\0\\0', 'a\\0', 't'],
    ];
    for (const [a, b, expected] of pairs) expect(lisp(`(string-version-lessp "${a}" "${b}")`), `${a} < ${b}`).toBe(expected);
  });
});

describe('replace-match on a string joins its pieces as concat does', () => {
  it('keeps unibyte with unibyte, and turns a unibyte replacement\'s high bytes into raw-byte characters in a multibyte string', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp('(let ((r (replace-regexp-in-string "b" "\\200\\377" "foo bar"))) (list (multibyte-string-p r) (string-to-list r)))')).toBe('(nil (102 111 111 32 128 255 97 114))');
    expect(lisp('(string-to-list (replace-regexp-in-string "b" "\\200\\377" "föo bar"))')).toBe('(102 246 111 32 4194176 4194303 97 114)');
    expect(lisp('(string-to-list (replace-regexp-in-string "\\\\(ö\\\\)" "\\200\\\\1" "föo bar"))')).toBe('(102 4194176 246 111 32 98 97 114)');
  });
});

describe("subr.el's and subr-x's string helpers look at lengths first, as Emacs 28's do", () => {
  it('returns what Emacs returns for odd arguments', async () => {
    const { lisp } = await import('../helpers.js');
    expect(lisp('(list (string-prefix-p "a,b,,c" nil) (string-suffix-p "foo bar" nil) (string-remove-suffix "x" nil) (string-pad "abc" 1 "日本語") (string-limit nil 3) (string-reverse nil) (condition-case e (string-prefix-p 5 "abc") (error e)) (condition-case e (string-pad "ab" 4 "x") (error e)))')).toBe(
      '(nil nil nil "abc" nil nil (wrong-type-argument sequencep 5) (wrong-type-argument characterp "x"))',
    );
  });
});
