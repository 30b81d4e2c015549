// Position arguments (Emacs's fix_position and validate_region): integers,
// markers and bignums turned into buffer positions, with Emacs's errors.
import { type LispObject, Q, wrongType, argsOutOfRange } from '../lisp/index.js';
import { Marker, currentBuffer, markerNowhere } from './buffer.js';

/** Where a bignum position clamps. */
export const BIG_POSITION = Number.MAX_SAFE_INTEGER;

/** An integer-or-marker argument as a position (Emacs's fix_position); bignums clamp. */
export function fixPosition(x: LispObject): number {
  if (typeof x === 'number') return x;
  if (x instanceof Marker) {
    if (x.buffer === null) markerNowhere();
    return x.charpos;
  }
  if (typeof x === 'bigint') return x < 0n ? -BIG_POSITION : BIG_POSITION;
  return wrongType(Q.integer_or_marker_p, x);
}

/** START and END of a region in the current buffer, ordered, or (args-out-of-range BUFFER START END). */
export function validateRegion(start: LispObject, end: LispObject): [number, number] {
  let s = fixPosition(start);
  let e = fixPosition(end);
  if (e < s) [s, e] = [e, s];
  const buf = currentBuffer();
  if (!(buf.begv <= s && e <= buf.zv)) argsOutOfRange(buf as unknown as LispObject, start, end);
  return [s, e];
}

