// The buffer half of Emacs's editfns.c (point, insertion, deletion,
// substrings, narrowing, save-excursion/save-restriction), with the line
// and column functions of cmds.c and indent.c and the mark and region
// helpers of simple.el. `format` and the string functions live elsewhere.
import {
  type LispObject, LispString, LispSymbol, Cons, NIL, T, UNBOUND, Q, intern, signal, error,
  wrongType, argsOutOfRange, MANY, unibyteToMultibyteText, setCdr, anyWithProperties, isAsciiText,
} from '../lisp/index.js';
import { defun, defunRest, declareModule, defvar, optional, any, fixnum, integer, character, bool } from '../lisp/defun.js';
import { symbolValueCell, setSymbolValue } from '../eval/state.js';
import { saveForms } from '../eval/analyse.js';
import { funcall } from '../eval/index.js';
import {
  Buffer, Marker, currentBuffer, setCurrentBuffer, checkLive, isMarker, isBuffer,
} from '../buffer/buffer.js';
import { insertAtPoint, deleteText, replaceText, bufferSubstring, barfIfReadOnly, insertStringProperties } from '../buffer/insdel.js';
import { localizedInfo, Qmark_active, Qenable_multibyte_characters } from '../buffer/locals.js';
import { fixPosition, validateRegion, BIG_POSITION } from '../buffer/positions.js';
import { charText, charWidth, caseFoldSearch } from './character.js';
import { casifyString, CaseMode, downcaseChar } from './casefiddle.js';
import { scanWords } from './search.js';
import { decodeBuffer, bufferOrCurrent } from './buffer.js';
import { numberOrMarker } from './arith.js';
import { setMarker } from './marker.js';
import { numberValue } from '../lisp/index.js';
import {
  B64, B64URL, base64InputBytes, base64Encode, base64Decode, invalidBase64, detectCoding, textBytes, decodeBytes,
  encodeCodingString, setBufferTextForHash,
} from './coding.js';

declareModule('editfns');

const Qexecuting_kbd_macro = intern('executing-kbd-macro');
const Qmessage = intern('message');
const Qtab_width = intern('tab-width');
const Qindent_tabs_mode = intern('indent-tabs-mode');
const Qctl_arrow = intern('ctl-arrow');
const Qtransient_mark_mode = intern('transient-mark-mode');
const Qmark_even_if_inactive = intern('mark-even-if-inactive');
const Qmark_ring = intern('mark-ring');
const Qmark_ring_max = intern('mark-ring-max');
const Qactivate_mark_hook = intern('activate-mark-hook');
const Qdeactivate_mark_hook = intern('deactivate-mark-hook');

function defvarIfVoid(name: string, value: LispObject): LispSymbol {
  const s = intern(name);
  if (s.value === UNBOUND) defvar(name, value);
  s.special = true;
  return s;
}
defvarIfVoid('transient-mark-mode', NIL);
defvarIfVoid('mark-even-if-inactive', T);
defvarIfVoid('mark-ring', NIL);
defvarIfVoid('mark-ring-max', 16);
defvarIfVoid('activate-mark-hook', NIL);
defvarIfVoid('deactivate-mark-hook', NIL);
localizedInfo(Qmark_ring).auto = true;

// ---- positions -------------------------------------------------------------------

function clampPos(buf: Buffer, p: number): number {
  return p < buf.begv ? buf.begv : p > buf.zv ? buf.zv : p;
}

defun('point', [], () => currentBuffer().pt);
defun('point-min', [], () => currentBuffer().begv);
defun('point-max', [], () => currentBuffer().zv);
defun('buffer-size', [optional(any)], (b) => bufferOrCurrent(b).text.length);
defun('bobp', [], () => bool(currentBuffer().pt === currentBuffer().begv));
defun('eobp', [], () => bool(currentBuffer().pt === currentBuffer().zv));
defun('bolp', [], () => {
  const b = currentBuffer();
  return bool(b.pt === b.begv || b.charAt(b.pt - 1) === 10);
});
defun('eolp', [], () => {
  const b = currentBuffer();
  return bool(b.pt === b.zv || b.charAt(b.pt) === 10);
});

defun('goto-char', [any], (pos) => {
  const buf = currentBuffer();
  buf.goto(fixPosition(pos));
  return pos;
});

function moveChars(n: number): void {
  const buf = currentBuffer();
  const target = buf.pt + n;
  if (target < buf.begv) {
    buf.pt = buf.begv;
    signal(Q.beginning_of_buffer, NIL);
  }
  if (target > buf.zv) {
    buf.pt = buf.zv;
    signal(Q.end_of_buffer, NIL);
  }
  buf.pt = target;
}

defun('forward-char', [optional(fixnum)], (n) => {
  moveChars(n === NIL ? 1 : (n as number));
  return NIL;
});
defun('backward-char', [optional(fixnum)], (n) => {
  moveChars(n === NIL ? -1 : -(n as number));
  return NIL;
});

defun('char-after', [optional(any)], (pos) => {
  const buf = currentBuffer();
  if (pos === NIL) return buf.pt < buf.zv ? buf.charAt(buf.pt) : NIL;
  if (typeof pos === 'bigint') return NIL;
  const p = fixPosition(pos);
  return p >= buf.begv && p < buf.zv ? buf.charAt(p) : NIL;
});

defun('char-before', [optional(any)], (pos) => {
  const buf = currentBuffer();
  if (typeof pos === 'bigint') return NIL;
  const p = pos === NIL ? buf.pt : fixPosition(pos);
  return p > buf.begv && p <= buf.zv ? buf.charAt(p - 1) : NIL;
});

defun('following-char', [], () => {
  const buf = currentBuffer();
  return buf.pt < buf.zv ? buf.charAt(buf.pt) : 0;
});
defun('preceding-char', [], () => {
  const buf = currentBuffer();
  return buf.pt > buf.begv ? buf.charAt(buf.pt - 1) : 0;
});

// ---- lines -----------------------------------------------------------------------

/**
 * Moves point n lines as `forward-line` does and returns the shortfall
 * (the Lisp return value).
 */
export function forwardLine(buf: Buffer, n: number): number {
  const text = buf.text;
  const opoint = buf.pt;
  if (n <= 0) {
    // Scan back over 1 - n newlines; stop just after the last one found.
    const want = 1 - n;
    const lo = text.charToUnit(buf.begv - 1);
    let u = text.charToUnit(opoint - 1);
    let found = 0;
    while (found < want) {
      const nl = text.lastIndexOfUnit(10, lo, u);
      if (nl < 0) break;
      found++;
      u = nl;
    }
    let shortage = want - found;
    buf.pt = found === want ? text.unitToChar(u) + 2 : buf.begv;
    if (shortage > 0) shortage--;
    return -shortage;
  }
  const hi = text.charToUnit(buf.zv - 1);
  let u = text.charToUnit(opoint - 1);
  let found = 0;
  while (found < n) {
    const nl = text.indexOfUnit(10, u, hi);
    if (nl < 0) break;
    found++;
    u = nl + 1;
  }
  let shortage = n - found;
  buf.pt = found === n ? text.unitToChar(u) + 1 : buf.zv;
  if (shortage > 0 && buf.zv > buf.begv && buf.pt !== opoint && buf.charAt(buf.pt - 1) !== 10) shortage--;
  return shortage;
}

/** The position `forward-line` n would reach, point unchanged. */
function lineBeginningPosition(buf: Buffer, n: number): number {
  const saved = buf.pt;
  if (n === 1) {
    // The common case: scan back to the previous newline.
    const text = buf.text;
    const nl = text.lastIndexOfUnit(10, text.charToUnit(buf.begv - 1), text.charToUnit(saved - 1));
    return nl < 0 ? buf.begv : text.unitToChar(nl) + 2;
  }
  forwardLine(buf, n - 1);
  const p = buf.pt;
  buf.pt = saved;
  return p;
}

/** Emacs's end_of_line position: before the Nth newline forward (N > 0) or the (1-N)th back. */
function lineEndPosition(buf: Buffer, n: number): number {
  const text = buf.text;
  if (n > 0) {
    const hi = text.charToUnit(buf.zv - 1);
    let u = text.charToUnit(buf.pt - 1);
    for (let i = 0; ; i++) {
      const nl = text.indexOfUnit(10, u, hi);
      if (nl < 0) return buf.zv;
      if (i === n - 1) return text.unitToChar(nl) + 1;
      u = nl + 1;
    }
  }
  const lo = text.charToUnit(buf.begv - 1);
  let u = text.charToUnit(buf.pt - 1);
  for (let i = 0; ; i++) {
    const nl = text.lastIndexOfUnit(10, lo, u);
    if (nl < 0) return buf.begv;
    if (i === -n) return text.unitToChar(nl) + 1;
    u = nl;
  }
}

function lineCount(x: LispObject): number {
  if (x === NIL) return 1;
  if (typeof x === 'bigint') return x < 0n ? -BIG_POSITION : BIG_POSITION;
  return x as number;
}

defun('forward-line', [optional(integer)], (n) => forwardLine(currentBuffer(), lineCount(n)));
defun('line-beginning-position', [optional(integer)], (n) => lineBeginningPosition(currentBuffer(), lineCount(n)));
defun('line-end-position', [optional(integer)], (n) => lineEndPosition(currentBuffer(), lineCount(n)));
defun('beginning-of-line', [optional(fixnum)], (n) => {
  const buf = currentBuffer();
  buf.pt = lineBeginningPosition(buf, n === NIL ? 1 : (n as number));
  return NIL;
});
defun('end-of-line', [optional(fixnum)], (n) => {
  const buf = currentBuffer();
  buf.pt = lineEndPosition(buf, n === NIL ? 1 : (n as number));
  return NIL;
});

/** count-lines as subr.el defines it: (- (buffer-size) (forward-line (buffer-size))) inside the narrowed region. */
export function countLines(start: LispObject, end: LispObject): number {
  const buf = currentBuffer();
  const { pt, begv, zv } = buf;
  let s = fixPosition(start);
  let e = fixPosition(end);
  if (e < s) [s, e] = [e, s];
  if (!(1 <= s && e <= buf.z)) argsOutOfRange(start, end);
  try {
    buf.begv = s;
    buf.zv = e;
    buf.pt = s;
    const size = buf.text.length;
    return size - forwardLine(buf, size);
  } finally {
    buf.pt = pt;
    buf.begv = begv;
    buf.zv = zv;
  }
}

defun('count-lines', [any, any, optional(any)], (start, end) => countLines(start, end));

defun('line-number-at-pos', [optional(any), optional(any)], (pos, absolute) => {
  const buf = currentBuffer();
  if (pos !== NIL && typeof pos !== 'number' && !isMarker(pos)) wrongType(Q.fixnump, pos);
  const p = pos === NIL ? buf.pt : fixPosition(pos);
  if (p < buf.begv || p > buf.zv) argsOutOfRange(p, buf.begv, buf.zv);
  const start = absolute === NIL ? buf.begv : 1;
  const text = buf.text;
  return text.countUnit(10, text.charToUnit(start - 1), text.charToUnit(p - 1)) + 1;
});

// ---- columns -----------------------------------------------------------------------

function tabWidth(): number {
  const v = symbolValueCell(Qtab_width);
  return typeof v === 'number' && v > 0 && v <= 1000 ? v : 8;
}

/** Columns taken by character c starting at column col. */
function advanceColumn(c: number, col: number, tab: number, ctlArrow: boolean): number {
  if (c === 9) return (Math.floor(col / tab) + 1) * tab;
  if (c < 0x20 || c === 0x7f) return col + (ctlArrow ? 2 : 4);
  return col + charWidth(c);
}

function ctlArrow(): boolean {
  const v = symbolValueCell(Qctl_arrow);
  return v !== NIL && v !== UNBOUND;
}

/** The start of the line containing pos (bounded by begv). */
function lineStart(buf: Buffer, pos: number): number {
  const text = buf.text;
  const nl = text.lastIndexOfUnit(10, text.charToUnit(buf.begv - 1), text.charToUnit(pos - 1));
  return nl < 0 ? buf.begv : text.unitToChar(nl) + 2;
}

export function currentColumn(buf: Buffer = currentBuffer()): number {
  const tab = tabWidth();
  const arrow = ctlArrow();
  let col = 0;
  for (let p = lineStart(buf, buf.pt); p < buf.pt; p++) col = advanceColumn(buf.charAt(p), col, tab, arrow);
  return col;
}

defun('current-column', [], () => currentColumn());

/** indent-to: inserts tabs (if indent-tabs-mode) and spaces to reach column; returns the column reached. */
export function indentTo(column: number, minimum: number): number {
  const fromcol = currentColumn();
  let mincol = fromcol + minimum;
  if (mincol < column) mincol = column;
  if (fromcol === mincol) return mincol;
  const tab = tabWidth();
  let col = fromcol;
  let text = '';
  const itm = symbolValueCell(Qindent_tabs_mode);
  if (itm !== NIL && itm !== UNBOUND) {
    const tabs = Math.floor(mincol / tab) - Math.floor(fromcol / tab);
    if (tabs > 0) {
      text = '\t'.repeat(tabs);
      col = Math.floor(mincol / tab) * tab;
    }
  }
  text += ' '.repeat(mincol - col);
  insertAtPoint(text);
  return mincol;
}

defun('indent-to', [fixnum, optional(fixnum)], (column, minimum) => indentTo(column, minimum === NIL ? 0 : (minimum as number)));

defun('move-to-column', [any, optional(any)], (column, force) => {
  if (typeof column !== 'number' || column < 0) wrongType(Q.wholenump, column);
  const buf = currentBuffer();
  const tab = tabWidth();
  const arrow = ctlArrow();
  let pos = lineStart(buf, buf.pt);
  let col = 0;
  let prevCol = 0;
  let prevPos = pos;
  while (pos < buf.zv && col < column) {
    const c = buf.charAt(pos);
    if (c === 10) break;
    prevCol = col;
    prevPos = pos;
    col = advanceColumn(c, col, tab, arrow);
    pos++;
  }
  buf.pt = pos;
  if (col > column && force !== NIL && buf.charAt(prevPos) === 9 && prevCol < column) {
    // Any FORCE splits a tab: spaces up to COLUMN, then a tab to where it reached. Only t extends the line.
    buf.pt = prevPos;
    insertAtPoint(' '.repeat(column - prevCol));
    const goal = buf.pt;
    deleteText(goal, goal + 1);
    indentTo(col, 0);
    buf.pt = goal;
    col = column;
  }
  if (col < column && force === T) {
    indentTo(column, 0);
    col = column;
  }
  return col;
});

// ---- insertion ---------------------------------------------------------------------

/** The text `insert` inserts for its arguments. */
export function insertionText(args: LispObject[]): string {
  if (args.length === 1) return argText(args[0]);
  let s = '';
  for (let i = 0; i < args.length; i++) s += argText(args[i]);
  return s;
}

function argText(x: LispObject): string {
  if (x instanceof LispString) return x.multibyte ? x.value : unibyteToMultibyteText(x.value);
  if (typeof x === 'number' && x >= 0 && x <= 0x3fffff) return x < 0xd800 ? String.fromCharCode(x) : charText(x);
  return wrongType(Q.char_or_string_p, x);
}

/**
 * insert and its variants: the text of ARGS at point, each string with its
 * text properties. Where properties are about, each argument is its own
 * insertion as in Emacs (so each plain piece gets a run of its own).
 */
function insertArgs(args: LispObject[], beforeMarkers: boolean): LispObject {
  const buf = currentBuffer();
  if (buf.props === null && !anyWithProperties(args)) {
    insertAtPoint(insertionText(args), beforeMarkers);
    return NIL;
  }
  for (const a of args) {
    const at = buf.pt;
    insertAtPoint(argText(a), beforeMarkers);
    if (a instanceof LispString) insertStringProperties(buf, at, a);
  }
  return NIL;
}

defunRest('insert', 0, (args) => insertArgs(args, false));
// Inserted text does not inherit its neighbours' properties here: stickiness is not implemented.
defunRest('insert-and-inherit', 0, (args) => insertArgs(args, false));
defunRest('insert-before-markers', 0, (args) => insertArgs(args, true));
defunRest('insert-before-markers-and-inherit', 0, (args) => insertArgs(args, true));

defun('insert-char', [character, optional(fixnum), optional(any)], (c, count) => {
  const n = count === NIL ? 1 : (count as number);
  if (n <= 0) return NIL;
  insertAtPoint(charText(c).repeat(n));
  return NIL;
});

function insertBufferSubstring(buffer: LispObject, start: LispObject, end: LispObject, withProperties: boolean): LispObject {
  const src = decodeBuffer(buffer);
  checkLive(src);
  let s = start === NIL ? src.begv : fixPosition(start);
  let e = end === NIL ? src.zv : fixPosition(end);
  if (e < s) [s, e] = [e, s];
  if (!(src.begv <= s && e <= src.zv)) argsOutOfRange(start, end);
  const text = withProperties && src.props !== null ? bufferSubstring(src, s, e) : null;
  const buf = currentBuffer();
  const at = buf.pt;
  insertAtPoint(src.substring(s, e));
  if (text !== null) insertStringProperties(buf, at, text);
  return NIL;
}

defun('insert-buffer-substring', [any, optional(any), optional(any)], (buffer, start, end) =>
  insertBufferSubstring(buffer, start, end, true),
);
defun('insert-buffer-substring-no-properties', [any, optional(any), optional(any)], (buffer, start, end) =>
  insertBufferSubstring(buffer, start, end, false),
);

/** BUFFER's [START, END) for compare-buffer-substrings: nil bounds are the accessible region's. */
function comparedRange(buffer: LispObject, start: LispObject, end: LispObject): [Buffer, number, number] {
  const buf = buffer === NIL ? currentBuffer() : decodeBuffer(buffer);
  checkLive(buf);
  let s = start === NIL ? buf.begv : fixPosition(start);
  let e = end === NIL ? buf.zv : fixPosition(end);
  if (e < s) [s, e] = [e, s];
  if (!(buf.begv <= s && e <= buf.zv)) argsOutOfRange(start, end);
  return [buf, s, e];
}

defun('compare-buffer-substrings', [any, any, any, any, any, any], (buffer1, start1, end1, buffer2, start2, end2) => {
  const [b1, s1, e1] = comparedRange(buffer1, start1, end1);
  const [b2, s2, e2] = comparedRange(buffer2, start2, end2);
  const fold = caseFoldSearch();
  const n = Math.min(e1 - s1, e2 - s2);
  for (let i = 0; i < n; i++) {
    let c1 = b1.charAt(s1 + i);
    let c2 = b2.charAt(s2 + i);
    if (fold) {
      c1 = downcaseChar(c1);
      c2 = downcaseChar(c2);
    }
    if (c1 !== c2) return c1 < c2 ? -(i + 1) : i + 1;
  }
  if (n < e1 - s1) return n + 1;
  if (n < e2 - s2) return -(n + 1);
  return 0;
});

defun('newline', [optional(any), optional(any)], (n) => {
  const count = typeof n === 'number' ? n : 1;
  if (count > 0) insertAtPoint('\n'.repeat(count));
  return NIL;
});

// ---- deletion and substrings -----------------------------------------------------

defun('delete-region', [any, any], (start, end) => {
  const [s, e] = validateRegion(start, end);
  deleteText(s, e);
  return NIL;
});

defun('delete-and-extract-region', [any, any], (start, end) => {
  const [s, e] = validateRegion(start, end);
  if (s === e) return new LispString('', false);
  const text = bufferSubstring(currentBuffer(), s, e);
  deleteText(s, e);
  return text;
});

/** Deletes N characters after point (before it if N < 0); with KILL, kills them (kill-region) instead. */
function deleteChars(n: number, kill: boolean): void {
  const buf = currentBuffer();
  const target = buf.pt + n;
  if (n < 0 ? target < buf.begv : target > buf.zv) signal(n < 0 ? Q.beginning_of_buffer : Q.end_of_buffer, NIL);
  // From point to the target, as kill-forward-chars and kill-backward-chars call it: a backward kill prepends.
  if (kill) funcall(intern('kill-region'), [buf.pt, target]);
  else if (n < 0) deleteText(target, buf.pt);
  else deleteText(buf.pt, target);
}

defun('delete-char', [fixnum, optional(any)], (n, killflag) => {
  deleteChars(n, killflag !== NIL);
  return NIL;
});

defun('delete-backward-char', [fixnum, optional(any)], (n, killflag) => {
  deleteChars(-n, killflag !== NIL);
  return NIL;
});

defun('erase-buffer', [], () => {
  const buf = currentBuffer();
  buf.widen();
  deleteText(1, buf.z);
  return NIL;
});

defun('buffer-string', [], () => {
  const buf = currentBuffer();
  return bufferSubstring(buf, buf.begv, buf.zv);
});

defun('buffer-substring', [any, any], (start, end) => {
  const [s, e] = validateRegion(start, end);
  return bufferSubstring(currentBuffer(), s, e);
});

defun('buffer-substring-no-properties', [any, any], (start, end) => {
  const [s, e] = validateRegion(start, end);
  return bufferSubstring(currentBuffer(), s, e, false);
});

/**
 * `transpose-regions': swaps two regions that do not overlap. Point keeps its
 * number; markers travel with their text unless LEAVE-MARKERS (checked
 * against GNU Emacs 28.2, markers included).
 */
defun('transpose-regions', [any, any, any, any, optional(any)], (startr1, endr1, startr2, endr2, leaveMarkers) => {
  let [s1, e1] = validateRegion(startr1, endr1);
  let [s2, e2] = validateRegion(startr2, endr2);
  if (s2 < s1) [s1, e1, s2, e2] = [s2, e2, s1, e1];
  if (e1 > s2) error('Transposed regions overlap');
  const buf = currentBuffer();
  const len1 = e1 - s1;
  const len2 = e2 - s2;
  const lenMid = s2 - e1;
  if (len1 === 0 && len2 === 0) return NIL;
  const moved = (p: number): number =>
    p < s1 || p >= e2 ? p : p < e1 ? p + len2 + lenMid : p < s2 ? p + len2 - len1 : p - s2 + s1;
  const markers = buf.markers;
  const before = markers.map((m) => m.charpos);
  const pt = buf.pt;
  replaceText(s1, e2, buf.substring(s2, e2) + buf.substring(e1, s2) + buf.substring(s1, e1));
  buf.pt = leaveMarkers === NIL ? moved(pt) : pt;
  for (let i = 0; i < markers.length; i++) markers[i].charpos = leaveMarkers === NIL ? moved(before[i]) : before[i];
  return NIL;
});

defun('subst-char-in-region', [any, any, character, character, optional(any)], (start, end, from, to) => {
  const [s, e] = validateRegion(start, end);
  const buf = currentBuffer();
  const replacement = charText(to);
  let checked = false;
  for (let p = s; p < e; p++) {
    if (buf.charAt(p) !== from) continue;
    if (!checked) {
      barfIfReadOnly(buf);
      checked = true;
    }
    buf.replaceCharAt(p, replacement);
  }
  return NIL;
});

function casifyRegion(start: LispObject, end: LispObject, mode: CaseMode): LispObject {
  const [s, e] = validateRegion(start, end);
  if (s === e) return NIL;
  const buf = currentBuffer();
  const before = buf.substring(s, e);
  const after = casifyString(new LispString(before, true), mode).value;
  if (after === before) return NIL;
  barfIfReadOnly(buf);
  if (after.length === before.length && buf.text.allBmp) {
    // Same width: change characters in place, so markers keep their places.
    for (let i = 0; i < before.length; i++) {
      if (before.charCodeAt(i) !== after.charCodeAt(i)) buf.replaceCharAt(s + i, after[i]);
    }
  } else {
    const pt = buf.pt;
    replaceText(s, e, after);
    buf.goto(pt);
  }
  return NIL;
}

/** casefiddle.c's casify_word: the text from point to ARG words on; point moves past it only forward. */
function casifyWord(arg: LispObject, mode: CaseMode): LispObject {
  if (typeof arg !== 'number') return wrongType(Q.fixnump, arg);
  const buf = currentBuffer();
  const start = buf.pt;
  const far = scanWords(start, arg) ?? (arg <= 0 ? buf.begv : buf.zv);
  const size = buf.zv;
  casifyRegion(start, far, mode);
  // The region's end, moved by any change of length (some characters change length when cased).
  buf.pt = Math.max(start, far) + (buf.zv - size);
  return NIL;
}

defun('upcase-word', [any], (arg) => casifyWord(arg, CaseMode.Up));
defun('downcase-word', [any], (arg) => casifyWord(arg, CaseMode.Down));
defun('capitalize-word', [any], (arg) => casifyWord(arg, CaseMode.Capitalize));

defun('upcase-region', [any, any, optional(any)], (s, e) => casifyRegion(s, e, CaseMode.Up));
defun('downcase-region', [any, any, optional(any)], (s, e) => casifyRegion(s, e, CaseMode.Down));
defun('capitalize-region', [any, any, optional(any)], (s, e) => casifyRegion(s, e, CaseMode.Capitalize));
defun('upcase-initials-region', [any, any, optional(any)], (s, e) => casifyRegion(s, e, CaseMode.UpcaseInitials));

// ---- bytes -------------------------------------------------------------------------

defun('position-bytes', [any], (pos) => {
  const p = fixPosition(pos);
  const buf = currentBuffer();
  if (p < 1 || p > buf.z) return NIL;
  return buf.text.bytesBefore(p - 1) + 1;
});

defun('byte-to-position', [integer], (byte) => {
  const buf = currentBuffer();
  if (typeof byte !== 'number' || byte < 1) return NIL;
  const total = buf.text.bytesBefore(buf.text.length);
  if (byte > total + 1) return NIL;
  return buf.text.charAtByte(byte - 1) + 1;
});

// ---- narrowing -------------------------------------------------------------------

defun('narrow-to-region', [any, any], (start, end) => {
  let s = fixPosition(start);
  let e = fixPosition(end);
  if (e < s) [s, e] = [e, s];
  const buf = currentBuffer();
  if (!(1 <= s && e <= buf.z)) argsOutOfRange(start, end);
  buf.narrow(s, e);
  return NIL;
});

defun('widen', [], () => {
  currentBuffer().widen();
  return NIL;
});

defun('buffer-narrowed-p', [], () => bool(currentBuffer().narrowed));

// ---- save-excursion, save-restriction, save-current-buffer ------------------------

saveForms.saveCurrentBuffer = (run) => {
  const buf = currentBuffer();
  try {
    return run();
  } finally {
    if (buf.live) setCurrentBuffer(buf);
  }
};

saveForms.saveExcursion = (run) => {
  const buf = currentBuffer();
  const point = buf.makeMarker(buf.pt);
  try {
    return run();
  } finally {
    if (buf.live) {
      setCurrentBuffer(buf);
      buf.goto(point.charpos);
    }
    point.detach();
  }
};

saveForms.saveRestriction = (run) => {
  const buf = currentBuffer();
  if (!buf.narrowed) {
    try {
      return run();
    } finally {
      if (buf.live) buf.widen();
    }
  }
  const begv = buf.makeMarker(buf.begv);
  const zv = buf.makeMarker(buf.zv, true);
  try {
    return run();
  } finally {
    if (buf.live) {
      buf.begv = begv.charpos;
      buf.zv = zv.charpos;
      if (buf.pt < buf.begv || buf.pt > buf.zv) buf.goto(buf.pt);
    }
    begv.detach();
    zv.detach();
  }
};

// ---- the mark and the region ---------------------------------------------------------

defun('mark-marker', [], () => currentBuffer().mark);

function markActive(buf: Buffer): boolean {
  const v = buf.locals.get(Qmark_active);
  return v !== undefined && v !== NIL && v !== UNBOUND;
}

function truthy(sym: LispSymbol): boolean {
  const v = symbolValueCell(sym);
  return v !== NIL && v !== UNBOUND;
}

defun('mark', [optional(any)], (force) => {
  const buf = currentBuffer();
  if (force !== NIL || !truthy(Qtransient_mark_mode) || markActive(buf) || truthy(Qmark_even_if_inactive)) {
    return buf.mark.buffer === null ? NIL : buf.mark.charpos;
  }
  return signal(Q.mark_inactive, NIL);
});

function runHookIfSet(hook: LispSymbol): void {
  if (!truthy(hook)) return;
  const runHooks = intern('run-hooks');
  if (runHooks.fn !== NIL) funcall(runHooks, [hook]);
}

export function setMark(pos: LispObject): LispObject {
  const buf = currentBuffer();
  if (pos !== NIL) {
    buf.mark.set(buf, fixPosition(pos));
    buf.locals.set(Qmark_active, T);
    runHookIfSet(Qactivate_mark_hook);
    return NIL;
  }
  if (markActive(buf)) {
    buf.locals.set(Qmark_active, NIL);
    runHookIfSet(Qdeactivate_mark_hook);
  }
  buf.mark.set(null, 0);
  return NIL;
}

defun('set-mark', [any], setMark);

defun('deactivate-mark', [optional(any)], () => {
  const buf = currentBuffer();
  if (markActive(buf)) {
    buf.locals.set(Qmark_active, NIL);
    runHookIfSet(Qdeactivate_mark_hook);
  }
  return NIL;
});

defun('push-mark', [optional(any), optional(any), optional(any)], (location, nomsg, activate) => {
  const buf = currentBuffer();
  if (buf.mark.buffer !== null) {
    const copy = new Marker().set(buf, buf.mark.charpos);
    const ring: LispObject = new Cons(copy as unknown as LispObject, symbolValueCell(Qmark_ring) as LispObject);
    const max = symbolValueCell(Qmark_ring_max);
    const limit = typeof max === 'number' ? max : 16;
    let n = 0;
    for (let p: LispObject = ring; p instanceof Cons; p = p.cdr) {
      if (++n === limit && p.cdr instanceof Cons) {
        for (let q: LispObject = p.cdr; q instanceof Cons; q = q.cdr) if (q.car instanceof Marker) q.car.detach();
        setCdr(p, NIL);
      }
    }
    setSymbolValue(Qmark_ring, ring);
  }
  if (location === NIL) buf.mark.set(buf, buf.pt);
  else setMarker(buf.mark, location, NIL);
  if (nomsg === NIL && !truthy(Qexecuting_kbd_macro)) funcall(Qmessage, [new LispString('Mark set', false)]);
  if (activate !== NIL || !truthy(Qtransient_mark_mode)) setMark(buf.mark.charpos);
  return NIL;
});

function regionLimit(beginning: boolean): number {
  const buf = currentBuffer();
  if (truthy(Qtransient_mark_mode) && !truthy(Qmark_even_if_inactive) && !markActive(buf)) signal(Q.mark_inactive, NIL);
  if (buf.mark.buffer === null) error('The mark is not set now, so there is no region');
  const m = buf.mark.charpos;
  return (buf.pt < m) === beginning ? buf.pt : clampPos(buf, m);
}

defun('region-beginning', [], () => regionLimit(true));
defun('region-end', [], () => regionLimit(false));
defun('region-active-p', [], () => bool(truthy(Qtransient_mark_mode) && markActive(currentBuffer()) && currentBuffer().mark.buffer !== null));

// ---- simple.el movement commands -------------------------------------------------------

defun('beginning-of-buffer', [optional(any)], () => {
  const buf = currentBuffer();
  funcall(intern('push-mark'), []);
  buf.pt = buf.begv;
  return NIL;
});

defun('end-of-buffer', [optional(any)], () => {
  const buf = currentBuffer();
  funcall(intern('push-mark'), []);
  buf.pt = buf.zv;
  return NIL;
});

defun('buffer-end', [any], (arg) => {
  const buf = currentBuffer();
  return numberValue(numberOrMarker(arg)) > 0 ? buf.zv : buf.begv;
});

void [MANY, isMarker];

// ---- base64 of a region (fns.c) ---------------------------------------------------

/**
 * Replaces [start, end) of the current buffer by TEXT, leaving point as
 * fns.c's base64 region commands do: after the region it shifts, inside it
 * goes to the start. Returns the length of TEXT in characters.
 */
export function replaceRegionKeepingPoint(start: number, end: number, text: string): number {
  const buf = currentBuffer();
  const oldPt = buf.pt;
  const before = buf.z;
  replaceText(start, end, text);
  const inserted = buf.z - before + (end - start);
  buf.pt = oldPt >= end ? oldPt + inserted - (end - start) : oldPt > start ? start : oldPt;
  return inserted;
}

function base64EncodeRegion(start: LispObject, end: LispObject, alphabet: string, lineBreaks: boolean, pad: boolean): number {
  const [s, e] = validateRegion(start, end);
  const bytes = base64InputBytes(bufferSubstring(currentBuffer(), s, e, false));
  return replaceRegionKeepingPoint(s, e, base64Encode(bytes, alphabet, lineBreaks, pad));
}

defun('base64-encode-region', [any, any, optional(any)], (start, end, noLineBreak) =>
  base64EncodeRegion(start, end, B64, noLineBreak === NIL, true),
);

defun('base64url-encode-region', [any, any, optional(any)], (start, end, noPad) =>
  base64EncodeRegion(start, end, B64URL, false, noPad === NIL),
);

defun('base64-decode-region', [any, any, optional(any)], (start, end, url) => {
  const [s, e] = validateRegion(start, end);
  const buf = currentBuffer();
  const encoded = buf.substring(s, e);
  if (!isAsciiText(encoded)) invalidBase64();
  const bytes = base64Decode(encoded, url !== NIL);
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]);
  if (buf.locals.get(Qenable_multibyte_characters) !== NIL) text = unibyteToMultibyteText(text);
  return replaceRegionKeepingPoint(s, e, text);
});

// ---- coding systems on a region (coding.c) ------------------------------------------

function regionCoding(
  start: LispObject,
  end: LispObject,
  destination: LispObject,
  convert: (text: LispString) => LispString,
): LispObject {
  const [s, e] = validateRegion(start, end);
  const buf = currentBuffer();
  const source = new LispString(buf.substring(s, e), buf.locals.get(Qenable_multibyte_characters) !== NIL);
  const result = convert(source);
  // Raw bytes in a multibyte buffer are eight-bit characters.
  const text = result.multibyte ? result.value : unibyteToMultibyteText(result.value);
  if (destination === T) return new LispString(text, true);
  if (destination !== NIL) {
    const target = decodeBuffer(destination);
    const saved = currentBuffer();
    setCurrentBuffer(target);
    try {
      insertAtPoint(text);
    } finally {
      setCurrentBuffer(saved);
    }
    return text.length - countSurrogatePairs(text);
  }
  return replaceRegionKeepingPoint(s, e, text);
}

function countSurrogatePairs(text: string): number {
  let n = 0;
  for (let i = 0; i + 1 < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n++;
        i++;
      }
    }
  }
  return n;
}

defun('decode-coding-region', [any, any, any, optional(any)], (start, end, coding, destination) =>
  regionCoding(start, end, destination, (text) => decodeBytes(textBytes(text.value, text.multibyte), coding)),
);

defun('encode-coding-region', [any, any, any, optional(any)], (start, end, coding, destination) =>
  regionCoding(start, end, destination, (text) => encodeCodingString(text, coding)),
);

defun('detect-coding-region', [any, any, optional(any)], (start, end, highest) => {
  const [s, e] = validateRegion(start, end);
  const buf = currentBuffer();
  const found = detectCoding(textBytes(buf.substring(s, e), buf.locals.get(Qenable_multibyte_characters) !== NIL));
  return highest !== NIL ? found : new Cons(found, NIL);
});

// ---- bytes ------------------------------------------------------------------------

defun('insert-byte', [any, any, optional(any)], (byte, count) => {
  if (typeof byte !== 'number') return wrongType(Q.fixnump, byte);
  if (byte < 0 || byte > 255) argsOutOfRange(byte, 0, 255);
  if (typeof count !== 'number') return wrongType(Q.fixnump, count);
  const multibyte = currentBuffer().locals.get(Qenable_multibyte_characters) !== NIL;
  const ch = byte >= 0x80 && multibyte ? String.fromCharCode(0xdc80 + byte - 0x80) : String.fromCharCode(byte);
  if (count > 0) insertAtPoint(ch.repeat(count));
  return NIL;
});

defun('get-byte', [optional(any), optional(any)], (position, string) => {
  let c: number;
  if (string instanceof LispString) {
    const i = position === NIL ? 0 : (position as number);
    if (typeof i !== 'number' || i < 0 || i >= string.length) return argsOutOfRange(string, position);
    c = string.charAt(i);
    if (!string.multibyte) return c;
  } else {
    if (string !== NIL) return wrongType(Q.stringp, string);
    const buf = currentBuffer();
    const p = position === NIL ? buf.pt : fixPosition(position);
    if (p < buf.begv || p > buf.zv) return argsOutOfRange(position, buf.begv, buf.zv);
    if (p === buf.zv) return 0;
    c = buf.charAt(p);
    if (buf.locals.get(Qenable_multibyte_characters) === NIL) return c;
  }
  if (c < 0x80) return c;
  if (c >= 0x3fff80) return c - 0x3fff00;
  return error(`Not an ASCII nor an 8-bit character: ${c}`);
});

defun('buffer-hash', [optional(any)], (buffer) => {
  const buf = bufferOrCurrent(buffer === NIL ? NIL : decodeBuffer(buffer));
  return funcall(intern('secure-hash'), [intern('sha1'), new LispString(buf.substring(1, buf.z), true)]);
});

// There is no undo list to mark.
defun('undo-boundary', [], () => NIL);

// secure-hash, md5 and sha1 of a buffer: the text between START and END (the accessible region by default).
setBufferTextForHash((object, start, end) => {
  if (!isBuffer(object)) return null;
  const buf = checkLive(object);
  let s = start === NIL ? buf.begv : fixPosition(start);
  let e = end === NIL ? buf.zv : fixPosition(end);
  if (e < s) [s, e] = [e, s];
  if (s < buf.begv || e > buf.zv) argsOutOfRange(start, end);
  return bufferSubstring(buf, s, e, false);
});
