// Interpreted functions: a compiled body (FnInfo) plus the boxes it captured.
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, LispClosure, signal, list, arrayToList,
} from '../lisp/index.js';
import { Box, type FnInfo, type Frame, type Binding } from './ir.js';
import { compileFunction } from './compile.js';
import { callState, depthOverflow, specbind, specpdlDepth, unbindTo, quitCell, signalQuit } from './state.js';

const QmaxDepth = Q.max_lisp_eval_depth;

export class CompiledClosure extends LispClosure {
  constructor(
    readonly info: FnInfo,
    readonly env: Box[] | null,
  ) {
    super();
  }

  private run(fr: Frame): LispObject {
    if (++callState.depth > (QmaxDepth.value as number)) depthOverflow();
    if (quitCell[0] !== 0) {
      callState.depth--;
      signalQuit();
    }
    // No finally (a handler on every call makes each throw slower): whoever
    // catches a non-local exit puts the depth back (see restoreDepth callers).
    const v = this.info.code!(fr);
    callState.depth--;
    return v;
  }

  /** run for a frame whose parameter slots hold the arguments: boxes the captured ones first. */
  private runBoxed(fr: Frame): LispObject {
    const params = this.info.required as Binding[];
    for (let i = 0; i < params.length; i++) if (params[i].captured) fr[i + 1] = new Box(fr[i + 1] as LispObject);
    return this.run(fr);
  }

  call0(): LispObject {
    const info = this.info;
    if (info.simpleArity === 0) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      return this.run(fr);
    }
    return this.callN([]);
  }

  call1(a: LispObject): LispObject {
    const info = this.info;
    if (info.simpleArity === 1) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      return this.run(fr);
    }
    if (info.boxedArity === 1) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      return this.runBoxed(fr);
    }
    return this.callN([a]);
  }

  call2(a: LispObject, b: LispObject): LispObject {
    const info = this.info;
    if (info.simpleArity === 2) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      fr[2] = b;
      return this.run(fr);
    }
    if (info.boxedArity === 2) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      fr[2] = b;
      return this.runBoxed(fr);
    }
    return this.callN([a, b]);
  }

  call3(a: LispObject, b: LispObject, c: LispObject): LispObject {
    const info = this.info;
    if (info.simpleArity === 3) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      fr[2] = b;
      fr[3] = c;
      return this.run(fr);
    }
    if (info.boxedArity === 3) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      fr[1] = a;
      fr[2] = b;
      fr[3] = c;
      return this.runBoxed(fr);
    }
    return this.callN([a, b, c]);
  }

  callN(args: LispObject[]): LispObject {
    const info = this.info;
    const n = args.length;
    if (info.simpleArity === n) {
      // Compiled, only required lexical parameters, and the right count.
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      for (let i = 0; i < n; i++) fr[i + 1] = args[i];
      return this.run(fr);
    }
    if (info.boxedArity === n) {
      const fr = new Array(info.nslots);
      fr[0] = this.env;
      for (let i = 0; i < n; i++) fr[i + 1] = args[i];
      return this.runBoxed(fr);
    }
    if (info.code === null) compileFunction(info);
    const nreq = info.required.length;
    const nopt = info.optional.length;
    if (n < nreq || (info.rest === null && n > nreq + nopt)) {
      signal(Q.wrong_number_of_arguments, list(this.errorDatum(), n));
    }
    const fr = new Array(info.nslots);
    fr[0] = this.env;
    if (info.simple) {
      for (let i = 0; i < n; i++) fr[i + 1] = args[i];
      return this.run(fr);
    }
    const count = specpdlDepth();
    try {
      let i = 0;
      for (const p of info.required) bindParam(fr, p, args[i++]);
      for (const p of info.optional) bindParam(fr, p, i < n ? args[i++] : NIL);
      if (info.rest !== null) bindParam(fr, info.rest, i < n ? arrayToList(args.slice(i)) : NIL);
      return this.run(fr);
    } finally {
      unbindTo(count);
    }
  }

  arity(): [number, number] {
    const info = this.info;
    const min = info.required.length;
    return [min, info.rest !== null ? -1 : min + info.optional.length];
  }

  /** (closure ENV ARGS . BODY) as Emacs 28 shows an interpreted closure; (lambda ARGS . BODY) in dynamic mode. */
  asList(): LispObject {
    const src = this.info.source ?? new Cons(NIL, NIL);
    if (this.info.parent === null && this.env === null && !this.lexical()) return new Cons(Q.lambda, src);
    let env: LispObject = list(T);
    if (this.env !== null) {
      const caps = this.info.captures;
      for (let i = caps.length - 1; i >= 0; i--) env = new Cons(new Cons(caps[i].sym, this.env[i].v), env);
    }
    return new Cons(Q.closure, new Cons(env, src));
  }

  private lexical(): boolean {
    return this.info.lexical;
  }

  /** What wrong-number-of-arguments reports for this function (Emacs 28: the closure minus its head). */
  errorDatum(): LispObject {
    const l = this.asList();
    return l instanceof Cons && l.car === Q.closure ? l.cdr : l;
  }
}

function bindParam(fr: Frame, p: Binding | LispSymbol, v: LispObject): void {
  if (p instanceof LispSymbol) specbind(p, v);
  else fr[p.slot] = p.captured ? new Box(v) : v;
}
