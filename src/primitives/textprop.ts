// textprop.c: text properties of strings and buffers. The runs live in
// src/lisp/intervals.ts; here are the Lisp functions, with Emacs 28's rules
// for which runs an edit splits (checked against GNU Emacs 28.2 by a
// differential fuzz: random edits, every result printed).
import {
  type LispObject, LispString, Cons, NIL, T, Q, intern, list, signal, wrongType, argsOutOfRange,
  TextProps, Interval, setCdr, valueCell, pairs, sameProperties, addRunProperties, editRuns,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, optional, any } from '../lisp/defun.js';
import { type Buffer, currentBuffer, setCurrentBuffer, Marker, checkLive, isBuffer } from '../buffer/buffer.js';
import { barfIfReadOnly } from '../buffer/insdel.js';
import { setStringPropertiesHook } from '../reader/reader.js';
import {
  type Overlay, bufferOverlays, overlayGet, sortOverlays, nextOverlayChange, previousOverlayChange, overlaysAt,
} from '../buffer/overlays.js';

declareModule('textprop');

const Qinteger_or_marker_p = intern('integer-or-marker-p');
const Qbuffer_or_string_p = intern('buffer-or-string-p');

// ---- what an OBJECT argument names ----------------------------------------------

/** The text whose properties a call reads or changes: a string (positions from 0) or a buffer (from 1). */
interface Target {
  readonly string: LispString | null;
  readonly buffer: Buffer | null;
  /** Added to a 0-based offset to make a position. */
  readonly base: number;
  /** Valid positions: [lo, hi]. */
  readonly lo: number;
  readonly hi: number;
  /** Characters in the whole text (a buffer's outside its restriction too). */
  readonly size: number;
}

function target(object: LispObject): Target {
  if (object instanceof LispString) {
    const n = object.length;
    return { string: object, buffer: null, base: 0, lo: 0, hi: n, size: n };
  }
  if (object === NIL || isBuffer(object)) {
    const buf = object === NIL ? currentBuffer() : checkLive(object as unknown as Buffer);
    return { string: null, buffer: buf, base: 1, lo: buf.begv, hi: buf.zv, size: buf.z - 1 };
  }
  return wrongType(Qbuffer_or_string_p, object);
}

function propsOf(t: Target): TextProps | null {
  return t.string !== null ? t.string.intervals : t.buffer!.props;
}

function setProps(t: Target, props: TextProps | null): void {
  if (t.string !== null) t.string.intervals = props;
  else t.buffer!.props = props;
}

/** The properties of t, made to cover its text with one nil run if it had none (Emacs's create_root_interval). */
function forcedProps(t: Target): TextProps {
  let p = propsOf(t);
  if (p === null) {
    p = TextProps.whole(t.size, NIL);
    setProps(t, p);
  }
  return p;
}

function position(x: LispObject): number {
  if (typeof x === 'number') return x;
  if (x instanceof Marker && x.buffer !== null) return x.charpos;
  return wrongType(Qinteger_or_marker_p, x);
}

/** START and END ordered and checked, as Emacs's validate_interval_range; returned 0-based. */
function range(t: Target, start: LispObject, end: LispObject): [number, number] {
  let s = position(start);
  let e = position(end);
  if (s > e) [s, e] = [e, s];
  if (!(t.lo <= s && e <= t.hi)) argsOutOfRange(s, e);
  return [s - t.base, e - t.base];
}

/** Runs the checks and bookkeeping of a buffer change (read-only, modified flag) around a property edit. */
function beforeBufferChange(t: Target): void {
  if (t.buffer !== null) barfIfReadOnly(t.buffer);
}

function afterChange(t: Target, changed: boolean): LispObject {
  if (changed && t.buffer !== null) t.buffer.modiff++;
  return changed ? T : NIL;
}

// ---- property lists of runs ---------------------------------------------------------

function textget(plist: LispObject, prop: LispObject): LispObject {
  const cell = valueCell(plist, prop);
  return cell === null ? NIL : cell.car;
}

function hasSome(names: LispObject[], run: Interval): boolean {
  for (const name of names) if (valueCell(run.plist, name) !== null) return true;
  return false;
}

/**
 * remove_properties: drops NAME from the front of the plist, then each later
 * occurrence, scanning on from the pair it removed (so of two neighbouring
 * pairs for NAME past the front, Emacs 28 removes the first only).
 */
function removeFromRun(names: LispObject[], run: Interval): boolean {
  let changed = false;
  for (const name of names) {
    let plist = run.plist;
    while (plist instanceof Cons && plist.car === name) {
      plist = cddr(plist);
      changed = true;
    }
    let tail: LispObject = plist;
    while (tail instanceof Cons) {
      const next = cddr(tail);
      if (next instanceof Cons && next.car === name) {
        if (tail.cdr instanceof Cons) setCdr(tail.cdr, cddr(next));
        changed = true;
      }
      tail = next;
    }
    run.plist = plist;
  }
  return changed;
}

function cddr(x: Cons): LispObject {
  return x.cdr instanceof Cons ? x.cdr.cdr : NIL;
}

// ---- editing runs over a range --------------------------------------------------------

/** add_text_properties over [s, e) of t (see addRunProperties). */
function addProperties(t: Target, s: number, e: number, props: [LispObject, LispObject][], replace: boolean): boolean {
  if (s >= e) return false;
  return addRunProperties(forcedProps(t), s, e, props, replace);
}

/** remove_text_properties over a range, with the same splitting rule as add. */
function removeProperties(t: Target, s: number, e: number, names: LispObject[]): boolean {
  const tp = propsOf(t);
  if (tp === null) return false;
  return editRuns(tp, s, e, (run) => !hasSome(names, run), (run) => removeFromRun(names, run));
}

/** set_text_properties: [s, e) becomes one run with a copy of PROPS. */
function setProperties(t: Target, s: number, e: number, props: LispObject): boolean {
  if (props === NIL && t.string !== null && s === 0 && e === t.size) {
    if (t.string.intervals === null) return false;
    t.string.intervals = null;
    return true;
  }
  let tp = propsOf(t);
  if (tp === null) {
    if (props === NIL || s >= e) return false;
    tp = forcedProps(t);
  }
  if (s >= e) return false;
  const runs = tp.runs;
  let i = tp.find(s);
  if (runs[i].start !== s) i = tp.split(i, s);
  let j = i;
  while (runs[j].end < e) j++;
  if (runs[j].end > e) tp.split(j, e);
  runs.splice(i, j - i + 1, new Interval(s, e, freshPlist(props)));
  return true;
}

/** A copy of the list PROPS, repeated properties and all (Emacs's Fcopy_sequence). */
function freshPlist(props: LispObject): LispObject {
  const items: LispObject[] = [];
  for (let p = props; p instanceof Cons; p = p.cdr) items.push(p.car);
  return list(...items);
}

// ---- reading properties ---------------------------------------------------------------

/** The run holding position pos (0-based offset), or null for the end of the text and text without properties. */
function runAt(t: Target, offset: number): Interval | null {
  const tp = propsOf(t);
  if (tp === null || offset >= t.size) return null;
  return tp.runs[tp.find(offset)];
}

function checkedOffset(t: Target, pos: LispObject): number {
  return range(t, pos, pos)[0];
}

export function textPropertiesAt(pos: LispObject, object: LispObject): LispObject {
  const t = target(object);
  const run = runAt(t, checkedOffset(t, pos));
  return run === null ? NIL : run.plist;
}

export function getTextProperty(pos: LispObject, prop: LispObject, object: LispObject): LispObject {
  return textget(textPropertiesAt(pos, object), prop);
}

defun('text-properties-at', [any, optional(any)], textPropertiesAt);
defun('get-text-property', [any, any, optional(any)], getTextProperty);
// ---- overlays and text together (the char-property functions) -------------------------

/** The buffer whose overlays count for OBJECT (nil or a buffer), or null when it has none. */
function overlayBuffer(object: LispObject): Buffer | null {
  if (object instanceof LispString) return null;
  const buf = object === NIL ? currentBuffer() : isBuffer(object) ? (object as unknown as Buffer) : null;
  return buf !== null && buf.overlays !== null && bufferOverlays(buf).length > 0 ? buf : null;
}

/** The highest-priority overlay among CANDIDATES whose PROP is non-nil, with that value. */
function winningOverlay(candidates: Overlay[], prop: LispObject): [LispObject, Overlay] | null {
  const sorted = sortOverlays(candidates);
  for (let i = sorted.length - 1; i >= 0; i--) {
    const value = overlayGet(sorted[i], prop);
    if (value !== NIL) return [value, sorted[i]];
  }
  return null;
}

function overlayPropertyAt(buf: Buffer, pos: number, prop: LispObject): [LispObject, Overlay] | null {
  return winningOverlay(overlaysAt(buf, pos), prop);
}

function getCharProperty(pos: LispObject, prop: LispObject, object: LispObject): LispObject {
  const buf = overlayBuffer(object);
  if (buf !== null) {
    const found = overlayPropertyAt(buf, position(pos), prop);
    if (found !== null) return found[0];
  }
  return getTextProperty(pos, prop, object);
}

defun('get-char-property', [any, any, optional(any)], getCharProperty);

defun('get-char-property-and-overlay', [any, any, optional(any)], (pos, prop, object) => {
  const buf = overlayBuffer(object);
  if (buf !== null) {
    const found = overlayPropertyAt(buf, position(pos), prop);
    if (found !== null) return new Cons(found[0], found[1]);
  }
  return new Cons(getTextProperty(pos, prop, object), NIL);
});

defun('get-pos-property', [any, any, optional(any)], (pos, prop, object) => {
  const buf = overlayBuffer(object);
  if (buf !== null) {
    // Overlays that would hold a character inserted at POS, given which of their ends advance.
    const p = position(pos);
    const holding = bufferOverlays(buf).filter((o) => {
      const s = o.start.charpos;
      const e = o.end.charpos;
      if (s > p || e < p) return false;
      if (s === p && o.start.insertionType) return false;
      if (e === p && !o.end.insertionType) return false;
      return true;
    });
    const found = winningOverlay(holding, prop);
    if (found !== null) return found[0];
  }
  // The property a character inserted at POS would inherit: stickiness is rear by default.
  const t = target(object);
  const offset = checkedOffset(t, pos);
  if (offset <= t.lo - t.base) return NIL;
  const run = runAt(t, offset - 1);
  return run === null ? NIL : textget(run.plist, prop);
});

// ---- changing properties --------------------------------------------------------------

defun('put-text-property', [any, any, any, any, optional(any)], (start, end, prop, value, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  beforeBufferChange(t);
  afterChange(t, addProperties(t, s, e, [[prop, value]], true));
  return NIL;
});

defun('add-text-properties', [any, any, any, optional(any)], (start, end, props, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  if (props === NIL) return NIL;
  beforeBufferChange(t);
  return afterChange(t, addProperties(t, s, e, pairs(props), true));
});

defun('set-text-properties', [any, any, any, optional(any)], (start, end, props, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  beforeBufferChange(t);
  const changed = setProperties(t, s, e, props);
  afterChange(t, changed && s < e);
  // Emacs answers t once it has set something, even an empty range of a string with properties.
  return changed ? T : NIL;
});

defun('remove-text-properties', [any, any, any, optional(any)], (start, end, props, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  beforeBufferChange(t);
  return afterChange(t, removeProperties(t, s, e, pairs(props).map(([name]) => name)));
});

defun('remove-list-of-text-properties', [any, any, any, optional(any)], (start, end, names, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  const list: LispObject[] = [];
  for (let p = names; p instanceof Cons; p = p.cdr) list.push(p.car);
  beforeBufferChange(t);
  return afterChange(t, removeProperties(t, s, e, list));
});

defunRest('propertize', 1, (args) => {
  const s = args[0];
  if (args.length % 2 !== 1) signal(Q.wrong_number_of_arguments, list(intern('propertize'), args.length));
  if (!(s instanceof LispString)) return wrongType(Q.stringp, s);
  const copy = new LispString(s.value, s.multibyte);
  if (s.intervals !== null) copy.intervals = s.intervals.slice(0, s.length);
  // Emacs conses the pairs up in reverse before adding them.
  const props: [LispObject, LispObject][] = [];
  for (let i = args.length - 2; i >= 1; i -= 2) props.push([args[i], args[i + 1]]);
  if (props.length > 0) addProperties(target(copy), 0, copy.length, props, true);
  return copy;
});

// ---- finding changes ------------------------------------------------------------------

function limitPosition(limit: LispObject): number {
  return limit === NIL ? NaN : position(limit);
}

/** The end of the text for a scan with no LIMIT. */
function textEnd(t: Target): number {
  return t.string !== null ? t.size : t.buffer!.zv;
}

function textStart(t: Target): number {
  return t.string !== null ? 0 : t.buffer!.begv;
}

/** Where a scan for a change starts: the text, LIMIT as a position (NaN for nil), the runs and the run holding POS. */
function scanStart(pos: LispObject, object: LispObject, limit: LispObject): { t: Target; lim: number; tp: TextProps; i: number; offset: number } | null {
  const t = target(object);
  const lim = limitPosition(limit);
  const offset = checkedOffset(t, pos);
  const tp = propsOf(t);
  return tp === null ? null : { t, lim, tp, i: tp.find(offset), offset };
}

function nextChange(pos: LispObject, object: LispObject, limit: LispObject, differs: (a: Interval, b: Interval) => boolean): LispObject {
  const scan = scanStart(pos, object, limit);
  if (scan === null) return limit;
  const { t, lim, tp } = scan;
  let i = scan.i;
  const here = tp.runs[i];
  i++;
  while (i < tp.runs.length && !differs(here, tp.runs[i]) && (limit === NIL || tp.runs[i].start + t.base < lim)) i++;
  if (i >= tp.runs.length) return limit;
  const at = tp.runs[i].start + t.base;
  return at >= (limit === NIL ? textEnd(t) : lim) ? limit : at;
}

function previousChange(pos: LispObject, object: LispObject, limit: LispObject, differs: (a: Interval, b: Interval) => boolean): LispObject {
  const scan = scanStart(pos, object, limit);
  if (scan === null) return limit;
  const { t, lim, tp } = scan;
  let i = scan.i;
  // Start with the run of the character before POS.
  if (tp.runs[i].start === scan.offset) i--;
  if (i < 0) return limit;
  const here = tp.runs[i];
  i--;
  while (i >= 0 && !differs(here, tp.runs[i]) && (limit === NIL || tp.runs[i].end + t.base > lim)) i--;
  if (i < 0) return limit;
  const at = tp.runs[i].end + t.base;
  return at <= (limit === NIL ? textStart(t) : lim) ? limit : at;
}

const differentProperties = (a: Interval, b: Interval): boolean => !sameProperties(a.plist, b.plist);
const differentValue = (prop: LispObject) => (a: Interval, b: Interval): boolean => textget(a.plist, prop) !== textget(b.plist, prop);

defun('next-property-change', [any, optional(any), optional(any)], (pos, object, limit) =>
  nextChange(pos, object, limit, differentProperties),
);
defun('next-single-property-change', [any, any, optional(any), optional(any)], (pos, prop, object, limit) =>
  nextChange(pos, object, limit, differentValue(prop)),
);
defun('previous-property-change', [any, optional(any), optional(any)], (pos, object, limit) =>
  previousChange(pos, object, limit, differentProperties),
);
defun('previous-single-property-change', [any, any, optional(any), optional(any)], (pos, prop, object, limit) =>
  previousChange(pos, object, limit, differentValue(prop)),
);

/** next-char-property-change in the current buffer BUF (which has overlays). */
function nextCharPropertyChange(buf: Buffer, pos: number, limit: number | null): number {
  let bound = nextOverlayChange(buf, pos);
  if (limit !== null && limit < bound) bound = limit;
  const r = nextChange(pos, NIL, bound, differentProperties);
  return r === NIL ? bound : (r as number);
}

function previousCharPropertyChange(buf: Buffer, pos: number, limit: number | null): number {
  let bound = previousOverlayChange(buf, pos);
  if (limit !== null && limit > bound) bound = limit;
  const r = previousChange(pos, NIL, bound, differentProperties);
  return r === NIL ? bound : (r as number);
}

/** Runs BODY with BUF current (the char-property functions look at OBJECT's buffer). */
function inBuffer<T>(buf: Buffer, body: () => T): T {
  const saved = currentBuffer();
  if (saved === buf) return body();
  setCurrentBuffer(buf);
  try {
    return body();
  } finally {
    setCurrentBuffer(saved);
  }
}

// The char-property variants see overlays too and never answer nil.
defun('next-single-char-property-change', [any, any, optional(any), optional(any)], (pos, prop, object, limit) => {
  const withOverlays = overlayBuffer(object);
  if (withOverlays !== null) {
    return inBuffer(withOverlays, () => {
      const lim = limit === NIL ? withOverlays.zv : position(limit);
      let p = position(pos);
      if (p >= lim) return Math.min(lim, withOverlays.zv);
      const initial = getCharProperty(p, prop, NIL);
      for (;;) {
        p = nextCharPropertyChange(withOverlays, p, lim);
        if (p >= lim) return lim;
        if (getCharProperty(p, prop, NIL) !== initial || p >= withOverlays.zv) return p;
      }
    });
  }
  const t = target(object);
  if (t.string !== null) {
    const r = nextChange(pos, object, limit, differentValue(prop));
    return r !== NIL ? r : limit === NIL ? t.size : limit;
  }
  const lim = limit === NIL ? t.hi : position(limit);
  if (position(pos) >= lim) return Math.min(lim, t.hi);
  return nextChange(pos, object, lim, differentValue(prop));
});
defun('previous-single-char-property-change', [any, any, optional(any), optional(any)], (pos, prop, object, limit) => {
  const withOverlays = overlayBuffer(object);
  if (withOverlays !== null) {
    return inBuffer(withOverlays, () => {
      const lim = limit === NIL ? withOverlays.begv : position(limit);
      let p = position(pos);
      if (p <= lim) return Math.max(lim, withOverlays.begv);
      const initial = getCharProperty(p - 1, prop, NIL);
      for (;;) {
        p = previousCharPropertyChange(withOverlays, p, lim);
        if (p <= lim) return lim;
        if (getCharProperty(p - 1, prop, NIL) !== initial) return p;
      }
    });
  }
  const t = target(object);
  if (t.string !== null) {
    const r = previousChange(pos, object, limit, differentValue(prop));
    return r !== NIL ? r : limit === NIL ? 0 : limit;
  }
  const lim = limit === NIL ? t.lo : position(limit);
  if (position(pos) <= lim) return Math.max(lim, t.lo);
  return previousChange(pos, object, lim, differentValue(prop));
});
defun('next-char-property-change', [any, optional(any)], (pos, limit) => {
  const withOverlays = overlayBuffer(NIL);
  if (withOverlays !== null) return nextCharPropertyChange(withOverlays, position(pos), limit === NIL ? null : position(limit));
  const t = target(NIL);
  const end = limit === NIL ? t.hi : Math.min(position(limit), t.hi);
  const r = nextChange(pos, NIL, end, differentProperties);
  return r === NIL ? end : r;
});
defun('previous-char-property-change', [any, optional(any)], (pos, limit) => {
  const withOverlays = overlayBuffer(NIL);
  if (withOverlays !== null) return previousCharPropertyChange(withOverlays, position(pos), limit === NIL ? null : position(limit));
  const t = target(NIL);
  const start = limit === NIL ? t.lo : Math.max(position(limit), t.lo);
  const r = previousChange(pos, NIL, start, differentProperties);
  return r === NIL ? start : r;
});

defun('text-property-any', [any, any, any, any, optional(any)], (start, end, prop, value, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  const tp = propsOf(t);
  if (tp === null || s >= t.size) return value !== NIL || s === e ? NIL : s + t.base;
  for (let i = tp.find(s); i < tp.runs.length && tp.runs[i].start < e; i++) {
    if (textget(tp.runs[i].plist, prop) === value) return Math.max(tp.runs[i].start, s) + t.base;
  }
  return NIL;
});

defun('text-property-not-all', [any, any, any, any, optional(any)], (start, end, prop, value, object) => {
  const t = target(object);
  const [s, e] = range(t, start, end);
  const tp = propsOf(t);
  if (tp === null || s >= t.size) return value === NIL || s === e ? NIL : s + t.base;
  for (let i = tp.find(s); i < tp.runs.length && tp.runs[i].start < e; i++) {
    if (textget(tp.runs[i].plist, prop) !== value) return Math.max(tp.runs[i].start, s) + t.base;
  }
  return NIL;
});

// Emacs 28's object-intervals: every run as (START END PLIST), 0-based even for buffers.
defun('object-intervals', [any], (object) => {
  const t = target(object);
  const tp = propsOf(t);
  if (tp === null) return NIL;
  return list(...tp.runs.map((r) => list(r.start, r.end, r.plist)));
});

// #("text" START END PLIST ...) in the reader sets each run as set-text-properties does.
setStringPropertiesHook((s, start, end, plist) => {
  const t = target(s);
  const [from, to] = range(t, start, end);
  setProperties(t, from, to, plist);
});

