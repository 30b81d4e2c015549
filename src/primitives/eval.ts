// Builtins of Emacs's eval.c: calling, evaluating, signalling, defining functions.
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, Subr, MANY, UNEVALLED, LispClosure, LispThrow, KillEmacs,
  LispSignal, LispString, intern, signal, list, listToArray, wrongType, setCar,
} from '../lisp/index.js';
import { declareModule, defun, defunRest, defvar, any, symbol, optional, bool } from '../lisp/defun.js';
import { callFunction, lambdaListFunction, autoloadHooks } from '../eval/funcall.js';
import { evalWithLexical } from '../eval/toplevel.js';
import { noteLoadDefinition } from '../eval/load.js';
import { resolveFunction, expandMacro, defvarHooks, autoloadType, macroHooks } from '../eval/analyse.js';
import { callState, indirectVariable, setDefaultValue } from '../eval/state.js';
import { CompiledClosure } from '../eval/closure.js';
import { formatString } from './format.js';
import { sequenceElements } from './fns.js';
import { UNBOUND } from '../lisp/symbol.js';
import { BUILTIN_COMMAND_SPECS } from './command-specs.js';
import { readFromString } from '../reader/reader.js';
import { get } from './data.js';
import { isVector } from '../lisp/vector.js';

declareModule('eval');

const Qdefun = intern('defun');

defunRest('funcall', 1, (args) => callFunction(args[0], args.slice(1)));

defunRest('apply', 1, (args) => {
  if (args.length === 1) {
    // (apply '(f a b)) calls f with a and b.
    const l = args[0];
    if (!(l instanceof Cons)) return callFunction(l, []);
    return callFunction(l.car, l.cdr === NIL ? [] : sequenceElements(l.cdr));
  }
  const last = args[args.length - 1];
  if (last !== NIL && !(last instanceof Cons)) wrongType(Q.listp, last);
  // Emacs's Fapply takes the list's length first: a circular or dotted list signals as `length' does.
  const spread = last === NIL ? [] : sequenceElements(last);
  return callFunction(args[0], args.length === 2 ? spread : args.slice(1, -1).concat(spread));
});

defun('eval', [any, optional(any)], (form, lexical) => evalWithLexical(form, lexical as LispObject));

defun('signal', [any, any], (sym, data) => {
  // (signal nil '(error-symbol . data)) re-signals an error object.
  if (sym === NIL && data instanceof Cons && data.car instanceof LispSymbol) throw new LispSignal(data.car, data.cdr);
  if (!(sym instanceof LispSymbol)) wrongType(Q.symbolp, sym);
  throw new LispSignal(sym, data);
});

defun('throw', [any, any], (tag, value) => {
  const tags = callState.catchTags;
  for (let i = tags.length - 1; i >= 0; i--) if (tags[i] === tag) throw new LispThrow(tag, value);
  signal(Q.no_catch, list(tag, value));
});

defunRest(
  'error',
  1,
  (args) => {
    throw new LispSignal(Q.error, list(formatString(args[0] as LispString, args.slice(1), true)));
  },
);

defunRest('user-error', 1, (args) => {
  throw new LispSignal(Q.user_error, list(formatString(args[0] as LispString, args.slice(1), true)));
});

defun('kill-emacs', [optional(any), optional(any)], (code) => {
  throw new KillEmacs(code);
});

// ---- function cells ---------------------------------------------------------------

/** Bumped whenever a macro is (re)defined, so caches of expansions can notice. */
export let macroGeneration = 0;

function setFunction(sym: LispSymbol, def: LispObject): void {
  if (sym === NIL && def !== NIL) signal(Q.setting_constant, list(sym));
  if ((def instanceof Cons && def.car === Q.macro) || (sym.fn instanceof Cons && sym.fn.car === Q.macro)) {
    macroGeneration++;
  }
  sym.fn = def;
}

defun('fset', [symbol, any], (sym, def) => {
  setFunction(sym, def);
  return def;
});

defun('defalias', [symbol, any, optional(any)], (sym, def, doc) => {
  const hook = getProp(sym, intern('defalias-fset-function'));
  if (hook !== NIL) callFunction(hook, [sym, def]);
  else setFunction(sym, def);
  if (def instanceof CompiledClosure && def.info.name === null) def.info.name = sym;
  if (doc !== NIL) putProp(sym, intern('function-documentation'), doc);
  noteLoadDefinition(new Cons(Qdefun, sym));
  return sym;
});

defun('indirect-function', [any, optional(any)], (obj) => {
  if (obj instanceof LispSymbol) return resolveFunction(obj);
  return obj;
});

defun('functionp', [any], (obj) => bool(isFunction(obj)));

export function isFunction(obj: LispObject): boolean {
  let f = obj;
  if (f instanceof LispSymbol) {
    if (f === NIL) return false;
    f = resolveFunction(f);
    if (f instanceof Cons && f.car === Q.autoload) {
      // An autoload is a function unless its TYPE says macro/keymap.
      const type = nthCons(f, 4);
      return type === NIL;
    }
  }
  if (f instanceof Subr) return f.max !== UNEVALLED;
  if (f instanceof LispClosure) return true;
  if (f instanceof Cons) return f.car === Q.lambda || f.car === Q.closure;
  return false;
}

function nthCons(l: LispObject, n: number): LispObject {
  for (let i = 0; i < n && l instanceof Cons; i++) l = l.cdr;
  return l instanceof Cons ? l.car : NIL;
}

defun('special-form-p', [any], (obj) => {
  let f = obj;
  if (f instanceof LispSymbol) f = resolveFunction(f);
  return bool(f instanceof Subr && f.max === UNEVALLED);
});

defun('macrop', [any], (obj) => {
  let f = obj;
  if (f instanceof LispSymbol) f = resolveFunction(f);
  return bool(f instanceof Cons && (f.car === Q.macro || (f.car === Q.autoload && nthCons(f, 4) === Q.macro)));
});

defun('func-arity', [any], (fn) => {
  let f = fn;
  if (f instanceof LispSymbol) {
    f = resolveFunction(f);
    if (f === NIL) signal(Q.void_function, list(fn));
  }
  if (f instanceof Cons && f.car === Q.macro) f = f.cdr;
  if (f instanceof Subr) {
    if (f.max === UNEVALLED) return new Cons(f.min, Q.unevalled);
    return new Cons(f.min, f.max === MANY ? Q.many : f.max);
  }
  if (f instanceof Cons && (f.car === Q.lambda || f.car === Q.closure)) f = lambdaListFunction(f);
  if (f instanceof LispClosure) {
    const [min, max] = f.arity();
    return new Cons(min, max < 0 ? Q.many : max);
  }
  signal(Q.invalid_function, list(fn));
});

defun('autoload', [symbol, any, optional(any), optional(any), optional(any)], (fn, file, doc, interactive, type) => {
  if (fn.fn !== NIL && !(fn.fn instanceof Cons && fn.fn.car === Q.autoload)) return NIL;
  fn.fn = list(Q.autoload, file, doc, interactive, type);
  return fn.fn;
});

defun('autoloadp', [any], (x) => bool(x instanceof Cons && x.car === Q.autoload));

// ---- macros ---------------------------------------------------------------

/** Expands form once if its head is a macro (honouring ENVIRONMENT's overrides); returns [expansion, expanded?]. */
function macroexpand1(form: LispObject, env: LispObject): [LispObject, boolean] {
  if (!(form instanceof Cons) || !(form.car instanceof LispSymbol)) return [form, false];
  const head = form.car;
  let e = env;
  for (; e instanceof Cons; e = e.cdr) {
    const entry = e.car;
    if (entry instanceof Cons && entry.car === head) {
      if (entry.cdr === NIL) return [form, false];
      return [callFunction(entry.cdr, listToArray(form.cdr)), true];
    }
  }
  // ENVIRONMENT is searched with assq, which wants a proper list.
  if (e !== NIL) wrongType(Q.listp, env);
  let f: LispObject = head.fn;
  if (f instanceof LispSymbol && f !== NIL) f = resolveFunction(head);
  if (f instanceof Cons && f.car === Q.autoload && autoloadType(f) === Q.macro) {
    macroHooks.autoload(f);
    f = resolveFunction(head);
  }
  if (f instanceof Cons && f.car === Q.macro) return [expandMacro(f.cdr, form), true];
  return [form, false];
}

defun('macroexpand-1', [any, optional(any)], (form, env) => macroexpand1(form, env)[0]);

defun('macroexpand', [any, optional(any)], (form, env) => {
  for (;;) {
    const [next, expanded] = macroexpand1(form, env);
    if (!expanded || next === form) return next;
    form = next;
  }
});

export { macroexpand1 };

defun('special-variable-p', [symbol], (s) => bool(s.special));

defun('internal-make-var-non-special', [symbol], (s) => {
  s.special = false;
  return NIL;
});

// ---- commands -------------------------------------------------------------------

const Qinteractive = intern('interactive');
const Qinteractive_form = intern('interactive-form');
const Qlambda = Q.lambda;
const Qclosure = Q.closure;

/** The (interactive ...) form among the top-level forms of a lambda BODY, as Emacs finds it (assq). */
function interactiveInBody(body: LispObject): LispObject {
  for (let l = body; l instanceof Cons; l = l.cdr) {
    if (l.car instanceof Cons && l.car.car === Qinteractive) return l.car;
  }
  return NIL;
}

/** The body of an interpreted function: a compiled closure, (lambda ARGS . BODY) or (closure ENV ARGS . BODY). */
function functionBody(fn: LispObject): LispObject | null {
  if (fn instanceof CompiledClosure) return fn.info.source instanceof Cons ? fn.info.source.cdr : NIL;
  if (fn instanceof Cons && fn.car === Qlambda && fn.cdr instanceof Cons) return fn.cdr.cdr;
  if (fn instanceof Cons && fn.car === Qclosure && fn.cdr instanceof Cons && fn.cdr.cdr instanceof Cons) return fn.cdr.cdr.cdr;
  return null;
}

/** Follows symbols to FN's definition, stopping at a symbol with an interactive-form property. */
function commandDefinition(fn: LispObject): { def: LispObject; spec: LispObject } {
  for (let n = 0; fn instanceof LispSymbol && fn !== NIL; n++) {
    const spec = get(fn, Qinteractive_form);
    if (spec !== NIL || n > 100) return { def: fn, spec };
    fn = fn.fn;
  }
  return { def: fn, spec: NIL };
}

defun('commandp', [any, optional(any)], (fn, forCallInteractively) => {
  const { def, spec } = commandDefinition(fn);
  if (spec !== NIL) return T;
  if (def instanceof Subr) return bool(BUILTIN_COMMAND_SPECS.has(def.name));
  const body = functionBody(def);
  if (body !== null) return bool(interactiveInBody(body) !== NIL);
  // (autoload FILE DOC INTERACTIVE TYPE)
  if (def instanceof Cons && def.car === Q.autoload) return bool(listToArray(def)[3] !== undefined && listToArray(def)[3] !== NIL);
  // Keyboard macros are commands, but not for call-interactively.
  if (forCallInteractively === NIL && (def instanceof LispString || isVector(def))) return T;
  return NIL;
});

defun('interactive-form', [any], (cmd) => {
  let { def, spec } = commandDefinition(cmd);
  if (spec !== NIL) return spec;
  if (def instanceof Cons && def.car === Q.autoload && cmd instanceof LispSymbol) {
    autoloadHooks.load(def.cdr instanceof Cons ? def.cdr.car : NIL);
    def = resolveFunction(cmd);
  }
  if (def instanceof Subr) {
    if (!BUILTIN_COMMAND_SPECS.has(def.name)) return NIL;
    const text = BUILTIN_COMMAND_SPECS.get(def.name);
    return text === null || text === undefined ? list(Qinteractive) : list(Qinteractive, readFromString(text).value);
  }
  const body = functionBody(def);
  return body === null ? NIL : interactiveInBody(body);
});

defun('called-interactively-p', [optional(any)], () => NIL);

// Batch Lisp never enters a recursive edit.
defun('recursion-depth', [], () => 0);

defun('function-equal', [any, any], (a, b) => bool(a === b));

defun('backtrace-frame', [any, optional(any)], () => NIL);

// ---- defvar / defconst run-time parts --------------------------------------------

const Qvariable_documentation = intern('variable-documentation');

defvarHooks.defvar = (sym, value, doc) => {
  sym.special = true;
  if (indirectVariable(sym).value === UNBOUND) setDefaultValue(sym, value());
  if (doc !== NIL) putProp(sym, Qvariable_documentation, doc);
  noteLoadDefinition(sym);
  return sym;
};

defvarHooks.defconst = (sym, value, doc) => {
  sym.special = true;
  setDefaultValue(sym, value);
  putProp(sym, intern('risky-local-variable'), T);
  if (doc !== NIL) putProp(sym, Qvariable_documentation, doc);
  noteLoadDefinition(sym);
  return sym;
};

defun('internal--function-source', [any], (f) => (f instanceof LispClosure ? f.asList() : f));

defun('internal--define-uninitialized-variable', [symbol, optional(any)], (sym) => {
  sym.special = true;
  return NIL;
});

// ---- plist helpers used above (the public get/put live in data.ts) ----------------

function getProp(sym: LispSymbol, prop: LispSymbol): LispObject {
  for (let p = sym.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) return p.cdr.car;
  }
  return NIL;
}

function putProp(sym: LispSymbol, prop: LispSymbol, value: LispObject): void {
  for (let p = sym.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) {
      setCar(p.cdr, value);
      return;
    }
  }
  sym.plist = new Cons(prop, new Cons(value, sym.plist));
}

export { getProp, putProp };

defvar('debug-on-error', NIL);
defvar('debug-on-signal', NIL);
defvar('debug-on-quit', NIL);
defvar('debugger', intern('debug'));
defvar('inhibit-quit', NIL);
defvar('backtrace-on-error-noninteractive', T);
