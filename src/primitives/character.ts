// character.c and friends: what a character is, how wide it displays, how
// many bytes it takes in Emacs's internal encoding, and building strings
// from characters.
import {
  type LispObject, LispString, LispSymbol, NIL, T, list, intern, lispCharToJs, RAW_BYTE_BASE, RAW_SURROGATE_BASE, MAX_CHAR, unibyteToMultibyteText,
  error, argsOutOfRange, wrongType, Q, concatProps,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, optional, any, character, string, integer, bool } from '../lisp/defun.js';
import { symbolValue } from '../eval/state.js';
import { downcaseChar, isUpperCaseChar } from './casefiddle.js';

declareModule('character');

export const Qcase_fold_search = intern('case-fold-search');
// A per-buffer variable in Emacs; whoever declares it first owns it.
if (!Qcase_fold_search.special) defvar('case-fold-search', T);

/** Is case folding on (the current value of `case-fold-search`)? */
export function caseFoldSearch(): boolean {
  return symbolValue(Qcase_fold_search) !== NIL;
}

export function isCharacter(x: LispObject): x is number {
  return typeof x === 'number' && x >= 0 && x <= MAX_CHAR;
}

// ---- building strings ------------------------------------------------------

/** The JS text for one character; characters beyond Unicode that are not raw bytes have no representation here. */
export function charText(c: number): string {
  if (c < 0x10000) return c >= 0xd800 && c < 0xe000 ? surrogateChar(c) : String.fromCharCode(c);
  if (c <= 0x10ffff || c >= RAW_BYTE_BASE) return lispCharToJs(c);
  return error(`Character #x${c.toString(16)} beyond Unicode is not supported`);
}

// A lone surrogate code point as an Emacs character; the lone low surrogates
// U+DC80-U+DCFF are taken for raw bytes, so those cannot be kept.
function surrogateChar(c: number): string {
  if (c >= RAW_SURROGATE_BASE && c <= 0xdcff) return error(`Character #x${c.toString(16)} is not supported`);
  return String.fromCharCode(c);
}

/** The text of S as it would be in a multibyte string. */
export function multibyteText(s: LispString): string {
  return s.multibyte ? s.value : unibyteToMultibyteText(s.value);
}

/**
 * A string of characters, multibyte as Emacs's make_string_from_bytes makes
 * it: unibyte exactly when every character is ASCII.
 */
export function stringFromChars(codes: ArrayLike<number>): LispString {
  let text = '';
  let multibyte = false;
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i];
    if (c >= 0x80) multibyte = true;
    text += c < 0x80 ? String.fromCharCode(c) : charText(c);
  }
  return new LispString(text, multibyte);
}

// ---- bytes -----------------------------------------------------------------

/** Bytes of character C in Emacs's internal (extended UTF-8) encoding. */
export function charBytes(c: number): number {
  if (c < 0x80) return 1;
  if (c < 0x800) return 2;
  if (c < 0x10000) return 3;
  if (c < 0x200000) return 4;
  if (c < RAW_BYTE_BASE) return 5;
  return 2;
}

/** What `string-bytes` returns. */
export function stringByteLength(s: LispString): number {
  const t = s.value;
  if (!s.multibyte) return t.length;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
      n += 4;
      i++;
    } else if (c >= RAW_SURROGATE_BASE && c <= 0xdcff) n += 2;
    else n += 3;
  }
  return n;
}

// ---- display width ---------------------------------------------------------

// Runs of characters whose `char-width` is not 1, taken from Emacs 28.2's
// char-width-table (East Asian wide and fullwidth 2, combining and format
// characters 0, controls as ^X or \NNN): "gap.length.width" in base 36.
const WIDTH_RUNS =
'0.9.2 0.1.8 0.1.0 0.l.2 2n.1.2 0.w.4 gw.34.0 7n.7.0 7b.19.0 1.1.0 1.2.0 1.2.0 1.1.0 1k.6.0 a.d.0 1a.l.0 g.1.0 2t.f.0 2.2.0 1.4.0 x.1.0 1.1.0 u.r.0 2j.b.0 1m.9.0 y.e.0 1.9.0 17.3.0 3c.1b.0 1j.1.0 1.1.0 4.8.0 4.1.0 3.7.0 a.2.0 t.1.0 1m.1.0 4.4.0 8.1.0 k.2.0 t.2.0 1l.1.0 4.d.0 3.1.0 u.2.0 3.1.0 b.2.0 1l.1.0 4.8.0 4.1.0 k.2.0 t.1.0 1m.1.0 2.1.0 1.4.0 8.a.0 b.2.0 u.1.0 1p.1.0 c.1.0 1e.1.0 1p.3.0 5.h.0 b.2.0 t.1.0 1m.1.0 f.2.0 k.2.0 t.1.0 1r.4.0 8.1.0 k.2.0 t.1.0 20.1.0 7.5.0 2i.1.0 2.7.0 c.8.0 2q.1.0 2.9.0 b.6.0 22.2.0 r.1.0 1.1.0 1.1.0 1j.e.0 1.5.0 1.2.0 5.1c.0 9.1.0 2u.4.0 1.6.0 1.2.0 2.2.0 p.2.0 4.3.0 g.4.0 d.1.0 2.2.0 6.1.0 f.1.0 2q.2o.2 0.4g.0 9p.3.0 qa.3.0 t.3.0 t.2.0 u.2.0 1s.2.0 1.7.0 8.1.0 2.b.0 9.1.0 19.4.0 3a.2.0 y.1.0 3a.3.0 4.2.0 9.1.0 6.3.0 63.2.0 2.1.0 1m.1.0 1.7.0 1.1.0 1.1.0 2.8.0 6.a.0 2.1.0 1c.h.0 1r.4.0 1c.1.0 1.5.0 1.1.0 5.1.0 14.9.0 c.2.0 w.4.0 2.2.0 1.3.0 1k.1.0 1.2.0 3.1.0 1.3.0 1m.8.0 2.2.0 48.3.0 1.d.0 1.7.0 4.1.0 6.1.0 3.2.0 5i.1s.0 ej.5.0 q.5.0 1d.g.0 2o.x.0 fd.2.2 d.2.2 5a.4.2 3.1.2 2.1.2 eh.2.2 l.2.2 1e.c.2 17.1.2 j.1.2 d.1.2 8.2.2 h.2.2 5.2.2 8.1.2 5.1.2 l.1.2 7.2.2 1.1.2 4.1.2 2.1.2 7.1.2 4.2.2 s.1.2 z.1.2 1.1.2 4.3.2 1.1.2 1p.3.2 o.1.2 e.1.2 nv.2.2 1f.1.2 4.1.2 bd.3.0 3x.1.0 2o.w.0 3k.cf.2 1.eg.2 8.5f4.2 1s.g74.2 wg.1j.2 bs.4.0 1.18.0 28.2.0 7k.1.0 3.1.0 4.1.0 p.2.0 5.1.0 47.2.0 q.i.0 1g.8.0 p.b.0 e.w.2 0.1g.0 2.4.0 2.1.0 14.1.0 1v.6.0 2.2.0 2.2.0 c.1.0 8.1.0 1b.1.0 1f.1.0 1.3.0 2.2.0 5.2.0 1.1.0 16.2.0 8.1.0 6m.1.0 2.1.0 4.1.0 i.8mc.2 c.24.0 6is.e8.2 u.1.0 kh.g.0 0.a.2 6.g.0 0.1s.2 3z.1.0 1.2o.2 3j.7.2 i.3.0 e9.1.0 6a.1.0 45.5.0 1ae.f.0 14.8.0 4l.2.0 qs.2.0 9g.1.0 1i.f.0 1k.3.0 1d.4.0 2.2.0 2.1.0 1u.3.0 10.5.0 1.8.0 1q.1.0 c.2.0 1g.9.0 b.3.0 2.1.0 2n.3.0 2.1.0 1.2.0 6.1.0 4g.1.0 3.8.0 l.2.0 1m.1.0 3.1.0 11.7.0 3.5.0 5f.8.0 2.3.0 1.1.0 30.6.0 1.7.0 1.2.0 6m.4.0 6.2.0 1.2.0 r.2.0 2d.8.0 2.1.0 1.2.0 2y.1.0 1.1.0 2.6.0 1.1.0 2t.3.0 2.4.0 1.5.0 en.2.0 1.1.0 4.1.0 ks.7.0 1.6.0 2c.m.0 2.7.0 1.2.0 1.2.0 fg9.5.0 1n.7.0 uw.4.0 25.5.2 b.2.2 e.4qg.2 8.ye.2 6xm.9v.2 h.4.2 8.b0.2 1wh.2.0 1.4.0 43n.3.0 9.g.0 2.7.0 u.4.0 44.3.0 1iz.1j.0 4.1e.0 8.1.0 e.1.0 m.5.0 1.f.0 11s.7.0 1.h.0 2.7.0 1.2.0 1.5.0 1ph.7.0 31.7.0 1bt.1.2 5m.1.2 5a.1.2 2.a.2 i.1.2 2a.81.2 c.9.2 1.1y.2 1.m.2 c.17.2 4.5.2 c.h.2 3.1.2 3.1z.2 1.1.2 1.57.2 2.1r.2 d.4.2 1.o.2 i.1.2 q.2.2 d.1.2 2e.2d.2 1c.1y.2 6.1.2 3.3.2 2.3.2 5.3.2 b.2.2 7.9.2 6b.h.2 7v.1b.2 1.a.2 1.7h.2 c.e.2 2.5.2 3.5.2 3.7.2 9.t.2 3.b.2 5.6.2 a.a.2 6.8.2 8.7.2 9.43.2 vh.2t4w.2 e1oh.dr.0';

const widthStarts: number[] = [];
const widthEnds: number[] = [];
const widthValues: number[] = [];
{
  let prevEnd = -1;
  for (const run of WIDTH_RUNS.split(' ')) {
    const [gap, len, w] = run.split('.');
    const start = prevEnd + 1 + parseInt(gap, 36);
    prevEnd = start + parseInt(len, 36) - 1;
    widthStarts.push(start);
    widthEnds.push(prevEnd);
    widthValues.push(Number(w));
  }
}

/** The display width of C in columns, as `char-width` (tab counts 8). */
export function charWidth(c: number): number {
  if (c >= 0x20 && c < 0x7f) return 1;
  if (c > 0x10ffff) return c >= RAW_BYTE_BASE ? 4 : 1;
  let lo = 0;
  let hi = widthStarts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (c < widthStarts[mid]) hi = mid - 1;
    else if (c > widthEnds[mid]) lo = mid + 1;
    else return widthValues[mid];
  }
  return 1;
}

/** Columns of characters FROM..TO of S; unibyte bytes count as the characters 0-255. */
export function stringWidth(s: LispString, from = 0, to = -1): number {
  const t = s.value;
  let w = 0;
  if (from === 0 && to < 0) {
    for (let i = 0; i < t.length; i++) {
      let c = t.charCodeAt(i);
      if (c >= 0x20 && c < 0x7f) {
        w++;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) c = t.codePointAt(i++)!;
      else if (s.multibyte && c >= RAW_SURROGATE_BASE && c <= 0xdcff) c = RAW_BYTE_BASE + c - RAW_SURROGATE_BASE;
      w += charWidth(c);
    }
    return w;
  }
  const end = to < 0 ? s.length : to;
  for (let i = from; i < end; i++) w += charWidth(s.charAt(i));
  return w;
}

// ---- builtins --------------------------------------------------------------

defun('characterp', [any, optional(any)], (x) => bool(isCharacter(x)));

defun('max-char', [], () => MAX_CHAR);

defun('char-width', [character], (c) => charWidth(c));

/** Resolves FROM and TO (nil, negative from the end) against LENGTH as `substring` does, or signals args-out-of-range. */
export function checkRange(obj: LispObject, from: LispObject, to: LispObject, length: number): [number, number] {
  let f = 0;
  let e = length;
  if (from !== NIL) {
    if (typeof from !== 'number') return typeof from === 'bigint' ? argsOutOfRange(obj, from, to) : wrongType(Q.integerp, from);
    f = from < 0 ? from + length : from;
  }
  if (to !== NIL) {
    if (typeof to !== 'number') return typeof to === 'bigint' ? argsOutOfRange(obj, from, to) : wrongType(Q.integerp, to);
    e = to < 0 ? to + length : to;
  }
  if (!(0 <= f && f <= e && e <= length)) argsOutOfRange(obj, from, to);
  return [f, e];
}

defun('string-width', [string, optional(integer), optional(integer)], (s, from, to) => {
  if (from === NIL && to === NIL) return stringWidth(s);
  const [f, e] = checkRange(s, from, to, s.length);
  return stringWidth(s, f, e);
});

defun('string-bytes', [string], (s) => stringByteLength(s));

defun('multibyte-string-p', [any], (x) => bool(x instanceof LispString && x.multibyte));

defunRest('string', 0, (chars) => stringFromChars(chars as number[]), character);

defun('char-to-string', [character], (c) => stringFromChars([c]));

defun('string-to-char', [string], (s) => (s.value.length === 0 ? 0 : s.charAt(0)));

defun('char-equal', [character, character], (a, b) => {
  if (a === b) return T;
  if (!caseFoldSearch()) return NIL;
  return bool(downcaseChar(a) === downcaseChar(b));
});

defun('unibyte-char-to-multibyte', [character], (c) => {
  if (c < 0x80) return c;
  if (c > 0xff) error(`Not a unibyte character: ${c}`);
  return RAW_BYTE_BASE + c - 0x80;
});

defun('multibyte-char-to-unibyte', [character], (c) => {
  if (c < 0x100) return c;
  if (c >= RAW_BYTE_BASE) return c - RAW_BYTE_BASE + 0x80;
  return -1;
});

const Qtruncate_string_ellipsis = intern('truncate-string-ellipsis');
if (!Qtruncate_string_ellipsis.special) defvar('truncate-string-ellipsis', NIL);

// mule-util.el's truncate-string-to-width, with the ellipsis joined by
// concatenation (ELLIPSIS-TEXT-PROPERTY needs text properties).
defun(
  'truncate-string-to-width',
  [string, integer, optional(integer), optional(character), optional(any), optional(any)],
  (str, endArg, startArg, padding, ellipsisArg) => {
    let endColumn = Number(endArg);
    const startColumn = startArg === NIL ? 0 : Number(startArg);
    let ellipsis: LispString | null = null;
    if (ellipsisArg instanceof LispString) ellipsis = ellipsisArg;
    else if (ellipsisArg !== NIL) {
      const v = symbolValue(Qtruncate_string_ellipsis);
      ellipsis = v instanceof LispString ? v : new LispString('\u2026', true);
    }
    const codes = str.codes();
    const strLen = codes.length;
    const strWidth = stringWidth(str);
    const ellipsisWidth = ellipsis ? stringWidth(ellipsis) : 0;
    let idx = 0;
    let column = 0;
    while (column < startColumn && idx < strLen) column += charWidth(codes[idx++]);
    const padString = (n: number): LispString =>
      padding === NIL || n <= 0 ? EMPTY_UNIBYTE : stringFromChars(new Array<number>(n).fill(padding as number));
    if (column < startColumn) return padding === NIL ? new LispString('', false) : padString(endColumn);
    const head = padString(column - startColumn);
    const fromIdx = idx;
    let tail = EMPTY_UNIBYTE;
    if (endColumn >= column) {
      if (endColumn < strWidth && strWidth > ellipsisWidth) endColumn -= ellipsisWidth;
      else ellipsis = null;
      let lastColumn = column;
      let lastIdx = idx;
      while (column < endColumn && idx < strLen) {
        lastColumn = column;
        lastIdx = idx;
        column += charWidth(codes[idx++]);
      }
      if (column > endColumn) {
        column = lastColumn;
        idx = lastIdx;
      }
      tail = padString(endColumn - column);
    }
    const body = new LispString(str.slice(fromIdx, idx), str.multibyte);
    return joinStrings(ellipsis ? [head, body, tail, ellipsis] : [head, body, tail]);
  },
);

const EMPTY_UNIBYTE = new LispString('', false);

/** Concatenates strings as `concat` does: multibyte if any part is, unibyte parts' bytes then becoming raw bytes. */
export function joinStrings(parts: readonly LispString[]): LispString {
  let multibyte = false;
  let props = false;
  for (const p of parts) {
    if (p.multibyte) multibyte = true;
    if (p.intervals !== null) props = true;
  }
  let text = '';
  for (const p of parts) text += multibyte ? multibyteText(p) : p.value;
  const result = new LispString(text, multibyte);
  if (props) result.intervals = concatProps(parts.map((p) => ({ props: p.intervals, length: p.length })));
  return result;
}

// Emacs 29's char-uppercase-p, provided because code written for newer Emacsen uses it.
defun('char-uppercase-p', [character], (c) => bool(isUpperCaseChar(c)));

// ---- charsets (charset.c), for the few this runtime knows ---------------------------

/** The code ranges of the charsets known here: [first character, last character, code of the first]. */
const CHARSETS: ReadonlyMap<string, readonly [number, number, number]> = new Map([
  ['ascii', [0, 0x7f, 0]],
  ['iso-8859-1', [0, 0xff, 0]],
  ['latin-iso8859-1', [0xa0, 0xff, 0x20]],
  ['unicode', [0, 0x10ffff, 0]],
  ['ucs', [0, 0x10ffff, 0]],
  ['unicode-bmp', [0, 0xffff, 0]],
  ['emacs', [0, MAX_CHAR, 0]],
  ['eight-bit', [RAW_BYTE_BASE, MAX_CHAR, 0x80]],
]);

function charsetRange(charset: LispObject): readonly [number, number, number] {
  const range = charset instanceof LispSymbol ? CHARSETS.get(charset.name) : undefined;
  return range ?? wrongType(intern('charsetp'), charset);
}

defun('charsetp', [any], (x) => bool(x instanceof LispSymbol && CHARSETS.has(x.name)));

defun('decode-char', [any, integer], (charset, code) => {
  const [first, last, firstCode] = charsetRange(charset);
  const c = (code as number) - firstCode + first;
  return c >= first && c <= last ? c : NIL;
});

defun('encode-char', [character, any], (c, charset) => {
  const [first, last, firstCode] = charsetRange(charset);
  return c >= first && c <= last ? c - first + firstCode : NIL;
});

/** ASCII, raw bytes, and otherwise unicode: what charset-priority gives in a UTF-8 locale. */
function charCharset(c: number): LispSymbol {
  return intern(c < 0x80 ? 'ascii' : c >= RAW_BYTE_BASE ? 'eight-bit' : 'unicode');
}

defun('char-charset', [character, optional(any)], (c) => charCharset(c));

defun('split-char', [character], (c) => {
  const charset = charCharset(c);
  if (charset.name === 'ascii') return list(charset, c);
  if (charset.name === 'eight-bit') return list(charset, c - RAW_BYTE_BASE + 0x80);
  return list(charset, (c >> 16) & 0xff, (c >> 8) & 0xff, c & 0xff);
});

defun('text-char-description', [character], (c) => {
  if (c < 0x20) return new LispString(`^${String.fromCharCode(c + 64)}`, false);
  if (c === 0x7f) return new LispString('^?', false);
  if (c >= RAW_BYTE_BASE) return new LispString(String.fromCharCode(c - RAW_BYTE_BASE + 0x80), false);
  return new LispString(lispCharToJs(c), c >= 0x80);
});
