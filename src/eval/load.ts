// Loading Lisp source files: `load`, the lexical-binding cookie, load-path.
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  type LispObject, Cons, NIL, T, Q, LispString, signal, list, makeString, listToArray, arrayToList, KillEmacs, LispSignal,
} from '../lisp/index.js';
import { defvar } from '../lisp/defun.js';
import { SourceReader, END_OF_INPUT, lexicalBindingCookie } from '../reader/reader.js';
import { evalTopLevel } from './toplevel.js';
import { Unit } from './scope.js';
import { specbind, unbindTo, specpdlDepth, symbolValue } from './state.js';

const Qload_file_name = defvar('load-file-name', NIL);
const Qload_true_file_name = defvar('load-true-file-name', NIL);
const Qload_in_progress = defvar('load-in-progress', NIL);
export const Qload_path = defvar('load-path', NIL);
const Qlexical_binding = defvar('lexical-binding', NIL);
const Qload_history = defvar('load-history', NIL);
/** The characters the reader met as `?(` and the like, unescaped, during this load (lread.c). */
const Qlread_unescaped_character_literals = defvar('lread--unescaped-character-literals', NIL);

/** What `load` prints as it ends (lread.c's load_warn_unescaped_character_literals); set by the primitives. */
export const loadHooks: { warn: ((file: string) => void) | null; after: ((file: string) => void) | null } = { warn: null, after: null };
defvar('load-suffixes', list(makeString('.elc'), makeString('.el')));
const Qfile_missing = Q.file_missing;

/** Reads and evaluates every form of FILE (an absolute or relative path to an existing file). */
export function loadFile(file: string): void {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    signal(Qfile_missing, list(makeString('Cannot open load file'), makeString('No such file or directory'), makeString(file)));
  }
  const abs = path.resolve(file);
  loadSource(text, abs);
}

/** Evaluates a source text as the contents of file `name`. */
/** What each file being loaded has defined so far, innermost load last: its load-history entry in the making. */
const definitionsOfLoads: LispObject[][] = [];

/**
 * Records a definition (a variable's symbol, (defun . NAME), (provide . FEATURE),
 * (require . FEATURE)) in the load-history entry of the file being loaded, if any.
 */
export function noteLoadDefinition(item: LispObject): void {
  const definitions = definitionsOfLoads[definitionsOfLoads.length - 1];
  if (definitions !== undefined) definitions.push(item);
}

export function loadSource(text: string, name: string): void {
  const lexical = lexicalBindingCookie(text);
  const count = specpdlDepth();
  let abandoned = false;
  const definitions: LispObject[] = [];
  definitionsOfLoads.push(definitions);
  try {
    specbind(Qlread_unescaped_character_literals, NIL);
    specbind(Qload_file_name, makeString(name));
    specbind(Qload_true_file_name, makeString(name));
    specbind(Qload_in_progress, T);
    specbind(Qlexical_binding, lexical ? T : NIL);
    const unit = new Unit(name);
    const reader = new SourceReader(text, name);
    for (;;) {
      const form = reader.next();
      if (form === END_OF_INPUT) break;
      evalTopLevel(form, lexical, unit);
    }
  } catch (e) {
    // Batch Emacs's debugger exits without unwinding: then load does not get to warn.
    abandoned = e instanceof KillEmacs || (e instanceof LispSignal && e.uncaught);
    throw e;
  } finally {
    if (!abandoned) loadHooks.warn?.(name);
    unbindTo(count);
    definitionsOfLoads.pop();
  }
  Qload_history.value = new Cons(new Cons(makeString(name), arrayToList(definitions)), Qload_history.value as LispObject);
  loadHooks.after?.(name);
}

/**
 * Finds FILE along load-path as `load` does: FILE with each suffix, then bare
 * (unless nosuffix), in each directory. Returns null when not found.
 */
export function locateFile(file: string, suffixes: readonly string[]): string | null {
  const dirs: string[] = [];
  if (path.isAbsolute(file)) dirs.push('');
  else {
    for (const d of listToArray(symbolValue(Qload_path))) {
      if (d instanceof LispString) dirs.push(d.value);
      else if (d === NIL) dirs.push(process.cwd());
    }
    if (dirs.length === 0) dirs.push(process.cwd());
  }
  for (const dir of dirs) {
    for (const suffix of suffixes) {
      const candidate = dir === '' ? file + suffix : path.join(dir, file + suffix);
      try {
        if (fs.statSync(candidate).isFile()) return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

export { Qlexical_binding };
