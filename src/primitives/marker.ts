// What Emacs's marker.c holds: creating markers, pointing them at buffer
// positions, and their insertion types. Markers count as numbers in
// arithmetic through the hook arith.ts offers.
import { type LispObject, NIL, T, Q, wrongType } from '../lisp/index.js';
import { defun, declareModule, optional, any, argType, bool } from '../lisp/defun.js';
import { type Buffer, Marker, currentBuffer, markerNowhere, isBuffer } from '../buffer/buffer.js';
import { setMarkerToNumber } from './arith.js';
import { fixPosition } from '../buffer/positions.js';

declareModule('marker');

setMarkerToNumber((x) => {
  if (!(x instanceof Marker)) return undefined;
  if (x.buffer === null) markerNowhere();
  return x.charpos;
});

export const markerType = argType<Marker & LispObject>('markerp', (x) => x instanceof Marker);

defun('markerp', [any], (x) => bool(x instanceof Marker));
defun('make-marker', [], () => new Marker());

defun('point-marker', [], () => {
  const buf = currentBuffer();
  return new Marker().set(buf, buf.pt);
});
defun('point-min-marker', [], () => {
  const buf = currentBuffer();
  return new Marker().set(buf, buf.begv);
});
defun('point-max-marker', [], () => {
  const buf = currentBuffer();
  return new Marker().set(buf, buf.zv);
});

defun('copy-marker', [optional(any), optional(any)], (x, type) => {
  const m = new Marker();
  m.insertionType = type !== NIL;
  if (x === NIL) return m;
  if (x instanceof Marker) return x.buffer === null ? m : m.set(x.buffer, x.charpos);
  // A fixnum or a marker, as Emacs checks (a bignum is neither).
  if (typeof x !== 'number') wrongType(Q.integer_or_marker_p, x);
  return m.set(currentBuffer(), fixPosition(x));
});

/** set-marker: points marker at position in buffer (nil: the current one), clamped to the whole buffer. */
export function setMarker(marker: Marker, position: LispObject, buffer: LispObject): Marker {
  if (position === NIL) {
    marker.detach();
    return marker;
  }
  if (buffer !== NIL && !isBuffer(buffer)) wrongType(Q.bufferp, buffer);
  const buf = buffer === NIL ? currentBuffer() : (buffer as unknown as Buffer);
  // A fixnum or a marker: unlike other positions, a bignum is refused here.
  if (typeof position === 'bigint') wrongType(Q.integer_or_marker_p, position);
  const pos = fixPosition(position);
  return marker.set(buf, pos);
}

defun('set-marker', [markerType, any, optional(any)], setMarker);
defun('move-marker', [markerType, any, optional(any)], setMarker);

defun('marker-position', [markerType], (m) => (m.buffer === null ? NIL : m.charpos));
defun('marker-buffer', [markerType], (m) => m.buffer ?? NIL);
defun('marker-insertion-type', [markerType], (m) => bool(m.insertionType));
defun('set-marker-insertion-type', [markerType, any], (m, type) => {
  m.insertionType = type !== NIL;
  return type;
});

// Obsolete; Emacs 28 takes any object here unchecked, so a non-position only answers nil.
defun('buffer-has-markers-at', [any], (pos) => {
  const buf = currentBuffer();
  if (typeof pos !== 'number' && !(pos instanceof Marker)) return NIL;
  const p = fixPosition(pos);
  return bool(buf.markers.some((m) => m.charpos === p));
});

void T;
