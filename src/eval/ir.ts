// The intermediate form between analysis and compilation. Analysis resolves
// every variable to a lexical Binding or a dynamic symbol and expands macros;
// compilation then turns nodes into JS closures. Keeping the two apart lets
// compilation know which bindings are captured by inner closures (those live
// in boxes) before it emits any variable access.
import type { LispObject, LispSymbol, Cons } from '../lisp/index.js';

export class Binding {
  /** Referenced from an inner function: stored in a Box. */
  captured = false;
  constructor(
    readonly sym: LispSymbol,
    readonly owner: FnInfo,
    readonly slot: number,
  ) {}
}

export class Box {
  constructor(public v: LispObject) {}
}

/** A lexical parameter (binding) or a dynamically bound one (symbol). */
export type Param = Binding | LispSymbol;

/** What analysis knows about one function body (or one top-level form). */
export class FnInfo {
  /** Slot 0 of every frame holds the closure's captured boxes. */
  nslots = 1;
  readonly captures: Binding[] = [];
  required: Param[] = [];
  optional: Param[] = [];
  rest: Param | null = null;
  body: Node = CONST_NIL_NODE;
  /** Set while the body is not analysed yet (see analyseLambda): does the analysis. */
  pendingBody: (() => void) | null = null;
  /** The source, for printing closures: (ARGS . BODY). */
  source: LispObject | null = null;
  name: LispObject | null = null;
  // Filled by compilation:
  code: ((fr: Frame) => LispObject) | null = null;
  /** No optionals, no rest, no special or captured params: args go straight into slots. */
  simple = false;
  /** The argument count of a simple function, else -1 (one check on the call fast path). */
  simpleArity = -1;
  /**
   * The argument count of a function with only required lexical params some
   * of which inner closures capture (they are boxed on entry), else -1.
   */
  boxedArity = -1;

  constructor(
    readonly parent: FnInfo | null,
    /** Analysed with lexical binding (closures print as `closure`). */
    readonly lexical = true,
  ) {}

  newBinding(sym: LispSymbol): Binding {
    return new Binding(sym, this, this.nslots++);
  }

  captureIndex(b: Binding): number {
    let i = this.captures.indexOf(b);
    if (i < 0) {
      i = this.captures.length;
      this.captures.push(b);
    }
    return i;
  }
}

export type Frame = unknown[];
export type Code = (fr: Frame) => LispObject;

export const enum K {
  Const,
  LexRef,
  DynRef,
  LexSet,
  DynSet,
  If,
  Progn,
  Prog1,
  And,
  Or,
  While,
  Let,
  Call,
  CallValue,
  Closure,
  Catch,
  Unwind,
  CondCase,
  Wrap,
  Cond,
}

export interface LetVar {
  readonly target: Param;
  readonly init: Node;
}

export interface Handler {
  /** The condition names, or t for every error. */
  readonly conditions: LispSymbol[] | true;
  readonly body: Node;
}

export interface CondClause {
  readonly test: Node;
  /** null: the clause's value is the test's value. */
  readonly body: Node | null;
}

export type Node =
  | { readonly k: K.Const; readonly value: LispObject }
  | { readonly k: K.LexRef; readonly b: Binding }
  | { readonly k: K.DynRef; readonly sym: LispSymbol }
  | { readonly k: K.LexSet; readonly b: Binding; readonly value: Node }
  | { readonly k: K.DynSet; readonly sym: LispSymbol; readonly value: Node }
  | { readonly k: K.If; readonly test: Node; readonly then: Node; readonly else: Node }
  | { readonly k: K.Progn; readonly body: Node[] }
  | { readonly k: K.Prog1; readonly body: Node[] }
  | { readonly k: K.And; readonly body: Node[] }
  | { readonly k: K.Or; readonly body: Node[] }
  | { readonly k: K.While; readonly test: Node; readonly body: Node }
  | { readonly k: K.Let; readonly vars: LetVar[]; readonly sequential: boolean; readonly body: Node }
  | { readonly k: K.Call; readonly sym: LispSymbol; readonly args: Node[]; readonly form: Cons; readonly ctx: unknown }
  | { readonly k: K.CallValue; readonly fn: Node; readonly args: Node[] }
  | { readonly k: K.Closure; readonly info: FnInfo }
  | { readonly k: K.Catch; readonly tag: Node; readonly body: Node }
  | { readonly k: K.Unwind; readonly body: Node; readonly cleanup: Node }
  | {
      readonly k: K.CondCase;
      readonly variable: Param | null;
      readonly body: Node;
      readonly handlers: Handler[];
      readonly success: Node | null;
    }
  | { readonly k: K.Wrap; readonly wrap: (run: () => LispObject) => LispObject; readonly body: Node }
  | { readonly k: K.Cond; readonly clauses: CondClause[] };

import { NIL } from '../lisp/symbol.js';
export const CONST_NIL_NODE: Node = { k: K.Const, value: NIL };
