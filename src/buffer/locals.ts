// Buffer-local variables. A variable with a buffer-local binding anywhere
// gets `redirect = Localized`; its symbol's value cell keeps the default
// value and each buffer's `locals` map holds its own bindings. The
// evaluator reaches this module through installLocalizedAccess.
import {
  type LispObject, type ValueCell, LispSymbol, LispString, Cons, NIL, T, UNBOUND, Redirect, Constancy,
  intern, error,
} from '../lisp/index.js';
import { installLocalizedAccess, indirectVariable } from '../eval/state.js';
import { type Buffer, currentBuffer, bufferHooks } from './buffer.js';

/** What sym.localized holds. */
export class LocalizedInfo {
  /** Set by make-variable-buffer-local: `setq` makes a local binding. */
  auto = false;
  /** A built-in per-buffer variable that every buffer has a binding of (Emacs's idx -1 slots). */
  alwaysLocal = false;
  /** Order among the built-in per-buffer variables in `buffer-local-variables`. */
  rank = -1;
}

export function localizedInfo(sym: LispSymbol): LocalizedInfo {
  if (sym.redirect === Redirect.Localized) return sym.localized as LocalizedInfo;
  const info = new LocalizedInfo();
  sym.redirect = Redirect.Localized;
  sym.localized = info;
  return info;
}

function infoOf(sym: LispSymbol): LocalizedInfo | null {
  return sym.redirect === Redirect.Localized ? (sym.localized as LocalizedInfo) : null;
}

// `let` of a localized variable without a local binding here binds the
// default value (Emacs's SPECPDL_LET_DEFAULT); the evaluator calls bind()
// and then set(), so bind() leaves a note for the set() that follows.
let letDefaultPending: LispSymbol | null = null;

installLocalizedAccess({
  get(sym) {
    const v = currentBuffer().locals.get(sym);
    return v === undefined ? sym.value : v;
  },
  set(sym, value) {
    if (letDefaultPending === sym) {
      letDefaultPending = null;
      sym.value = value;
      return;
    }
    const locals = currentBuffer().locals;
    if (locals.has(sym) || (sym.localized as LocalizedInfo).auto) locals.set(sym, value);
    else sym.value = value;
  },
  bind(sym) {
    const buf = currentBuffer();
    if (buf.locals.has(sym)) {
      const old = buf.locals.get(sym)!;
      letDefaultPending = null;
      return {
        restore() {
          // Only where it was bound, and only if the binding survived.
          if (buf.live && buf.locals.has(sym)) buf.locals.set(sym, old);
        },
      };
    }
    const old = sym.value;
    letDefaultPending = sym;
    return {
      restore() {
        sym.value = old;
      },
    };
  },
});

// ---- operations behind the builtins ----------------------------------------

/** The value of sym in buf, or UNBOUND. */
export function bufferLocalValue(sym: LispSymbol, buf: Buffer): ValueCell {
  const s = indirectVariable(sym);
  if (s.redirect !== Redirect.Localized) return s.value;
  const v = buf.locals.get(s);
  return v === undefined ? s.value : v;
}

function checkLocalizable(sym: LispSymbol, original: LispSymbol): void {
  if (sym.constancy !== Constancy.Mutable) error(`Symbol ${original.name} may not be buffer-local`);
}

export function makeVariableBufferLocal(variable: LispSymbol): LispSymbol {
  const sym = indirectVariable(variable);
  checkLocalizable(sym, variable);
  localizedInfo(sym).auto = true;
  if (sym.value === UNBOUND) sym.value = NIL;
  return variable;
}

export function makeLocalVariable(variable: LispSymbol): LispSymbol {
  const sym = indirectVariable(variable);
  checkLocalizable(sym, variable);
  const locals = currentBuffer().locals;
  if (sym.redirect === Redirect.Localized && locals.has(sym)) return variable;
  // The new binding starts with the default value (maybe void).
  localizedInfo(sym);
  locals.set(sym, sym.value);
  return variable;
}

export function killLocalVariable(variable: LispSymbol, buf: Buffer = currentBuffer()): LispSymbol {
  const sym = indirectVariable(variable);
  const info = infoOf(sym);
  if (info === null || info.alwaysLocal) return variable;
  buf.locals.delete(sym);
  return variable;
}

export function localVariableP(variable: LispSymbol, buf: Buffer): boolean {
  const sym = indirectVariable(variable);
  return sym.redirect === Redirect.Localized && buf.locals.has(sym);
}

export function localVariableIfSetP(variable: LispSymbol, buf: Buffer): boolean {
  const sym = indirectVariable(variable);
  const info = infoOf(sym);
  return info !== null && (info.auto || buf.locals.has(sym));
}

const Qpermanent_local = intern('permanent-local');

function getProp(sym: LispSymbol, prop: LispSymbol): LispObject {
  let p = sym.plist;
  while (p instanceof Cons && p.cdr instanceof Cons) {
    if (p.car === prop) return p.cdr.car;
    p = p.cdr.cdr;
  }
  return NIL;
}

/** kill-all-local-variables, minus the hook: drops every local not marked permanent. */
export function resetLocalVariables(buf: Buffer): void {
  for (const sym of [...buf.locals.keys()]) {
    const info = infoOf(sym);
    if (info !== null && info.alwaysLocal) continue;
    if (getProp(sym, Qpermanent_local) !== NIL) continue;
    buf.locals.delete(sym);
  }
  buf.locals.set(Qmajor_mode, Qfundamental_mode);
  buf.locals.set(Qmode_name, new LispString('Fundamental', false));
  buf.locals.set(Qlocal_minor_modes, NIL);
}

/** The alist `buffer-local-variables` returns: built-in per-buffer variables first, then the rest oldest first. */
export function localVariablesAlist(buf: Buffer): LispObject[] {
  const builtin: [number, LispObject][] = [];
  const others: LispObject[] = [];
  for (const [sym, value] of buf.locals) {
    const entry = value === UNBOUND ? sym : new Cons(sym, value);
    const info = infoOf(sym);
    if (info !== null && info.rank >= 0) builtin.push([info.rank, entry]);
    else others.push(entry);
  }
  builtin.sort((a, b) => a[0] - b[0]);
  return [...builtin.map((e) => e[1]), ...others];
}


// ---- the built-in per-buffer variables -----------------------------------------

const Qmajor_mode = intern('major-mode');
const Qmode_name = intern('mode-name');
const Qlocal_minor_modes = intern('local-minor-modes');
const Qfundamental_mode = intern('fundamental-mode');
export const Qbuffer_read_only = intern('buffer-read-only');
export const Qbuffer_undo_list = intern('buffer-undo-list');
export const Qdefault_directory = intern('default-directory');
export const Qmark_active = intern('mark-active');
export const Qenable_multibyte_characters = intern('enable-multibyte-characters');

function defPerBuffer(name: string, value: LispObject): LispSymbol {
  const sym = intern(name);
  if (sym.value === UNBOUND) sym.value = value;
  sym.special = true;
  return sym;
}

// Every buffer has its own binding of these, in the order Emacs 28 lists them.
const alwaysLocal: LispSymbol[] = [];
function defAlwaysLocal(name: string, value: LispObject): LispSymbol {
  const sym = defPerBuffer(name, value);
  const info = localizedInfo(sym);
  info.alwaysLocal = true;
  info.rank = alwaysLocal.length;
  alwaysLocal.push(sym);
  return sym;
}

defAlwaysLocal('buffer-undo-list', NIL);
defAlwaysLocal('buffer-display-time', NIL);
defAlwaysLocal('buffer-display-count', 0);
defAlwaysLocal('buffer-invisibility-spec', T);
defAlwaysLocal('buffer-file-truename', NIL);
defAlwaysLocal('point-before-scroll', NIL);
defAlwaysLocal('buffer-auto-save-file-format', T);
defAlwaysLocal('buffer-file-format', NIL);
defAlwaysLocal('enable-multibyte-characters', T);
defAlwaysLocal('mark-active', NIL);
defAlwaysLocal('mode-name', new LispString('Fundamental', false));
defAlwaysLocal('local-minor-modes', NIL);
defAlwaysLocal('major-mode', Qfundamental_mode);
defAlwaysLocal('buffer-read-only', NIL);
defAlwaysLocal('buffer-auto-save-file-name', NIL);
defAlwaysLocal('buffer-saved-size', 0);
defAlwaysLocal('buffer-backed-up', NIL);
defAlwaysLocal('default-directory', new LispString(defaultDirectoryText(), needsMb(defaultDirectoryText())));
defAlwaysLocal('buffer-file-name', NIL);

function defaultDirectoryText(): string {
  const cwd = process.cwd();
  return cwd.endsWith('/') ? cwd : cwd + '/';
}
function needsMb(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return true;
  return false;
}

// Built-in variables that become local when set (Emacs's per-buffer slots
// with a local flag), listed after the always-local ones.
const ifSetLocal: [string, LispObject][] = [
  ['case-fold-search', T],
  ['tab-width', 8],
  ['fill-column', 70],
  ['left-margin', 0],
  ['truncate-lines', NIL],
  ['word-wrap', NIL],
  ['ctl-arrow', T],
  ['selective-display', NIL],
  ['selective-display-ellipses', T],
  ['abbrev-mode', NIL],
  ['overwrite-mode', NIL],
  ['auto-fill-function', NIL],
  ['indent-tabs-mode', T],
  ['cursor-type', T],
  ['line-spacing', NIL],
  ['cache-long-scans', T],
  ['bidi-display-reordering', T],
  ['bidi-paragraph-direction', NIL],
  ['local-abbrev-table', NIL],
  ['buffer-file-coding-system', intern('utf-8-unix')],
];
ifSetLocal.forEach(([name, value], i) => {
  const sym = defPerBuffer(name, value);
  const info = localizedInfo(sym);
  info.auto = true;
  info.rank = 100 + i;
});
export const Qbuffer_file_coding_system = intern('buffer-file-coding-system');
// Survives a change of major mode, as in Emacs.
Qbuffer_file_coding_system.plist = new Cons(Qpermanent_local, new Cons(T, Qbuffer_file_coding_system.plist));

bufferHooks.initLocals = (buf, from) => {
  for (const sym of alwaysLocal) buf.locals.set(sym, sym.value);
  // A new buffer starts in the directory of the buffer that was current.
  if (from !== null && from.live) {
    const dir = from.locals.get(Qdefault_directory);
    if (dir !== undefined) buf.locals.set(Qdefault_directory, dir);
  }
  // Undo is off in buffers whose names start with a space.
  if (buf.name.charCodeAt(0) === 32) buf.locals.set(Qbuffer_undo_list, T);
};

