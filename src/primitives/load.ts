// load, require, provide, featurep (lread.c and fns.c).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, LispString, signal, list, makeString, intern, listToArray, arrayToList,
} from '../lisp/index.js';
import { funcall } from '../eval/index.js';
import { declareModule, defun, defvar, any, symbol, string, optional, bool } from '../lisp/defun.js';
import { loadFile, locateFile, loadHooks, noteLoadDefinition } from '../eval/load.js';

const Qprovide = intern('provide');
const Qrequire = intern('require');
import { lexicalBindingCookie } from '../reader/reader.js';
import { autoloadHooks } from '../eval/funcall.js';
import { messageToStderr } from './print.js';

declareModule('lread');

/**
 * Emacs 28 preloads some 100 features; these are the ones whose functions
 * this runtime has, so that (featurep 'simple) and
 * (featurep 'make-network-process) answer as they do there.
 */
const PRELOADED_FEATURES = [
  'regexp-opt', 'replace', 'timer', 'syntax', 'simple', 'files', 'macroexp', 'sha1', 'md5', 'base64',
  'env', 'backquote', 'make-network-process', 'emacs',
];
const Qfeatures = defvar('features', arrayToList(PRELOADED_FEATURES.map((name) => intern(name))));
const Qlread_unescaped_character_literals = intern('lread--unescaped-character-literals');
const Qload_suffixes = intern('load-suffixes');

// lread.c's load_warn_unescaped_character_literals, with byte-run.el's text:
//   Loading ‘/tmp/x.el’: unescaped character literals `?(', `?;' detected, `?\(', `?\;' expected!
loadHooks.warn = (file) => {
  const seen = listToArray(Qlread_unescaped_character_literals.value as LispObject).filter((c): c is number => typeof c === 'number');
  if (seen.length === 0) return;
  seen.sort((a, b) => a - b);
  const found = seen.map((c) => `\`?${String.fromCodePoint(c)}'`).join(', ');
  const expected = seen.map((c) => `\`?\\${String.fromCodePoint(c)}'`).join(', ');
  messageToStderr(`Loading \u2018${file}\u2019: unescaped character literals ${found} detected, ${expected} expected!`);
};

function featurep(feature: LispSymbol): boolean {
  for (let l = Qfeatures.value as LispObject; l instanceof Cons; l = l.cdr) if (l.car === feature) return true;
  return false;
}

defun('featurep', [symbol, optional(any)], (feature) => bool(featurep(feature)));

defun('provide', [symbol, optional(any)], (feature) => {
  if (!featurep(feature)) Qfeatures.value = new Cons(feature, Qfeatures.value as LispObject);
  noteLoadDefinition(new Cons(Qprovide, feature));
  runAfterLoad((key) => key === feature || (key instanceof LispString && fileStem(key.value) === feature.name));
  return feature;
});

// ---- after-load-alist: what eval-after-load (subr.el) arranged to run ----------------

const Qafter_load_alist = intern('after-load-alist');
defvar('after-load-alist', NIL);

/** The name a file is known by in eval-after-load: no directory, no extension. */
function fileStem(file: string): string {
  return path.basename(file).replace(/\.el$/, '');
}

/** Runs, in order, the functions of each after-load-alist entry whose key MATCHES, dropping the entry first. */
function runAfterLoad(matches: (key: LispObject) => boolean): void {
  for (;;) {
    let entry: Cons | null = null;
    for (let l = Qafter_load_alist.value as LispObject; l instanceof Cons; l = l.cdr) {
      if (l.car instanceof Cons && matches(l.car.car)) {
        entry = l.car;
        break;
      }
    }
    if (entry === null) return;
    const found = entry;
    Qafter_load_alist.value = arrayToList(listToArray(Qafter_load_alist.value as LispObject).filter((e) => e !== found));
    for (const fn of listToArray(found.cdr)) funcall(fn, []);
  }
}

loadHooks.after = (file) => runAfterLoad((key) => key instanceof LispString && fileStem(key.value) === fileStem(file));

/** The directory of the Lisp library shipped with elisp. */
export const lispDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'lisp');

/** lisp/NAME.el when the library has such a file: require and load find it after load-path. */
function libraryFile(name: string): string | null {
  if (!/^[a-z][a-z0-9-]*$/.test(name)) return null;
  const file = path.join(lispDirectory, `${name}.el`);
  return fs.existsSync(file) ? file : null;
}

/** Features built into this runtime: `require` succeeds without a file. */
const builtinFeatures = new Set(['cl-lib', 'subr-x', 'seq', 'simple', 'sort', 'replace', 'thingatpt', 'cl-macs', 'cl-seq', 'cl-extra', 'pcase', 'gv', 'macroexp', 'map', 'nadvice', 'rx', 'json', 'url-util', 'ert', 'warnings', 'format-spec', 'pp', 'cl-generic', 'parse-time', 'iso8601', 'obarray', 'env', 'benchmark', 'url-vars', 'url', 'url-expand']);

/** What loading a built-in feature's file does besides providing it (json.el defines its errors, say). */
const builtinSetups = new Map<string, () => void>();

export function onBuiltinFeature(name: string, setup: () => void): void {
  builtinSetups.set(name, setup);
}

/** Provides a built-in feature as loading its file would, running its setup first: by require, or by the first call of a function its file defines (an autoload in Emacs). */
export function provideBuiltin(feature: LispSymbol): void {
  if (featurep(feature)) return;
  builtinSetups.get(feature.name)?.();
  Qfeatures.value = new Cons(feature, Qfeatures.value as LispObject);
  runAfterLoad((key) => key === feature || (key instanceof LispString && fileStem(key.value) === feature.name));
}

defun('require', [symbol, optional(any), optional(any)], (feature, filename, noerror) => {
  noteLoadDefinition(new Cons(Qrequire, feature));
  if (featurep(feature)) return feature;
  const name = filename instanceof LispString ? filename.value : feature.name;
  const file = locateFile(name, ['.el', '']) ?? libraryFile(name);
  if (file === null) {
    if (builtinFeatures.has(feature.name)) {
      provideBuiltin(feature);
      return feature;
    }
    if (noerror !== NIL) return NIL;
    signal(Q.file_missing, list(makeString('Cannot open load file'), makeString('No such file or directory'), makeString(name)));
  }
  loadFile(file);
  if (!featurep(feature)) {
    if (noerror !== NIL) return NIL;
    signal(Q.error, list(makeString(`Loading file ${file} failed to provide feature \u2018${feature.name}\u2019`)));
  }
  return feature;
});

defun('load', [string, optional(any), optional(any), optional(any), optional(any)], (file, noerror, nomessage, nosuffix) => {
  const suffixes = nosuffix !== NIL ? [''] : ['.el', ''];
  const found = locateFile(file.value, suffixes) ?? libraryFile(file.value);
  if (found === null && builtinFeatures.has(file.value)) {
    // A library built into this runtime (emacs -l ert): loading it provides it.
    provideBuiltin(intern(file.value));
    return T;
  }
  if (found === null) {
    if (noerror !== NIL) return NIL;
    signal(Q.file_missing, list(makeString('Cannot open load file'), makeString('No such file or directory'), file));
  }
  // Batch Emacs announces a source load on stderr unless NOMESSAGE.
  // (The library's own files load silently, as Emacs's compiled ones do.)
  if (nomessage === NIL && path.dirname(path.resolve(found)) !== lispDirectory) messageToStderr(`Loading ${path.resolve(found)} (source)...`);
  loadFile(found);
  return T;
});

/** Whether TEXT begins with a lexical-binding cookie that `load` would honour (eval-buffer asks). */
defun('eval--lexical-binding-cookie-p', [string], (text) => bool(lexicalBindingCookie(text.value)));

// Every suffix load tries: each of load-suffixes, bare and compressed.
defun('get-load-suffixes', [], () => {
  const out: LispObject[] = [];
  for (const suffix of listToArray(Qload_suffixes.value as LispObject)) {
    if (!(suffix instanceof LispString)) continue;
    out.push(suffix, makeString(`${suffix.value}.gz`));
  }
  return arrayToList(out);
});

defun('locate-library', [string, optional(any), optional(any), optional(any)], (file) => {
  const found = locateFile(file.value, ['.el', '']);
  return found === null ? NIL : makeString(path.resolve(found));
});

autoloadHooks.load = (file) => {
  if (!(file instanceof LispString)) signal(Q.wrong_type_argument, list(Q.stringp, file));
  const found = locateFile(file.value, ['.el', '']);
  if (found === null) signal(Q.file_missing, list(makeString('Cannot open load file'), makeString('No such file or directory'), file));
  loadFile(found);
};

