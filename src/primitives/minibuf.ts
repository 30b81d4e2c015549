// minibuf.c as batch Emacs runs it: there is no minibuffer, so a prompt is
// written to standard output and the answer is a line of standard input
// (end of input signals end-of-file). Completion is not offered; what is
// typed is what is returned. y-or-n-p and read-number are in lisp/subr.el.
import { type LispObject, LispString, NIL, T, Q, signal, list, makeString, wrongType, Cons, lispCharToJs } from '../lisp/index.js';
import { symbolValue } from '../eval/state.js';
import { declareModule, defun, defvar, optional, any, string } from '../lisp/defun.js';
import { readFromString } from '../reader/reader.js';
import { writeStdoutDirect, messageToStderr } from './print.js';

declareModule('minibuf');

/**
 * Reads one line of input after showing PROMPT, or returns null at end of
 * input. The host installs the real one (batch mode reads standard input);
 * the default has no input at all.
 */
let lineReader: (prompt: string) => string | null = () => null;

export function setMinibufferLineReader(fn: (prompt: string) => string | null): void {
  lineReader = fn;
}

export function minibufferLine(prompt: string): string | null {
  return lineReader(prompt);
}

const Qread_hide_char = defvar('read-hide-char', NIL);

function readLine(prompt: LispString): LispString {
  const line = lineReader(prompt.value);
  if (line === null) return signal(Q.end_of_file, list(makeString('Error reading from stdin')));
  // read-passwd's echo: one hide character per character typed, then a line end (written as the prompt is).
  const hide = symbolValue(Qread_hide_char);
  if (typeof hide === 'number') writeStdoutDirect(`${lispCharToJs(hide).repeat(countChars(line))}\n`);
  return makeString(line);
}

// read-passwd's echo of a line read without it.
defun('minibuffer--echo-hidden', [string], (line) => {
  const hide = symbolValue(Qread_hide_char);
  writeStdoutDirect(`${lispCharToJs(typeof hide === 'number' ? hide : 42).repeat(countChars(line.value))}\n`);
  return NIL;
});

function countChars(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/** The first of DEFAULT when it is a list. */
function firstDefault(dflt: LispObject): LispObject {
  return dflt instanceof Cons ? dflt.car : dflt;
}

// INITIAL is not shown: batch Emacs prints only the prompt.
defun('read-from-minibuffer', [string, optional(any), optional(any), optional(any), optional(any), optional(any), optional(any)],
  (prompt, _initial, _keymap, read, _hist, dflt) => {
    const line = readLine(prompt);
    if (read === NIL) return line;
    // READ: the text as one Lisp expression (the default's, when nothing was typed).
    const text = line.value === '' && dflt !== NIL ? firstDefault(dflt) : line;
    if (!(text instanceof LispString)) return text;
    return readFromString(text.value).value;
  });

defun('read-string', [string, optional(any), optional(any), optional(any), optional(any)], (prompt, _initial, _hist, dflt) => {
  const line = readLine(prompt);
  return line.value === '' && dflt !== NIL ? firstDefault(dflt) : line;
});

defun('completing-read', [string, any, optional(any), optional(any), optional(any), optional(any), optional(any), optional(any)],
  (prompt, _collection, _predicate, _mustMatch, _initial, _hist, dflt) => {
    const line = readLine(prompt);
    if (line.value !== '') return line;
    const d = firstDefault(dflt);
    return d === NIL ? line : d;
  });

defun('yes-or-no-p', [any], (prompt) => {
  if (!(prompt instanceof LispString)) wrongType(Q.stringp, prompt);
  const full = new LispString(`${prompt.value}(yes or no) `, prompt.multibyte);
  for (;;) {
    const answer = readLine(full).value;
    if (answer === 'yes') return T;
    if (answer === 'no') return NIL;
    // Emacs also waits two seconds here, for the message to be read; a script need not.
    writeStdoutDirect('\x07');
    messageToStderr('Please answer yes or no.');
  }
});

defun('ding', [optional(any)], () => {
  writeStdoutDirect('\x07');
  return NIL;
});
defun('beep', [optional(any)], () => {
  writeStdoutDirect('\x07');
  return NIL;
});
