// Node built-in modules that only some Lisp programs need, loaded on first
// use: importing child_process and crypto eagerly costs the interpreter
// thread some 3 ms at every start, for programs that never run a
// subprocess or hash a string.
import { createRequire } from 'node:module';

// A require that is only ever given built-in names, so its base path does not matter.
const requireBuiltin = createRequire('/');

let childProcess: typeof import('node:child_process') | undefined;
let crypto: typeof import('node:crypto') | undefined;
let zlib: typeof import('node:zlib') | undefined;

export function childProcessModule(): typeof import('node:child_process') {
  return (childProcess ??= requireBuiltin('node:child_process') as typeof import('node:child_process'));
}

export function cryptoModule(): typeof import('node:crypto') {
  return (crypto ??= requireBuiltin('node:crypto') as typeof import('node:crypto'));
}

export function zlibModule(): typeof import('node:zlib') {
  return (zlib ??= requireBuiltin('node:zlib') as typeof import('node:zlib'));
}
