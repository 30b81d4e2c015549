// The string half of fns.c, with the string functions of subr.el and
// subr-x.el: concatenation, substrings, comparison, searching, splitting,
// trimming and padding.
import {
  type LispObject, LispString, Cons, NIL, T, Q, intern, signal, list, arrayToList,
  wrongType, argsOutOfRange, error, BoolVector, LispSymbol, RAW_BYTE_BASE, MAX_CHAR,
  isAsciiText, concatProps,
} from '../lisp/index.js';
import {
  declareModule, defun, defunRest, optional, any, string, integer, bool,
} from '../lisp/defun.js';
import { charText, checkRange, multibyteText, joinStrings, caseFoldSearch } from './character.js';
import { sequenceElements, seqLength, reverse } from './fns.js';
import { upcaseChar, downcaseChar } from './casefiddle.js';
import { internalBytes, encodeToBytes, bytesToUnibyte, checkCodingSystem } from './coding.js';

declareModule('fns');

const Qwrong_length_argument = intern('wrong-length-argument');

// ---- sequences of characters -------------------------------------------------

/** The character codes of a string, list or vector, as `concat` and `append` see them. */
export function sequenceChars(x: LispObject): LispObject[] {
  if (x instanceof LispString) return x.codes();
  if (x === NIL) return [];
  // A circular or dotted list signals here, as Emacs's length does.
  if (x instanceof Cons) return sequenceElements(x);
  if (Array.isArray(x)) return x;
  if (x instanceof BoolVector) return Array.from(x.bits, (b) => (b ? T : NIL));
  return wrongType(Q.sequencep, x);
}

function isSequence(x: LispObject): boolean {
  return x === NIL || x instanceof Cons || x instanceof LispString || Array.isArray(x) || x instanceof BoolVector;
}

/**
 * `concat`: strings keep their text; list and vector elements must be
 * characters. The result is multibyte if a string argument is, or if an
 * element is a non-ASCII character other than a raw byte.
 */
export function concatSequences(args: readonly LispObject[]): LispString {
  let multibyte = false;
  let allStrings = true;
  for (const a of args) {
    if (a instanceof LispString) {
      if (a.multibyte) multibyte = true;
    } else if (a !== NIL) {
      allStrings = false;
      if (!isSequence(a)) wrongType(Q.sequencep, a);
    }
  }
  if (allStrings) {
    let text = '';
    let props = false;
    for (const a of args) {
      if (a === NIL) continue;
      text += multibyte ? multibyteText(a as LispString) : (a as LispString).value;
      if ((a as LispString).intervals !== null) props = true;
    }
    const result = new LispString(text, multibyte);
    if (props) result.intervals = concatProps(args.map((a) => (a === NIL ? { props: null, length: 0 } : { props: (a as LispString).intervals, length: (a as LispString).length })));
    return result;
  }
  const parts: (LispString | LispObject[])[] = [];
  for (const a of args) {
    if (a instanceof LispString) parts.push(a);
    else if (a !== NIL) {
      const elts = sequenceChars(a);
      for (const c of elts) {
        if (typeof c !== 'number') wrongType(a instanceof BoolVector ? Q.integerp : Q.characterp, c);
        if (c < 0 || c > MAX_CHAR) wrongType(Q.characterp, c);
        if (c >= 0x80 && c < RAW_BYTE_BASE) multibyte = true;
      }
      parts.push(elts);
    }
  }
  let text = '';
  let props = false;
  for (const p of parts) {
    if (p instanceof LispString) {
      text += multibyte ? multibyteText(p) : p.value;
      if (p.intervals !== null) props = true;
    }
    else
      for (const c of p as number[]) {
        if (c < 0x80) text += String.fromCharCode(c);
        else if (!multibyte) text += String.fromCharCode(c - RAW_BYTE_BASE + 0x80);
        else text += charText(c);
      }
  }
  const result = new LispString(text, multibyte);
  if (props) result.intervals = concatProps(parts.map((p) => (p instanceof LispString ? { props: p.intervals, length: p.length } : { props: null, length: p.length })));
  return result;
}

defunRest('concat', 0, (args) => concatSequences(args));

/** A fresh string with the characters FROM..TO of S, and their text properties. */
export function substringOf(s: LispString, from: number, to: number): LispString {
  const r = new LispString(s.slice(from, to), s.multibyte);
  if (s.intervals !== null) r.intervals = s.intervals.slice(from, to);
  return r;
}

defun('substring', [any, optional(any), optional(any)], (arr, from, to) => {
  if (arr instanceof LispString) {
    const [f, e] = checkRange(arr, from, to, arr.length);
    return substringOf(arr, f, e);
  }
  if (Array.isArray(arr)) {
    const [f, e] = checkRange(arr, from, to, arr.length);
    return arr.slice(f, e);
  }
  return wrongType(Q.arrayp, arr);
});

defun('substring-no-properties', [string, optional(any), optional(any)], (s, from, to) => {
  const [f, e] = checkRange(s, from, to, s.length);
  return new LispString(s.slice(f, e), s.multibyte);
});

defun('string-to-list', [any], (s) => arrayToList(sequenceChars(s)));

defunRest('unibyte-string', 0, (args) => {
  let text = '';
  for (const b of args) {
    if (typeof b === 'bigint') argsOutOfRange(b, 0, 255);
    if (typeof b !== 'number') return wrongType(Q.integerp, b);
    if (b < 0 || b > 255) argsOutOfRange(b, 0, 255);
    text += String.fromCharCode(b);
  }
  return new LispString(text, false);
});
defun('byte-to-string', [any], (b) => {
  if (typeof b !== 'number') return wrongType(Q.fixnump, b);
  if (b < 0 || b > 255) error('Invalid byte');
  return new LispString(String.fromCharCode(b), false);
});
// Zeroes every byte of STRING in place and makes it unibyte, as Emacs does to wipe a password.
defun('clear-string', [string], (s) => {
  const bytes = s.multibyte ? internalBytes(s).length : s.value.length;
  if (bytes !== s.length) s.intervals = null;
  s.multibyte = false;
  s.value = '\0'.repeat(bytes);
  return NIL;
});
defun('string-to-vector', [any], (s) => sequenceChars(s).slice());

defun('string-join', [any, optional(any)], (strings, separator) => {
  const items = sequenceChars(strings);
  if (separator !== NIL && !isSequence(separator)) wrongType(Q.sequencep, separator);
  const args: LispObject[] = [];
  for (let i = 0; i < items.length; i++) {
    if (i > 0) args.push(separator);
    args.push(items[i]);
  }
  return concatSequences(args);
});

// ---- comparison --------------------------------------------------------------

/** A string, or a symbol standing for its name. */
export function stringDesignator(x: LispObject): LispString {
  if (x instanceof LispString) return x;
  if (x instanceof LispSymbol) return new LispString(x.name, !isAsciiText(x.name));
  return wrongType(Q.stringp, x);
}

function nonAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

/** `string=`: same characters and, when there are non-ASCII bytes, the same representation. */
export function stringEqual(a: LispString, b: LispString): boolean {
  if (a.value !== b.value) return false;
  return a.multibyte === b.multibyte || !nonAscii(a.value);
}

function hasSurrogates(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) return true;
  }
  return false;
}

/** Compares the character codes of A and B (unibyte bytes as 0-255), as `string<` does. */
export function compareStringChars(a: LispString, b: LispString): number {
  const x = a.value;
  const y = b.value;
  if (!hasSurrogates(x) && !hasSurrogates(y)) return x < y ? -1 : x > y ? 1 : 0;
  const cx = a.codes();
  const cy = b.codes();
  const n = Math.min(cx.length, cy.length);
  for (let i = 0; i < n; i++) if (cx[i] !== cy[i]) return cx[i] < cy[i] ? -1 : 1;
  return cx.length - cy.length;
}

defun('string-equal', [any, any], (a, b) => bool(stringEqual(stringDesignator(a), stringDesignator(b))));
defun('string=', [any, any], (a, b) => bool(stringEqual(stringDesignator(a), stringDesignator(b))));
defun('string-lessp', [any, any], (a, b) => bool(compareStringChars(stringDesignator(a), stringDesignator(b)) < 0));
defun('string<', [any, any], (a, b) => bool(compareStringChars(stringDesignator(a), stringDesignator(b)) < 0));
defun('string-greaterp', [any, any], (a, b) => bool(compareStringChars(stringDesignator(b), stringDesignator(a)) < 0));
defun('string>', [any, any], (a, b) => bool(compareStringChars(stringDesignator(b), stringDesignator(a)) < 0));

// Locale collation is not modelled: the POSIX locale compares code points.
function checkLocale(locale: LispObject): void {
  if (locale !== NIL && !(locale instanceof LispString)) wrongType(Q.stringp, locale);
}

defun('string-collate-lessp', [any, any, optional(any), optional(any)], (a, b, locale, ignoreCase) => {
  const x = stringDesignator(a);
  const y = stringDesignator(b);
  checkLocale(locale);
  if (ignoreCase === NIL) return bool(compareStringChars(x, y) < 0);
  return bool(compareFoldedCodes(x.codes(), y.codes()) < 0);
});
defun('string-collate-equalp', [any, any, optional(any), optional(any)], (a, b, locale, ignoreCase) => {
  const x = stringDesignator(a);
  const y = stringDesignator(b);
  checkLocale(locale);
  if (ignoreCase === NIL) return bool(compareStringChars(x, y) === 0);
  return bool(compareFoldedCodes(x.codes(), y.codes()) === 0);
});

function compareFoldedCodes(x: number[], y: number[]): number {
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = downcaseChar(x[i]);
    const b = downcaseChar(y[i]);
    if (a !== b) return a < b ? -1 : 1;
  }
  return x.length - y.length;
}

/** Characters of S for compare-strings: unibyte bytes 128-255 count as raw bytes. */
function multibyteCodes(s: LispString): number[] {
  const codes = s.codes();
  if (!s.multibyte) for (let i = 0; i < codes.length; i++) if (codes[i] >= 0x80) codes[i] += RAW_BYTE_BASE - 0x80;
  return codes;
}

/** `compare-strings` on resolved arguments: t, or ±(1 + index of the first difference). */
export function compareStrings(
  s1: LispString, start1: LispObject, end1: LispObject,
  s2: LispString, start2: LispObject, end2: LispObject,
  ignoreCase: boolean,
): LispObject {
  const c1 = multibyteCodes(s1);
  const c2 = multibyteCodes(s2);
  // Too-large positive ends are silently clipped, for compatibility.
  if (typeof end1 === 'number' && end1 > c1.length) end1 = c1.length;
  if (typeof end2 === 'number' && end2 > c2.length) end2 = c2.length;
  const [f1, e1] = checkRange(s1, start1, end1, c1.length);
  const [f2, e2] = checkRange(s2, start2, end2, c2.length);
  let i1 = f1;
  let i2 = f2;
  while (i1 < e1 && i2 < e2) {
    let a = c1[i1++];
    let b = c2[i2++];
    if (ignoreCase) {
      a = upcaseChar(a);
      b = upcaseChar(b);
    }
    if (a !== b) return a < b ? -(i1 - f1) : i1 - f1;
  }
  if (i1 < e1) return i1 - f1 + 1;
  if (i2 < e2) return -(i1 - f1 + 1);
  return T;
}

defun(
  'compare-strings',
  [string, any, any, string, any, any, optional(any)],
  (s1, start1, end1, s2, start2, end2, ignoreCase) =>
    compareStrings(s1, start1, end1, s2, start2, end2, ignoreCase !== NIL),
);

function isDigitByte(b: number): boolean {
  return b >= 48 && b <= 57;
}

function isAsciiLetter(b: number): boolean {
  return (b >= 65 && b <= 90) || (b >= 97 && b <= 122);
}

/*
 * string-version-lessp is Emacs 28's gnulib filevercmp, applied to the
 * internal bytes one NUL-separated segment at a time. Its order, as
 * measured against GNU Emacs 28.2:
 *  - "" first, then ".", then "..", then names with a leading dot (compared
 *    without it), then the rest;
 *  - file suffixes ((\.[A-Za-z~][A-Za-z0-9~]*)* at the end) are compared
 *    last, unless the names differ only there;
 *  - runs of digits compare by value; of other bytes, ~ sorts before the
 *    end of a string, which sorts before a letter, which sorts before any
 *    other byte ("a" < "-", "a~" < "a");
 *  - names equal under all that compare byte by byte ("a01" < "a1").
 */

/** A byte's rank among non-digits (and the string's end, 0). */
function versionRank(s: Uint8Array, i: number, end: number): number {
  if (i >= end) return 0;
  const c = s[i];
  if (isDigitByte(c)) return 0;
  if (isAsciiLetter(c)) return c;
  if (c === 126) return -1;
  return c + 256;
}

function compareVersionRuns(a: Uint8Array, aEnd: number, b: Uint8Array, bEnd: number): number {
  let i = 0;
  let j = 0;
  while (i < aEnd || j < bEnd) {
    while ((i < aEnd && !isDigitByte(a[i])) || (j < bEnd && !isDigitByte(b[j]))) {
      const ra = versionRank(a, i, aEnd);
      const rb = versionRank(b, j, bEnd);
      if (ra !== rb) return ra - rb;
      i++;
      j++;
    }
    while (i < aEnd && a[i] === 48) i++;
    while (j < bEnd && b[j] === 48) j++;
    let firstDifference = 0;
    while (i < aEnd && j < bEnd && isDigitByte(a[i]) && isDigitByte(b[j])) {
      if (firstDifference === 0) firstDifference = a[i] - b[j];
      i++;
      j++;
    }
    if (i < aEnd && isDigitByte(a[i])) return 1;
    if (j < bEnd && isDigitByte(b[j])) return -1;
    if (firstDifference !== 0) return firstDifference;
  }
  return 0;
}

/**
 * Where the file suffix starts (s.length if none): the first dot of a tail
 * in which every dot is followed by a letter or ~ and nothing but letters,
 * digits, ~ and dots appear. A dot at the very end counts ("a." has the
 * suffix "."), as in gnulib.
 */
function suffixStart(s: Uint8Array, from: number): number {
  let start = -1;
  let afterDot = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (afterDot) {
      afterDot = false;
      if (!isAsciiLetter(c) && c !== 126) start = -1;
    } else if (c === 46) {
      afterDot = true;
      if (start < 0) start = i;
    } else if (!(isAsciiLetter(c) || isDigitByte(c) || c === 126)) start = -1;
  }
  return start < 0 ? s.length : start;
}

function byteCompare(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let k = 0; k < n; k++) if (a[k] !== b[k]) return a[k] - b[k];
  return a.length - b.length;
}

function isDotName(s: Uint8Array, dots: number): boolean {
  return s.length === dots && s[0] === 46 && (dots === 1 || s[1] === 46);
}

function compareVersionSegment(a: Uint8Array, b: Uint8Array): number {
  const plain = byteCompare(a, b);
  if (plain === 0) return 0;
  if (a.length === 0) return -1;
  if (b.length === 0) return 1;
  if (isDotName(a, 1)) return -1;
  if (isDotName(b, 1)) return 1;
  if (isDotName(a, 2)) return -1;
  if (isDotName(b, 2)) return 1;
  if (a[0] === 46 && b[0] !== 46) return -1;
  if (a[0] !== 46 && b[0] === 46) return 1;
  const skip = a[0] === 46 ? 1 : 0;
  const sa = a.subarray(skip);
  const sb = b.subarray(skip);
  let aEnd = suffixStart(sa, 0);
  let bEnd = suffixStart(sb, 0);
  if ((aEnd < sa.length || bEnd < sb.length) && aEnd === bEnd && byteCompare(sa.subarray(0, aEnd), sb.subarray(0, bEnd)) === 0) {
    aEnd = sa.length;
    bEnd = sb.length;
  }
  const result = compareVersionRuns(sa, aEnd, sb, bEnd);
  return result === 0 ? plain : result;
}

/** string-version-lessp's order on internal bytes: NUL-separated segments, each compared as above. */
export function versionCompare(a: Uint8Array, b: Uint8Array): number {
  let i = 0;
  let j = 0;
  for (;;) {
    let ie = a.indexOf(0, i);
    let je = b.indexOf(0, j);
    if (ie < 0) ie = a.length;
    if (je < 0) je = b.length;
    const cmp = compareVersionSegment(a.subarray(i, ie), b.subarray(j, je));
    if (cmp !== 0) return cmp;
    // Equal so far: the string with more after its NUL is the lesser (measured: "a\0" < "a").
    const moreA = ie < a.length;
    const moreB = je < b.length;
    if (!moreA) return moreB ? 1 : 0;
    if (!moreB) return -1;
    i = ie + 1;
    j = je + 1;
  }
}

defun('string-version-lessp', [any, any], (a, b) =>
  bool(versionCompare(internalBytes(stringDesignator(a)), internalBytes(stringDesignator(b))) < 0),
);

defun('string-distance', [string, string, optional(any)], (a, b, byteCompare) => {
  const x: ArrayLike<number> = byteCompare !== NIL ? internalBytes(a) : a.codes();
  const y: ArrayLike<number> = byteCompare !== NIL ? internalBytes(b) : b.codes();
  return levenshtein(x, y);
});

function levenshtein(x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = new Array<number>(y.length + 1);
  let cur = new Array<number>(y.length + 1);
  for (let j = 0; j <= y.length; j++) prev[j] = j;
  for (let i = 1; i <= x.length; i++) {
    cur[0] = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[y.length];
}

/** For subr.el functions that call `length` before a string operation. */
function stringArg(x: LispObject): LispString {
  if (x instanceof LispString) return x;
  return wrongType(isSequence(x) ? Q.stringp : Q.sequencep, x);
}

export function stringPrefixP(prefix: LispString, s: LispString, ignoreCase: boolean): boolean {
  const n = prefix.length;
  if (n > s.length) return false;
  return compareStrings(prefix, 0, n, s, 0, n, ignoreCase) === T;
}

export function stringSuffixP(suffix: LispString, s: LispString, ignoreCase: boolean): boolean {
  const start = s.length - suffix.length;
  if (start < 0) return false;
  return compareStrings(suffix, NIL, NIL, s, start, NIL, ignoreCase) === T;
}

// subr.el compares the lengths first (any sequences: (string-prefix-p "abc" nil) is nil) and only
// then the strings; string-remove-prefix and -suffix return STRING as it is when it does not match.
function prefixP(prefix: LispObject, s: LispObject, ignoreCase: boolean): boolean {
  if (seqLength(prefix) > seqLength(s)) return false;
  return stringPrefixP(stringArg(prefix), stringArg(s), ignoreCase);
}
function suffixP(suffix: LispObject, s: LispObject, ignoreCase: boolean): boolean {
  if (seqLength(s) - seqLength(suffix) < 0) return false;
  return stringSuffixP(stringArg(suffix), stringArg(s), ignoreCase);
}

defun('string-prefix-p', [any, any, optional(any)], (prefix, s, ignoreCase) => bool(prefixP(prefix, s, ignoreCase !== NIL)));
defun('string-suffix-p', [any, any, optional(any)], (suffix, s, ignoreCase) => bool(suffixP(suffix, s, ignoreCase !== NIL)));

defun('string-remove-prefix', [any, any], (prefix, s) => {
  if (!prefixP(prefix, s, false)) return s;
  const str = stringArg(s);
  return substringOf(str, stringArg(prefix).length, str.length);
});
defun('string-remove-suffix', [any, any], (suffix, s) => {
  if (!suffixP(suffix, s, false)) return s;
  const str = stringArg(s);
  return substringOf(str, 0, str.length - stringArg(suffix).length);
});
defun('string-chop-newline', [any], (s) => {
  const str = stringArg(s);
  return str.value.endsWith('\n') ? substringOf(str, 0, str.length - 1) : str;
});

defun('string-empty-p', [any], (s) => bool(stringDesignator(s).value.length === 0));

defun('string-blank-p', [string], (s) => (/^[ \t\n\r]*$/.test(s.value) ? 0 : NIL));

// ---- searching and replacing -------------------------------------------------

/** Character index of the JS offset OFF in S. */
function charIndexOf(s: LispString, off: number): number {
  if (s.length === s.value.length) return off;
  return [...s.value.slice(0, off)].length;
}

/** `string-search`: the character index of NEEDLE in HAYSTACK at or after START, or -1. */
export function stringSearch(needle: LispString, haystack: LispString, start: number): number {
  // Comparing multibyte texts makes a unibyte byte match only the raw byte, as in Emacs.
  const mixed = needle.multibyte !== haystack.multibyte;
  const n = mixed ? multibyteText(needle) : needle.value;
  const h = mixed ? multibyteText(haystack) : haystack.value;
  const off = h.indexOf(n, haystack.offsetOf(start));
  return off < 0 ? -1 : charIndexOf(haystack, off);
}

defun('string-search', [string, string, optional(integer)], (needle, haystack, startPos) => {
  let start = 0;
  if (startPos !== NIL) {
    if (typeof startPos !== 'number' || startPos < 0 || startPos > haystack.length) argsOutOfRange(startPos);
    start = startPos as number;
  }
  const i = stringSearch(needle, haystack, start);
  return i < 0 ? NIL : i;
});

defun('string-replace', [any, any, any], (from, to, inString) => {
  if (from instanceof LispString && from.value.length === 0) signal(Qwrong_length_argument, list(0));
  if (!(from instanceof LispString)) wrongType(Q.stringp, from);
  if (!(inString instanceof LispString)) wrongType(Q.stringp, inString);
  const parts: LispObject[] = [];
  let start = 0;
  let pos: number;
  const fromLength = from.length;
  while ((pos = stringSearch(from, inString, start)) >= 0) {
    if (pos !== start) parts.push(substringOf(inString, start, pos));
    parts.push(to);
    start = pos + fromLength;
    if (start > inString.length) break;
  }
  if (parts.length === 0) return inString;
  if (start !== inString.length) parts.push(substringOf(inString, start, inString.length));
  return concatSequences(parts);
});

// ---- padding, limiting, truncating -------------------------------------------

function repeatChar(c: number, n: number): LispString {
  return new LispString(charText(c).repeat(n), c >= 0x80);
}

defun('string-pad', [any, any, optional(any), optional(any)], (s, length, padding, start) => {
  if (!(typeof length === 'number' || typeof length === 'bigint') || length < 0) wrongType(Q.natnump, length);
  // subr-x returns STRING untouched when it is long enough, before looking at PADDING.
  const padLength = Number(length) - seqLength(s);
  if (padLength <= 0) return s;
  const str = stringArg(s);
  if (padding !== NIL && !(typeof padding === 'number' && padding >= 0 && padding <= MAX_CHAR)) wrongType(Q.characterp, padding);
  const pad = repeatChar(padding === NIL ? 32 : (padding as number), padLength);
  return joinStrings(start !== NIL ? [pad, str] : [str, pad]);
});

defun('string-limit', [any, any, optional(any), optional(any)], (s, length, end, codingSystem) => {
  if (!(typeof length === 'number' || typeof length === 'bigint') || length < 0) wrongType(Q.natnump, length);
  const limit = Number(length);
  // Without a coding system, subr-x returns a short enough STRING as it is, whatever it is.
  if (codingSystem === NIL && seqLength(s) <= limit) return s;
  const str = stringArg(s);
  if (codingSystem !== NIL) {
    checkCodingSystem(codingSystem);
    // One character at a time, as subr-x does.
    const codes = str.codes();
    const pieces: Uint8Array[] = [];
    let total = 0;
    for (let k = 0; k < codes.length; k++) {
      const c = codes[end !== NIL ? codes.length - 1 - k : k];
      const bytes = encodeToBytes(new LispString(charText(c), c >= 0x80), codingSystem);
      if (total + bytes.length > limit) break;
      pieces.push(bytes);
      total += bytes.length;
    }
    if (end !== NIL) pieces.reverse();
    const all = new Uint8Array(total);
    let o = 0;
    for (const p of pieces) {
      all.set(p, o);
      o += p.length;
    }
    return bytesToUnibyte(all);
  }
  if (str.length <= limit) return str;
  return end !== NIL ? substringOf(str, str.length - limit, str.length) : substringOf(str, 0, limit);
});

defun('string-truncate-left', [any, integer], (s, lengthArg) => {
  const str = stringArg(s);
  const strlen = str.length;
  let length = Number(lengthArg);
  if (strlen <= length) return str;
  length = Math.max(0, length - 3);
  const from = Math.max(0, strlen - 1 - length);
  return joinStrings([new LispString('...', false), substringOf(str, from, strlen)]);
});

// Emacs 28's string-reverse is `reverse', of any sequence.
defun('string-reverse', [any], (s) => reverse(s));

defun('assoc-string', [any, any, optional(any)], (key, alist, caseFold) => {
  // Only a string candidate makes a non-string KEY an error (compare-strings signals then).
  const k = key instanceof LispSymbol ? stringDesignator(key) : (key as LispString);
  const fold = caseFold !== NIL;
  for (let l = alist; l instanceof Cons; l = l.cdr) {
    const elt = l.car;
    const eltKey = elt instanceof Cons ? elt.car : elt;
    let s: LispString;
    if (eltKey instanceof LispString) s = eltKey;
    else if (eltKey instanceof LispSymbol) s = stringDesignator(eltKey);
    else continue;
    if (!(k instanceof LispString)) return wrongType(Q.stringp, key);
    if (fold ? compareStrings(k, NIL, NIL, s, NIL, NIL, true) === T : stringEqual(k, s)) return elt;
  }
  return NIL;
});

// ---- regexps: the simple cases until the regexp engine arrives ---------------

/**
 * What split-string and the string-trim functions need from a regexp
 * engine: `string-match`, returning the match's character bounds (and
 * setting the match data) or null. The regex module installs itself with
 * setRegexpEngine; until then a small matcher handles literal text and
 * bracket classes with `*`, `+` and `?`.
 */
export interface RegexpEngine {
  stringMatch(regexp: LispString, s: LispString, start: number): [number, number] | null;
}

let regexpEngine: RegexpEngine | null = null;

export function setRegexpEngine(engine: RegexpEngine | null): void {
  regexpEngine = engine;
}

function stringMatch(regexp: LispString, s: LispString, start: number): [number, number] | null {
  if (regexpEngine !== null) return regexpEngine.stringMatch(regexp, s, start);
  return simpleMatch(regexp, s, start);
}

interface SimpleItem {
  /** Matches one character (already case-folded if folding). */
  test(c: number): boolean;
  min: number;
  max: number;
}

interface SimplePattern {
  atStart: boolean;
  atEnd: boolean;
  items: SimpleItem[];
}

const simpleCache = new Map<string, SimplePattern>();

const CLASS_TESTS: Record<string, (c: number) => boolean> = {
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  blank: (c) => c === 32 || c === 9 || (c > 127 && /\p{Zs}/u.test(String.fromCodePoint(c))),
  digit: (c) => c >= 48 && c <= 57,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
  alpha: (c) => /\p{L}/u.test(String.fromCodePoint(c)),
  alnum: (c) => /[\p{L}\p{Nd}]/u.test(String.fromCodePoint(c)),
  upper: (c) => downcaseChar(c) !== c,
  lower: (c) => upcaseChar(c) !== c,
  punct: (c) => (c < 128 ? /[!-/:-@[-`{-~]/.test(String.fromCharCode(c)) : !/\p{L}|\p{N}/u.test(String.fromCodePoint(c))),
  cntrl: (c) => c < 32,
  ascii: (c) => c < 128,
  nonascii: (c) => c >= 128,
};

function unsupportedRegexp(re: string): never {
  return signal(Q.error, list(new LispString(`Regexp not supported before the regexp engine is loaded: ${re}`, true)));
}

function parseSimple(re: string): SimplePattern {
  const cached = simpleCache.get(re);
  if (cached) return cached;
  const chars = [...re].map((ch) => ch.codePointAt(0)!);
  const pat: SimplePattern = { atStart: false, atEnd: false, items: [] };
  let i = 0;
  const n = chars.length;
  let groupDepth = 0;
  while (i < n) {
    const c = chars[i];
    let test: ((x: number) => boolean) | null = null;
    if (c === 92 /* \ */) {
      const d = chars[i + 1];
      if (d === undefined) unsupportedRegexp(re);
      if (d === 96 /* ` */ && pat.items.length === 0) {
        pat.atStart = true;
        i += 2;
        continue;
      }
      if (d === 39 /* ' */ && i + 2 + 2 * groupDepth >= n) {
        pat.atEnd = true;
        i += 2;
        continue;
      }
      if (d === 40 /* ( */ && chars[i + 2] === 63 && chars[i + 3] === 58) {
        groupDepth++;
        i += 4;
        continue;
      }
      if (d === 41 /* ) */ && groupDepth > 0) {
        if (chars[i + 2] === 42 || chars[i + 2] === 43 || chars[i + 2] === 63) unsupportedRegexp(re);
        groupDepth--;
        i += 2;
        continue;
      }
      if (d === 115 /* s */ && chars[i + 2] === 45 /* - */) {
        test = CLASS_TESTS.space;
        i += 3;
      } else if ('.*+?[]^$\\'.includes(String.fromCodePoint(d))) {
        test = literalTest(d);
        i += 2;
      } else unsupportedRegexp(re);
    } else if (c === 91 /* [ */) {
      const [t, next] = parseBracket(chars, i + 1, re);
      test = t;
      i = next;
    } else if (c === 46 /* . */) {
      test = (x) => x !== 10;
      i++;
    } else if (c === 94 /* ^ */ && i === 0) {
      pat.atStart = true;
      i++;
      continue;
    } else if (c === 36 /* $ */ && i === n - 1) {
      pat.atEnd = true;
      i++;
      continue;
    } else if (c === 42 || c === 43 || c === 63) {
      if (pat.items.length === 0) test = literalTest(c);
      else unsupportedRegexp(re);
      i++;
    } else {
      test = literalTest(c);
      i++;
    }
    let min = 1;
    let max = 1;
    const q = chars[i];
    if (q === 42) [min, max, i] = [0, Infinity, i + 1];
    else if (q === 43) [min, max, i] = [1, Infinity, i + 1];
    else if (q === 63) [min, max, i] = [0, 1, i + 1];
    if (chars[i] === 63 && max !== 1) unsupportedRegexp(re);
    pat.items.push({ test: test!, min, max });
  }
  if (groupDepth !== 0) unsupportedRegexp(re);
  simpleCache.set(re, pat);
  return pat;
}

function literalTest(c: number): (x: number) => boolean {
  return (x) => x === c;
}

function parseBracket(chars: number[], i: number, re: string): [(x: number) => boolean, number] {
  let negate = false;
  if (chars[i] === 94) {
    negate = true;
    i++;
  }
  const ranges: [number, number][] = [];
  const classes: ((x: number) => boolean)[] = [];
  let first = true;
  while (i < chars.length && (chars[i] !== 93 || first)) {
    first = false;
    if (chars[i] === 91 && chars[i + 1] === 58) {
      const close = chars.indexOf(58, i + 2);
      if (close < 0 || chars[close + 1] !== 93) unsupportedRegexp(re);
      const name = String.fromCodePoint(...chars.slice(i + 2, close));
      const t = CLASS_TESTS[name];
      if (!t) unsupportedRegexp(re);
      classes.push(t);
      i = close + 2;
      continue;
    }
    const lo = chars[i];
    if (chars[i + 1] === 45 && chars[i + 2] !== undefined && chars[i + 2] !== 93) {
      ranges.push([lo, chars[i + 2]]);
      i += 3;
    } else {
      ranges.push([lo, lo]);
      i++;
    }
  }
  if (i >= chars.length) unsupportedRegexp(re);
  const test = (x: number): boolean => {
    for (const [lo, hi] of ranges) if (x >= lo && x <= hi) return true;
    for (const t of classes) if (t(x)) return true;
    return false;
  };
  return [negate ? (x) => x !== 10 && !test(x) : test, i + 1];
}

// split-string matches the same string over and over; keep its codes.
let cachedString: LispString | null = null;
let cachedText = '';
let cachedCodesArray: number[] = [];

function cachedCodes(s: LispString): number[] {
  if (s !== cachedString || s.value !== cachedText) {
    cachedString = s;
    cachedText = s.value;
    cachedCodesArray = multibyteCodes(s);
  }
  return cachedCodesArray;
}

function simpleMatch(regexp: LispString, s: LispString, start: number): [number, number] | null {
  const pat = parseSimple(regexp.value);
  const codes = cachedCodes(s);
  const fold = caseFoldSearch();
  const matches = (item: SimpleItem, c: number): boolean =>
    item.test(c) || (fold && (item.test(downcaseChar(c)) || item.test(upcaseChar(c))));
  const tryAt = (pos: number, k: number): number => {
    if (k === pat.items.length) return !pat.atEnd || pos === codes.length ? pos : -1;
    const item = pat.items[k];
    let count = 0;
    while (count < item.max && pos + count < codes.length && matches(item, codes[pos + count])) count++;
    for (; count >= item.min; count--) {
      const end = tryAt(pos + count, k + 1);
      if (end >= 0) return end;
    }
    return -1;
  };
  const last = pat.atStart ? Math.min(0, codes.length) : codes.length;
  if (pat.atStart && start > 0) return null;
  for (let p = start; p <= last; p++) {
    const end = tryAt(p, 0);
    if (end >= 0) return [p, end];
  }
  return null;
}

const DEFAULT_SEPARATORS = new LispString('[ \f\t\n\r\v]+', false);
const DEFAULT_TRIM = new LispString('[ \t\n\r]+', false);

function regexpArg(x: LispObject): LispString {
  return x instanceof LispString ? x : wrongType(Q.stringp, x);
}

/** subr.el's split-string, step by step (match data included). */
export function splitString(s: LispString, separators: LispObject, omitNulls: LispObject, trim: LispObject): LispString[] {
  const keepNulls = separators === NIL ? false : omitNulls === NIL;
  const rexp = separators === NIL ? DEFAULT_SEPARATORS : regexpArg(separators);
  const trimRe = trim === NIL ? null : regexpArg(trim);
  const trimAtEnd = trimRe ? new LispString(`${trimRe.value}\\'`, trimRe.multibyte) : null;
  const len = s.length;
  const out: LispString[] = [];
  // The beginning of the last successful match, as (match-beginning 0) sees it.
  let matchBeginning = 0;
  let start = 0;
  let notFirst = false;
  const pushOne = (thisStart: number, thisEnd: number): void => {
    if (trimRe) {
      const m = stringMatch(trimRe, s, thisStart);
      if (m) {
        matchBeginning = m[0];
        if (m[0] === thisStart) thisStart = m[1];
      }
    }
    if (keepNulls || thisStart < thisEnd) {
      if (thisStart > thisEnd) argsOutOfRange(s, thisStart, thisEnd);
      let piece = substringOf(s, thisStart, thisEnd);
      if (trimAtEnd) {
        const m = stringMatch(trimAtEnd, piece, 0);
        if (m) {
          matchBeginning = m[0];
          if (m[0] < piece.length) piece = substringOf(piece, 0, m[0]);
        }
      }
      if (keepNulls || piece.length > 0) out.push(piece);
    }
  };
  for (;;) {
    const from = notFirst && start === matchBeginning && start < len ? start + 1 : start;
    const m = stringMatch(rexp, s, from);
    if (!m) break;
    matchBeginning = m[0];
    if (!(start < len)) break;
    notFirst = true;
    const thisStart = start;
    start = m[1];
    pushOne(thisStart, m[0]);
  }
  pushOne(start, len);
  return out;
}

defun('split-string', [any, optional(any), optional(any), optional(any)], (s, separators, omitNulls, trim) =>
  arrayToList(splitString(regexpArg(s), separators, omitNulls, trim)),
);

defun('string-lines', [any, optional(any)], (s, omitNulls) =>
  arrayToList(splitString(regexpArg(s), new LispString('\n', false), omitNulls, NIL)),
);

export function stringTrimLeft(s: LispString, regexp: LispObject): LispString {
  const re =
    regexp === NIL ? new LispString(`\\\`${DEFAULT_TRIM.value}`, false) : wrapRegexp('\\`\\(?:', regexpArg(regexp), '\\)');
  const m = stringMatch(re, s, 0);
  return m ? substringOf(s, m[1], s.length) : s;
}

export function stringTrimRight(s: LispString, regexp: LispObject): LispString {
  const re =
    regexp === NIL ? new LispString(`${DEFAULT_TRIM.value}\\'`, false) : wrapRegexp('\\(?:', regexpArg(regexp), "\\)\\'");
  const m = stringMatch(re, s, 0);
  return m ? substringOf(s, 0, m[0]) : s;
}

function wrapRegexp(before: string, re: LispString, after: string): LispString {
  return new LispString(before + re.value + after, re.multibyte);
}

defun('string-trim-left', [any, optional(any)], (s, regexp) => stringTrimLeft(regexpArg(s), regexp));
defun('string-trim-right', [any, optional(any)], (s, regexp) => stringTrimRight(regexpArg(s), regexp));
defun('string-trim', [any, optional(any), optional(any)], (s, left, right) =>
  stringTrimRight(stringTrimLeft(regexpArg(s), left), right),
);

