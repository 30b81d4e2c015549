// `read' and `read-from-string' (lread.c). Strings, functions and t are
// handled here; buffers and markers are read by stream readers that the
// buffer layer registers with registerReadStream.
import {
  type LispObject,
  LispString,
  Cons,
  NIL,
  T,
  Q,
  intern,
  signal,
  list,
  makeString,
  lispCharToJs,
  wrongType,
  argsOutOfRange,
  LispSignal,
} from '../lisp/index.js';
import { declareModule, defun, defvar, any, optional } from '../lisp/defun.js';
import { funcall } from '../eval/index.js';
import { symbolValue } from '../eval/state.js';
import { readFromString, charLength, END_OF_INPUT, FormReader } from '../reader/reader.js';
import { TokenStream } from '../reader/lexer.js';
import { minibufferLine } from './minibuf.js';

declareModule('lread');

const Qstandard_input = defvar('standard-input', T);
const Qfixnump = intern('fixnump');

/** The text the reader sees for a Lisp string: bytes 128-255 of a unibyte string are raw bytes. */
function readableText(s: LispString): string {
  const text = s.value;
  if (s.multibyte) return text;
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) >= 0x80) return text.replace(/[\x80-\xff]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xdc00));
  }
  return text;
}

defun('read-from-string', [any, optional(any), optional(any)], (string, start, end) => {
  if (!(string instanceof LispString)) wrongType(Q.stringp, string);
  const text = readableText(string);
  const size = charLength(text);
  if (start !== NIL && typeof start !== 'number') wrongType(Q.integerp, start);
  if (end !== NIL && typeof end !== 'number') wrongType(Q.integerp, end);
  let from = start === NIL ? 0 : (start as number);
  let to = end === NIL ? size : (end as number);
  if (from < 0) from += size;
  if (to < 0) to += size;
  if (!(0 <= from && from <= to && to <= size)) argsOutOfRange(string, start, end);
  const r = readFromString(text, from, to);
  return new Cons(r.value, r.end);
});

// ---- streams ------------------------------------------------------------------------

/** A reader for some kind of stream object; returns undefined for objects that are not its kind. */
export type ReadStream = (stream: LispObject) => LispObject | undefined;
const streamReaders: ReadStream[] = [];

/** Lets a layer above (buffers, markers) read from its objects. */
export function registerReadStream(reader: ReadStream): void {
  streamReaders.push(reader);
}

/** `read-minibuffer' as (read t) uses it: one expression and nothing after it. */
function readFromMinibuffer(): LispObject {
  const line = minibufferLine('Lisp expression: ');
  if (line === null) signal(Q.error, list(makeString('Error reading from stdin')));
  const r = readFromString(line);
  const rest = line.slice(r.end);
  if (/[^\s]/.test(rest)) signal(Q.invalid_read_syntax, list(makeString('Trailing garbage following expression')));
  return r.value;
}

/** Characters after which a form may be complete; `#' is not one (it starts a syntax). */
function mayEndForm(c: number): boolean {
  return c <= 32 || c === 0xa0 || c === 40 || c === 41 || c === 91 || c === 93 || c === 34 || c === 39 || c === 59 || c === 96 || c === 44;
}

/**
 * Reads from a function stream: (FN) gives the next character or nil at
 * end, (FN CHAR) puts one back. Characters are taken one at a time until the
 * text taken holds a complete form; what was taken past it is given back.
 */
function readFromFunction(fn: LispObject): LispObject {
  let text = '';
  for (;;) {
    const ch = funcall(fn, []);
    if (ch === NIL) {
      const r = readFromString(text);
      return r.value;
    }
    if (typeof ch !== 'number') wrongType(Qfixnump, ch);
    text += lispCharToJs(ch);
    if (!mayEndForm(ch)) continue;
    const reader = new FormReader(new TokenStream(text, 0, text.length, false));
    let value: LispObject | typeof END_OF_INPUT;
    try {
      value = reader.read();
    } catch (e) {
      if (e instanceof LispSignal && e.symbol === Q.end_of_file) continue;
      throw e;
    }
    if (value === END_OF_INPUT) continue;
    const end = reader.endOffset;
    if (end === text.length && !(ch === 41 || ch === 93 || ch === 34)) continue;
    const extra = [...text.slice(end)];
    for (let i = extra.length - 1; i >= 0; i--) funcall(fn, [extra[i].codePointAt(0)!]);
    return value;
  }
}

defun('read', [optional(any)], (stream) => {
  if (stream === NIL) stream = symbolValue(Qstandard_input);
  if (stream instanceof LispString) return readFromString(readableText(stream)).value;
  if (stream === T) return readFromMinibuffer();
  for (const reader of streamReaders) {
    const v = reader(stream);
    if (v !== undefined) return v;
  }
  return readFromFunction(stream);
});

