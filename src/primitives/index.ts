// Loads every builtin module (each registers its builtins as it is imported),
// then the Lisp library under lisp/.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { intern, Subr, NIL, T, Q, UNBOUND, list, makeString } from '../lisp/index.js';
import { defvar } from '../lisp/defun.js';
import './errors.js';
import './buffer.js';
import './editfns.js';
import './marker.js';
import './buffer-files.js';
import './eval.js';
import './macros.js';
import './macroexp.js';
import { lispDirectory } from './load.js';
import './data.js';
import './alloc.js';
import './arith.js';
import './floatfns.js';
import './fns.js';
import './seq.js';
import './hash.js';
import './strings.js';
import './textprop.js';
import './overlays.js';
import './search.js';
import './decompress.js';
import './xml.js';
import './keyboard.js';
import './minibuf.js';
import './sysinfo.js';
import './syntax.js';
import './syntax-scan.js';
import './casefiddle.js';
import './character.js';
import './coding.js';
import './json.js';
import './print.js';
import './format.js';
import './lread.js';
import './timefns.js';
import './fileio.js';
import './dired.js';
import './process.js';
import './callproc.js';
import './timers.js';
import { add2, sub2, lt2, gt2, le2, ge2, numEq2, add1, sub1 } from './arith.js';

// Two-argument fast paths for the hottest &rest builtins.
function fast2(name: string, fn: Subr['fast2']): void {
  const f = intern(name).fn;
  if (f instanceof Subr) f.fast2 = fn;
}
function fast1(name: string, fn: Subr['fast1']): void {
  const f = intern(name).fn;
  if (f instanceof Subr) f.fast1 = fn;
}
fast2('+', add2);
fast2('-', sub2);
fast2('<', lt2);
fast2('>', gt2);
fast2('<=', le2);
fast2('>=', ge2);
fast2('=', numEq2);
fast1('1+', add1);
fast1('1-', sub1);

export { lispDirectory };

/*
 * Files loaded on first use: each top-level definition becomes an autoload
 * (a macro's autoload loads the file when a form using it is analysed).
 * Reading and expanding the whole library cost ~30 ms at every start-up;
 * even subr.el (nothing but definitions) costs ~5 ms a script may not need.
 */
const definition = /^\((cl-defun|defun|defsubst|cl-defmacro|defmacro|defalias|define-derived-mode|define-minor-mode)\s+'?([^\s()']+)/gm;
// Variables whose value is a literal are defined now, so that a script can read or bind them first.
const literalVariable = /^\(defvar\s+([^\s()']+)\s+(nil|t|-?\d+|:[\w-]+|"[^"\\]*")(?=[\s)])/gm;
for (const file of ['subr.el', 'simple.el', 'files.el', 'time-date.el', 'map.el', 'keymap.el', 'derived.el', 'easy-mmode.el', 'ert.el', 'sort.el', 'replace.el', 'thingatpt.el', 'pcase.el', 'cl-case.el', 'cl-macs.el', 'cl-seq.el', 'cl-loop.el', 'cl-struct.el', 'let-alist.el', 'timer.el', 'callproc.el', 'rx.el', 'warnings.el', 'format-spec.el', 'nadvice.el', 'pp.el', 'cl-generic.el', 'lisp-mode.el', 'indent.el', 'parse-time.el', 'minibuffer.el', 'url-parse.el', 'url-util.el', 'fill.el', 'json-pretty.el', 'macroexp.el', 'ring.el', 'gv.el', 'url-http.el', 'callint.el', 'rect.el', 'xml.el', 'dom.el', 'cl-print.el']) {
  const full = path.join(lispDirectory, file);
  const text = fs.readFileSync(full, 'utf8');
  for (const m of text.matchAll(definition)) {
    const sym = intern(m[2]);
    if (sym.fn !== NIL) continue;
    const type = m[1].endsWith('macro') ? Q.macro : NIL;
    // A command's (interactive ...) sits on its own line before the next top-level form: commandp sees it unloaded.
    const next = text.indexOf('\n(', m.index! + 1);
    const interactive = text.slice(m.index!, next < 0 ? text.length : next).includes('\n  (interactive');
    sym.fn = list(Q.autoload, makeString(full), NIL, interactive ? T : NIL, type);
  }
  for (const m of text.matchAll(literalVariable)) {
    if (intern(m[1]).value !== UNBOUND) continue;
    const v = m[2];
    defvar(m[1], v === 'nil' ? NIL : v === 't' ? T : v.startsWith(':') ? intern(v) : v.startsWith('"') ? makeString(v.slice(1, -1)) : Number(v));
  }
}
