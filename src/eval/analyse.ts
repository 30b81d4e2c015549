// Analysis: a form and its context in, an IR node out. Macros are expanded
// here (eagerly, as Emacs's `load` does), variables are resolved to lexical
// bindings or dynamic symbols, and special forms get their own nodes.
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, Subr, UNEVALLED, LispString,
  LispSignal, signal, list, listToArray, wrongType, isKeyword, Constancy, intern, error, TailCheck,
} from '../lisp/index.js';
import { K, FnInfo, type Node, type Param, type LetVar, type Handler, type CondClause, CONST_NIL_NODE } from './ir.js';
import { Ctx, Scope, Unit } from './scope.js';
import { callState } from './state.js';

/** How a macro's expander is called: provided by funcall.ts (avoids an import cycle). */
export const macroHooks = {
  expand: (expander: LispObject, args: LispObject[]): LispObject => {
    void expander;
    void args;
    throw new Error('macro expander not installed');
  },
  /** Loads the file an (autoload FILE ...) form names. */
  autoload: (spec: Cons): void => {
    void spec;
    throw new Error('autoload not installed');
  },
  /** Prints load's warning about a call of an obsolete macro (macroexp.el's); set by the primitives. */
  obsolete: null as ((macro: LispSymbol, fileName: string) => void) | null,
};

/** The TYPE of an (autoload FILE DOC INTERACTIVE TYPE) form. */
export function autoloadType(spec: Cons): LispObject {
  let l: LispObject = spec;
  for (let i = 0; i < 4 && l instanceof Cons; i++) l = l.cdr;
  return l instanceof Cons ? l.car : NIL;
}

const Qfuncall = intern('funcall');

type SpecialAnalyser = (form: Cons, ctx: Ctx) => Node;
const specialForms = new Map<LispSymbol, SpecialAnalyser>();

/** Registers the analyser of a special form and gives the symbol its #<subr> cell. */
export function defineSpecialForm(name: string, min: number, analyser: SpecialAnalyser): void {
  const sym = intern(name);
  specialForms.set(sym, analyser);
  sym.fn = new Subr(name, min, UNEVALLED, () => NIL);
}


export function isSpecialForm(sym: LispSymbol): boolean {
  return specialForms.has(sym);
}

const c = (value: LispObject): Node => ({ k: K.Const, value });

/** A node that signals when run: analysis errors surface when the code runs, as in Emacs. */
function failing(err: LispSignal): Node {
  return {
    k: K.Wrap,
    wrap: () => {
      throw err;
    },
    body: CONST_NIL_NODE,
  };
}

let expansionDepth = 0;

export function analyse(form: LispObject, ctx: Ctx): Node {
  if (form instanceof LispSymbol) return analyseSymbol(form, ctx);
  if (!(form instanceof Cons)) return c(form);
  const depth = callState.depth;
  try {
    return analyseCompound(form, ctx);
  } catch (e) {
    if (e instanceof LispSignal) {
      // Raised again when the form runs; a failing macro expander leaves its depth here.
      callState.depth = depth;
      return failing(e);
    }
    throw e;
  }
}

function analyseSymbol(sym: LispSymbol, ctx: Ctx): Node {
  if (sym === NIL || sym === T || (sym.constancy === Constancy.Constant && isKeyword(sym))) return c(sym);
  const b = ctx.lookup(sym);
  if (b === null) return { k: K.DynRef, sym };
  noteCapture(b, ctx.fn);
  return { k: K.LexRef, b };
}

/** A reference from fn to a binding owned by an enclosing function: box it and thread it through. */
function noteCapture(b: import('./ir.js').Binding, fn: FnInfo): void {
  if (b.owner === fn) return;
  b.captured = true;
  for (let f: FnInfo | null = fn; f !== null && f !== b.owner; f = f.parent) {
    if (f.code !== null && !f.captures.includes(b)) {
      error('Late macro expansion refers to an uncaptured variable');
    }
    f.captureIndex(b);
  }
}


function analyseCompound(form: Cons, ctx: Ctx): Node {
  const head = form.car;
  if (head instanceof LispSymbol) {
    const special = specialForms.get(head);
    if (special !== undefined) return special(form, ctx);
    let fn = resolveFunction(head);
    if (fn instanceof Cons && fn.car === Q.autoload && autoloadType(fn) === Q.macro) {
      // An autoloaded macro: load its file now, then expand as usual.
      macroHooks.autoload(fn);
      fn = resolveFunction(head);
    }
    if (fn instanceof Cons && fn.car === Q.macro) {
      const unit = ctx.unit;
      if (unit.fileName === null) return analyse(expandMacro(fn.cdr, form), ctx);
      const atTopLevel = unit.topLevelForms.has(form);
      if (!atTopLevel && macroHooks.obsolete !== null) macroHooks.obsolete(head, unit.fileName);
      const expansion = expandMacro(fn.cdr, form);
      if (atTopLevel) unit.topLevelForms.add(expansion);
      return analyse(expansion, ctx);
    }
    // (funcall #'SYM ARGS...) is (SYM ARGS...), as Emacs's eager macroexpansion rewrites it.
    if (head === Qfuncall && form.cdr instanceof Cons) {
      const f = form.cdr.car;
      if (f instanceof Cons && f.car === Q.function && f.cdr instanceof Cons && f.cdr.car instanceof LispSymbol && f.cdr.cdr === NIL) {
        return analyse(new Cons(f.cdr.car, form.cdr.cdr), ctx);
      }
    }
    return { k: K.Call, sym: head, args: analyseArgs(form.cdr, ctx), form, ctx };
  }
  if (head instanceof Cons && (head.car === Q.lambda || head.car === Q.closure)) {
    const fn = head.car === Q.lambda ? analyseFunction(head, ctx) : c(head);
    return { k: K.CallValue, fn, args: analyseArgs(form.cdr, ctx) };
  }
  return failing(new LispSignal(Q.invalid_function, list(head)));
}

/** Follows a symbol's function indirections (aliases); NIL when void. */
export function resolveFunction(sym: LispSymbol): LispObject {
  let f: LispObject = sym.fn;
  for (let n = 0; f instanceof LispSymbol && f !== NIL; n++) {
    if (n > 100) signal(Q.cyclic_function_indirection, list(sym));
    f = f.fn;
  }
  return f;
}

export function expandMacro(expander: LispObject, form: Cons): LispObject {
  if (++expansionDepth > (Q.max_lisp_eval_depth.value as number)) {
    expansionDepth = 0;
    signal(Q.error, list(new LispString('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019', true)));
  }
  try {
    return macroHooks.expand(expander, listToArray(form.cdr));
  } finally {
    expansionDepth--;
  }
}

function analyseArgs(args: LispObject, ctx: Ctx): Node[] {
  const out: Node[] = [];
  const check = new TailCheck(args);
  while (args instanceof Cons) {
    out.push(analyse(args.car, ctx));
    args = args.cdr;
    check.step(args);
  }
  if (args !== NIL) wrongType(Q.listp, args);
  return out;
}

function analyseBody(body: LispObject, ctx: Ctx): Node {
  const nodes: Node[] = [];
  while (body instanceof Cons) {
    const form = body.car;
    // A bare (defvar x) makes x special for the rest of this body.
    if (form instanceof Cons && form.car === Q.defvar && form.cdr instanceof Cons && form.cdr.cdr === NIL) {
      const sym = form.cdr.car;
      if (sym instanceof LispSymbol && ctx.lexical) {
        if (ctx.scope === null && ctx.fn.parent === null) ctx.unit.specials.add(sym);
        else ctx = ctx.with(new Scope(ctx.scope, sym, null));
      }
      nodes.push(c(sym));
      body = body.cdr;
      continue;
    }
    nodes.push(analyse(form, ctx));
    body = body.cdr;
  }
  if (body !== NIL) wrongType(Q.listp, body);
  if (nodes.length === 0) return CONST_NIL_NODE;
  if (nodes.length === 1) return nodes[0];
  return { k: K.Progn, body: nodes };
}

export { analyseBody };

function args1(form: Cons): LispObject[] {
  const out: LispObject[] = [];
  let l = form.cdr;
  const check = new TailCheck(l);
  while (l instanceof Cons) {
    out.push(l.car);
    l = l.cdr;
    check.step(l);
  }
  if (l !== NIL) wrongType(Q.listp, form.cdr);
  return out;
}

function arity(form: Cons, name: LispSymbol, min: number, max: number): LispObject[] {
  const a = args1(form);
  if (a.length < min || (max >= 0 && a.length > max)) signal(Q.wrong_number_of_arguments, list(name, a.length));
  return a;
}

// ---- functions --------------------------------------------------------------

const Qamp_optional = Q.amp_optional;
const Qamp_rest = Q.amp_rest;

/** Analyses (lambda ARGS . BODY) into a closure-creation node (lexical) or a constant (dynamic). */
function analyseFunction(lambda: Cons, ctx: Ctx): Node {
  if (!ctx.lexical) return c(lambda);
  const rest = lambda.cdr;
  if (!(rest instanceof Cons)) return c(lambda);
  const info = analyseLambda(rest.car, rest.cdr, ctx);
  return { k: K.Closure, info };
}

/** Builds the FnInfo of a function with parameter list ARGS and BODY, nested in ctx. */
export function analyseLambda(args: LispObject, body: LispObject, ctx: Ctx): FnInfo {
  const info = new FnInfo(ctx.lexical ? ctx.fn : null, ctx.lexical);
  info.source = new Cons(args, body);
  let scope = ctx.lexical ? ctx.scope : null;
  const inner = new Ctx(info, scope, ctx.lexical, ctx.unit);
  let mode = 0; // 0 required, 1 optional, 2 rest
  let l = args;
  while (l instanceof Cons) {
    const p = l.car;
    l = l.cdr;
    if (p === Qamp_optional) {
      mode = 1;
      continue;
    }
    if (p === Qamp_rest) {
      mode = 2;
      continue;
    }
    if (!(p instanceof LispSymbol)) signal(Q.invalid_function, list(new Cons(Q.lambda, info.source)));
    let param: Param;
    if (inner.isSpecial(p)) param = p;
    else {
      const b = info.newBinding(p);
      scope = new Scope(scope, p, b);
      param = b;
    }
    if (mode === 0) info.required.push(param);
    else if (mode === 1) info.optional.push(param);
    else info.rest = param;
  }
  // Skip a leading docstring when more forms follow; it would evaluate to itself anyway.
  let b = body;
  if (b instanceof Cons && b.car instanceof LispString && b.cdr instanceof Cons) b = b.cdr;
  const bodyCtx = new Ctx(info, scope, ctx.lexical, ctx.unit);
  if (ctx.scope === null && ctx.lexical) {
    // Nothing lexical is visible from outside, so nothing can be captured:
    // analyse the body on the first call (most library functions never run).
    const forms = b;
    const specials = new Set(ctx.unit.specials);
    info.pendingBody = () => {
      // The file-level specials as they were when the function was defined.
      const unit = new Unit(ctx.unit.fileName);
      for (const sp of specials) unit.specials.add(sp);
      info.body = analyseBody(forms, new Ctx(info, scope, true, unit));
    };
  } else {
    info.body = analyseBody(b, bodyCtx);
  }
  return info;
}

// ---- special forms -------------------------------------------------------

defineSpecialForm('quote', 1, (form) => c(arity(form, Q.quote, 1, 1)[0]));

defineSpecialForm('function', 1, (form, ctx) => {
  const [arg] = arity(form, Q.function, 1, 1);
  if (arg instanceof Cons && arg.car === Q.lambda) return analyseFunction(arg, ctx);
  return c(arg);
});

defineSpecialForm('progn', 0, (form, ctx) => {
  // A top-level progn's forms are each at top level for load.
  const top = ctx.unit.topLevelForms;
  if (top.size > 0 && top.has(form)) for (let l = form.cdr; l instanceof Cons; l = l.cdr) top.add(l.car);
  return analyseBody(form.cdr, ctx);
});

defineSpecialForm('prog1', 1, (form, ctx) => {
  const a = arity(form, Q.prog1, 1, -1);
  return { k: K.Prog1, body: a.map((x) => analyse(x, ctx)) };
});

defineSpecialForm('if', 2, (form, ctx) => {
  const a = arity(form, Q.if, 2, -1);
  const elseBody = (form.cdr as Cons).cdr as Cons;
  return { k: K.If, test: analyse(a[0], ctx), then: analyse(a[1], ctx), else: analyseBody(elseBody.cdr, ctx) };
});

defineSpecialForm('and', 0, (form, ctx) => {
  const a = args1(form);
  if (a.length === 0) return c(T);
  if (a.length === 1) return analyse(a[0], ctx);
  return { k: K.And, body: a.map((x) => analyse(x, ctx)) };
});

defineSpecialForm('or', 0, (form, ctx) => {
  const a = args1(form);
  if (a.length === 0) return CONST_NIL_NODE;
  if (a.length === 1) return analyse(a[0], ctx);
  return { k: K.Or, body: a.map((x) => analyse(x, ctx)) };
});

defineSpecialForm('cond', 0, (form, ctx) => {
  const clauses: CondClause[] = [];
  for (const clause of args1(form)) {
    if (clause === NIL) continue;
    if (!(clause instanceof Cons)) wrongType(Q.listp, clause);
    clauses.push({ test: analyse(clause.car, ctx), body: clause.cdr === NIL ? null : analyseBody(clause.cdr, ctx) });
  }
  return { k: K.Cond, clauses };
});

defineSpecialForm('while', 1, (form, ctx) => {
  const a = arity(form, Q.while, 1, -1);
  return { k: K.While, test: analyse(a[0], ctx), body: analyseBody((form.cdr as Cons).cdr, ctx) };
});

defineSpecialForm('setq', 0, (form, ctx) => {
  const a = args1(form);
  if (a.length % 2 !== 0) signal(Q.wrong_number_of_arguments, list(Q.setq, a.length));
  const nodes: Node[] = [];
  for (let i = 0; i < a.length; i += 2) {
    const sym = a[i];
    if (!(sym instanceof LispSymbol)) wrongType(Q.symbolp, sym);
    const value = analyse(a[i + 1], ctx);
    const b = ctx.lookup(sym);
    if (b !== null) {
      noteCapture(b, ctx.fn);
      nodes.push({ k: K.LexSet, b, value });
    } else nodes.push({ k: K.DynSet, sym, value });
  }
  if (nodes.length === 0) return CONST_NIL_NODE;
  return nodes.length === 1 ? nodes[0] : { k: K.Progn, body: nodes };
});

function analyseLet(form: Cons, ctx: Ctx, sequential: boolean): Node {
  const name = sequential ? Q.let_star : Q.let;
  const a = arity(form, name, 1, -1);
  const vars: LetVar[] = [];
  let scope = ctx.scope;
  let bindings = a[0];
  const pending: Scope[] = [];
  while (bindings instanceof Cons) {
    const spec = bindings.car;
    bindings = bindings.cdr;
    let sym: LispObject;
    let initForm: LispObject = NIL;
    if (spec instanceof Cons) {
      sym = spec.car;
      if (spec.cdr instanceof Cons) {
        initForm = spec.cdr.car;
        if (spec.cdr.cdr !== NIL) signal(Q.error, list(new LispString('`let\' bindings can have only one value-form', false), spec));
      }
    } else sym = spec;
    if (!(sym instanceof LispSymbol)) wrongType(Q.symbolp, sym);
    if (sym.constancy !== Constancy.Mutable) signal(Q.setting_constant, list(sym));
    const init = analyse(initForm, sequential ? ctx.with(scope) : ctx);
    const here = ctx.with(scope);
    if (here.isSpecial(sym)) {
      vars.push({ target: sym, init });
    } else {
      const b = ctx.fn.newBinding(sym);
      vars.push({ target: b, init });
      const s = new Scope(scope, sym, b);
      if (sequential) scope = s;
      else pending.push(s);
    }
  }
  if (bindings !== NIL) wrongType(Q.listp, a[0]);
  for (const s of pending) scope = new Scope(scope, s.sym, s.binding);
  const body = analyseBody((form.cdr as Cons).cdr, ctx.with(scope));
  if (vars.length === 0) return body;
  return { k: K.Let, vars, sequential, body };
}

defineSpecialForm('let', 1, (form, ctx) => analyseLet(form, ctx, false));
defineSpecialForm('let*', 1, (form, ctx) => analyseLet(form, ctx, true));

defineSpecialForm('catch', 1, (form, ctx) => {
  const a = arity(form, Q.catch, 1, -1);
  return { k: K.Catch, tag: analyse(a[0], ctx), body: analyseBody((form.cdr as Cons).cdr, ctx) };
});

defineSpecialForm('unwind-protect', 1, (form, ctx) => {
  const a = arity(form, Q.unwind_protect, 1, -1);
  return { k: K.Unwind, body: analyse(a[0], ctx), cleanup: analyseBody((form.cdr as Cons).cdr, ctx) };
});

defineSpecialForm('condition-case', 2, (form, ctx) => {
  const a = arity(form, Q.condition_case, 2, -1);
  const v = a[0];
  if (!(v instanceof LispSymbol)) wrongType(Q.symbolp, v);
  const body = analyse(a[1], ctx);
  let variable: Param | null = null;
  let hctx = ctx;
  if (v !== NIL) {
    if (ctx.isSpecial(v)) variable = v;
    else {
      const b = ctx.fn.newBinding(v);
      variable = b;
      hctx = ctx.with(new Scope(ctx.scope, v, b));
    }
  }
  const handlers: Handler[] = [];
  let success: Node | null = null;
  for (let i = 2; i < a.length; i++) {
    const h = a[i];
    if (!(h instanceof Cons)) {
      if (h === NIL) continue;
      signal(Q.error, list(new LispString('Invalid condition handler: ', false), h));
    }
    const hbody = analyseBody(h.cdr, hctx);
    if (h.car === Q.kw_success) {
      success = hbody;
      continue;
    }
    let conditions: LispSymbol[] | true;
    if (h.car === T) conditions = true;
    else if (h.car instanceof LispSymbol) conditions = [h.car];
    else conditions = listToArray(h.car).filter((x): x is LispSymbol => x instanceof LispSymbol);
    handlers.push({ conditions, body: hbody });
  }
  return { k: K.CondCase, variable, body, handlers, success };
});

defineSpecialForm('interactive', 0, () => CONST_NIL_NODE);

/** Wrappers for the save-* special forms; the buffer layer installs real ones. */
export const saveForms = {
  saveExcursion: (run: () => LispObject): LispObject => run(),
  saveRestriction: (run: () => LispObject): LispObject => run(),
  saveCurrentBuffer: (run: () => LispObject): LispObject => run(),
};

defineSpecialForm('save-excursion', 0, (form, ctx) => ({
  k: K.Wrap,
  wrap: (run) => saveForms.saveExcursion(run),
  body: analyseBody(form.cdr, ctx),
}));
defineSpecialForm('save-restriction', 0, (form, ctx) => ({
  k: K.Wrap,
  wrap: (run) => saveForms.saveRestriction(run),
  body: analyseBody(form.cdr, ctx),
}));
defineSpecialForm('save-current-buffer', 0, (form, ctx) => ({
  k: K.Wrap,
  wrap: (run) => saveForms.saveCurrentBuffer(run),
  body: analyseBody(form.cdr, ctx),
}));

/** Runtime part of defvar/defconst: set the default value (unless bound, for defvar). */
export const defvarHooks = {
  defvar: (sym: LispSymbol, value: () => LispObject, doc: LispObject): LispObject => {
    void value;
    void doc;
    return sym;
  },
  defconst: (sym: LispSymbol, value: LispObject, doc: LispObject): LispObject => {
    void value;
    void doc;
    return sym;
  },
};

defineSpecialForm('defvar', 1, (form, ctx) => {
  const a = arity(form, Q.defvar, 1, 3);
  const sym = a[0];
  if (!(sym instanceof LispSymbol)) wrongType(Q.symbolp, sym);
  if (a.length === 1) {
    // A bare (defvar x) at top level makes x dynamic for the rest of the file.
    if (ctx.lexical && ctx.scope === null && ctx.fn.parent === null) ctx.unit.specials.add(sym);
    return c(sym);
  }
  sym.special = true;
  const init = analyse(a[1], ctx);
  const doc = a.length > 2 ? a[2] : NIL;
  return evalNode((run) => defvarHooks.defvar(sym, run, doc), init);
});

defineSpecialForm('defconst', 2, (form, ctx) => {
  const a = arity(form, Q.defconst, 2, 3);
  const sym = a[0];
  if (!(sym instanceof LispSymbol)) wrongType(Q.symbolp, sym);
  sym.special = true;
  const init = analyse(a[1], ctx);
  const doc = a.length > 2 ? a[2] : NIL;
  return evalNode((run) => defvarHooks.defconst(sym, run(), doc), init);
});

/** A node that hands a thunk for `body` to fn. */
function evalNode(fn: (run: () => LispObject) => LispObject, body: Node): Node {
  return { k: K.Wrap, wrap: fn, body };
}

