// The interpreter's run-time state: the dynamic binding stack (Emacs's
// specpdl), the Lisp call depth, and symbol value access. All of it is
// per-thread: one interpreter per worker.
import {
  type LispObject, type ValueCell, LispSymbol, Redirect, Constancy, UNBOUND, NIL, Q,
  signal, list, error,
} from '../lisp/index.js';

// ---- symbol values ---------------------------------------------------------

/** Installed by the buffer layer: where buffer-local values live. */
export interface LocalizedAccess {
  get(sym: LispSymbol): ValueCell;
  set(sym: LispSymbol, value: LispObject): void;
  /** For `let` of a localized variable: save what must be restored. */
  bind(sym: LispSymbol): { restore(): void };
}

let localized: LocalizedAccess | null = null;

export function installLocalizedAccess(access: LocalizedAccess): void {
  localized = access;
}

export function indirectVariable(sym: LispSymbol): LispSymbol {
  let s = sym;
  for (let n = 0; s.redirect === Redirect.Alias; n++) {
    if (n > 100) signal(Q.cyclic_variable_indirection, list(sym));
    s = s.alias!;
  }
  return s;
}

/** The value of a symbol, or UNBOUND. */
export function symbolValueCell(sym: LispSymbol): ValueCell {
  if (sym.redirect === Redirect.Plain) return sym.value;
  const s = indirectVariable(sym);
  if (s.redirect === Redirect.Localized && localized) return localized.get(s);
  return s.value;
}

export function symbolValue(sym: LispSymbol): LispObject {
  const v = sym.redirect === Redirect.Plain ? sym.value : symbolValueCell(sym);
  if (v === UNBOUND) signal(Q.void_variable, list(sym));
  return v;
}

/** Watchers called when a variable is set; used for variables the runtime mirrors. */
const watchers = new Map<LispSymbol, (value: LispObject) => void>();

export function watchVariable(sym: LispSymbol, fn: (value: LispObject) => void): void {
  watchers.set(sym, fn);
}

export function setSymbolValue(sym: LispSymbol, value: LispObject): LispObject {
  if (sym.constancy !== Constancy.Mutable) {
    // Emacs allows setting a keyword to itself.
    if (!(sym.value === value && sym !== NIL && sym !== Q.t)) signal(Q.setting_constant, list(sym));
    return value;
  }
  if (sym.redirect === Redirect.Plain) {
    sym.value = value;
  } else {
    const s = indirectVariable(sym);
    if (s.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(sym));
    if (s.redirect === Redirect.Localized && localized) localized.set(s, value);
    else s.value = value;
  }
  if (watchers.size !== 0) {
    const w = watchers.get(sym);
    if (w) w(value);
  }
  return value;
}

/** Sets the default (global) value, bypassing buffer-local bindings. */
export function setDefaultValue(sym: LispSymbol, value: LispObject): LispObject {
  const s = indirectVariable(sym);
  if (s.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(s));
  s.value = value;
  const w = watchers.get(s);
  if (w) w(value);
  return value;
}

// ---- the dynamic binding stack -------------------------------------------

const specSyms: LispSymbol[] = [];
const specOld: ValueCell[] = [];
const specRestore: ({ restore(): void } | null)[] = [];

export function specpdlDepth(): number {
  return specSyms.length;
}

/** Binds sym dynamically to value; undo with unbindTo(specpdlDepth() before). */
export function specbind(sym: LispSymbol, value: LispObject): void {
  if (specSyms.length >= (Q.max_specpdl_size.value as number)) specpdlOverflow();
  if (sym.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(sym));
  const s = sym.redirect === Redirect.Plain ? sym : indirectVariable(sym);
  if (s.redirect === Redirect.Localized && localized) {
    specSyms.push(s);
    specOld.push(UNBOUND);
    specRestore.push(localized.bind(s));
    localized.set(s, value);
  } else {
    specSyms.push(s);
    specOld.push(s.value);
    specRestore.push(null);
    s.value = value;
  }
  if (watchers.size !== 0) {
    const w = watchers.get(s);
    if (w) w(value);
  }
}

export function unbindTo(depth: number): void {
  while (specSyms.length > depth) {
    const s = specSyms.pop()!;
    const old = specOld.pop()!;
    const r = specRestore.pop()!;
    if (r) r.restore();
    else s.value = old;
    if (watchers.size !== 0) {
      const w = watchers.get(s);
      if (w) w(old === UNBOUND ? NIL : old);
    }
  }
}

/** The value sym had before its outermost dynamic binding on the stack, for `default-toplevel-value`. */
export function outermostBinding(sym: LispSymbol): ValueCell | undefined {
  for (let i = 0; i < specSyms.length; i++) if (specSyms[i] === sym) return specOld[i];
  return undefined;
}

/** Sets what sym goes back to when its outermost dynamic binding ends; false when it has none. */
export function setOutermostBinding(sym: LispSymbol, value: LispObject): boolean {
  for (let i = 0; i < specSyms.length; i++) {
    if (specSyms[i] === sym) {
      specOld[i] = value;
      return true;
    }
  }
  return false;
}

let inOverflow = false;
function specpdlOverflow(): never {
  if (inOverflow) error('Variable binding depth exceeds max-specpdl-size');
  inOverflow = true;
  try {
    error('Variable binding depth exceeds max-specpdl-size');
  } finally {
    inOverflow = false;
  }
}

// ---- call depth --------------------------------------------------------------

export const callState = {
  depth: 0,
  /** Catch tags currently active, innermost last, so `throw` can signal no-catch. */
  catchTags: [] as LispObject[],
};

/**
 * Runs fn as an entry into Lisp from outside it (a top-level form, a hook the
 * host runs): the call depth goes back to what it was however fn ends (also
 * after a normal return, should some builtin have swallowed a signal that
 * left it too deep).
 */
export function protectedEntry<T>(fn: () => T): T {
  const depth = callState.depth;
  try {
    const v = fn();
    callState.depth = depth;
    return v;
  } catch (e) {
    callState.depth = depth;
    throw e;
  }
}

export function depthOverflow(): never {
  callState.depth--;
  error('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019');
}

Q.max_lisp_eval_depth.value = 800;
Q.max_lisp_eval_depth.special = true;
Q.max_specpdl_size.value = 2500;
Q.max_specpdl_size.special = true;

// ---- quitting (C-g) --------------------------------------------------------------

/** Non-zero when the user asked to quit; the host may replace it with shared memory. */
export let quitCell: Int32Array = new Int32Array(1);

export function setQuitCell(cell: Int32Array): void {
  quitCell = cell;
}

/** For builtins that loop without calling Lisp (which polls by itself): C-g, SIGINT or SIGTERM end the loop as they end Lisp's. */
export function maybeQuit(): void {
  if (quitCell[0] !== 0) signalQuit();
}

export function signalQuit(): never {
  Atomics.store(quitCell, 0, 0);
  signal(Q.quit, NIL);
}

// ---- the batch debugger ------------------------------------------------------

/** Shortens a stack to n entries: pop() stays in optimized code, where assigning .length calls into the runtime. */
export function truncate(stack: unknown[], n: number): void {
  while (stack.length > n) stack.pop();
}

/** Active condition-case handlers, innermost last: each entry is one condition-case's handler conditions. */
export const handlerStack: (readonly (readonly LispSymbol[] | true)[])[] = [];
