// Calling functions: the general path behind the compiled call sites, and
// `funcall`/`apply` for every kind of function object.
import {
  type LispObject, LispSymbol, Cons, NIL, Q, Subr, MANY, UNEVALLED, LispClosure, LispSignal,
  signal, list, listToArray, LispString, error,
} from '../lisp/index.js';
import { type Code, type Frame, FnInfo, Box as BoxOf } from './ir.js';
import { CompiledClosure } from './closure.js';
import { type CallSite, compileLate, compileFunction } from './compile.js';
import { analyseLambda, macroHooks, resolveFunction } from './analyse.js';
import { Ctx, Unit, Scope } from './scope.js';
import { formPosition } from '../reader/positions.js';

const Qautoload = Q.autoload;

/** A frame whose source position is looked up only when someone reads it. */
class LazyFrame {
  private pos: { file: string | null; line: number; col: number } | null | undefined = undefined;
  constructor(
    readonly fn: LispObject,
    readonly args: readonly LispObject[] | null,
    private readonly form: Cons | null,
  ) {}
  private where(): { file: string | null; line: number; col: number } | null {
    if (this.pos === undefined) this.pos = (this.form && formPosition(this.form)) ?? null;
    return this.pos;
  }
  get file(): string | null {
    return this.where()?.file ?? null;
  }
  get line(): number {
    return this.where()?.line ?? 0;
  }
  get col(): number {
    return this.where()?.col ?? 0;
  }
}

/** Records a Lisp frame on a signal passing through a call (for the batch backtrace). */
export function noteFrame(e: unknown, fn: LispObject, args: LispObject[], form: Cons | null): unknown {
  if (e instanceof LispSignal && e.frames.length < 60) e.frames.push(new LazyFrame(fn, args, form));
  return e;
}

/*
 * Calls of `signal`, `error`, `user-error` and `throw` need no try/catch
 * (which would catch and rethrow every exit they make): the call site notes
 * its frame here first, and the signal such a call raises, if any, takes it
 * as its innermost frame (see takeExitFrame). A throw leaves it unused: the
 * places that catch throws and then run code drop it (dropExitFrame).
 */
let exitSym: LispSymbol | null = null;
let exitForm: Cons | null = null;
let exitArgs: LispObject[] | null = null;
// The arguments of a builtin's call noted without an array (noteBuiltinCall).
let exitCount = 0;
let exitA: LispObject = NIL;
let exitB: LispObject = NIL;
let exitC: LispObject = NIL;

export function noteExitFrame(site: { sym: LispSymbol; form: Cons }, args: LispObject[]): void {
  exitSym = site.sym;
  exitForm = site.form;
  exitArgs = args;
}

/**
 * The slow path of an inlined builtin, which never calls Lisp, notes its call
 * the same way instead of catching (a catch costs a rethrow on every error
 * through it), and drops the note when the builtin returns.
 */
export function noteBuiltinCall(sym: LispSymbol, form: Cons, n: number, a: LispObject, b: LispObject, c: LispObject): void {
  exitSym = sym;
  exitForm = form;
  exitArgs = null;
  exitCount = n;
  exitA = a;
  exitB = b;
  exitC = c;
}

export function dropExitFrame(): void {
  exitSym = null;
}

/** Gives a new signal the frame of the exit call that raised it. */
export function takeExitFrame(sig: LispSignal): void {
  if (exitSym === null) return;
  let args = exitArgs;
  if (args === null) args = exitCount === 1 ? [exitA] : exitCount === 2 ? [exitA, exitB] : [exitA, exitB, exitC];
  sig.frames.push(new LazyFrame(exitSym, args, exitForm));
  exitSym = null;
  exitArgs = null;
  exitA = exitB = exitC = NIL;
}

/** Calls a subr with an argument array, checking its arity and padding optionals with nil. */
export function callSubrArgs(f: Subr, args: LispObject[], name: LispObject): LispObject {
  const n = args.length;
  // Two arguments to an &rest builtin with a positional fast path (`<` as a sort predicate...).
  if (n === 2 && f.fast2 !== null) return f.fast2(args[0], args[1]);
  if (f.max === MANY) {
    if (n < f.min) signal(Q.wrong_number_of_arguments, list(name, n));
    return f.fn(args);
  }
  if (f.max === UNEVALLED || n < f.min || n > f.max) signal(Q.wrong_number_of_arguments, list(name, n));
  switch (f.max) {
    case 0:
      return f.fn();
    case 1:
      return f.fn(n > 0 ? args[0] : NIL);
    case 2:
      return f.fn(n > 0 ? args[0] : NIL, n > 1 ? args[1] : NIL);
    case 3:
      return f.fn(n > 0 ? args[0] : NIL, n > 1 ? args[1] : NIL, n > 2 ? args[2] : NIL);
    default: {
      const padded = args.slice();
      while (padded.length < f.max) padded.push(NIL);
      return f.fn(...padded);
    }
  }
}

/** The slow path of a compiled call `(SYM ARGS...)`. */
export function callSlow(site: CallSite, f: LispObject, argCodes: Code[], fr: Frame): LispObject {
  if (site.late !== null) return site.late(fr);
  const sym = site.sym;
  if (f instanceof LispSymbol) f = f === NIL ? NIL : resolveFunction(sym);
  if (f === NIL) signal(Q.void_function, list(sym));
  if (f instanceof Cons && f.car === Q.macro) {
    // Defined as a macro after this call was compiled: expand now, once.
    const expansion = macroHooks.expand(f.cdr, listToArray(site.form.cdr));
    site.late = compileLate(site, expansion);
    return site.late(fr);
  }
  if (f instanceof Cons && f.car === Qautoload) {
    autoloadDo(sym, f);
    return callSlow(site, resolveFunction(sym), argCodes, fr);
  }
  const args = new Array<LispObject>(argCodes.length);
  for (let i = 0; i < argCodes.length; i++) args[i] = argCodes[i](fr);
  try {
    if (f instanceof Subr) return callSubrArgs(f, args, sym);
    return callFunction(f, args);
  } catch (e) {
    throw noteFrame(e, sym, args, site.form);
  }
}

/** `funcall`: any function object with evaluated arguments. */
export function callFunction(f: LispObject, args: LispObject[]): LispObject {
  if (f instanceof CompiledClosure) return f.callN(args);
  if (f instanceof Subr) return callSubrArgs(f, args, f);
  if (f instanceof LispSymbol) {
    if (f === NIL) signal(Q.void_function, list(f));
    const g = resolveFunction(f);
    if (g === NIL) signal(Q.void_function, list(f));
    if (g instanceof Cons && g.car === Qautoload) {
      autoloadDo(f, g);
      return callFunction(f, args);
    }
    if (g instanceof Subr) return callSubrArgs(g, args, g);
    if (g instanceof Cons && g.car === Q.macro) signal(Q.invalid_function, list(f));
    return callFunction(g, args);
  }
  if (f instanceof Cons) return lambdaListFunction(f).callN(args);
  if (f instanceof LispClosure) return f.callN(args);
  signal(Q.invalid_function, list(f));
}

// ---- lambda lists: (lambda ARGS . BODY) and (closure ENV ARGS . BODY) -------------

const lambdaCache = new WeakMap<Cons, CompiledClosure>();

/** The compiled function for a lambda or closure list, cached per list. */
export function lambdaListFunction(f: Cons): CompiledClosure {
  const cached = lambdaCache.get(f);
  if (cached !== undefined) return cached;
  let compiled: CompiledClosure;
  if (f.car === Q.lambda && f.cdr instanceof Cons) {
    const unit = new Unit(null);
    const info = analyseLambda(f.cdr.car, f.cdr.cdr, new Ctx(new FnInfo(null, false), null, false, unit));
    compileFunction(info);
    compiled = new CompiledClosure(info, null);
  } else if (f.car === Q.closure && f.cdr instanceof Cons && f.cdr.cdr instanceof Cons) {
    compiled = closureListFunction(f.cdr.car, f.cdr.cdr.car, f.cdr.cdr.cdr);
  } else {
    signal(Q.invalid_function, list(f));
  }
  lambdaCache.set(f, compiled);
  return compiled;
}

/**
 * A (closure ENV ARGS . BODY) list: the environment's (VAR . VALUE) pairs
 * become an enclosing function whose frame holds them, so the body captures them.
 */
function closureListFunction(env: LispObject, args: LispObject, body: LispObject): CompiledClosure {
  const outer = new FnInfo(null, true);
  const unit = new Unit(null);
  let scope: Scope | null = null;
  const values: [number, LispObject][] = [];
  for (let l = env; l instanceof Cons; l = l.cdr) {
    const e = l.car;
    if (e instanceof Cons && e.car instanceof LispSymbol) {
      const b = outer.newBinding(e.car);
      b.captured = true;
      values.push([b.slot, e.cdr]);
      scope = new Scope(scope, e.car, b);
    } else if (e instanceof LispSymbol && e !== Q.t) {
      scope = new Scope(scope, e, null);
    }
  }
  // Reverse so the first pair in ENV is the innermost binding.
  const ordered: Scope[] = [];
  for (let s = scope; s !== null; s = s.parent) ordered.push(s);
  scope = null;
  for (const s of ordered) scope = new Scope(scope, s.sym, s.binding);
  const info = analyseLambda(args, body, new Ctx(outer, scope, true, unit));
  compileFunction(info);
  const boxes = info.captures.map((b) => {
    const v = values.find(([slot]) => slot === b.slot);
    return new BoxOf(v ? v[1] : NIL);
  });
  return new CompiledClosure(info, boxes);
}


// ---- macros and autoload --------------------------------------------------------

macroHooks.expand = (expander, args) => callFunction(expander, args);
macroHooks.autoload = (spec) => autoloadHooks.load(spec.cdr instanceof Cons ? spec.cdr.car : NIL);

/** Set by the load module: loads the file an autoload names. */
export const autoloadHooks = {
  load: (file: LispObject): void => {
    void file;
    signal(Q.error, list());
  },
};

function autoloadDo(sym: LispSymbol, spec: Cons): void {
  const file = spec.cdr instanceof Cons ? spec.cdr.car : NIL;
  autoloadHooks.load(file);
  const f = resolveFunction(sym);
  if (f === spec || (f instanceof Cons && f.car === Qautoload)) {
    error(`Autoloading file ${file instanceof LispString ? file.value : String(file)} failed to define function ${sym.name}`);
  }
}
