// What Emacs's search.c holds: regexp and literal searches in strings and
// buffers, the match data they leave behind, replace-match, skip-chars and
// skip-syntax; plus the Lisp-level helpers built on them in subr.el and
// regexp-opt.el (match-string, looking-back, replace-regexp-in-string,
// regexp-opt). The regexp engine itself lives in src/regex.
import {
  type LispObject, LispString, LispSymbol, Cons, NIL, T, Q, Subr, intern, list, signal, error, wrongType,
  argsOutOfRange, listToArray, arrayToList, TailCheck,
  isAsciiText, setCar, setCdr,
  MAX_CHAR, BoolVector,
} from '../lisp/index.js';
import { declareModule, defun, defvar, optional, any, string } from '../lisp/defun.js';
import {
  compileRegexp, compilePattern, Matcher, StringSubject, BufferSubject, regexpQuote, type Program,
  syntaxClass, syntaxClassFromDesignator, charClassByName, isCharClass, type CharClass,
} from '../regex/index.js';
import { type Buffer, Marker, currentBuffer, isBuffer } from '../buffer/buffer.js';
import { replaceText } from '../buffer/insdel.js';
import { symbolValue } from '../eval/state.js';
import { funcall } from '../eval/index.js';
import { caseFoldSearch, joinStrings, multibyteText } from './character.js';
import { upcaseChar, downcaseChar, casifyString, CaseMode } from './casefiddle.js';
import { fixPosition } from '../buffer/positions.js';
import { Syn } from '../regex/syntax.js';
import { setRegexpEngine, substringOf } from './strings.js';

declareModule('search');

const Qinhibit_changing_match_data = intern('inhibit-changing-match-data');
if (!Qinhibit_changing_match_data.special) defvar('inhibit-changing-match-data', NIL);
const Qsearch_failed = Q.search_failed;
const Qfixnump = Q.fixnump;

// ---- the match data ------------------------------------------------------------------

/**
 * Emacs's search_regs and last_thing_searched. numRegs only grows (as
 * Emacs's register arrays do); unset groups hold -1.
 */
export const matchData = {
  starts: [] as number[],
  ends: [] as number[],
  numRegs: 0,
  /** 'string' after a string match (Emacs's Qt), the buffer after a buffer search, null before any. */
  last: null as 'string' | Buffer | null,
};

function growRegs(n: number): void {
  const md = matchData;
  while (md.numRegs < n) {
    md.starts.push(-1);
    md.ends.push(-1);
    md.numRegs++;
  }
}

/** Records a successful match of prog (groups from the matcher's registers). */
function recordMatch(prog: Program, m: Matcher, start: number, end: number, thing: 'string' | Buffer): void {
  const md = matchData;
  const n = prog.groups + 1;
  if (md.numRegs < n) growRegs(n);
  const starts = md.starts;
  const ends = md.ends;
  starts[0] = start;
  ends[0] = end;
  const regs = m.regs;
  for (let g = 1; g < n; g++) {
    const s = regs[2 * g];
    const e = regs[2 * g + 1];
    if (s < 0 || e < 0) {
      starts[g] = -1;
      ends[g] = -1;
    } else {
      starts[g] = s;
      ends[g] = e;
    }
  }
  for (let g = n; g < md.numRegs; g++) {
    starts[g] = -1;
    ends[g] = -1;
  }
  md.last = thing;
}

/** Match data set directly (search-forward of "", count 0): one empty match at pos. */
function recordEmptyMatch(pos: number, buf: Buffer): void {
  const md = matchData;
  if (md.numRegs < 1) growRegs(1);
  md.starts[0] = pos;
  md.ends[0] = pos;
  for (let g = 1; g < md.numRegs; g++) md.starts[g] = md.ends[g] = -1;
  md.last = buf;
}

function inhibitChanging(): boolean {
  return symbolValue(Qinhibit_changing_match_data) !== NIL;
}

const matcher = new Matcher();
const stringSubject = new StringSubject();
const bufferSubject = new BufferSubject();

// ---- string-match ------------------------------------------------------------------

function checkString(x: LispObject): LispString {
  return x instanceof LispString ? x : wrongType(Q.stringp, x);
}

function checkFixnum(x: LispObject): number {
  return typeof x === 'number' ? x : wrongType(Qfixnump, x);
}

/**
 * Searches string for regexp from start (already resolved and checked);
 * returns the match start or -1, recording the match data unless inhibited.
 */
export function stringMatchAt(regexp: LispString, s: LispString, start: number, inhibit: boolean): number {
  const prog = compileRegexp(regexp, caseFoldSearch());
  const len = s.length;
  const m = matcher;
  m.reset(prog);
  m.subj = stringSubject.set(s);
  m.begin = 0;
  m.end = len;
  m.stop = len;
  m.point = -1;
  const found = m.search(start, len);
  if (found < 0) return -1;
  if (!inhibit) recordMatch(prog, m, found, m.matchEnd, 'string');
  return found;
}

function stringMatch(regexp: LispObject, s: LispObject, start: LispObject, inhibit: boolean): LispObject {
  const re = checkString(regexp);
  const str = checkString(s);
  let pos = 0;
  if (start !== NIL) {
    const len = str.length;
    pos = checkFixnum(start);
    if (pos < 0 && -pos <= len) pos = len + pos;
    else if (pos < 0 || pos > len) argsOutOfRange(str, start);
  }
  const found = stringMatchAt(re, str, pos, inhibit || inhibitChanging());
  return found < 0 ? NIL : found;
}

// Emacs 28's arities: INHIBIT-MODIFY came with Emacs 29.
defun('string-match', [any, any, optional(any)], (regexp, s, start) => stringMatch(regexp, s, start, false));
defun('string-match-p', [any, any, optional(any)], (regexp, s, start) => stringMatch(regexp, s, start, true));
// POSIX longest-match variants: the backtracking matcher's first match stands in for the longest.
defun('posix-string-match', [any, any, optional(any)], (regexp, s, start) => stringMatch(regexp, s, start, false));

setRegexpEngine({
  stringMatch(regexp, s, start) {
    const found = stringMatchAt(regexp, s, start, inhibitChanging());
    return found < 0 ? null : [found, matcher.matchEnd];
  },
});

// ---- buffer searches -----------------------------------------------------------------

function prepareBuffer(prog: Program, buf: Buffer): Matcher {
  const m = matcher;
  m.reset(prog);
  m.subj = bufferSubject.set(buf.text);
  m.begin = buf.begv;
  m.end = buf.zv;
  m.point = buf.pt;
  return m;
}

function looking(regexp: LispObject, inhibit: boolean): LispObject {
  const re = checkString(regexp);
  const buf = currentBuffer();
  const prog = compileRegexp(re, caseFoldSearch());
  const m = prepareBuffer(prog, buf);
  m.stop = buf.zv;
  const end = m.run(0, buf.pt);
  if (end < 0) return NIL;
  if (!inhibit) recordMatch(prog, m, buf.pt, end, buf);
  return T;
}

defun('looking-at', [any], (regexp) => looking(regexp, inhibitChanging()));
defun('looking-at-p', [any], (regexp) => looking(regexp, true));
defun('posix-looking-at', [any], (regexp) => looking(regexp, inhibitChanging()));

/**
 * Emacs's search_buffer for a compiled pattern: n > 0 searches forward n
 * times, n < 0 backward. Returns the new position, or 0 - (the searches
 * left) when one fails.
 */
function searchBuffer(prog: Program, patternEmpty: boolean, buf: Buffer, pos: number, lim: number, n: number): number {
  const inhibit = inhibitChanging();
  if (n === 0 || patternEmpty) {
    if (!inhibit) recordEmptyMatch(pos, buf);
    return pos;
  }
  const m = prepareBuffer(prog, buf);
  while (n < 0) {
    m.reset(prog);
    m.stop = pos;
    const found = m.search(pos, lim);
    if (found < 0) return n;
    if (!inhibit) recordMatch(prog, m, found, m.matchEnd, buf);
    pos = found;
    n++;
  }
  while (n > 0) {
    m.reset(prog);
    m.stop = lim;
    const found = m.search(pos, lim);
    if (found < 0) return 0 - n;
    if (!inhibit) recordMatch(prog, m, found, m.matchEnd, buf);
    pos = m.matchEnd;
    n--;
  }
  return pos;
}

function searchCommand(pattern: LispObject, bound: LispObject, noerror: LispObject, count: LispObject, direction: number, regexp: boolean): LispObject {
  let n = direction;
  if (count !== NIL) n *= checkFixnum(count);
  const str = checkString(pattern);
  const buf = currentBuffer();
  let lim: number;
  if (bound === NIL) lim = n > 0 ? buf.zv : buf.begv;
  else {
    lim = fixPosition(bound);
    if (n > 0 ? lim < buf.pt : lim > buf.pt) error('Invalid search bound (wrong side of point)');
    if (lim > buf.zv) lim = buf.zv;
    else if (lim < buf.begv) lim = buf.begv;
  }
  const fold = caseFoldSearch();
  const prog = regexp ? compileRegexp(str, fold) : literalProgram(str, fold);
  const np = searchBuffer(prog, str.length === 0, buf, buf.pt, lim, n);
  if (np <= 0) {
    if (noerror === NIL) signal(Qsearch_failed, list(str));
    if (noerror !== T) buf.goto(lim);
    return NIL;
  }
  buf.goto(np);
  return np;
}

/** A literal search as a regexp program: the quoted string, compiled once per (string, fold). */
function literalProgram(s: LispString, fold: boolean): Program {
  const text = s.value;
  const seen = literalByObject.get(s);
  if (seen !== undefined && seen.text === text && seen.fold === fold && seen.multibyte === s.multibyte) return seen.prog;
  const prog = compileRegexp(new LispString(regexpQuote(text), s.multibyte), fold);
  if (seen !== undefined) {
    seen.text = text;
    seen.fold = fold;
    seen.multibyte = s.multibyte;
    seen.prog = prog;
  } else literalByObject.set(s, { text, fold, multibyte: s.multibyte, prog });
  return prog;
}

/** What a literal search string compiled to last time, so a literal in a loop skips quoting and the cache key. */
const literalByObject = new WeakMap<LispString, { text: string; fold: boolean; multibyte: boolean; prog: Program }>();

defun('search-forward', [any, optional(any), optional(any), optional(any)], (s, bound, noerror, count) =>
  searchCommand(s, bound, noerror, count, 1, false),
);
defun('search-backward', [any, optional(any), optional(any), optional(any)], (s, bound, noerror, count) =>
  searchCommand(s, bound, noerror, count, -1, false),
);
for (const [name, dir] of [
  ['re-search-forward', 1],
  ['re-search-backward', -1],
  ['search-forward-regexp', 1],
  ['search-backward-regexp', -1],
  ['posix-search-forward', 1],
  ['posix-search-backward', -1],
] as const) {
  defun(name, [any, optional(any), optional(any), optional(any)], (re, bound, noerror, count) =>
    searchCommand(re, bound, noerror, count, dir, true),
  );
}

/** subr.el's looking-back: a backward search for REGEXP ending at point. */
function lookingBack(regexp: LispObject, limit: LispObject, greedy: LispObject): LispObject {
  // subr.el concatenates REGEXP into its pattern: any sequence of characters will do.
  const re = regexp instanceof LispString ? regexp : (funcall(intern('concat'), [regexp]) as LispString);
  const buf = currentBuffer();
  const start = buf.pt;
  const anchored = new LispString('\\(?:' + re.value + '\\)\\=', re.multibyte);
  let lim = buf.begv;
  if (limit !== NIL) {
    lim = fixPosition(limit);
    if (lim > start) error('Invalid search bound (wrong side of point)');
    if (lim < buf.begv) lim = buf.begv;
  }
  const prog = compileRegexp(anchored, caseFoldSearch());
  let pos = searchBuffer(prog, false, buf, start, lim, -1);
  if (pos <= 0) return NIL;
  if (greedy !== NIL) {
    // Extend the match backward while REGEXP still matches up to the old point.
    const tail = compileRegexp(new LispString('\\(?:' + re.value + "\\)\\'", re.multibyte), caseFoldSearch());
    const m = matcher;
    const tryAt = (p: number): number => {
      m.reset(tail);
      m.subj = bufferSubject.set(buf.text);
      m.begin = buf.begv;
      m.end = start;
      m.stop = start;
      m.point = p;
      return m.run(0, p);
    };
    while (pos > buf.begv && tryAt(pos - 1) >= 0) pos--;
    const end = tryAt(pos);
    if (end >= 0 && !inhibitChanging()) recordMatch(tail, m, pos, end, buf);
  }
  return T;
}

defun('looking-back', [any, optional(any), optional(any)], lookingBack);

// ---- reading the match data ----------------------------------------------------------

function subexpIndex(subexp: LispObject): number {
  const n = checkFixnum(subexp);
  if (n < 0) argsOutOfRange(subexp, 0);
  return n;
}

export function matchBeginning(n: number): number {
  const md = matchData;
  return n < md.numRegs ? md.starts[n] : -1;
}

export function matchEnd(n: number): number {
  const md = matchData;
  return n < md.numRegs && md.starts[n] >= 0 ? md.ends[n] : -1;
}

defun('match-beginning', [any], (subexp) => {
  const p = matchBeginning(subexpIndex(subexp));
  return p < 0 ? NIL : p;
});
defun('match-end', [any], (subexp) => {
  const p = matchEnd(subexpIndex(subexp));
  return p < 0 ? NIL : p;
});

function callSubr(name: string, ...args: LispObject[]): LispObject {
  const fn = intern(name).fn;
  if (!(fn instanceof Subr)) return funcall(intern(name), args);
  while (args.length < fn.max) args.push(NIL);
  return fn.fn(...args);
}

const Qsubstring = intern('substring');
const Qsubstring_no_properties = intern('substring-no-properties');
const Qbuffer_substring = intern('buffer-substring');
const Qbuffer_substring_no_properties = intern('buffer-substring-no-properties');

/** (FN A B C) as subr.el's code would call it: through the symbol, so a redefinition takes effect. */
function call3(sym: LispSymbol, a: LispObject, b: LispObject, c: LispObject): LispObject {
  const fn = sym.fn;
  if (fn instanceof Subr && fn.max === 3) return (fn.fn as (x: LispObject, y: LispObject, z: LispObject) => LispObject)(a, b, c);
  return callSubr(sym.name, a, b, c);
}

function call2(sym: LispSymbol, a: LispObject, b: LispObject): LispObject {
  const fn = sym.fn;
  if (fn instanceof Subr && fn.max === 2) return (fn.fn as (x: LispObject, y: LispObject) => LispObject)(a, b);
  return callSubr(sym.name, a, b);
}

function matchString(num: LispObject, s: LispObject, props: boolean): LispObject {
  const b = matchBeginning(subexpIndex(num));
  if (b < 0) return NIL;
  const e = matchData.ends[checkFixnum(num)];
  if (s !== NIL) return call3(props ? Qsubstring : Qsubstring_no_properties, s, b, e);
  return call2(props ? Qbuffer_substring : Qbuffer_substring_no_properties, b, e);
}

defun('match-string', [any, optional(any)], (num, s) => matchString(num, s, true));
defun('match-string-no-properties', [any, optional(any)], (num, s) => matchString(num, s, false));

defun('match-data', [optional(any), optional(any), optional(any)], (integers, reuse) => {
  const md = matchData;
  if (md.last === null) return NIL;
  const data: LispObject[] = [];
  let len = 0;
  const buf = md.last === 'string' ? null : md.last;
  for (let i = 0; i < md.numRegs; i++) {
    const start = md.starts[i];
    if (start >= 0) {
      if (buf === null || integers !== NIL) {
        data[2 * i] = start;
        data[2 * i + 1] = md.ends[i];
      } else {
        data[2 * i] = buf.live ? new Marker().set(buf, start) : new Marker();
        data[2 * i + 1] = buf.live ? new Marker().set(buf, md.ends[i]) : new Marker();
      }
      len = 2 * i + 2;
    } else {
      data[2 * i] = NIL;
      data[2 * i + 1] = NIL;
    }
  }
  data.length = len;
  if (buf !== null && integers !== NIL) data.push(buf as unknown as LispObject);
  if (!(reuse instanceof Cons)) return arrayToList(data);
  // Store into REUSE, extending it when too short; extra elements become nil.
  let tail: Cons = reuse;
  let i = 0;
  for (; i < data.length; i++) {
    setCar(tail, data[i]);
    if (i + 1 < data.length) {
      if (tail.cdr instanceof Cons) tail = tail.cdr;
      else {
        setCdr(tail, arrayToList(data.slice(i + 1)));
        return reuse;
      }
    }
  }
  // Emacs's loop here never ends on a circular REUSE (and cannot be quit); ours signals circular-list.
  const rest = data.length > 0 ? tail.cdr : reuse;
  const check = new TailCheck(rest);
  for (let p: LispObject = rest; p instanceof Cons; p = p.cdr, check.step(p)) setCar(p, NIL);
  return reuse;
});

defun('set-match-data', [any, optional(any)], (data) => {
  if (data !== NIL && !(data instanceof Cons)) wrongType(Q.listp, data);
  const md = matchData;
  md.last = 'string';
  const items = listToArray(data);
  const length = Math.floor(items.length / 2);
  if (length > md.numRegs) growRegs(length);
  let i = 0;
  let k = 0;
  const position = (x: LispObject): number => {
    if (x instanceof Marker) {
      if (x.buffer === null) return 0;
      md.last = x.buffer;
      return x.charpos;
    }
    if (typeof x === 'number') return x;
    return wrongType(Q.integer_or_marker_p, x);
  };
  for (; k < items.length; i++) {
    const first = items[k];
    if (isBuffer(first)) {
      md.last = first;
      break;
    }
    if (i >= length) break;
    if (first === NIL) {
      md.starts[i] = -1;
      md.ends[i] = -1;
      k += 2;
      continue;
    }
    const from = position(first);
    if (k + 1 >= items.length) break;
    const to = position(items[k + 1]);
    md.starts[i] = from;
    md.ends[i] = to;
    k += 2;
  }
  for (; i < md.numRegs; i++) {
    md.starts[i] = -1;
    md.ends[i] = -1;
  }
  return NIL;
});

defun('match-data--translate', [any], (n) => {
  const delta = checkFixnum(n);
  const md = matchData;
  if (md.last === null) return NIL;
  for (let i = 0; i < md.numRegs; i++) {
    if (md.starts[i] >= 0) {
      md.starts[i] = Math.max(0, md.starts[i] + delta);
      md.ends[i] = Math.max(0, md.ends[i] + delta);
    }
  }
  return NIL;
});

/** A copy of the match data, for save/restore from TypeScript. */
export function saveMatchData(): { starts: number[]; ends: number[]; numRegs: number; last: 'string' | Buffer | null } {
  const md = matchData;
  return { starts: md.starts.slice(), ends: md.ends.slice(), numRegs: md.numRegs, last: md.last };
}

export function restoreMatchData(saved: ReturnType<typeof saveMatchData>): void {
  const md = matchData;
  md.starts = saved.starts;
  md.ends = saved.ends;
  md.numRegs = saved.numRegs;
  md.last = saved.last;
}

// ---- replace-match -------------------------------------------------------------------

const enum CaseAction {
  NoChange,
  AllCaps,
  CapInitial,
}

function isLower(c: number): boolean {
  return downcaseChar(c) === c && upcaseChar(c) !== c;
}

function isUpper(c: number): boolean {
  return downcaseChar(c) !== c;
}

/** How replace-match with FIXEDCASE nil converts the replacement, judged from the replaced text. */
function caseActionFor(charAt: (i: number) => number, from: number, to: number): CaseAction {
  let someMultiletterWord = false;
  let someLowercase = false;
  let someNonuppercaseInitial = false;
  let someUppercase = false;
  let prevc = 10;
  for (let p = from; p < to; p++) {
    const c = charAt(p);
    const prevWord = syntaxClass(prevc) === 2;
    if (isLower(c)) {
      someLowercase = true;
      if (!prevWord) someNonuppercaseInitial = true;
      else someMultiletterWord = true;
    } else if (isUpper(c)) {
      someUppercase = true;
      if (prevWord) someMultiletterWord = true;
    } else if (!prevWord) someNonuppercaseInitial = true;
    // Both only ever become true, and together they rule out every conversion.
    if (someLowercase && someNonuppercaseInitial) return CaseAction.NoChange;
    prevc = c;
  }
  if (!someLowercase && someMultiletterWord) return CaseAction.AllCaps;
  if (!someNonuppercaseInitial && someMultiletterWord) return CaseAction.CapInitial;
  if (!someNonuppercaseInitial && someUppercase) return CaseAction.AllCaps;
  return CaseAction.NoChange;
}

function invalidReplacement(): never {
  return error('Invalid use of \u2018\\\u2019 in replacement text');
}

/** The replacement text with `\&`, `\N` and `\\` substituted; `text` reads the matched text. */
function substitute(newtext: LispString, sub: number, forString: boolean, text: (from: number, to: number) => string): string {
  const md = matchData;
  const src = newtext.value;
  if (src.indexOf('\\') < 0) return src;
  let out = '';
  let last = 0;
  for (let i = 0; i < src.length; i++) {
    if (src.charCodeAt(i) !== 92) continue;
    if (i + 1 >= src.length) invalidReplacement();
    const c = src.charCodeAt(i + 1);
    let piece: string | null = null;
    if (c === 38 /* & */) piece = text(md.starts[sub], md.ends[sub]);
    else if (c >= 49 && c <= 57) {
      const g = c - 48;
      if (g < md.numRegs && md.starts[g] >= 0) piece = text(md.starts[g], md.ends[g]);
      else if (forString || g < md.numRegs) piece = '';
      else invalidReplacement();
    } else if (c === 92) piece = '\\';
    else if (c === 63 /* ? */ && forString) {
      i++;
      continue;
    } else invalidReplacement();
    out += src.slice(last, i) + piece;
    i++;
    last = i + 1;
  }
  return out + src.slice(last);
}

function replaceMatch(newtext: LispObject, fixedcase: LispObject, literal: LispObject, s: LispObject, subexp: LispObject): LispObject {
  const rep = checkString(newtext);
  if (s !== NIL) checkString(s);
  const md = matchData;
  let sub = 0;
  if (subexp !== NIL) {
    sub = checkFixnum(subexp);
    if (!(sub >= 0 && sub < md.numRegs)) argsOutOfRange(subexp, 0, md.numRegs);
  }
  const subStart = sub < md.numRegs ? md.starts[sub] : -1;
  const subEnd = sub < md.numRegs ? md.ends[sub] : -1;
  const str = s instanceof LispString ? s : null;
  const buf = currentBuffer();
  if (!(str === null ? buf.begv <= subStart && subEnd <= buf.zv : subStart >= 0 && subEnd <= str.length)) {
    if (subStart < 0) signal(Q.error, list(new LispString('replace-match subexpression does not exist', false), subexp));
    argsOutOfRange(subStart, subEnd);
  }
  let action = CaseAction.NoChange;
  if (fixedcase === NIL) {
    action =
      str === null
        ? caseActionFor((p) => buf.charAt(p), subStart, subEnd)
        : caseActionFor((p) => str.charAt(p), subStart, subEnd);
  }
  if (str !== null) {
    // The pieces join as concat joins them: a unibyte replacement's bytes 128-255 become raw-byte
    // characters in a multibyte result, and unibyte with unibyte stays unibyte.
    let result: LispString;
    if (literal !== NIL) result = rep;
    else {
      const template = !rep.multibyte && str.multibyte ? new LispString(multibyteText(rep), true) : rep;
      const text = substitute(template, sub, true, (a, b) => str.slice(a, b));
      result = new LispString(text, template.multibyte || (str.multibyte && !isAsciiText(text)));
    }
    if (action === CaseAction.AllCaps) result = casifyString(result, CaseMode.Up);
    else if (action === CaseAction.CapInitial) result = casifyString(result, CaseMode.UpcaseInitials);
    return joinStrings([substringOf(str, 0, subStart), result, substringOf(str, subEnd, str.length)]);
  }
  let text = literal === NIL ? substitute(rep, sub, false, (a, b) => buf.substring(a, b)) : rep.value;
  if (action === CaseAction.AllCaps) text = casifyString(new LispString(text, true), CaseMode.Up).value;
  else if (action === CaseAction.CapInitial) text = casifyString(new LispString(text, true), CaseMode.UpcaseInitials).value;
  const numRegs = md.numRegs;
  replaceText(subStart, subEnd, text);
  const newEnd = subStart + charCount(text);
  updateSearchRegs(subStart, subEnd, newEnd);
  if (md.numRegs !== numRegs) error('Match data clobbered by buffer modification hooks');
  buf.goto(newEnd);
  return NIL;
}

function charCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Emacs's update_search_regs: match positions follow a replacement of [oldStart, oldEnd) ending now at newEnd. */
function updateSearchRegs(oldStart: number, oldEnd: number, newEnd: number): void {
  const md = matchData;
  const change = newEnd - oldEnd;
  for (let i = 0; i < md.numRegs; i++) {
    const s = md.starts[i];
    if (s >= oldEnd) md.starts[i] = s + change;
    else if (s > oldStart) md.starts[i] = oldStart;
    const e = md.ends[i];
    if (e >= oldEnd) md.ends[i] = e + change;
    else if (e > oldStart) md.ends[i] = oldStart;
  }
}

defun('replace-match', [any, optional(any), optional(any), optional(any), optional(any)], replaceMatch);

// ---- replace-regexp-in-string (subr.el) ----------------------------------------------

defun(
  'replace-regexp-in-string',
  [any, any, any, optional(any), optional(any), optional(any), optional(any)],
  (regexp, rep, s, fixedcase, literal, subexp, start) => {
    // subr.el's definition step by step: START may be negative (string-match
    // and substring count it from the end).
    const str = checkString(s);
    const l = str.length;
    let pos: LispObject = start === NIL ? 0 : start;
    const pieces: LispObject[] = [];
    const saved = saveMatchData();
    try {
      while (typeof pos === 'number' ? pos < l : checkFixnum(pos) < l) {
        if (stringMatch(regexp, str, pos, false) === NIL) break;
        const mb = matchData.starts[0];
        let me = matchData.ends[0];
        if (me === mb) me = Math.min(l, mb + 1);
        translateMatchData(-mb);
        const piece = substringOf(str, mb, me);
        const replacement = rep instanceof LispString ? rep : funcall(rep, [matchString(0, piece, true)]);
        pieces.push(callSubr('substring', str, pos, mb));
        pieces.push(replaceMatch(replacement, fixedcase, literal, piece, subexp));
        pos = me;
      }
      pieces.push(callSubr('substring', str, pos, l));
    } finally {
      restoreMatchData(saved);
    }
    // (apply #'concat pieces), as subr.el ends.
    return joinStrings(pieces.map(checkString));
  },
);

function translateMatchData(delta: number): void {
  const md = matchData;
  for (let i = 0; i < md.numRegs; i++) {
    if (md.starts[i] >= 0) {
      md.starts[i] = Math.max(0, md.starts[i] + delta);
      md.ends[i] = Math.max(0, md.ends[i] + delta);
    }
  }
}

// ---- regexp-quote and regexp-opt -------------------------------------------------------

defun('regexp-quote', [string], (s) => {
  const q = regexpQuote(s.value);
  return q === s.value ? s : new LispString(q, s.multibyte);
});

const UNMATCHABLE = '\\`a\\`';

function commonPrefix(strings: string[][]): string[] {
  let n = strings[0].length;
  for (const s of strings) {
    let k = 0;
    while (k < n && k < s.length && s[k] === strings[0][k]) k++;
    n = k;
  }
  return strings[0].slice(0, n);
}

function compareChars(a: string[], b: string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i].codePointAt(0)!;
    const y = b[i].codePointAt(0)!;
    if (x !== y) return x - y;
  }
  return a.length - b.length;
}

function quoteChars(s: string[]): string {
  return regexpQuote(s.join(''));
}

/** regexp-opt-charset: a bracket expression for the characters, ranges for runs of four or more. */
function optCharset(chars: number[]): string {
  let bracket = '';
  let dash = '';
  let caret = '';
  const set = new Set<number>();
  for (const c of chars) {
    if (c === 93) bracket = ']';
    else if (c === 94) caret = '^';
    else if (c === 45) dash = '-';
    else set.add(c);
  }
  const sorted = [...set].sort((a, b) => a - b);
  let charset = '';
  let start = -1;
  let end = -2;
  const flush = (): void => {
    if (end > start + 2) charset += String.fromCodePoint(start) + '-' + String.fromCodePoint(end);
    else for (let c = start; c <= end; c++) charset += String.fromCodePoint(c);
  };
  for (const c of sorted) {
    if (c - 1 === end) end = c;
    else {
      flush();
      start = c;
      end = c;
    }
  }
  if (end >= start) flush();
  const all = bracket + charset + caret + dash;
  const count = [...all].length;
  if (count === 0) return UNMATCHABLE;
  if (count === 1) return regexpQuote(all);
  if (all === '^-') return '[-^]';
  return '[' + all + ']';
}

/** regexp-opt-group over sorted, distinct strings (each an array of characters). */
function optGroup(strings: string[][], paren: string | boolean, lax: boolean): string {
  const openGroup = typeof paren === 'string' ? paren : paren ? '\\(?:' : '';
  const closeGroup = paren ? '\\)' : '';
  const openCharset = lax ? '' : openGroup;
  const closeCharset = lax ? '' : closeGroup;
  if (strings.length === 0) return '';
  if (strings.length === 1) {
    if (strings[0].length === 1) return openCharset + quoteChars(strings[0]) + closeCharset;
    return openGroup + quoteChars(strings[0]) + closeGroup;
  }
  if (strings[0].length === 0) return openCharset + optGroup(strings.slice(1), true, true) + '?' + closeCharset;
  if (strings[0].length === 1 && strings.slice(1).some((s) => s.length === 1)) {
    const letters: number[] = [];
    const rest: string[][] = [];
    for (const s of strings) {
      if (s.length === 1) letters.unshift(s[0].codePointAt(0)!);
      else rest.push(s);
    }
    if (rest.length > 0) return openGroup + optGroup(rest, false, false) + '\\|' + optCharset(letters) + closeGroup;
    return openCharset + optCharset(letters) + closeCharset;
  }
  const prefix = commonPrefix(strings);
  if (prefix.length > 0) {
    const n = prefix.length;
    return openGroup + quoteChars(prefix) + optGroup(strings.map((s) => s.slice(n)), true, true) + closeGroup;
  }
  const reversed = strings.map((s) => s.slice().reverse());
  const xiffus = commonPrefix(reversed);
  if (xiffus.length > 0) {
    const n = xiffus.length;
    const prefixes = strings.map((s) => s.slice(0, s.length - n)).sort(compareChars);
    return openGroup + optGroup(prefixes, true, true) + quoteChars(xiffus.reverse()) + closeGroup;
  }
  const first = strings[0][0];
  let split = 0;
  while (split < strings.length && strings[split][0] === first) split++;
  return openGroup + optGroup(strings.slice(0, split), false, false) + '\\|' + optGroup(strings.slice(split), false, false) + closeGroup;
}

/** regexp-opt's STRINGS as Emacs 28 takes them: it sorts a copy, then removes duplicates from a list. */
function regexpOptStrings(strings: LispObject): LispString[] {
  if (strings instanceof LispString || strings instanceof BoolVector) return wrongType(Q.list_or_vector_p, strings);
  if (strings !== NIL && !(strings instanceof Cons) && !Array.isArray(strings)) return wrongType(Q.sequencep, strings);
  // regexp-opt.el sorts a copy with string-lessp first, so a bad element fails in sort order.
  const copy = Array.isArray(strings) ? strings.slice() : strings === NIL ? NIL : arrayToList(listToArray(strings));
  const sorted = funcall(intern('sort'), [copy, intern('string-lessp')]);
  if (Array.isArray(sorted)) return wrongType(Q.listp, sorted);
  return listToArray(sorted).map((x) => (x instanceof LispString ? x : wrongType(Q.sequencep, x)));
}

defun('regexp-opt', [any, optional(any)], (strings, paren) => {
  const items = regexpOptStrings(strings);
  const open = paren instanceof LispString ? paren.value : paren !== NIL ? '\\(' : null;
  let re: string;
  if (items.length === 0) re = (open ?? '\\(?:') + UNMATCHABLE + '\\)';
  else {
    const sorted = items.map((s) => [...s.value]).sort(compareChars);
    const distinct: string[][] = [];
    for (const s of sorted) if (distinct.length === 0 || compareChars(distinct[distinct.length - 1], s) !== 0) distinct.push(s);
    re = optGroup(distinct, open ?? true, open === null);
  }
  if (paren === intern('words')) re = '\\<' + re + '\\>';
  else if (paren === intern('symbols')) re = '\\_<' + re + '\\_>';
  return new LispString(re, items.some((s) => s.multibyte));
});

defun('regexp-opt-depth', [string], (re) => {
  // Count the groups that capture: `\(` not followed by `?:`.
  const text = re.value;
  compilePattern(text, false);
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') {
      if (text[i + 1] === '(' && !(text[i + 2] === '?' && text[i + 3] === ':')) depth++;
      i++;
    } else if (text[i] === '[') {
      // Skip a bracket expression: `]` right after `[` or `[^` is literal.
      let j = i + 1;
      if (text[j] === '^') j++;
      if (text[j] === ']') j++;
      while (j < text.length && text[j] !== ']') j++;
      i = j;
    }
  }
  return depth;
});

defun('regexp-opt-charset', [any], (chars) => {
  if (!(chars instanceof Cons) && chars !== NIL) return wrongType(Q.listp, chars);
  // Each element indexes a char-table in Emacs: a fixnum that is a character.
  const codes = listToArray(chars).map((c) => {
    if (typeof c !== 'number') return wrongType(Q.fixnump, c);
    if (c < 0 || c > MAX_CHAR) return wrongType(Q.characterp, c);
    return c;
  });
  return new LispString(optCharset(codes), true);
});

// ---- skip-chars and skip-syntax ------------------------------------------------------------

interface SkipSet {
  negate: boolean;
  ranges: number[];
  classes: CharClass[];
}

function parseSkipChars(spec: LispString): SkipSet {
  const p = spec.multibyte ? spec.codes() : [...spec.value].map((ch) => ch.charCodeAt(0));
  const set: SkipSet = { negate: false, ranges: [], classes: [] };
  let i = 0;
  const n = p.length;
  if (n > 0 && p[0] === 94) {
    set.negate = true;
    i = 1;
  }
  while (i < n) {
    let c = p[i++];
    if (c === 91 && i < n && p[i] === 58) {
      // [:class:] — the name is up to `:]` over printable ASCII.
      let j = i + 1;
      while (j < n - 1 && !(p[j] >= 0x80 || p[j] <= 0x20 || (p[j] === 58 && p[j + 1] === 93))) j++;
      if (j > i + 1 && p[j] === 58 && p[j + 1] === 93) {
        const name = String.fromCharCode(...p.slice(i + 1, j));
        const cls = charClassByName(name);
        if (cls === 0) error('Invalid ISO C character class');
        set.classes.push(cls);
        i = j + 2;
        continue;
      }
    }
    if (c === 92) {
      if (i === n) break;
      c = p[i++];
    }
    if (i + 1 < n && p[i] === 45) {
      i++;
      let c2 = p[i++];
      if (c2 === 92 && i < n) c2 = p[i++];
      if (c <= c2) set.ranges.push(c, c2);
    } else set.ranges.push(c, c);
  }
  return set;
}

function inSkipSet(set: SkipSet, c: number): boolean {
  const r = set.ranges;
  let hit = false;
  for (let i = 0; i < r.length; i += 2) {
    if (c >= r[i] && c <= r[i + 1]) {
      hit = true;
      break;
    }
  }
  if (!hit) for (const k of set.classes) if (isCharClass(k, c, upcaseChar, downcaseChar)) {
    hit = true;
    break;
  }
  return hit !== set.negate;
}

function skipLimit(lim: LispObject, forward: boolean): number {
  const buf = currentBuffer();
  if (lim === NIL) return forward ? buf.zv : buf.begv;
  let l = fixPosition(lim);
  if (l > buf.zv) l = buf.zv;
  if (l < buf.begv) l = buf.begv;
  return l;
}

function skipChars(spec: LispObject, lim: LispObject, forward: boolean): LispObject {
  const s = checkString(spec);
  const buf = currentBuffer();
  const limit = skipLimit(lim, forward);
  const set = parseSkipChars(s);
  const start = buf.pt;
  let pos = start;
  if (forward) while (pos < limit && inSkipSet(set, buf.charAt(pos))) pos++;
  else while (pos > limit && inSkipSet(set, buf.charAt(pos - 1))) pos--;
  buf.pt = pos;
  return pos - start;
}

defun('skip-chars-forward', [any, optional(any)], (s, lim) => skipChars(s, lim, true));
defun('skip-chars-backward', [any, optional(any)], (s, lim) => skipChars(s, lim, false));

function skipSyntax(spec: LispObject, lim: LispObject, forward: boolean): LispObject {
  const s = checkString(spec);
  const buf = currentBuffer();
  const limit = skipLimit(lim, forward);
  const wanted = new Uint8Array(16);
  const codes = s.codes();
  let i = 0;
  let negate = false;
  if (codes.length > 0 && codes[0] === 94) {
    negate = true;
    i = 1;
  }
  for (; i < codes.length; i++) {
    // Letters that name no syntax class are ignored, as in Emacs.
    const cls = syntaxClassFromDesignator(codes[i]);
    if (cls >= 0) wanted[cls] = 1;
  }
  const start = buf.pt;
  let pos = start;
  const ok = (c: number): boolean => (wanted[syntaxClass(c)] === 1) !== negate;
  if (forward) while (pos < limit && ok(buf.charAt(pos))) pos++;
  else while (pos > limit && ok(buf.charAt(pos - 1))) pos--;
  buf.pt = pos;
  return pos - start;
}

/**
 * syntax.c's scan_words: the position COUNT words from FROM (backward when
 * negative), each word a run of word-syntax characters after any others;
 * null when the buffer's accessible edge comes first. (Emacs also ends a
 * word where the script changes; that is not modelled.)
 */
export function scanWords(from: number, count: number): number | null {
  const buf = currentBuffer();
  let pos = from;
  for (; count > 0; count--) {
    while (pos < buf.zv && syntaxClass(buf.charAt(pos)) !== Syn.Word) pos++;
    if (pos >= buf.zv) return null;
    while (pos < buf.zv && syntaxClass(buf.charAt(pos)) === Syn.Word) pos++;
  }
  for (; count < 0; count++) {
    while (pos > buf.begv && syntaxClass(buf.charAt(pos - 1)) !== Syn.Word) pos--;
    if (pos <= buf.begv) return null;
    while (pos > buf.begv && syntaxClass(buf.charAt(pos - 1)) === Syn.Word) pos--;
  }
  return pos;
}

/** forward-word: t when point moved COUNT words; else point is left at the accessible edge and the value is nil. */
function forwardWord(arg: LispObject, sign: 1 | -1): LispObject {
  if (arg !== NIL && typeof arg !== 'number') wrongType(Q.fixnump, arg);
  const count = (arg === NIL ? 1 : (arg as number)) * sign;
  const buf = currentBuffer();
  const found = scanWords(buf.pt, count);
  buf.pt = found ?? (count > 0 ? buf.zv : buf.begv);
  return found === null ? NIL : T;
}

defun('forward-word', [optional(any)], (arg) => forwardWord(arg, 1));
defun('backward-word', [optional(any)], (arg) => forwardWord(arg, -1));

defun('skip-syntax-forward', [any, optional(any)], (s, lim) => skipSyntax(s, lim, true));
defun('skip-syntax-backward', [any, optional(any)], (s, lim) => skipSyntax(s, lim, false));
