// The Lisp library under lisp/ is loaded on first use: each top-level
// definition becomes an autoload (a macro's autoload loads the file when a
// form using it is analysed), and each variable with a literal value is
// defined at once, so that a script can read or bind it first. Reading and
// expanding the whole library cost ~30 ms at every start-up.
//
// Finding those definitions means reading and scanning some 450 KB of Lisp
// (~3 ms). What the scan finds is kept in lisp/.autoloads.json, with each
// file's size and time, and used for the files that have not changed since;
// a changed file is scanned again and the index rewritten.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { intern, NIL, T, Q, UNBOUND, list, makeString, type LispObject } from '../lisp/index.js';
import { defvar } from '../lisp/defun.js';

/** The library files whose definitions are autoloaded, in the order their definitions take precedence. */
const LIBRARY = [
  'subr.el', 'simple.el', 'files.el', 'time-date.el', 'map.el', 'keymap.el', 'derived.el', 'easy-mmode.el', 'ert.el',
  'sort.el', 'replace.el', 'thingatpt.el', 'pcase.el', 'cl-case.el', 'cl-macs.el', 'cl-seq.el', 'cl-loop.el',
  'cl-struct.el', 'let-alist.el', 'timer.el', 'callproc.el', 'rx.el', 'warnings.el', 'format-spec.el', 'nadvice.el',
  'pp.el', 'cl-generic.el', 'lisp-mode.el', 'indent.el', 'parse-time.el', 'minibuffer.el', 'url-parse.el',
  'url-util.el', 'fill.el', 'json-pretty.el', 'macroexp.el', 'ring.el', 'gv.el', 'url-http.el', 'callint.el',
  'rect.el', 'xml.el', 'dom.el', 'cl-print.el',
];

const DEFINITION = /^\((cl-defun|defun|defsubst|cl-defmacro|defmacro|defalias|define-derived-mode|define-minor-mode)\s+'?([^\s()']+)/gm;
const LITERAL_VARIABLE = /^\(defvar\s+([^\s()']+)\s+(nil|t|-?\d+|:[\w-]+|"[^"\\]*")(?=[\s)])/gm;

interface FileIndex {
  size: number;
  mtimeMs: number;
  /** [name, is a macro, is a command]. */
  definitions: [string, boolean, boolean][];
  /** [name, the literal as written]. */
  variables: [string, string][];
}

const INDEX_VERSION = 1;

function scan(text: string, stat: fs.Stats): FileIndex {
  const definitions: FileIndex['definitions'] = [];
  for (const m of text.matchAll(DEFINITION)) {
    // A command's (interactive ...) sits on its own line before the next top-level form: commandp sees it unloaded.
    const next = text.indexOf('\n(', m.index! + 1);
    const interactive = text.slice(m.index!, next < 0 ? text.length : next).includes('\n  (interactive');
    definitions.push([m[2], m[1].endsWith('macro'), interactive]);
  }
  const variables: FileIndex['variables'] = [];
  for (const m of text.matchAll(LITERAL_VARIABLE)) variables.push([m[1], m[2]]);
  return { size: stat.size, mtimeMs: stat.mtimeMs, definitions, variables };
}

function literal(v: string): LispObject {
  if (v === 'nil') return NIL;
  if (v === 't') return T;
  if (v.startsWith(':')) return intern(v);
  if (v.startsWith('"')) return makeString(v.slice(1, -1));
  return Number(v);
}

function readIndex(file: string): Record<string, FileIndex> {
  try {
    const saved = JSON.parse(fs.readFileSync(file, 'utf8')) as { version?: number; files?: Record<string, FileIndex> };
    if (saved.version === INDEX_VERSION && saved.files) return saved.files;
  } catch {
    // none yet, or unreadable: scan
  }
  return {};
}

/** Written beside, then renamed: runs that start together never read half a file. */
function writeIndex(file: string, files: Record<string, FileIndex>): void {
  const temp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    fs.writeFileSync(temp, JSON.stringify({ version: INDEX_VERSION, files }));
    fs.renameSync(temp, file);
  } catch {
    // A read-only install scans at every start instead.
    try {
      fs.unlinkSync(temp);
    } catch {
      // nothing was written
    }
  }
}

/** Makes the definitions of the library in DIRECTORY autoloads, and its literal variables bound. */
export function installLibraryAutoloads(directory: string): void {
  const indexFile = path.join(directory, '.autoloads.json');
  const saved = readIndex(indexFile);
  const current: Record<string, FileIndex> = {};
  let changed = false;
  for (const name of LIBRARY) {
    const full = path.join(directory, name);
    const stat = fs.statSync(full);
    let entry = saved[name];
    if (entry === undefined || entry.size !== stat.size || entry.mtimeMs !== stat.mtimeMs) {
      entry = scan(fs.readFileSync(full, 'utf8'), stat);
      changed = true;
    }
    current[name] = entry;
    const fileName = makeString(full);
    for (const [defined, macro, interactive] of entry.definitions) {
      const sym = intern(defined);
      if (sym.fn !== NIL) continue;
      sym.fn = list(Q.autoload, fileName, NIL, interactive ? T : NIL, macro ? Q.macro : NIL);
    }
    for (const [variable, value] of entry.variables) {
      if (intern(variable).value === UNBOUND) defvar(variable, literal(value));
    }
  }
  if (changed || Object.keys(saved).length !== LIBRARY.length) writeIndex(indexFile, current);
}
