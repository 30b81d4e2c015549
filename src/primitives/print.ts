// Output builtins, as Emacs 28.2's print.c has them: prin1, princ, print,
// terpri, write-char, prin1-to-string, error-message-string,
// external-debugging-output, and `message` (xdisp.c) in batch mode.
//
// PRINTCHARFUN: nil means standard-output; t means the standard output
// stream; a buffer or marker (or any destination registered with
// registerOutputSink) receives the text; anything else is called as a
// function with each character.
import {
  type LispObject, LispString, NIL, T, Q, makeString, lispCharToJs, wrongType,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, any, optional, character } from '../lisp/defun.js';
import { host } from '../host/host.js';
import { funcall } from '../eval/index.js';
import { symbolValue } from '../eval/state.js';
import { printToString } from '../reader/printer.js';
import { formatString } from './format.js';
import { errorMessageString } from './errors.js';
import { isBufferDestination, writeToBufferDestination } from '../buffer/output.js';

declareModule('print');

const Vstandard_output = defvar('standard-output', T);
/** Non-nil: `message' shows nothing (batch Emacs writes nothing to stderr then). */
const Vinhibit_message = defvar('inhibit-message', NIL);

// ---- destinations ----------------------------------------------------------------

interface OutputSink {
  test(dest: LispObject): boolean;
  write(dest: LispObject, text: string): void;
}

const sinks: OutputSink[] = [];

/** Lets a higher layer (buffers, markers) receive printed text. */
export function registerOutputSink(test: (dest: LispObject) => boolean, write: (dest: LispObject, text: string) => void): void {
  sinks.push({ test, write });
}

registerOutputSink(isBufferDestination, writeToBufferDestination);

/**
 * Batch-mode state shared by the stdout writer and `message`: Emacs starts a
 * message with a newline on stderr when anything went to stdout since the
 * last message (noninteractive_need_newline).
 */
export const batchOutput = {
  needNewline: false,
  /** Was the last character written to stdout a newline (or nothing written yet)? */
  atLineStart: true,
};

/**
 * Bytes for the standard streams. Raw bytes (lone surrogates U+DC80-U+DCFF)
 * go out in Emacs's internal two-byte form (C0/C1 xx), which is what Emacs
 * 28 writes to a stream in batch mode.
 */
function encodeForStream(text: string): string | Uint8Array {
  if (!/[\uDC80-\uDCFF]/.test(text)) return text;
  const out: number[] = [];
  const enc = new TextEncoder();
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xdc80 && c <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff)) {
      for (const b of enc.encode(text.slice(from, i))) out.push(b);
      const byte = c - 0xdc00;
      out.push(0xc0 | ((byte >> 6) & 1), 0x80 | (byte & 0x3f));
      from = i + 1;
    }
  }
  for (const b of enc.encode(text.slice(from))) out.push(b);
  return Uint8Array.from(out);
}

/**
 * Writes to standard output as Emacs writes a batch prompt or a beep (with
 * fwrite, not through print): the next message does not start a new line
 * because of it.
 */
export function writeStdoutDirect(text: string): void {
  if (text.length > 0) host().writeStdout(encodeForStream(text));
}

/** Writes printed text to standard output, as printing to t does in batch mode. */
export function writeStdout(text: string): void {
  batchOutput.needNewline = true;
  if (text.length === 0) return;
  batchOutput.atLineStart = text.charCodeAt(text.length - 1) === 10;
  host().writeStdout(encodeForStream(text));
}

function resolveDestination(printcharfun: LispObject): LispObject {
  if (printcharfun === NIL) printcharfun = symbolValue(Vstandard_output);
  return printcharfun === NIL ? T : printcharfun;
}

/** Does this destination take bytes (so raw bytes need no octal escapes)? */
function isByteStream(dest: LispObject): boolean {
  return dest === T;
}

/** Sends text to a resolved destination. */
export function output(dest: LispObject, text: string): void {
  if (dest === T) {
    writeStdout(text);
    return;
  }
  for (const s of sinks) {
    if (s.test(dest)) {
      s.write(dest, text);
      return;
    }
  }
  for (const ch of text) funcall(dest, [codeOf(ch)]);
}

function codeOf(ch: string): number {
  const c = ch.codePointAt(0)!;
  return c >= 0xdc80 && c <= 0xdcff ? 0x3fff80 + (c - 0xdc80) : c;
}

/** Prints obj to PRINTCHARFUN (nil meaning standard-output); escape=true is prin1. */
export function printTo(obj: LispObject, printcharfun: LispObject, escape: boolean): void {
  const dest = resolveDestination(printcharfun);
  output(dest, printToString(obj, escape, { rawBytes: isByteStream(dest) }));
}

// ---- builtins ------------------------------------------------------------------------

defun('prin1', [any, optional(any)], (obj, printcharfun) => {
  printTo(obj, printcharfun, true);
  return obj;
});

defun('princ', [any, optional(any)], (obj, printcharfun) => {
  printTo(obj, printcharfun, false);
  return obj;
});

defun('print', [any, optional(any)], (obj, printcharfun) => {
  const dest = resolveDestination(printcharfun);
  output(dest, '\n' + printToString(obj, true, { rawBytes: isByteStream(dest) }) + '\n');
  return obj;
});

defun('terpri', [optional(any), optional(any)], (printcharfun, ensure) => {
  const dest = resolveDestination(printcharfun);
  if (ensure !== NIL && dest === T && batchOutput.atLineStart) return NIL;
  output(dest, '\n');
  return T;
});

defun('write-char', [character, optional(any)], (ch, printcharfun) => {
  output(resolveDestination(printcharfun), lispCharToJs(ch));
  return ch;
});

defun('prin1-to-string', [any, optional(any)], (obj, noescape) => makeString(printToString(obj, noescape === NIL)));

defun('error-message-string', [any], (obj) => makeString(errorMessageString(obj)));

defun('external-debugging-output', [character], (ch) => {
  host().writeStderr(encodeForStream(lispCharToJs(ch)));
  return ch;
});

/** Writes a message line to stderr as batch-mode `message` does. */
export function messageToStderr(text: string | null): void {
  let out = batchOutput.needNewline ? '\n' : '';
  batchOutput.needNewline = false;
  if (text !== null) out += text;
  host().writeStderr(encodeForStream(out + '\n'));
}

defunRest('message', 1, (args) => {
  const fmt = args[0];
  if (fmt === NIL || (fmt instanceof LispString && fmt.length === 0)) {
    messageToStderr(null);
    return fmt;
  }
  if (!(fmt instanceof LispString)) wrongType(Q.stringp, fmt);
  const text = formatString(fmt, args.slice(1), true);
  if (symbolValue(Vinhibit_message) === NIL) messageToStderr(text.value);
  return text;
});

