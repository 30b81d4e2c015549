// Declaring builtins. Each builtin is declared once with its Emacs name and
// argument types; arity and the wrong-type-argument checks follow from the
// declaration, and the registry feeds the generated list of primitives.
import type { LispObject } from './types.js';
import { intern, LispSymbol, NIL, T } from './symbol.js';
import { Cons } from './cons.js';
import { LispFloat } from './number.js';
import { LispString } from './string.js';
import { LispRecord, BoolVector, CharTable } from './vector.js';
import { LispHashTable } from './hashtable.js';
import { Subr, MANY, UNEVALLED, LispClosure } from './function.js';
import { wrongType } from './signal.js';

export interface ArgType<T extends LispObject = LispObject> {
  /** The predicate named in wrong-type-argument, or null for "anything". */
  readonly predicate: LispSymbol | null;
  readonly optional: boolean;
  test(x: LispObject): boolean;
  /** Only for the type checker: the JS type the body receives. */
  readonly __type?: T;
}

export function argType<T extends LispObject>(predicate: string | null, test: (x: LispObject) => boolean): ArgType<T> {
  return { predicate: predicate === null ? null : intern(predicate), optional: false, test };
}

/** An optional argument: absent or nil arrives as nil and is not checked. */
export function optional<T extends LispObject>(t: ArgType<T>): ArgType<T | LispSymbol> {
  return { predicate: t.predicate, optional: true, test: (x) => x === NIL || t.test(x) };
}

export const any = argType<LispObject>(null, () => true);
export const integer = argType<number | bigint>('integerp', (x) => typeof x === 'number' || typeof x === 'bigint');
export const fixnum = argType<number>('fixnump', (x) => typeof x === 'number');
export const natnum = argType<number | bigint>('natnump', (x) => (typeof x === 'number' || typeof x === 'bigint') && x >= 0);
export const number = argType<number | bigint | LispFloat>(
  'numberp',
  (x) => typeof x === 'number' || typeof x === 'bigint' || x instanceof LispFloat,
);
export const character = argType<number>('characterp', (x) => typeof x === 'number' && x >= 0 && x <= 0x3fffff);
export const string = argType<LispString>('stringp', (x) => x instanceof LispString);
export const symbol = argType<LispSymbol>('symbolp', (x) => x instanceof LispSymbol);
export const cons = argType<Cons>('consp', (x) => x instanceof Cons);
export const list = argType<Cons | LispSymbol>('listp', (x) => x === NIL || x instanceof Cons);
export const vector = argType<LispObject[]>('vectorp', (x) => Array.isArray(x));
export const hashTable = argType<LispHashTable>('hash-table-p', (x) => x instanceof LispHashTable);
export const record = argType<LispRecord>('recordp', (x) => x instanceof LispRecord);
export const boolVector = argType<BoolVector>('bool-vector-p', (x) => x instanceof BoolVector);
export const charTable = argType<CharTable>('char-table-p', (x) => x instanceof CharTable);
export const array = argType<LispObject>(
  'arrayp',
  (x) => Array.isArray(x) || x instanceof LispString || x instanceof BoolVector || x instanceof CharTable,
);
export const sequence = argType<LispObject>(
  'sequencep',
  (x) => x === NIL || x instanceof Cons || Array.isArray(x) || x instanceof LispString || x instanceof BoolVector || x instanceof CharTable,
);
export const stringOrSymbol = argType<LispString | LispSymbol>('stringp', (x) => x instanceof LispString || x instanceof LispSymbol);
export const func = argType<LispObject>(null, (x) => x instanceof Subr || x instanceof LispClosure || x instanceof Cons || x instanceof LispSymbol);

type Unwrap<A> = { [K in keyof A]: A[K] extends ArgType<infer T> ? T : never };

export interface PrimitiveInfo {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly module: string;
}

/** Every builtin declared so far, in declaration order. */
export const primitiveRegistry: PrimitiveInfo[] = [];
let currentModule = '';

/** Names the Emacs source area the following declarations belong to (data, fns, ...). */
export function declareModule(name: string): void {
  currentModule = name;
}

function install(name: string, min: number, max: number, fn: (...args: never[]) => LispObject): Subr {
  const subr = new Subr(name, min, max, fn as (...args: unknown[]) => LispObject);
  intern(name).fn = subr;
  primitiveRegistry.push({ name, min, max, module: currentModule });
  return subr;
}

function checker(t: ArgType): ((x: LispObject) => void) | null {
  if (t.predicate === null) return null;
  const pred = t.predicate;
  return (x) => {
    if (!t.test(x)) wrongType(pred, x);
  };
}

/**
 * A builtin with fixed and optional positional arguments.
 *   defun('nthcdr', [integer, any], (n, list) => ...)
 */
export function defun<const A extends readonly ArgType<LispObject>[]>(
  name: string,
  types: A,
  body: (...args: Unwrap<A>) => LispObject,
): Subr {
  const n = types.length;
  let min = n;
  while (min > 0 && types[min - 1].optional) min--;
  const checks = types.map(checker);
  const b = body as unknown as (...args: LispObject[]) => LispObject;
  if (checks.every((c) => c === null)) return install(name, min, n, b);
  const [c0, c1, c2, c3] = checks;
  let fn: (...args: LispObject[]) => LispObject;
  switch (n) {
    case 1:
      fn = (a) => (c0!(a), b(a));
      break;
    case 2:
      fn = (a, x) => {
        if (c0) c0(a);
        if (c1) c1(x);
        return b(a, x);
      };
      break;
    case 3:
      fn = (a, x, y) => {
        if (c0) c0(a);
        if (c1) c1(x);
        if (c2) c2(y);
        return b(a, x, y);
      };
      break;
    case 4:
      fn = (a, x, y, z) => {
        if (c0) c0(a);
        if (c1) c1(x);
        if (c2) c2(y);
        if (c3) c3(z);
        return b(a, x, y, z);
      };
      break;
    default:
      fn = (...args) => {
        for (let i = 0; i < n; i++) checks[i]?.(args[i]);
        return b(...args);
      };
  }
  return install(name, min, n, fn);
}

/**
 * A builtin taking &rest arguments: the body gets one array.
 *   defunRest('+', 0, number, (args) => ...)
 */
export function defunRest(
  name: string,
  min: number,
  body: (args: LispObject[]) => LispObject,
  restType?: ArgType,
): Subr {
  if (!restType || restType.predicate === null) return install(name, min, MANY, body);
  const check = checker(restType)!;
  return install(name, min, MANY, (args: LispObject[]) => {
    for (let i = 0; i < args.length; i++) check(args[i]);
    return body(args);
  });
}

/** A special form: the body receives the unevaluated argument list. Only the evaluator analyses these. */
export function defspecial(name: string, min: number, body: (args: LispObject) => LispObject): Subr {
  return install(name, min, UNEVALLED, body);
}

/** Defines a variable with a global value, special (dynamically bound) as DEFVAR_LISP does. */
export function defvar(name: string, value: LispObject): LispSymbol {
  const s = intern(name);
  s.value = value;
  s.special = true;
  return s;
}

export const bool = (b: boolean): LispSymbol => (b ? T : NIL);
