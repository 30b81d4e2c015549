// Syntax classes and character classes as the regexp engine sees them.
// Emacs consults the current buffer's syntax table; until the syntax-table
// module installs a lookup with setSyntaxLookup, the standard syntax table
// (standard-syntax.ts) answers.
import { STANDARD_ASCII, STANDARD_SYNTAX, standardRunIndex } from './standard-syntax.js';

/** Syntax class codes, numbered as Emacs's enum syntaxcode. */
export const enum Syn {
  Whitespace = 0,
  Punct = 1,
  Word = 2,
  Symbol = 3,
  Open = 4,
  Close = 5,
  Quote = 6,
  String = 7,
  Math = 8,
  Escape = 9,
  Charquote = 10,
  Comment = 11,
  Endcomment = 12,
  Inherit = 13,
  CommentFence = 14,
  StringFence = 15,
}

/** The designator characters of `modify-syntax-entry`, indexed by class code. */
export const SYNTAX_DESIGNATORS = ' .w_()\'"$\\/<>@!|';

/** The class a designator character names (`-` is whitespace too), or -1 for none. */
export function syntaxClassFromDesignator(ch: number): number {
  if (ch === 45 /* - */) return Syn.Whitespace;
  const i = SYNTAX_DESIGNATORS.indexOf(String.fromCharCode(ch));
  return ch < 128 && i >= 0 ? i : -1;
}

/** The standard syntax table's class of C. */
export function standardSyntaxClass(c: number): number {
  return c < 128 ? STANDARD_ASCII[c] : STANDARD_SYNTAX.codes[standardRunIndex(c)];
}

let lookup: ((c: number) => number) | null = null;

/**
 * Lets the syntax-table module answer for the current buffer's syntax
 * table (a function from character to class code); null restores the
 * standard table.
 */
export function setSyntaxLookup(fn: ((c: number) => number) | null): void {
  lookup = fn;
}

/** The syntax class of C in the current syntax table. */
export function syntaxClass(c: number): number {
  if (lookup !== null) return lookup(c);
  return c < 128 ? STANDARD_ASCII[c] : STANDARD_SYNTAX.codes[standardRunIndex(c)];
}

// ---- character classes ([[:alpha:]] and friends) ---------------------------------

export const enum CharClass {
  Alnum = 1,
  Alpha = 2,
  Ascii = 3,
  Blank = 4,
  Cntrl = 5,
  Digit = 6,
  Graph = 7,
  Lower = 8,
  Multibyte = 9,
  Nonascii = 10,
  Print = 11,
  Punct = 12,
  Space = 13,
  Unibyte = 14,
  Upper = 15,
  Word = 16,
  Xdigit = 17,
}

const CLASS_NAMES: Record<string, CharClass> = {
  alnum: CharClass.Alnum,
  alpha: CharClass.Alpha,
  ascii: CharClass.Ascii,
  blank: CharClass.Blank,
  cntrl: CharClass.Cntrl,
  digit: CharClass.Digit,
  graph: CharClass.Graph,
  lower: CharClass.Lower,
  multibyte: CharClass.Multibyte,
  nonascii: CharClass.Nonascii,
  print: CharClass.Print,
  punct: CharClass.Punct,
  space: CharClass.Space,
  unibyte: CharClass.Unibyte,
  upper: CharClass.Upper,
  word: CharClass.Word,
  xdigit: CharClass.Xdigit,
};

/** The class a `[:NAME:]` names, or 0. */
export function charClassByName(name: string): CharClass | 0 {
  return Object.prototype.hasOwnProperty.call(CLASS_NAMES, name) ? CLASS_NAMES[name] : 0;
}

const RAW_BYTE_BASE = 0x3fff80;

// Unicode properties of non-ASCII characters, one bit each, cached.
const U_ALPHA = 1;
const U_ALNUM = 2;
const U_GRAPH = 4;
const U_PRINT = 8;
const U_BLANK = 16;
const unicodeCache = new Map<number, number>();

function unicodeBits(c: number): number {
  let bits = unicodeCache.get(c);
  if (bits !== undefined) return bits;
  bits = 0;
  if (c <= 0x10ffff) {
    const s = String.fromCodePoint(c);
    // Emacs's alphabeticp: letters, marks and letter numbers; alphanumericp adds Nd.
    if (/[\p{L}\p{M}\p{Nl}]/u.test(s)) bits |= U_ALPHA | U_ALNUM;
    else if (/\p{Nd}/u.test(s)) bits |= U_ALNUM;
    const unprintable = /[\p{Cc}\p{Cs}\p{Cn}]/u.test(s);
    if (!unprintable) bits |= U_PRINT;
    if (!unprintable && !/[\p{Zs}\p{Zl}\p{Zp}]/u.test(s)) bits |= U_GRAPH;
    if (/\p{Zs}/u.test(s)) bits |= U_BLANK;
  }
  unicodeCache.set(c, bits);
  return bits;
}

/** Does C belong to class K? (Without case folding; see the matcher for [:upper:]/[:lower:] under folding.) */
export function isCharClass(k: CharClass, c: number, upcase: (c: number) => number, downcase: (c: number) => number): boolean {
  // Raw bytes (unibyte text above 127) belong to no class.
  if (c >= RAW_BYTE_BASE) return false;
  switch (k) {
    case CharClass.Alnum:
      return c < 128 ? (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122) : (unicodeBits(c) & U_ALNUM) !== 0;
    case CharClass.Alpha:
      return c < 128 ? (c | 32) >= 97 && (c | 32) <= 122 : (unicodeBits(c) & U_ALPHA) !== 0;
    case CharClass.Ascii:
      return c < 128;
    case CharClass.Blank:
      return c < 128 ? c === 32 || c === 9 : (unicodeBits(c) & U_BLANK) !== 0;
    case CharClass.Cntrl:
      return c < 32;
    case CharClass.Digit:
      return c >= 48 && c <= 57;
    case CharClass.Graph:
      return c < 128 ? c > 32 && c < 127 : c < RAW_BYTE_BASE && (unicodeBits(c) & U_GRAPH) !== 0;
    case CharClass.Print:
      return c < 128 ? c >= 32 && c < 127 : c < RAW_BYTE_BASE && (unicodeBits(c) & U_PRINT) !== 0;
    case CharClass.Lower:
      return downcase(c) === c && upcase(c) !== c;
    case CharClass.Upper:
      return downcase(c) !== c;
    case CharClass.Multibyte:
      return c >= 128 && c < RAW_BYTE_BASE;
    case CharClass.Unibyte:
      return c < 128 || c >= RAW_BYTE_BASE;
    case CharClass.Nonascii:
      return c >= 128;
    case CharClass.Punct:
      if (c < 128) return c > 32 && c < 127 && !((c | 32) >= 97 && (c | 32) <= 122) && !(c >= 48 && c <= 57);
      return syntaxClass(c) !== Syn.Word;
    case CharClass.Space:
      return syntaxClass(c) === Syn.Whitespace;
    case CharClass.Word:
      return syntaxClass(c) === Syn.Word;
    case CharClass.Xdigit:
      return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
  }
  return false;
}

/** Does the class depend on the syntax table (so it cannot be precomputed into a bitmap)? */
export function classUsesSyntax(k: CharClass): boolean {
  return k === CharClass.Space || k === CharClass.Word || k === CharClass.Punct;
}

// ---- categories (\cC) ----------------------------------------------------------

function inRanges(c: number, ranges: readonly number[]): boolean {
  for (let i = 0; i < ranges.length; i += 2) if (c >= ranges[i] && c <= ranges[i + 1]) return true;
  return false;
}

const GREEK = [0x370, 0x3ff, 0x1f00, 0x1fff];
const CYRILLIC = [0x400, 0x52f, 0x1c80, 0x1c8f, 0x2de0, 0x2dff, 0xa640, 0xa69f];
const LATIN = [0xa0, 0x24f, 0x1e00, 0x1eff, 0x2c60, 0x2c7f, 0xa720, 0xa7ff];
const HIRAGANA = [0x3040, 0x309f];
const KATAKANA = [0x30a0, 0x30ff, 0x31f0, 0x31ff];
const HALFWIDTH_KATAKANA = [0xff61, 0xff9f];
const HAN = [0x2e80, 0x2fdf, 0x3400, 0x4dbf, 0x4e00, 0x9fff, 0xf900, 0xfaff, 0x20000, 0x3134f];
const HANGUL = [0x1100, 0x11ff, 0x3130, 0x318f, 0xac00, 0xd7af];
const CJK_MISC = [0x3000, 0x303f, 0xff00, 0xff60, 0xffe0, 0xffef];
const RTL = [0x590, 0x8ff, 0xfb1d, 0xfdff, 0xfe70, 0xfeff];

/**
 * Does C have category CAT? The common categories of Emacs's standard
 * category table, by Unicode blocks; unknown categories match nothing.
 */
export function hasCategory(cat: number, c: number): boolean {
  switch (String.fromCharCode(cat)) {
    case 'a':
      return c >= 32 && c < 127;
    case 'l':
      return (c >= 32 && c < 127) || inRanges(c, LATIN);
    case 'r':
      return c > 32 && c < 127;
    case 'g':
      return inRanges(c, GREEK);
    case 'G':
      return c >= 0x391 && c <= 0x3c9;
    case 'y':
      return inRanges(c, CYRILLIC);
    case 'Y':
      return c >= 0x401 && c <= 0x451;
    case 'b':
      return (c >= 0x600 && c <= 0x6ff) || (c >= 0x750 && c <= 0x77f) || (c >= 0xfb50 && c <= 0xfeff);
    case 'w':
      return c >= 0x590 && c <= 0x5ff;
    case 't':
      return c >= 0xe00 && c <= 0xe7f;
    case 'o':
      return c >= 0xe80 && c <= 0xeff;
    case 'i':
      return c >= 0x900 && c <= 0xdff;
    case 'e':
      return c >= 0x1200 && c <= 0x139f;
    case 'v':
      return c >= 0x1ea0 && c <= 0x1ef9;
    case 'H':
      return inRanges(c, HIRAGANA);
    case 'K':
      return inRanges(c, KATAKANA);
    case 'k':
      return inRanges(c, HALFWIDTH_KATAKANA);
    case 'C':
      return inRanges(c, HAN);
    case 'h':
      return inRanges(c, HANGUL);
    case 'A':
      return (c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a);
    case 'j':
      return inRanges(c, HIRAGANA) || inRanges(c, KATAKANA) || inRanges(c, HAN) || inRanges(c, CJK_MISC) || inRanges(c, GREEK) || inRanges(c, CYRILLIC) || inRanges(c, HALFWIDTH_KATAKANA);
    case 'c':
      return inRanges(c, HIRAGANA) || inRanges(c, KATAKANA) || inRanges(c, HAN) || inRanges(c, CJK_MISC) || inRanges(c, GREEK) || inRanges(c, CYRILLIC);
    case '|':
      return inRanges(c, HIRAGANA) || inRanges(c, KATAKANA) || inRanges(c, HAN) || inRanges(c, CJK_MISC) || inRanges(c, HALFWIDTH_KATAKANA);
    case '^':
      return c >= 128 && c <= 0x10ffff && /\p{M}/u.test(String.fromCodePoint(c));
    case '.':
      return c >= 32 && c !== 127 && !(c >= 128 && c <= 0x10ffff && /\p{M}/u.test(String.fromCodePoint(c)));
    case 'R':
      return inRanges(c, RTL);
    case 'L':
      return c < 0x10ffff && !inRanges(c, RTL) && /\p{L}/u.test(String.fromCodePoint(c));
    case ' ':
      return c === 32 || c === 9;
    default:
      return false;
  }
}
