// Buffers and markers as output destinations for the printer (PRINTCHARFUN
// / standard-output), as Emacs's print.c treats them: a buffer receives the
// text at its point; a marker receives it at the marker, which advances,
// and the point of its buffer shifts when it was at or after the marker.
import { type LispObject, signal, list, Q, LispString } from '../lisp/index.js';
import { Buffer, Marker, currentBuffer, setCurrentBuffer, checkLive, markerNowhere } from './buffer.js';
import { insertAtPoint } from './insdel.js';

/** Is x a buffer or marker the printer can send text to? */
export function isBufferDestination(x: LispObject): boolean {
  return x instanceof Buffer || x instanceof Marker;
}

/** Writes text to a buffer (at its point) or a marker (at the marker, advancing it). */
export function writeToBufferDestination(dest: LispObject, text: string): void {
  if (text.length === 0) return;
  const saved = currentBuffer();
  if (dest instanceof Buffer) {
    checkLive(dest);
    setCurrentBuffer(dest);
    try {
      insertAtPoint(text);
    } finally {
      if (saved.live) setCurrentBuffer(saved);
    }
    return;
  }
  const m = dest as Marker;
  const buf = m.buffer;
  if (buf === null) markerNowhere();
  const pos = m.charpos;
  if (pos < buf.begv || pos > buf.zv) {
    signal(Q.error, list(new LispString('Marker is outside the accessible part of the buffer', false), m));
  }
  setCurrentBuffer(buf);
  const oldPoint = buf.pt;
  try {
    buf.pt = pos;
    insertAtPoint(text);
    const inserted = buf.pt - pos;
    m.set(buf, buf.pt);
    buf.pt = oldPoint >= pos ? oldPoint + inserted : oldPoint;
  } catch (e) {
    buf.goto(oldPoint);
    throw e;
  } finally {
    if (saved.live) setCurrentBuffer(saved);
  }
}
