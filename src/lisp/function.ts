// Function objects: builtins (subrs) and interpreted closures.
import type { LispObject } from './types.js';

export const MANY = -1;
export const UNEVALLED = -2;

/**
 * A builtin. `fn` takes positional arguments (missing optionals arrive as
 * nil) when `max` >= 0, one array when `max` is MANY, and the unevaluated
 * argument list when `max` is UNEVALLED (special forms).
 */
export class Subr {
  constructor(
    readonly name: string,
    readonly min: number,
    readonly max: number,
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    readonly fn: (...args: any[]) => LispObject,
  ) {}
  /** Positional fast paths for &rest builtins called with 1 or 2 arguments (e.g. `+`). */
  fast1: ((a: LispObject) => LispObject) | null = null;
  fast2: ((a: LispObject, b: LispObject) => LispObject) | null = null;
}

/** An interpreted (lexical) function; the evaluator provides the implementation. */
export abstract class LispClosure {
  abstract callN(args: LispObject[]): LispObject;
  abstract call0(): LispObject;
  abstract call1(a: LispObject): LispObject;
  abstract call2(a: LispObject, b: LispObject): LispObject;
  abstract call3(a: LispObject, b: LispObject, c: LispObject): LispObject;
  /** Minimum and maximum argument counts (max -1 for &rest). */
  abstract arity(): [number, number];
  /** The list Emacs 28 would show: (closure ENV ARGS . BODY). */
  abstract asList(): LispObject;
}
