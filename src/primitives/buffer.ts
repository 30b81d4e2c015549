// What Emacs's buffer.c holds: creating, naming, switching and killing
// buffers, the modified flag, and buffer-local variables.
import {
  type LispObject, LispSymbol, LispString, LispSignal, Cons, NIL, T, UNBOUND, Q, intern, signal, list, arrayToList,
  error, wrongType,
} from '../lisp/index.js';
import { defun, declareModule, defvar, optional, any, symbol, string, bool, argType } from '../lisp/defun.js';
import { funcall } from '../eval/index.js';
import { symbolValueCell, indirectVariable, specbind, specpdlDepth, unbindTo } from '../eval/state.js';
import {
  Buffer, bufferList, currentBuffer, setCurrentBuffer, findBuffer, createBuffer, renameBufferTo, retireBuffer,
  otherBuffer, initialBuffers, checkLive, isBuffer, setDisplayedBuffer, Marker, markerNowhere,
} from '../buffer/buffer.js';
import { registerReadStream } from './lread.js';
import { readFromString } from '../reader/reader.js';
import {
  bufferLocalValue, makeLocalVariable, makeVariableBufferLocal, killLocalVariable, localVariableP,
  localVariableIfSetP, resetLocalVariables, localVariablesAlist, Qbuffer_undo_list, Qenable_multibyte_characters,
} from '../buffer/locals.js';
import { barfIfReadOnly } from '../buffer/insdel.js';
import { setSymbolValue } from '../eval/state.js';

declareModule('buffer');

const Qkill_buffer_hook = intern('kill-buffer-hook');
const Qkill_buffer_query_functions = intern('kill-buffer-query-functions');
const Qchange_major_mode_hook = intern('change-major-mode-hook');
const Qbuffer_list_update_hook = intern('buffer-list-update-hook');
const Qbuffer_file_name = intern('buffer-file-name');
const Qmajor_mode = intern('major-mode');
const Qmode_name = intern('mode-name');
const Qbuffer_read_only = intern('buffer-read-only');
const Qrun_hooks = intern('run-hooks');
for (const name of ['kill-buffer-hook', 'kill-buffer-query-functions', 'change-major-mode-hook', 'buffer-list-update-hook']) {
  if (intern(name).value === UNBOUND) defvar(name, NIL);
}

// ---- argument types -----------------------------------------------------------

export const bufferType = argType<Buffer & LispObject>('bufferp', isBuffer);

/** A BUFFER argument where nil means the current buffer. */
export function bufferOrCurrent(x: LispObject): Buffer {
  if (x === NIL) return currentBuffer();
  if (isBuffer(x)) return x;
  return wrongType(Q.bufferp, x);
}

/** Signals (error "No buffer named NAME"), as Emacs's nsberror. */
export function noSuchBuffer(name: LispObject): never {
  if (name instanceof LispString) error(`No buffer named ${name.value}`);
  return wrongType(Q.stringp, name);
}

/** A BUFFER-OR-NAME argument that must name an existing buffer (live or not, if given as a buffer). */
export function decodeBuffer(x: LispObject): Buffer {
  if (x === NIL) return currentBuffer();
  if (isBuffer(x)) return x;
  if (x instanceof LispString) {
    const b = findBuffer(x.value);
    if (b === undefined) noSuchBuffer(x);
    return b;
  }
  return wrongType(Q.stringp, x);
}

// ---- the current buffer ------------------------------------------------------------

initialBuffers();
{
  // Batch Emacs starts in *scratch*, in lisp-interaction-mode.
  const scratch = currentBuffer();
  scratch.locals.set(Qmajor_mode, intern('lisp-interaction-mode'));
  scratch.locals.set(Qmode_name, new LispString('Lisp Interaction', false));
  const messages = findBuffer('*Messages*')!;
  messages.locals.set(Qmajor_mode, intern('messages-buffer-mode'));
  messages.locals.set(Qmode_name, new LispString('Messages', false));
  messages.locals.set(Qbuffer_read_only, T);
  messages.saveModiff = 0;
}

defun('current-buffer', [], () => currentBuffer());

defun('set-buffer', [any], (x) => {
  const buf = x === NIL ? wrongType(Q.stringp, x) : decodeBuffer(x);
  checkLive(buf);
  setCurrentBuffer(buf);
  return buf;
});

defun('bufferp', [any], (x) => bool(isBuffer(x)));
defun('buffer-live-p', [any], (x) => bool(isBuffer(x) && x.live));
defun('buffer-list', [optional(any)], () => arrayToList(bufferList.slice()));

defun('get-buffer', [any], (x) => {
  if (isBuffer(x)) return x;
  if (!(x instanceof LispString)) wrongType(Q.stringp, x);
  return findBuffer(x.value) ?? NIL;
});

export function getBufferCreate(x: LispObject, inhibitHooks: boolean): Buffer {
  if (isBuffer(x)) return x;
  if (!(x instanceof LispString)) wrongType(Q.stringp, x);
  if (x.value.length === 0) error('Empty string for buffer name is not allowed');
  const existing = findBuffer(x.value);
  if (existing !== undefined) return existing;
  const buf = createBuffer(x.value, inhibitHooks);
  if (!inhibitHooks) runHooks(Qbuffer_list_update_hook);
  return buf;
}

defun('get-buffer-create', [any, optional(any)], (name, inhibit) => getBufferCreate(name, inhibit !== NIL));

/** generate-new-buffer-name: NAME, or NAME<N> (NAME-RANDOM for names starting with a space). */
export function generateNewBufferName(name: string, ignore: string | null): string {
  if (findBuffer(name) === undefined || name === ignore) return name;
  if (name.charCodeAt(0) === 32) {
    for (;;) {
      const candidate = `${name}-${Math.floor(Math.random() * 1000000)}`;
      if (findBuffer(candidate) === undefined) return candidate;
    }
  }
  for (let n = 2; ; n++) {
    const candidate = `${name}<${n}>`;
    if (candidate === ignore || findBuffer(candidate) === undefined) return candidate;
  }
}

defun('generate-new-buffer-name', [string, optional(any)], (name, ignore) =>
  new LispString(generateNewBufferName(name.value, ignore instanceof LispString ? ignore.value : null), name.multibyte),
);

defun('generate-new-buffer', [string, optional(any)], (name, inhibit) =>
  getBufferCreate(new LispString(generateNewBufferName(name.value, null), name.multibyte), inhibit !== NIL),
);

defun('buffer-name', [optional(any)], (x) => {
  const buf = bufferOrCurrent(x);
  return buf.live ? buf.nameObject : NIL;
});

defun('rename-buffer', [string, optional(any)], (newname, unique) => {
  const buf = currentBuffer();
  if (newname.value.length === 0) error('Empty string is invalid as a buffer name');
  const owner = findBuffer(newname.value);
  let name = newname.value;
  if (owner !== undefined && owner !== buf) {
    if (unique === NIL) error(`Buffer name \u2018${name}\u2019 is in use`);
    name = generateNewBufferName(name, buf.name);
  }
  if (owner !== buf) renameBufferTo(buf, name);
  runHooks(Qbuffer_list_update_hook);
  return buf.nameObject;
});

// Batch Emacs has one window; switching buffers there makes the buffer
// current and moves it to the front of the buffer list.
defun('switch-to-buffer', [any, optional(any), optional(any)], (x) => {
  const buf = x === NIL ? otherBuffer(currentBuffer()) : isBuffer(x) ? checkLive(x) : getBufferCreate(x, false);
  setCurrentBuffer(buf);
  const i = bufferList.indexOf(buf);
  if (i > 0) {
    bufferList.splice(i, 1);
    bufferList.unshift(buf);
  }
  setDisplayedBuffer(buf);
  return buf;
});

defun('other-buffer', [optional(any), optional(any), optional(any)], (b, _visibleOk, frame) => {
  // There are no frames here: only nil names the selected one.
  if (frame !== NIL) wrongType(intern('frame-live-p'), frame);
  return otherBuffer(isBuffer(b) ? b : currentBuffer());
});

function runHooks(hook: LispSymbol): void {
  const v = symbolValueCell(hook);
  if (v === NIL || v === UNBOUND || Qrun_hooks.fn === NIL) return;
  funcall(Qrun_hooks, [hook]);
}

/** Kills buf as `kill-buffer` does; returns false when a query function refused. */
/** Called after a buffer is killed (the process layer deletes the buffer's processes). */
export const bufferKilledHooks: ((buf: Buffer) => void)[] = [];

export function killBuffer(buf: Buffer): boolean {
  if (!buf.live) return false;
  if (!buf.inhibitHooks) {
    const depth = specpdlDepth();
    const saved = currentBuffer();
    setCurrentBuffer(buf);
    try {
      // Each query function may veto the kill.
      const q = symbolValueCell(Qkill_buffer_query_functions);
      for (let p = q === UNBOUND ? NIL : q; p instanceof Cons; p = p.cdr) {
        if (p.car !== T && funcall(p.car, []) === NIL) return false;
      }
      runHooks(Qkill_buffer_hook);
    } finally {
      unbindTo(depth);
      if (saved.live) setCurrentBuffer(saved);
    }
    if (!buf.live) return true;
  }
  if (buf === currentBuffer()) setCurrentBuffer(otherBuffer(buf));
  retireBuffer(buf);
  for (const hook of bufferKilledHooks) hook(buf);
  if (!buf.inhibitHooks) runHooks(Qbuffer_list_update_hook);
  return true;
}

defun('kill-buffer', [optional(any)], (x) => {
  const buf = decodeBuffer(x);
  return bool(killBuffer(buf));
});

// ---- the modified flag ----------------------------------------------------------

defun('buffer-modified-p', [optional(any)], (x) => {
  const buf = bufferOrCurrent(x);
  return bool(buf.saveModiff < buf.modiff);
});

function restoreModified(flag: LispObject): LispObject {
  const buf = currentBuffer();
  if (flag === NIL) buf.saveModiff = buf.modiff;
  else {
    if (buf.saveModiff >= buf.modiff) buf.saveModiff = buf.modiff++;
    if (flag === intern('autosaved')) buf.autosaveModiff = buf.modiff;
  }
  return flag;
}

defun('set-buffer-modified-p', [any], restoreModified);
defun('restore-buffer-modified-p', [any], restoreModified);
defun('buffer-modified-tick', [optional(any)], (x) => bufferOrCurrent(x).modiff);
defun('buffer-chars-modified-tick', [optional(any)], (x) => bufferOrCurrent(x).charsModiff);

defun('barf-if-buffer-read-only', [optional(any)], (position) => {
  if (position !== NIL && typeof position !== 'number') wrongType(Q.fixnump, position);
  barfIfReadOnly(currentBuffer());
  return NIL;
});

defun('buffer-enable-undo', [optional(any)], (x) => {
  const buf = x === NIL ? currentBuffer() : decodeBuffer(x);
  if (buf.locals.get(Qbuffer_undo_list) === T) buf.locals.set(Qbuffer_undo_list, NIL);
  return NIL;
});

defun('buffer-disable-undo', [optional(any)], (x) => {
  const buf = x === NIL ? currentBuffer() : decodeBuffer(x);
  buf.locals.set(Qbuffer_undo_list, T);
  return NIL;
});

defun('set-buffer-multibyte', [any], (flag) => {
  currentBuffer().locals.set(Qenable_multibyte_characters, bool(flag !== NIL));
  return flag;
});

defun('buffer-file-name', [optional(any)], (x) => bufferLocalValue(Qbuffer_file_name, bufferOrCurrent(x)) as LispObject);
defun('buffer-base-buffer', [optional(any)], (x) => (bufferOrCurrent(x), NIL));

defun('get-file-buffer', [string], (filename) => {
  // Through the symbol: fileio.ts is loaded after this module.
  const expanded = funcall(intern('expand-file-name'), [filename]);
  const name = expanded instanceof LispString ? expanded.value : filename.value;
  for (const b of bufferList) {
    const f = b.locals.get(Qbuffer_file_name);
    if (f instanceof LispString && f.value === name) return b;
  }
  return NIL;
});

// ---- buffer-local variables --------------------------------------------------------

defun('make-local-variable', [symbol], makeLocalVariable);
defun('make-variable-buffer-local', [symbol], makeVariableBufferLocal);

defun('kill-local-variable', [symbol], (v) => killLocalVariable(v));

defun('local-variable-p', [symbol, optional(any)], (v, b) => bool(localVariableP(v, bufferOrCurrent(b))));
// Where VARIABLE's current binding lives: the current buffer when it is local there, else nil (global or let).
defun('variable-binding-locus', [symbol], (v) => {
  const buf = currentBuffer();
  return localVariableP(indirectVariable(v), buf) ? buf : NIL;
});
// A variable that is never local, or local whenever set, answers without looking at BUFFER.
defun('local-variable-if-set-p', [symbol, optional(any)], (v, b) => {
  const sym = indirectVariable(v);
  const info = sym.localized as { auto?: boolean } | null | undefined;
  if (info === null || info === undefined) return NIL;
  if (info.auto === true) return T;
  return bool(localVariableIfSetP(v, bufferOrCurrent(b)));
});

defun('buffer-local-value', [symbol, bufferType], (v, b) => {
  const value = bufferLocalValue(v, b);
  if (value === UNBOUND) signal(Q.void_variable, list(v));
  return value;
});

defun('buffer-local-boundp', [symbol, bufferType], (v, b) => bool(bufferLocalValue(v, b) !== UNBOUND));

// The setter `setf` uses for (buffer-local-value VAR BUF).
defun('internal--set-buffer-local-value', [symbol, bufferType, any], (v, b, value) => {
  const saved = currentBuffer();
  setCurrentBuffer(checkLive(b));
  try {
    makeLocalVariable(v);
    setSymbolValue(v, value);
  } finally {
    if (saved.live) setCurrentBuffer(saved);
  }
  return value;
});

defun('buffer-local-variables', [optional(any)], (b) => arrayToList(localVariablesAlist(bufferOrCurrent(b))));

export function killAllLocalVariables(): void {
  runHooks(Qchange_major_mode_hook);
  const buf = currentBuffer();
  resetLocalVariables(buf);
  // As Emacs's reset_buffer_local_variables: back to the standard syntax table.
  buf.syntaxTable = null;
}

defun('kill-all-local-variables', [], () => {
  killAllLocalVariables();
  return NIL;
});

defun('fundamental-mode', [], () => {
  killAllLocalVariables();
  return NIL;
});

void [indirectVariable, specbind, T];

// ---- reading Lisp from buffers and markers --------------------------------------------

// `read` from a buffer starts at point and leaves point after the form; from
// a marker it starts at the marker and advances it. The whole text is cached
// per buffer modification so reading a buffer form by form stays linear.
const wholeTextCache = new WeakMap<Buffer, { modiff: number; text: string }>();

function wholeText(buf: Buffer): string {
  const cached = wholeTextCache.get(buf);
  if (cached !== undefined && cached.modiff === buf.modiff) return cached.text;
  const text = buf.substring(1, buf.z);
  wholeTextCache.set(buf, { modiff: buf.modiff, text });
  return text;
}

/** Reads one form from buf starting at pos; returns it and the position after it (at EOF: sets `atEof`). */
function readFromBuffer(buf: Buffer, pos: number, onEof: () => void): { value: LispObject; end: number } {
  try {
    const r = readFromString(wholeText(buf), pos - 1, buf.zv - 1);
    return { value: r.value, end: r.end + 1 };
  } catch (e) {
    if (e instanceof LispSignal && e.symbol === Q.end_of_file) onEof();
    throw e;
  }
}

registerReadStream((stream) => {
  if (stream instanceof Buffer) {
    const buf = checkLive(stream);
    const start = buf.pt < buf.begv ? buf.begv : buf.pt;
    const r = readFromBuffer(buf, start, () => {
      buf.pt = buf.zv;
    });
    buf.pt = r.end;
    return r.value;
  }
  if (stream instanceof Marker) {
    const buf = stream.buffer;
    if (buf === null) return markerNowhere();
    const r = readFromBuffer(buf, stream.charpos, () => stream.set(buf, buf.zv));
    stream.set(buf, r.end);
    return r.value;
  }
  return undefined;
});
