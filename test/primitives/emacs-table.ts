// Shared by the table-driven tests whose expected values were printed by
// GNU Emacs 28.2 with prin1 and print-escape-newlines: Lisp in, printed
// Lisp out, errors shown as "ERR (SYMBOL . DATA)".
import { beforeAll, afterAll } from 'vitest';
import { lisp } from '../helpers.js';
import '../../src/primitives/buffer.js';
import '../../src/primitives/editfns.js';
import '../../src/primitives/marker.js';
import '../../src/primitives/search.js';
import { LispSignal, NIL, T } from '../../src/lisp/index.js';
import { printToString, Vprint_escape_newlines } from '../../src/reader/printer.js';
import { initialBuffers } from '../../src/buffer/buffer.js';

/** The printed value of FORM, or "ERR " and the printed error object. */
export function evaluate(form: string): string {
  try {
    return lisp(form);
  } catch (e) {
    if (e instanceof LispSignal) return 'ERR ' + printToString(e.errorObject, true);
    throw e;
  }
}

/** Buffers as at startup, and print-escape-newlines while this test file runs (as the expected values were printed). */
export function printLikeTheTable(): void {
  beforeAll(() => {
    initialBuffers();
    Vprint_escape_newlines.value = T;
  });
  afterAll(() => {
    Vprint_escape_newlines.value = NIL;
  });
}
