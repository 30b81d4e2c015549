// Symbols and the obarray. A symbol's value cell holds its global (default)
// value; `redirect` says when the value lives elsewhere (alias, buffer-local).
import type { LispObject } from './types.js';

/** Marks a void value cell; never visible to Lisp. */
export const UNBOUND: unique symbol = Symbol('unbound');
export type ValueCell = LispObject | typeof UNBOUND;

export const enum Redirect {
  Plain = 0,
  Alias = 1,
  Localized = 2,
}

export const enum Constancy {
  Mutable = 0,
  /** nil, t and keywords: `setq` signals `setting-constant`. */
  Constant = 1,
}

export class LispSymbol {
  value: ValueCell = UNBOUND;
  fn: LispObject;
  plist: LispObject;
  /** Declared special (by `defvar`/`defconst`): `let` binds it dynamically. */
  special = false;
  constancy: Constancy = Constancy.Mutable;
  redirect: Redirect = Redirect.Plain;
  /** For Redirect.Alias: the symbol this one forwards to. */
  alias: LispSymbol | null = null;
  /** For Redirect.Localized: per-buffer storage lives in the buffer layer. */
  localized: unknown = null;
  interned: boolean;

  constructor(readonly name: string, interned = false) {
    this.interned = interned;
    // NIL does not exist yet while NIL itself is built; patched right below.
    this.fn = NIL_PLACEHOLDER ?? (undefined as unknown as LispObject);
    this.plist = this.fn;
  }
}

let NIL_PLACEHOLDER: LispSymbol | undefined;

/** The obarray: every interned symbol, by name. */
export const obarray = new Map<string, LispSymbol>();

export function intern(name: string): LispSymbol {
  let s = obarray.get(name);
  if (s === undefined) {
    s = new LispSymbol(name, true);
    if (name.charCodeAt(0) === 58 /* : */ && name.length > 0) {
      s.value = s;
      s.constancy = Constancy.Constant;
      s.special = true;
    }
    obarray.set(name, s);
  }
  return s;
}

export function internSoft(name: string): LispSymbol | undefined {
  return obarray.get(name);
}

export function unintern(name: string): boolean {
  const s = obarray.get(name);
  if (!s) return false;
  s.interned = false;
  return obarray.delete(name);
}

export function makeSymbol(name: string): LispSymbol {
  return new LispSymbol(name, false);
}

export const NIL: LispSymbol = new LispSymbol('nil', true);
NIL_PLACEHOLDER = NIL;
NIL.fn = NIL;
NIL.plist = NIL;
NIL.value = NIL;
NIL.special = true;
NIL.constancy = Constancy.Constant;
obarray.set('nil', NIL);

export const T: LispSymbol = intern('t');
T.value = T;
T.special = true;
T.constancy = Constancy.Constant;

export function isKeyword(s: LispSymbol): boolean {
  return s.interned && s.name.length > 0 && s.name.charCodeAt(0) === 58;
}
