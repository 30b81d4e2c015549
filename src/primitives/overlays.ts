// The overlay builtins of Emacs's buffer.c (and subr.el's remove-overlays
// and copy-overlay), over src/buffer/overlays.ts.
import { type LispObject, Cons, NIL, Q, intern, arrayToList, wrongType, setCar } from '../lisp/index.js';
import { declareModule, defun, any, optional, bool } from '../lisp/defun.js';
import { type Buffer, currentBuffer, checkLive, isBuffer } from '../buffer/buffer.js';
import { fixPosition } from '../buffer/positions.js';
import {
  Overlay, addOverlay, unchainOverlay, detachOverlay, bufferOverlays, recenter, overlayGet, sortOverlays, evaporate,
  nextOverlayChange, previousOverlayChange, overlaysAt, overlaysIn,
} from '../buffer/overlays.js';
import { decodeBuffer } from './buffer.js';

declareModule('buffer');

const Qoverlayp = intern('overlayp');
const Qevaporate = intern('evaporate');

/** A BUFFER argument: a buffer object (a name is not accepted, as in Emacs). */
function overlayBufferArg(x: LispObject): Buffer {
  return isBuffer(x) ? x : wrongType(Q.bufferp, x);
}

function checkOverlay(x: LispObject): Overlay {
  return x instanceof Overlay ? x : wrongType(Qoverlayp, x);
}

/** Places OV over [beg, end) of BUF (ordered, clamped to the buffer) and files it in BUF's lists. */
function place(ov: Overlay, buf: Buffer, beg: number, end: number): void {
  if (beg > end) [beg, end] = [end, beg];
  ov.start.set(buf, beg);
  ov.end.set(buf, end);
  addOverlay(buf, ov);
  if (ov.start.charpos === ov.end.charpos && overlayGet(ov, Qevaporate) !== NIL) detachOverlay(ov);
}

defun('overlayp', [any], (x) => bool(x instanceof Overlay));

defun('make-overlay', [any, any, optional(any), optional(any), optional(any)], (beg, end, buffer, frontAdvance, rearAdvance) => {
  const buf = buffer === NIL ? currentBuffer() : checkLive(overlayBufferArg(buffer));
  const ov = new Overlay(frontAdvance !== NIL, rearAdvance !== NIL);
  place(ov, buf, fixPosition(beg), fixPosition(end));
  return ov;
});

defun('overlay-start', [any], (ov) => {
  const o = checkOverlay(ov);
  return o.buffer === null ? NIL : o.start.charpos;
});
defun('overlay-end', [any], (ov) => {
  const o = checkOverlay(ov);
  return o.buffer === null ? NIL : o.end.charpos;
});
defun('overlay-buffer', [any], (ov) => checkOverlay(ov).buffer ?? NIL);

defun('overlay-properties', [any], (ov) => {
  const items: LispObject[] = [];
  for (let p = checkOverlay(ov).plist; p instanceof Cons; p = p.cdr) items.push(p.car);
  return arrayToList(items);
});

defun('overlay-get', [any, any], (ov, prop) => overlayGet(checkOverlay(ov), prop));

defun('overlay-put', [any, any, any], (ov, prop, value) => {
  const o = checkOverlay(ov);
  let found = false;
  for (let p = o.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) {
      setCar(p.cdr, value);
      found = true;
      break;
    }
  }
  if (!found) o.plist = new Cons(prop, new Cons(value, o.plist));
  if (prop === Qevaporate && value !== NIL && o.buffer !== null && o.start.charpos === o.end.charpos) detachOverlay(o);
  return value;
});

defun('delete-overlay', [any], (ov) => {
  detachOverlay(checkOverlay(ov));
  return NIL;
});

defun('move-overlay', [any, any, any, optional(any)], (ov, beg, end, buffer) => {
  const o = checkOverlay(ov);
  const buf = buffer === NIL ? (o.buffer ?? currentBuffer()) : checkLive(overlayBufferArg(buffer));
  if (o.buffer !== null) unchainOverlay(o.buffer, o);
  place(o, buf, fixPosition(beg), fixPosition(end));
  return o;
});

defun('delete-all-overlays', [optional(any)], (buffer) => {
  const buf = buffer === NIL ? currentBuffer() : decodeBuffer(buffer);
  for (const ov of bufferOverlays(buf).slice()) detachOverlay(ov);
  return NIL;
});

defun('overlays-at', [any, optional(any)], (pos, sorted) => {
  const found = overlaysAt(currentBuffer(), fixPosition(pos));
  return arrayToList(sorted !== NIL ? sortOverlays(found).reverse() : found);
});

/**
 * The overlays overlapping [beg, end): sharing a character with it, or
 * empty and at BEG, inside, or at END when END is the end of the
 * accessible text.
 */
defun('overlays-in', [any, any], (begArg, endArg) => {
  let beg = fixPosition(begArg);
  let end = fixPosition(endArg);
  if (beg > end) [beg, end] = [end, beg];
  return arrayToList(overlaysIn(currentBuffer(), beg, end));
});

defun('next-overlay-change', [any], (pos) => nextOverlayChange(currentBuffer(), fixPosition(pos)));
defun('previous-overlay-change', [any], (pos) => previousOverlayChange(currentBuffer(), fixPosition(pos)));

// The lists as they stand: Emacs 28 does not recenter here.
defun('overlay-lists', [], () => {
  const l = currentBuffer().overlays;
  return new Cons(arrayToList(l === null ? [] : l.before.slice()), arrayToList(l === null ? [] : l.after.slice()));
});

defun('overlay-recenter', [any], (pos) => {
  recenter(currentBuffer(), fixPosition(pos));
  return NIL;
});

/**
 * subr.el's copy-overlay: a new overlay over the same text (default
 * insertion types), given OV's properties one by one, so in reverse order.
 */
function copyOverlay(o: Overlay): Overlay {
  const copy = new Overlay(false, false);
  let plist: LispObject = NIL;
  for (let p: LispObject = o.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    let found = false;
    for (let q: LispObject = plist; q instanceof Cons && q.cdr instanceof Cons; q = q.cdr.cdr) {
      if (q.car === p.car) {
        setCar(q.cdr, p.cdr.car);
        found = true;
        break;
      }
    }
    if (!found) plist = new Cons(p.car, new Cons(p.cdr.car, plist));
  }
  copy.plist = plist;
  if (o.buffer !== null) place(copy, o.buffer, o.start.charpos, o.end.charpos);
  return copy;
}

defun('copy-overlay', [any], (ov) => copyOverlay(checkOverlay(ov)));

// subr.el's remove-overlays: overlays with NAME = VAL are cut back to outside [beg, end).
defun('remove-overlays', [optional(any), optional(any), optional(any), optional(any)], (begArg, endArg, name, val) => {
  const buf = currentBuffer();
  let beg = begArg === NIL ? buf.begv : fixPosition(begArg);
  let end = endArg === NIL ? buf.zv : fixPosition(endArg);
  if (beg > end) [beg, end] = [end, beg];
  // As subr.el does first (it speeds up its loop there, and decides the lists' order here).
  recenter(buf, end);
  for (const o of overlaysIn(buf, beg, end)) {
    const s = o.start.charpos;
    const e = o.end.charpos;
    if (o.buffer !== buf || overlayGet(o, name) !== val) continue;
    if (s < beg) {
      // The part before BEG stays: on a copy when the overlay goes on past END.
      if (e > end) {
        const head = copyOverlay(o);
        unchainOverlay(buf, head);
        place(head, buf, s, beg);
        unchainOverlay(buf, o);
        place(o, buf, end, e);
      } else {
        unchainOverlay(buf, o);
        place(o, buf, s, beg);
      }
    } else if (e > end) {
      unchainOverlay(buf, o);
      place(o, buf, end, e);
    } else detachOverlay(o);
  }
  evaporate(buf);
  return NIL;
});
