// Checked editing of the current buffer, as Emacs's insdel.c: read-only
// checks, change hooks, then the raw edit. Every builtin that changes
// buffer text goes through here.
import {
  type LispObject, LispString, LispSymbol, Cons, NIL, T, Q, UNBOUND, intern, signal, list, TextProps,
} from '../lisp/index.js';
import { symbolValueCell, specbind, specpdlDepth, unbindTo } from '../eval/state.js';
import { funcall } from '../eval/index.js';
import { type Buffer, currentBuffer } from './buffer.js';
import { Qbuffer_read_only, Qenable_multibyte_characters } from './locals.js';

const Qinhibit_read_only = intern('inhibit-read-only');
const Qbefore_change_functions = intern('before-change-functions');
const Qafter_change_functions = intern('after-change-functions');
const Qinhibit_modification_hooks = intern('inhibit-modification-hooks');
for (const s of [Qinhibit_read_only, Qbefore_change_functions, Qafter_change_functions, Qinhibit_modification_hooks]) {
  if (s.value === UNBOUND) s.value = NIL;
  s.special = true;
}

/** Signals (buffer-read-only BUF) when buf is read-only and inhibit-read-only is nil. */
export function barfIfReadOnly(buf: Buffer): void {
  const ro = buf.locals.get(Qbuffer_read_only);
  if (ro === undefined || ro === NIL || ro === UNBOUND) return;
  const inhibit = symbolValueCell(Qinhibit_read_only);
  if (inhibit !== NIL && inhibit !== UNBOUND) return;
  signal(Q.buffer_read_only, list(buf as unknown as LispObject));
}

function hooksWanted(): boolean {
  const b = symbolValueCell(Qbefore_change_functions);
  const a = symbolValueCell(Qafter_change_functions);
  if ((b === NIL || b === UNBOUND) && (a === NIL || a === UNBOUND)) return false;
  const inhibit = symbolValueCell(Qinhibit_modification_hooks);
  return inhibit === NIL || inhibit === UNBOUND;
}

/** Runs a hook variable's functions with args; `t` in a local value means "and the default ones". */
function runHook(hook: LispSymbol, args: LispObject[]): void {
  const value = symbolValueCell(hook);
  if (value === NIL || value === UNBOUND) return;
  const depth = specpdlDepth();
  specbind(Qinhibit_modification_hooks, T);
  try {
    if (!(value instanceof Cons) || value.car === Q.lambda) {
      funcall(value, args);
      return;
    }
    for (let p: LispObject = value; p instanceof Cons; p = p.cdr) {
      if (p.car === T) {
        const global = hook.value;
        if (global === UNBOUND) continue;
        if (!(global instanceof Cons) || global.car === Q.lambda) funcall(global, args);
        else for (let g: LispObject = global; g instanceof Cons; g = g.cdr) if (g.car !== T) funcall(g.car, args);
      } else funcall(p.car, args);
    }
  } finally {
    unbindTo(depth);
  }
}

function beforeChange(from: number, to: number): void {
  runHook(Qbefore_change_functions, [from, to]);
}

function afterChange(from: number, to: number, oldLength: number): void {
  runHook(Qafter_change_functions, [from, to, oldLength]);
}

/** Inserts text at point in the current buffer and moves point after it. */
export function insertAtPoint(text: string, beforeMarkers = false): void {
  if (text.length === 0) return;
  const buf = currentBuffer();
  barfIfReadOnly(buf);
  const hooks = hooksWanted();
  if (hooks) beforeChange(buf.pt, buf.pt);
  const pos = buf.pt;
  const n = buf.insertAt(pos, text, beforeMarkers);
  buf.pt = pos + n;
  if (hooks) afterChange(pos, pos + n, 0);
}

/** Inserts text at pos (not at point) in buf, for markers used as output destinations. */
export function insertAtPosition(buf: Buffer, pos: number, text: string, beforeMarkers = false): number {
  if (text.length === 0) return 0;
  barfIfReadOnly(buf);
  const hooks = hooksWanted() && buf === currentBuffer();
  if (hooks) beforeChange(pos, pos);
  const n = buf.insertAt(pos, text, beforeMarkers);
  if (hooks) afterChange(pos, pos + n, 0);
  return n;
}

/** Deletes [from, to) of the current buffer (ordered and inside the accessible region). */
export function deleteText(from: number, to: number): void {
  if (from >= to) return;
  const buf = currentBuffer();
  barfIfReadOnly(buf);
  const hooks = hooksWanted();
  if (hooks) beforeChange(from, to);
  buf.deleteRange(from, to);
  if (hooks) afterChange(from, from, to - from);
}

/**
 * Replaces [from, to) of the current buffer by text, as Emacs's
 * replace_range: markers inside the old text go to its start, point inside
 * it goes to the end of the new text, positions after it shift.
 */
export function replaceText(from: number, to: number, text: string): void {
  const buf = currentBuffer();
  barfIfReadOnly(buf);
  const hooks = hooksWanted();
  if (hooks) beforeChange(from, to);
  const oldPt = buf.pt;
  const markers = buf.markers;
  const old = new Array<number>(markers.length);
  for (let i = 0; i < markers.length; i++) old[i] = markers[i].charpos;
  buf.deleteRange(from, to);
  const n = buf.insertAt(from, text, false);
  const diff = n - (to - from);
  for (let i = 0; i < markers.length; i++) {
    const p = old[i];
    markers[i].charpos = p >= to ? p + diff : p > from ? from : p;
  }
  buf.pt = oldPt > from ? oldPt + from + n - Math.min(oldPt, to) : oldPt;
  if (hooks) afterChange(from, from + n, to - from);
}

/** The text of [from, to) of buf as a Lisp string (multibyte unless the buffer is unibyte), with its text properties unless told. */
export function bufferSubstring(buf: Buffer, from: number, to: number, withProperties = true): LispString {
  const text = buf.substring(from, to);
  const s =
    buf.locals.get(Qenable_multibyte_characters) !== NIL
      ? new LispString(text, true)
      : // A unibyte buffer: raw-byte characters are the bytes themselves.
        new LispString(text.replace(/[\udc80-\udcff]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xdc80 + 0x80)), false);
  if (withProperties && buf.props !== null) s.intervals = buf.props.slice(from - 1, to - 1, true);
  return s;
}

/** Gives the text just inserted at pos (0-based in s's terms: s's own text) the properties of string s. */
export function insertStringProperties(buf: Buffer, pos: number, s: LispString): void {
  const props = s.intervals;
  if (props === null || props.empty) return;
  if (buf.props === null) buf.props = TextProps.whole(buf.z - 1, NIL);
  buf.props.graft(pos - 1, props);
}
