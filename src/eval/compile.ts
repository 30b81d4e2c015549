// Compilation: IR nodes to JS closures `(frame) => value`. A frame is an
// array: slot 0 holds the running closure's captured boxes, the others hold
// parameters and let-bound variables (a Box when an inner closure captures it).
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, Subr, MANY, LispSignal, LispThrow, KillEmacs,
  signal, list, UNBOUND, LispString, LispFloat, error, signalHooks, intern, isAllocationFailure, memoryExhaustedSignal,
} from '../lisp/index.js';
import { K, Box, FnInfo, type Node, type Code, type Frame, type Binding, type Param, type Handler, type CondClause } from './ir.js';
import { analyse } from './analyse.js';
import type { Ctx } from './scope.js';
import {
  symbolValue, setSymbolValue, specbind, unbindTo, specpdlDepth, callState, quitCell, signalQuit, handlerStack, truncate,
} from './state.js';
import { CompiledClosure } from './closure.js';
import { inlineBuiltin, inlineTest, inlineLoop, inlineFold, type Operand } from './inline.js';
import { callSlow, callSubrArgs, noteFrame, callFunction, noteExitFrame, dropExitFrame, takeExitFrame } from './funcall.js';

const Qnull = intern('null');
const Qeq = intern('eq');
const Qeql = intern('eql');

export function compile(node: Node, fn: FnInfo): Code {
  switch (node.k) {
    case K.Const: {
      const v = node.value;
      return () => v;
    }
    case K.LexRef:
      return compileLexRef(node.b, fn);
    case K.DynRef: {
      const sym = node.sym;
      return () => {
        const v = sym.value;
        // Fast path: a plain symbol with a value; everything else takes the general route.
        if (v !== UNBOUND && sym.redirect === 0) return v as LispObject;
        return symbolValue(sym);
      };
    }
    case K.LexSet:
      return compileLexSet(node.b, compile(node.value, fn), fn);
    case K.DynSet: {
      const sym = node.sym;
      const value = compile(node.value, fn);
      return (fr) => setSymbolValue(sym, value(fr));
    }
    case K.If: {
      const test = compile(node.test, fn);
      const then = compile(node.then, fn);
      const els = compile(node.else, fn);
      return inlineIf(node.test, test, then, els, fn) ?? ((fr) => (test(fr) !== NIL ? then(fr) : els(fr)));
    }
    case K.Cond: {
      const clauses = node.clauses.map((cl) => ({ test: compile(cl.test, fn), body: cl.body && compile(cl.body, fn) }));
      return compileCondDispatch(node.clauses, clauses, fn) ?? compileCond(clauses);
    }
    case K.Progn:
      return compileSequence(node.body.map((n) => compile(n, fn)));
    case K.Prog1: {
      const first = compile(node.body[0], fn);
      const rest = compileSequence(node.body.slice(1).map((n) => compile(n, fn)));
      return (fr) => {
        const v = first(fr);
        rest(fr);
        return v;
      };
    }
    case K.And: {
      const parts = node.body.map((n) => compile(n, fn));
      return (fr) => {
        let v: LispObject = T;
        for (let i = 0; i < parts.length; i++) {
          v = parts[i](fr);
          if (v === NIL) return NIL;
        }
        return v;
      };
    }
    case K.Or: {
      const parts = node.body.map((n) => compile(n, fn));
      return (fr) => {
        for (let i = 0; i < parts.length; i++) {
          const v = parts[i](fr);
          if (v !== NIL) return v;
        }
        return NIL;
      };
    }
    case K.While: {
      const test = compile(node.test, fn);
      const body = compile(node.body, fn);
      const inlined = inlineWhile(node.test, test, body, fn);
      if (inlined !== null) return inlined;
      return (fr) => {
        while (test(fr) !== NIL) {
          body(fr);
          // Back-edge: C-g is noticed here and at function entry.
          if (quitCell[0] !== 0) signalQuit();
        }
        return NIL;
      };
    }
    case K.Let:
      return compileLet(node.vars, node.sequential, compile(node.body, fn), fn);
    case K.Call:
      return compileCall(node.sym, node.args.map((n) => compile(n, fn)), node.form, node.ctx as Ctx, fn, node.args);
    case K.CallValue: {
      const f = compile(node.fn, fn);
      const args = node.args.map((n) => compile(n, fn));
      return (fr) => {
        const fv = f(fr);
        const vals = new Array<LispObject>(args.length);
        for (let i = 0; i < args.length; i++) vals[i] = args[i](fr);
        return callFunction(fv, vals);
      };
    }
    case K.Closure:
      return compileClosure(node.info, fn);
    case K.Catch: {
      const tag = compile(node.tag, fn);
      const call = compileBodyCall(node.body, fn);
      const body = call?.code ?? compile(node.body, fn);
      return (fr) => {
        const t = tag(fr);
        const tags = callState.catchTags;
        const depth = callState.depth;
        tags.push(t);
        try {
          return body(fr);
        } catch (e) {
          if (e instanceof LispThrow && e.tag === t) {
            dropExitFrame();
            callState.depth = depth;
            return e.value;
          }
          if (call !== null) call.note(e, fr);
          throw e;
        } finally {
          tags.pop();
        }
      };
    }
    case K.Unwind: {
      const call = compileBodyCall(node.body, fn);
      const body = call?.code ?? compile(node.body, fn);
      const cleanup = compile(node.cleanup, fn);
      return (fr) => {
        const depth = callState.depth;
        let v: LispObject;
        try {
          v = body(fr);
        } catch (e) {
          if (call !== null) call.note(e, fr);
          // Emacs exits from the debugger without unwinding: no cleanups then.
          if (!(e instanceof KillEmacs) && !(e instanceof LispSignal && e.uncaught)) {
            callState.depth = depth;
            dropExitFrame();
            cleanup(fr);
          }
          throw e;
        }
        cleanup(fr);
        return v;
      };
    }
    case K.CondCase: {
      const call = compileBodyCall(node.body, fn);
      const body = call?.code ?? compile(node.body, fn);
      return compileConditionCase(node.variable, body, call, node.handlers, node.success, fn);
    }
    case K.Wrap: {
      const wrap = node.wrap;
      const body = compile(node.body, fn);
      return (fr) => wrap(() => body(fr));
    }
  }
}

function compileSequence(codes: Code[]): Code {
  switch (codes.length) {
    case 0:
      return () => NIL;
    case 1:
      return codes[0];
    case 2: {
      const [a, b] = codes;
      return (fr) => (a(fr), b(fr));
    }
    case 3: {
      const [a, b, c] = codes;
      return (fr) => (a(fr), b(fr), c(fr));
    }
    default:
      return (fr) => {
        const n = codes.length - 1;
        for (let i = 0; i < n; i++) codes[i](fr);
        return codes[n](fr);
      };
  }
}

function compileCond(clauses: { test: Code; body: Code | null }[]): Code {
  return (fr) => {
    for (let i = 0; i < clauses.length; i++) {
      const cl = clauses[i];
      const v = cl.test(fr);
      if (v !== NIL) return cl.body === null ? v : cl.body(fr);
    }
    return NIL;
  };
}

/*
 * A cond whose leading clauses test one local variable against constants,
 * (cond ((eq x 'a) ...) ((eq x 'b) ...) ...), as a dispatch written by hand
 * or made by cl-case: while `eq' (or `eql') is the builtin, such a test cannot
 * signal nor have effects, so the first constant identical to the value picks
 * its clause directly, without running the tests one by one.
 */
const MIN_DISPATCH = 3;

function compileCondDispatch(nodes: readonly CondClause[], clauses: { test: Code; body: Code | null }[], fn: FnInfo): Code | null {
  let slot = -1;
  let testSym: LispSymbol | null = null;
  const keys: LispObject[] = [];
  for (const cl of nodes) {
    const t = cl.test;
    if (t.k !== K.Call || t.args.length !== 2) break;
    if (testSym === null) {
      if (t.sym !== Qeq && t.sym !== Qeql) break;
      testSym = t.sym;
    } else if (t.sym !== testSym) break;
    const [x, y] = t.args;
    const [v, k] = x.k === K.Const ? [y, x] : [x, y];
    if (k.k !== K.Const || v.k !== K.LexRef || v.b.owner !== fn || v.b.captured) break;
    // eql differs from eq (===) on floats only.
    if (testSym === Qeql && k.value instanceof LispFloat) break;
    if (slot === -1) slot = v.b.slot;
    else if (v.b.slot !== slot) break;
    keys.push(k.value);
  }
  const m = keys.length;
  if (m < MIN_DISPATCH || testSym === null) return null;
  const sym = testSym;
  const builtin = sym.fn;
  if (!(builtin instanceof Subr)) return null;
  const bodies = clauses.slice(0, m).map((cl) => cl.body);
  const rest = clauses.slice(m);
  const later = compileCond(rest);
  const general = compileCond(clauses);
  return (fr) => {
    if (sym.fn !== builtin) return general(fr);
    const v = fr[slot];
    for (let i = 0; i < m; i++) {
      if (keys[i] === v) {
        const body = bodies[i];
        return body === null ? T : body(fr);
      }
    }
    return later(fr);
  };
}

// ---- variables ---------------------------------------------------------------

function compileLexRef(b: Binding, fn: FnInfo): Code {
  const slot = b.slot;
  if (b.owner === fn) {
    if (b.captured) return (fr) => (fr[slot] as Box).v;
    return (fr) => fr[slot] as LispObject;
  }
  const idx = fn.captureIndex(b);
  return (fr) => (fr[0] as Box[])[idx].v;
}

function compileLexSet(b: Binding, value: Code, fn: FnInfo): Code {
  const slot = b.slot;
  if (b.owner === fn) {
    if (b.captured) return (fr) => ((fr[slot] as Box).v = value(fr));
    return (fr) => (fr[slot] = value(fr)) as LispObject;
  }
  const idx = fn.captureIndex(b);
  return (fr) => ((fr[0] as Box[])[idx].v = value(fr));
}

/** Stores a value into a lexical parameter/let slot at binding time. */
export function bindLexical(fr: Frame, b: Binding, v: LispObject): void {
  fr[b.slot] = b.captured ? new Box(v) : v;
}

function compileLet(vars: { target: Param; init: Node }[], sequential: boolean, body: Code, fn: FnInfo): Code {
  const n = vars.length;
  const inits = vars.map((v) => compile(v.init, fn));
  const targets = vars.map((v) => v.target);
  const anyDynamic = targets.some((t) => t instanceof LispSymbol);
  if (!anyDynamic) {
    // All lexical: each init only sees outer slots, so binding in order is safe even for `let`.
    if (n === 1) {
      const b = targets[0] as Binding;
      const init = inits[0];
      const slot = b.slot;
      if (b.captured)
        return (fr) => {
          fr[slot] = new Box(init(fr));
          return body(fr);
        };
      return (fr) => {
        fr[slot] = init(fr);
        return body(fr);
      };
    }
    const bs = targets as Binding[];
    if (!sequential && bs.some((b) => b.captured)) {
      // Parallel let with boxes: still fine in order (inits refer to outer bindings only).
    }
    return (fr) => {
      for (let i = 0; i < n; i++) {
        const b = bs[i];
        const v = inits[i](fr);
        fr[b.slot] = b.captured ? new Box(v) : v;
      }
      return body(fr);
    };
  }
  if (n === 1) {
    // One special variable (a lexical one was handled above): no array of values.
    const sym = targets[0] as LispSymbol;
    const init = inits[0];
    return (fr) => {
      const v = init(fr);
      const count = specpdlDepth();
      try {
        specbind(sym, v);
        return body(fr);
      } finally {
        unbindTo(count);
      }
    };
  }
  if (n === 2 && targets.every((t) => t instanceof LispSymbol)) {
    // Two special variables (let* or let): no loop, no array of values.
    const [s0, s1] = targets as LispSymbol[];
    const [i0, i1] = inits;
    if (sequential) {
      return (fr) => {
        const count = specpdlDepth();
        try {
          specbind(s0, i0(fr));
          specbind(s1, i1(fr));
          return body(fr);
        } finally {
          unbindTo(count);
        }
      };
    }
    return (fr) => {
      const v0 = i0(fr);
      const v1 = i1(fr);
      const count = specpdlDepth();
      try {
        specbind(s0, v0);
        specbind(s1, v1);
        return body(fr);
      } finally {
        unbindTo(count);
      }
    };
  }
  if (sequential) {
    return (fr) => {
      const count = specpdlDepth();
      try {
        for (let i = 0; i < n; i++) {
          const t = targets[i];
          const v = inits[i](fr);
          if (t instanceof LispSymbol) specbind(t, v);
          else fr[t.slot] = t.captured ? new Box(v) : v;
        }
        return body(fr);
      } finally {
        unbindTo(count);
      }
    };
  }
  return (fr) => {
    const vals = new Array<LispObject>(n);
    for (let i = 0; i < n; i++) vals[i] = inits[i](fr);
    const count = specpdlDepth();
    try {
      for (let i = 0; i < n; i++) {
        const t = targets[i];
        if (t instanceof LispSymbol) specbind(t, vals[i]);
        else fr[t.slot] = t.captured ? new Box(vals[i]) : vals[i];
      }
      return body(fr);
    } finally {
      unbindTo(count);
    }
  };
}

// ---- closures ---------------------------------------------------------------

/** Compiles a function body once (idempotent). */
export function compileFunction(info: FnInfo): void {
  if (info.code !== null) return;
  if (info.pendingBody !== null) {
    const analyseNow = info.pendingBody;
    info.pendingBody = null;
    analyseNow();
  }
  info.code = compile(info.body, info);
  info.simple =
    info.optional.length === 0 &&
    info.rest === null &&
    info.required.every((p) => !(p instanceof LispSymbol) && !p.captured);
  info.simpleArity = info.simple ? info.required.length : -1;
  const boxed =
    info.optional.length === 0 &&
    info.rest === null &&
    info.required.every((p) => !(p instanceof LispSymbol)) &&
    info.required.some((p) => (p as Binding).captured);
  info.boxedArity = boxed ? info.required.length : -1;
}

function compileClosure(info: FnInfo, fn: FnInfo): Code {
  // A lazily analysed function captures nothing; it compiles on its first call.
  if (info.pendingBody === null) compileFunction(info);
  const caps = info.captures;
  if (caps.length === 0) {
    const shared = new CompiledClosure(info, null);
    return () => shared;
  }
  const getters = caps.map((b): ((fr: Frame) => Box) => {
    if (b.owner === fn) {
      const slot = b.slot;
      return (fr) => fr[slot] as Box;
    }
    const idx = fn.captureIndex(b);
    return (fr) => (fr[0] as Box[])[idx];
  });
  const n = getters.length;
  return (fr) => {
    const env = new Array<Box>(n);
    for (let i = 0; i < n; i++) env[i] = getters[i](fr);
    return new CompiledClosure(info, env);
  };
}

// ---- calls -----------------------------------------------------------------

type Fast0 = () => LispObject;
type Fast1 = (a: LispObject) => LispObject;
type Fast2 = (a: LispObject, b: LispObject) => LispObject;
type Fast3 = (a: LispObject, b: LispObject, c: LispObject) => LispObject;

/**
 * The entry through an alias such as `not' (whose function cell holds the
 * symbol `null'): the target's own entry while the alias still leads to it,
 * the general call otherwise. One level only; longer chains go the slow way.
 */
function aliasEntry(alias: LispSymbol, n: number): Fast0 | Fast1 | Fast2 | Fast3 | null {
  const target = alias.fn;
  if (target instanceof LispSymbol || target === NIL) return null;
  const inner = directEntry(target, n);
  if (inner === null) return null;
  switch (n) {
    case 0: {
      const e = inner as Fast0;
      return () => (alias.fn === target ? e() : callFunction(alias, []));
    }
    case 1: {
      const e = inner as Fast1;
      return (a: LispObject) => (alias.fn === target ? e(a) : callFunction(alias, [a]));
    }
    case 2: {
      const e = inner as Fast2;
      return (a: LispObject, b: LispObject) => (alias.fn === target ? e(a, b) : callFunction(alias, [a, b]));
    }
    case 3: {
      const e = inner as Fast3;
      return (a: LispObject, b: LispObject, c: LispObject) => (alias.fn === target ? e(a, b, c) : callFunction(alias, [a, b, c]));
    }
  }
  return null;
}

/**
 * A positional entry point for f with n arguments, or null when the call
 * needs the general path (macros, wrong arity, padding, lambda lists...).
 */
export function directEntry(f: LispObject, n: number): Fast0 | Fast1 | Fast2 | Fast3 | null {
  if (f instanceof LispSymbol && f !== NIL) return aliasEntry(f, n);
  if (f instanceof CompiledClosure) {
    switch (n) {
      case 0:
        return () => f.call0();
      case 1:
        return (a: LispObject) => f.call1(a);
      case 2:
        return (a: LispObject, b: LispObject) => f.call2(a, b);
      case 3:
        return (a: LispObject, b: LispObject, c: LispObject) => f.call3(a, b, c);
    }
    return null;
  }
  if (f instanceof Subr) {
    if (f.max === n) return f.fn as Fast2;
    if (n === 1 && f.fast1 !== null) return f.fast1;
    if (n === 2 && f.fast2 !== null) return f.fast2;
    const fn = f.fn;
    if (f.max === MANY && n >= f.min) {
      switch (n) {
        case 0:
          return () => fn([]);
        case 1:
          return (a: LispObject) => fn([a]);
        case 2:
          return (a: LispObject, b: LispObject) => fn([a, b]);
        case 3:
          return (a: LispObject, b: LispObject, c: LispObject) => fn([a, b, c]);
      }
    }
    // Optional arguments not given arrive as nil.
    if (f.max > n && n >= f.min) {
      switch (n) {
        case 0:
          return () => fn(NIL, NIL, NIL, NIL, NIL, NIL, NIL, NIL);
        case 1:
          return (a: LispObject) => fn(a, NIL, NIL, NIL, NIL, NIL, NIL, NIL);
        case 2:
          return (a: LispObject, b: LispObject) => fn(a, b, NIL, NIL, NIL, NIL, NIL, NIL);
        case 3:
          return (a: LispObject, b: LispObject, c: LispObject) => fn(a, b, c, NIL, NIL, NIL, NIL, NIL);
      }
    }
  }
  return null;
}

/** Builtins whose every call exits non-locally (see noteExitFrame). */
const ALWAYS_EXITS = new Set(['throw', 'signal', 'error', 'user-error']);

function alwaysExits(f: LispObject): boolean {
  return f instanceof Subr && ALWAYS_EXITS.has(f.name);
}

/*
 * A call site keeps a one-entry inline cache: the function object it saw last
 * and a positional entry for it. Redefinition (fset/defalias) changes the
 * function cell, so the next call misses the cache and takes the slow path.
 */
function compileCall(sym: LispSymbol, args: Code[], form: Cons, ctx: Ctx, fn: FnInfo, argNodes: readonly Node[]): Code {
  const generic = compileGenericCall(sym, args, form, ctx, fn);
  const f = sym.fn;
  if (!(f instanceof Subr)) return generic;
  const operands = argNodes.map((n) => operandOf(n, fn));
  const scratch = (): number => {
    const base = fn.nslots;
    fn.nslots += args.length;
    return base;
  };
  return inlineBuiltin(f, sym, args, operands, form, generic) || inlineFold(f, sym, args, operands, form, generic, scratch) || generic;
}

/**
 * An `if` whose test is a comparison of numbers (or eq, null) with the
 * builtin in its cell: the comparison is done inside the if's own code.
 */
function inlineIf(testNode: Node, test: Code, then: Code, els: Code, fn: FnInfo): Code | null {
  if (testNode.k !== K.Call) return null;
  let sym = testNode.sym;
  let f = sym.fn;
  // (if (not X) ...): `not' is an alias of `null', which cannot signal, so the
  // test is null's, done while `not' still leads to it.
  const alias = f === Qnull && Qnull.fn instanceof Subr ? sym : null;
  if (alias !== null) {
    sym = Qnull;
    f = Qnull.fn;
  }
  if (!(f instanceof Subr)) return null;
  const n = testNode.args.length;
  const entry = directEntry(f, n);
  if (entry === null || (n !== 1 && n !== 2)) return null;
  const argCodes = testNode.args.map((a) => compile(a, fn));
  const operands = testNode.args.map((a) => operandOf(a, fn));
  const inlined = inlineTest(f, sym, argCodes, operands, testNode.form, entry, test, then, els);
  if (inlined === null || alias === null) return inlined;
  return (fr) => (alias.fn === Qnull ? inlined(fr) : test(fr) !== NIL ? then(fr) : els(fr));
}

/** A `while` whose test is a comparison of numbers: compared inside the loop's own code. */
function inlineWhile(testNode: Node, test: Code, body: Code, fn: FnInfo): Code | null {
  if (testNode.k !== K.Call || testNode.args.length !== 2) return null;
  const f = testNode.sym.fn;
  if (!(f instanceof Subr)) return null;
  const entry = directEntry(f, 2);
  if (entry === null) return null;
  const argCodes = testNode.args.map((a) => compile(a, fn));
  const operands = testNode.args.map((a) => operandOf(a, fn));
  return inlineLoop(f, testNode.sym, argCodes, operands, testNode.form, entry as Fast2, test, body);
}

/** How an inline builtin can fetch an argument without calling its code: a slot of the frame, or a constant. */
function operandOf(node: Node, fn: FnInfo): Operand {
  if (node.k === K.Const) return { slot: -1, value: node.value };
  if (node.k === K.LexRef && node.b.owner === fn && !node.b.captured) return { slot: node.b.slot, value: null };
  return { slot: -1, value: null };
}

function compileGenericCall(sym: LispSymbol, args: Code[], form: Cons, ctx: Ctx, fn: FnInfo): Code {
  const site: CallSite = { sym, form, ctx, fn, late: null };
  switch (args.length) {
    case 0: {
      let seen: LispObject | null = null;
      let entry: Fast0 | null = null;
      let exits = false;
      // The function when it is interpreted: called as a method, which V8 can inline.
      let closure: CompiledClosure | null = null;
      return (fr) => {
        const f = sym.fn;
        if (f === seen) {
          if (exits) {
            noteExitFrame(site, []);
            return entry!();
          }
          try {
            return closure !== null ? closure.call0() : entry!();
          } catch (e) {
            throw noteFrame(e, sym, [], form);
          }
        }
        const d = directEntry(f, 0) as Fast0 | null;
        if (d === null) return callSlow(site, f, args, fr);
        seen = f;
        entry = d;
        exits = alwaysExits(f);
        closure = f instanceof CompiledClosure ? f : null;
        try {
          return d();
        } catch (e) {
          throw noteFrame(e, sym, [], form);
        }
      };
    }
    case 1: {
      const [c0] = args;
      let seen: LispObject | null = null;
      let entry: Fast1 | null = null;
      let exits = false;
      // The function when it is interpreted: called as a method, which V8 can inline.
      let closure: CompiledClosure | null = null;
      return (fr) => {
        const f = sym.fn;
        if (f === seen) {
          const a = c0(fr);
          if (exits) {
            noteExitFrame(site, [a]);
            return entry!(a);
          }
          try {
            return closure !== null ? closure.call1(a) : entry!(a);
          } catch (e) {
            throw noteFrame(e, sym, [a], form);
          }
        }
        const d = directEntry(f, 1) as Fast1 | null;
        if (d === null) return callSlow(site, f, args, fr);
        seen = f;
        entry = d;
        exits = alwaysExits(f);
        closure = f instanceof CompiledClosure ? f : null;
        const a = c0(fr);
        try {
          return d(a);
        } catch (e) {
          throw noteFrame(e, sym, [a], form);
        }
      };
    }
    case 2: {
      const [c0, c1] = args;
      let seen: LispObject | null = null;
      let entry: Fast2 | null = null;
      let exits = false;
      // The function when it is interpreted: called as a method, which V8 can inline.
      let closure: CompiledClosure | null = null;
      return (fr) => {
        const f = sym.fn;
        if (f === seen) {
          const a = c0(fr);
          const b = c1(fr);
          if (exits) {
            noteExitFrame(site, [a, b]);
            return entry!(a, b);
          }
          try {
            return closure !== null ? closure.call2(a, b) : entry!(a, b);
          } catch (e) {
            throw noteFrame(e, sym, [a, b], form);
          }
        }
        const d = directEntry(f, 2) as Fast2 | null;
        if (d === null) return callSlow(site, f, args, fr);
        seen = f;
        entry = d;
        exits = alwaysExits(f);
        closure = f instanceof CompiledClosure ? f : null;
        const a = c0(fr);
        const b = c1(fr);
        try {
          return d(a, b);
        } catch (e) {
          throw noteFrame(e, sym, [a, b], form);
        }
      };
    }
    case 3: {
      const [c0, c1, c2] = args;
      let seen: LispObject | null = null;
      let entry: Fast3 | null = null;
      let exits = false;
      // The function when it is interpreted: called as a method, which V8 can inline.
      let closure: CompiledClosure | null = null;
      return (fr) => {
        const f = sym.fn;
        if (f === seen) {
          const a = c0(fr);
          const b = c1(fr);
          const c = c2(fr);
          if (exits) {
            noteExitFrame(site, [a, b, c]);
            return entry!(a, b, c);
          }
          try {
            return closure !== null ? closure.call3(a, b, c) : entry!(a, b, c);
          } catch (e) {
            throw noteFrame(e, sym, [a, b, c], form);
          }
        }
        const d = directEntry(f, 3) as Fast3 | null;
        if (d === null) return callSlow(site, f, args, fr);
        seen = f;
        entry = d;
        exits = alwaysExits(f);
        closure = f instanceof CompiledClosure ? f : null;
        const a = c0(fr);
        const b = c1(fr);
        const c = c2(fr);
        try {
          return d(a, b, c);
        } catch (e) {
          throw noteFrame(e, sym, [a, b, c], form);
        }
      };
    }
    default: {
      // Many arguments: an array either way; cache &rest builtins and closures.
      const n = args.length;
      let seen: LispObject | null = null;
      let entry: ((vals: LispObject[]) => LispObject) | null = null;
      return (fr) => {
        const f = sym.fn;
        if (f !== seen) {
          if (f instanceof Subr && f.max === MANY && n >= f.min) entry = f.fn;
          else if (f instanceof CompiledClosure) entry = (vals) => f.callN(vals);
          else return callSlow(site, f, args, fr);
          seen = f;
        }
        const vals = new Array<LispObject>(n);
        for (let i = 0; i < n; i++) vals[i] = args[i](fr);
        try {
          return entry!(vals);
        } catch (e) {
          throw noteFrame(e, sym, vals, form);
        }
      };
    }
  }
}

/*
 * The body of catch, unwind-protect and condition-case is often one call of a
 * Lisp function. Its call site then has no try/catch of its own (each one
 * costs a catch and a rethrow on every non-local exit through it): the
 * enclosing form, which catches anyway, notes the call's frame for the
 * signal's backtrace. The call keeps its arguments and whether it got as far
 * as calling (an error while evaluating the arguments is no frame of it) in
 * slots of the frame, so recursion through the same form stays right.
 */
interface BodyCall {
  readonly code: Code;
  /** Notes the call's frame on e if e came out of the called function. */
  note(e: unknown, fr: Frame): void;
}

function compileBodyCall(node: Node, fn: FnInfo): BodyCall | null {
  if (node.k !== K.Call) return null;
  const sym = node.sym;
  const n = node.args.length;
  // A builtin's call may be inlined by compileCall; keep that path.
  if (sym.fn instanceof Subr || n > 3) return null;
  const args = node.args.map((a) => compile(a, fn));
  const form = node.form;
  const generic = compileGenericCall(sym, args, form, node.ctx as Ctx, fn);
  // Slots: whether the function was called, then the arguments.
  const called = fn.nslots;
  fn.nslots += n + 1;
  let seen: LispObject | null = null;
  let entry: Fast0 | Fast1 | Fast2 | Fast3 | null = null;
  let closure: CompiledClosure | null = null;
  /** Caches f's entry; false when the generic call must handle f (slow path, exit builtins). */
  const cache = (f: LispObject): boolean => {
    const d = directEntry(f, n);
    if (d === null || alwaysExits(f)) return false;
    seen = f;
    entry = d;
    closure = f instanceof CompiledClosure ? f : null;
    return true;
  };
  const note = (e: unknown, fr: Frame): void => {
    if (fr[called] !== true || !(e instanceof LispSignal)) return;
    const vals = new Array<LispObject>(n);
    for (let i = 0; i < n; i++) vals[i] = fr[called + 1 + i] as LispObject;
    noteFrame(e, sym, vals, form);
  };
  let code: Code;
  switch (n) {
    case 0:
      code = (fr) => {
        fr[called] = false;
        const f = sym.fn;
        if (f !== seen && !cache(f)) return generic(fr);
        fr[called] = true;
        return closure !== null ? closure.call0() : (entry as Fast0)();
      };
      break;
    case 1: {
      const [c0] = args;
      code = (fr) => {
        fr[called] = false;
        const f = sym.fn;
        if (f !== seen && !cache(f)) return generic(fr);
        const a = (fr[called + 1] = c0(fr));
        fr[called] = true;
        return closure !== null ? closure.call1(a) : (entry as Fast1)(a);
      };
      break;
    }
    case 2: {
      const [c0, c1] = args;
      code = (fr) => {
        fr[called] = false;
        const f = sym.fn;
        if (f !== seen && !cache(f)) return generic(fr);
        const a = (fr[called + 1] = c0(fr));
        const b = (fr[called + 2] = c1(fr));
        fr[called] = true;
        return closure !== null ? closure.call2(a, b) : (entry as Fast2)(a, b);
      };
      break;
    }
    default: {
      const [c0, c1, c2] = args;
      code = (fr) => {
        fr[called] = false;
        const f = sym.fn;
        if (f !== seen && !cache(f)) return generic(fr);
        const a = (fr[called + 1] = c0(fr));
        const b = (fr[called + 2] = c1(fr));
        const c = (fr[called + 3] = c2(fr));
        fr[called] = true;
        return closure !== null ? closure.call3(a, b, c) : (entry as Fast3)(a, b, c);
      };
    }
  }
  return { code, note };
}

/** What a call node knows, for the slow path (macros defined late, aliases, lambdas...). */
export interface CallSite {
  readonly sym: LispSymbol;
  readonly form: Cons;
  readonly ctx: Ctx;
  readonly fn: FnInfo;
  /** Code for a late macro expansion of this form. */
  late: Code | null;
}

/** Analyses and compiles a late macro expansion inside an already compiled function. */
export function compileLate(site: CallSite, expansion: LispObject): Code {
  return compile(analyse(expansion, site.ctx), site.fn);
}

// ---- condition-case ------------------------------------------------------------

/** Turns anything thrown into a Lisp signal (or rethrows throws and kill-emacs). */
export function asSignal(e: unknown): LispSignal {
  if (e instanceof LispSignal) return e;
  if (e instanceof LispThrow || e instanceof KillEmacs) throw e;
  if (isAllocationFailure(e)) return memoryExhaustedSignal();
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new LispSignal(Q.error, list(new LispString('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019', true)));
  }
  const msg = e instanceof Error ? e.message : String(e);
  return new LispSignal(Q.error, list(new LispString(`Internal error: ${msg}`, true)));
}

export function errorConditions(sym: LispSymbol): LispObject {
  let p = sym.plist;
  while (p instanceof Cons && p.cdr instanceof Cons) {
    if (p.car === Q.error_conditions) return p.cdr.car;
    p = p.cdr.cdr;
  }
  return NIL;
}

export function handlerMatches(conditions: readonly LispSymbol[] | true, errorSymbol: LispSymbol): boolean {
  if (conditions === true) return true;
  const conds = errorConditions(errorSymbol);
  for (const c of conditions) {
    for (let l = conds; l instanceof Cons; l = l.cdr) if (l.car === c) return true;
  }
  return false;
}

function compileConditionCase(
  variable: Param | null,
  body: Code,
  call: BodyCall | null,
  handlerNodes: Handler[],
  successNode: Node | null,
  fn: FnInfo,
): Code {
  const handlers = handlerNodes.map((h) => ({ conditions: h.conditions, body: compile(h.body, fn) }));
  const success = successNode && compile(successNode, fn);
  const runHandler = (fr: Frame, code: Code, value: LispObject): LispObject => {
    if (variable === null) return code(fr);
    if (variable instanceof LispSymbol) {
      const count = specpdlDepth();
      specbind(variable, value);
      try {
        return code(fr);
      } finally {
        unbindTo(count);
      }
    }
    bindLexical(fr, variable, value);
    return code(fr);
  };
  const conditionLists = handlers.map((h) => h.conditions);
  return (fr) => {
    const depth = callState.depth;
    const tags = callState.catchTags.length;
    const hs = handlerStack.length;
    let v: LispObject;
    handlerStack.push(conditionLists);
    try {
      v = body(fr);
    } catch (e) {
      truncate(handlerStack, hs);
      const sig = asSignal(e);
      for (let i = 0; i < handlers.length; i++) {
        const h = handlers[i];
        if (handlerMatches(h.conditions, sig.symbol)) {
          callState.depth = depth;
          truncate(callState.catchTags, tags);
          return runHandler(fr, h.body, sig.errorObject);
        }
      }
      if (call !== null) call.note(sig, fr);
      throw sig;
    }
    truncate(handlerStack, hs);
    return success === null ? v : runHandler(fr, success, v);
  };
}

export { callSubrArgs, signal, error };

/**
 * Batch mode's debugger (backtrace-on-error-noninteractive): an error that no
 * active condition-case will handle is marked uncaught when signalled.
 */
export function enableBatchDebugger(on: boolean): void {
  const Qbacktrace_on_error = intern('backtrace-on-error-noninteractive');
  signalHooks.onSignal = on
    ? (sig) => {
        takeExitFrame(sig);
        if (Qbacktrace_on_error.value === NIL) return;
        for (let i = handlerStack.length - 1; i >= 0; i--) {
          for (const conditions of handlerStack[i]) if (handlerMatches(conditions, sig.symbol)) return;
        }
        sig.uncaught = true;
      }
    : takeExitFrame;
}

signalHooks.onSignal = takeExitFrame;
