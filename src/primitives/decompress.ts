// decompress.c: gzip and zlib data in a unibyte buffer, inflated in place
// (url-http.el uses it for `Content-Encoding: gzip' bodies).
import * as zlib from 'node:zlib';
import { NIL, T, error } from '../lisp/index.js';
import { defun, declareModule, any, optional } from '../lisp/defun.js';
import { currentBuffer } from '../buffer/buffer.js';
import { Qenable_multibyte_characters } from '../buffer/locals.js';
import { validateRegion } from '../buffer/positions.js';
import { replaceRegionKeepingPoint } from './editfns.js';

declareModule('decompress');

defun('zlib-available-p', [], () => T);

defun('zlib-decompress-region', [any, any, optional(any)], (start, end, _allowPartial) => {
  const buf = currentBuffer();
  if (buf.locals.get(Qenable_multibyte_characters) !== NIL) error('This function can be called only in unibyte buffers');
  const [s, e] = validateRegion(start, end);
  const compressed = Buffer.from(buf.substring(s, e), 'latin1');
  let inflated: Buffer;
  try {
    // Either framing, as Emacs's inflateInit2 with automatic header detection.
    inflated = compressed[0] === 0x1f && compressed[1] === 0x8b ? zlib.gunzipSync(compressed) : zlib.inflateSync(compressed);
  } catch {
    return NIL;
  }
  replaceRegionKeepingPoint(s, e, inflated.toString('latin1'));
  return T;
});
