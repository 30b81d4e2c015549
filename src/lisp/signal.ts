// Non-local exits. Lisp errors and throws are JS exceptions of these two
// classes; they do not extend Error, so throwing one captures no JS stack.
import type { LispObject } from './types.js';
import { intern, LispSymbol, NIL } from './symbol.js';
import { Cons, list } from './cons.js';
import { makeString } from './string.js';

/** One Lisp call frame that an error passed through, innermost first. */
export interface BacktraceFrame {
  /** The function called: usually its symbol. */
  readonly fn: LispObject;
  /** The evaluated arguments, when known. */
  readonly args: readonly LispObject[] | null;
  /** Where the call form was read from. */
  readonly file: string | null;
  readonly line: number;
  readonly col: number;
}

/** Called on every new signal; the evaluator uses it to spot errors nothing will catch. */
export const signalHooks: { onSignal: ((s: LispSignal) => void) | null } = { onSignal: null };

export class LispSignal {
  /** Frames the signal unwound through, innermost first (for the batch backtrace). */
  frames: BacktraceFrame[] = [];
  /**
   * No handler will catch this error and the batch debugger will report it:
   * Emacs then exits without unwinding, so unwind-protect cleanups are skipped.
   */
  uncaught = false;
  constructor(
    readonly symbol: LispSymbol,
    readonly data: LispObject,
  ) {
    if (signalHooks.onSignal !== null) signalHooks.onSignal(this);
  }
  /** The error object as condition-case binds it: (SYMBOL . DATA). */
  get errorObject(): Cons {
    return new Cons(this.symbol, this.data);
  }
}

export class LispThrow {
  constructor(
    readonly tag: LispObject,
    readonly value: LispObject,
  ) {}
}

/** Thrown by kill-emacs; unwinds everything and exits the interpreter. */
export class KillEmacs {
  constructor(readonly code: LispObject) {}
}

export function signal(symbol: LispSymbol, data: LispObject): never {
  throw new LispSignal(symbol, data);
}

const Qerror = intern('error');
const Qwrong_type_argument = intern('wrong-type-argument');
const Qargs_out_of_range = intern('args-out-of-range');

/** Signals (error "MESSAGE"), the message already formatted. */
export function error(message: string): never {
  throw new LispSignal(Qerror, list(makeString(message)));
}

export function wrongType(predicate: LispSymbol, value: LispObject): never {
  throw new LispSignal(Qwrong_type_argument, list(predicate, value));
}

export function argsOutOfRange(...data: LispObject[]): never {
  throw new LispSignal(Qargs_out_of_range, list(...data));
}

export { NIL };

/**
 * Elements a builtin may put in one JavaScript array. V8 cannot grow an
 * array past some 2^27 elements and then ends the whole process ("invalid
 * size"); Emacs, short of memory, signals memoryExhausted's error instead,
 * and so do we, from well below that limit.
 */
export const MAX_ELEMENTS = 2 ** 26;

/** Emacs's memory_full: (error "Memory exhausted--use C-x s then exit and restart Emacs"). */
export function memoryExhaustedSignal(): LispSignal {
  return new LispSignal(Qerror, list(makeString('Memory exhausted--use C-x s then exit and restart Emacs')));
}

export function memoryExhausted(): never {
  throw memoryExhaustedSignal();
}

/** Whether a JavaScript exception is V8 refusing an allocation that big (an array, a string, a buffer). */
export function isAllocationFailure(e: unknown): boolean {
  return e instanceof RangeError && /^(Invalid (array|string|typed array) length|Array buffer allocation failed)/.test(e.message);
}
