// The analysis-time lexical environment.
import type { LispObject, LispSymbol } from '../lisp/index.js';
import type { Binding, FnInfo } from './ir.js';

/** One entry of the lexical environment: a binding, or a local `(defvar x)`. */
export class Scope {
  constructor(
    readonly parent: Scope | null,
    readonly sym: LispSymbol,
    /** null: sym is locally special here. */
    readonly binding: Binding | null,
  ) {}
}

/** What a whole load (file or eval call) shares: specials declared by a bare `(defvar x)`. */
export class Unit {
  readonly specials = new Set<LispSymbol>();
  /**
   * The forms being evaluated at top level, as load sees them (a macro call's
   * expansions, the forms of a top-level progn): load expands those without
   * warnings, then warns of obsolete macros in everything below them.
   */
  readonly topLevelForms = new Set<LispObject>();
  constructor(readonly fileName: string | null) {}
}

/** The context a form is analysed in. */
export class Ctx {
  constructor(
    readonly fn: FnInfo,
    readonly scope: Scope | null,
    readonly lexical: boolean,
    readonly unit: Unit,
  ) {}

  with(scope: Scope | null): Ctx {
    return new Ctx(this.fn, scope, this.lexical, this.unit);
  }

  /** Looks sym up: a Binding, or null when it is dynamic here. */
  lookup(sym: LispSymbol): Binding | null {
    if (!this.lexical) return null;
    for (let s = this.scope; s !== null; s = s.parent) {
      if (s.sym === sym) return s.binding;
    }
    return null;
  }

  /** Is a new binding of sym here dynamic? */
  isSpecial(sym: LispSymbol): boolean {
    if (!this.lexical || sym.special) return true;
    for (let s = this.scope; s !== null; s = s.parent) {
      if (s.sym === sym && s.binding === null) return true;
    }
    return this.unit.specials.has(sym);
  }
}
