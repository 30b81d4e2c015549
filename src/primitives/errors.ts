// The standard errors of Emacs 28.2: each error symbol's `error-conditions`
// and `error-message` properties (the messages raw, with straight quotes, as
// `get` shows them), and error-message-string's rendering of an error object.
// The table lists what `emacs -Q --batch` has defined, C and preloaded Lisp.
import {
  type LispObject, LispSymbol, LispString, Cons, NIL, Q, intern, list, arrayToList, wrongType, signal, setCar,
} from '../lisp/index.js';
import { printToString } from '../reader/printer.js';
import { substituteQuotes } from './format.js';

/** [error symbol, its conditions after itself (space-separated), message]. */
const STANDARD_ERRORS: readonly (readonly [string, string, string])[] = [
  ["args-out-of-range", "error", "Args out of range"],
  ["arith-error", "error", "Arithmetic error"],
  ["beginning-of-buffer", "error", "Beginning of buffer"],
  ["buffer-read-only", "error", "Buffer is read-only"],
  ["circular-list", "error", "List contains a loop"],
  ["cl--generic-cyclic-definition", "error", "Cyclic definition: %S"],
  ["cl-assertion-failed", "error", "Assertion failed"],
  ["cl-no-applicable-method", "cl-no-method error", "No applicable method"],
  ["cl-no-method", "error", "No method"],
  ["cl-no-next-method", "cl-no-method error", "No next method"],
  ["cl-no-primary-method", "cl-no-method error", "No primary method"],
  ["coding-system-error", "error", "Invalid coding system"],
  ["cyclic-function-indirection", "error", "Symbol's chain of function indirections contains a loop"],
  ["cyclic-variable-indirection", "error", "Symbol's chain of variable indirections contains a loop"],
  ["dbus-error", "error", "D-Bus error"],
  ["domain-error", "arith-error error", "Arithmetic domain error"],
  ["end-of-buffer", "error", "End of buffer"],
  ["end-of-file", "error", "End of file during parsing"],
  ["error", "", "error"],
  ["file-already-exists", "file-error error", "File already exists"],
  ["file-date-error", "file-error error", "Cannot set file date"],
  ["file-error", "error", "File error"],
  ["file-missing", "file-error error", "File is missing"],
  ["file-notify-error", "file-error error", "File notification error"],
  ["inhibited-interaction", "error", "User interaction while inhibited"],
  ["invalid-arity", "error", "Invalid function arity"],
  ["invalid-function", "error", "Invalid function"],
  ["invalid-read-syntax", "error", "Invalid read syntax"],
  ["invalid-regexp", "error", "Invalid regexp"],
  ["json-end-of-file", "json-parse-error json-error error", "end of JSON stream"],
  ["json-error", "error", "generic JSON error"],
  ["json-object-too-deep", "json-error error", "object cyclic or Lisp evaluation too deep"],
  ["json-out-of-memory", "json-error error", "not enough memory for creating JSON object"],
  ["json-parse-error", "json-error error", "could not parse JSON stream"],
  ["json-trailing-content", "json-parse-error json-error error", "trailing content after JSON stream"],
  ["mark-inactive", "error", "The mark is not active now"],
  ["minibuffer-quit", "quit", "Quit"],
  ["missing-module-init-function", "module-load-failed error", "Module does not export an initialization function"],
  ["module-init-failed", "module-load-failed error", "Module initialization failed"],
  ["module-load-failed", "error", "Module load failed"],
  ["module-not-gpl-compatible", "module-load-failed error", "Module is not GPL compatible"],
  ["module-open-failed", "module-load-failed error", "Module could not be opened"],
  ["native-compiler-error", "error", "Native compiler error"],
  ["native-ice", "native-compiler-error error", "Internal native compiler error"],
  ["native-lisp-file-inconsistent", "native-lisp-load-failed error", "eln file inconsistent with current runtime configuration, please recompile"],
  ["native-lisp-load-failed", "error", "Native elisp load failed"],
  ["native-lisp-wrong-reloc", "native-lisp-load-failed error", "Primitive redefined or wrong relocation"],
  ["no-catch", "error", "No catch for tag"],
  ["overflow-error", "range-error arith-error error", "Arithmetic overflow error"],
  ["protected-field", "error", "Attempt to modify a protected field"],
  ["quit", "", "Quit"],
  ["range-error", "arith-error error", "Arithmetic range error"],
  ["remote-file-error", "file-error error", "Remote file error"],
  ["scan-error", "error", "Scan error"],
  ["search-failed", "error", "Search failed"],
  ["setting-constant", "error", "Attempt to set a constant symbol"],
  ["singularity-error", "domain-error arith-error error", "Arithmetic singularity error"],
  ["text-read-only", "buffer-read-only error", "Text is read-only"],
  ["trapping-constant", "error", "Attempt to trap writes to a constant symbol"],
  ["underflow-error", "range-error arith-error error", "Arithmetic underflow error"],
  ["user-error", "error", ""],
  ["user-search-failed", "user-error search-failed error", "Search failed"],
  ["vc-not-supported", "error", "VC method not implemented for backend"],
  ["void-function", "error", "Symbol's function definition is void"],
  ["void-variable", "error", "Symbol's value as variable is void"],
  ["wrong-length-argument", "error", "Wrong length argument"],
  ["wrong-number-of-arguments", "error", "Wrong number of arguments"],
  ["wrong-register-subr-call", "native-lisp-load-failed error", "comp--register-subr can only be called during native lisp load phase."],
  ["wrong-type-argument", "error", "Wrong type argument"],
];

/** Sets a symbol's property, replacing an existing value (as `put`). */
export function putProperty(sym: LispSymbol, prop: LispSymbol, value: LispObject): void {
  for (let p = sym.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) {
      setCar(p.cdr, value);
      return;
    }
  }
  sym.plist = new Cons(prop, new Cons(value, sym.plist));
}

export function getProperty(sym: LispSymbol, prop: LispSymbol): LispObject {
  for (let p = sym.plist; p instanceof Cons && p.cdr instanceof Cons; p = p.cdr.cdr) {
    if (p.car === prop) return p.cdr.car;
  }
  return NIL;
}

/** Defines an error as define-error does: NAME's conditions are itself and PARENTS (space-separated). */
export function defineErrorSymbol(name: string, parents: string, message: string): void {
  const sym = intern(name);
  const conds = [sym, ...(parents === '' ? [] : parents.split(' ').map(intern))];
  putProperty(sym, Q.error_conditions, arrayToList(conds));
  putProperty(sym, Q.error_message, new LispString(message, false));
}

for (const [name, parents, message] of STANDARD_ERRORS) defineErrorSymbol(name, parents, message);

/**
 * What substitute-command-keys does to an error message: quotes styled per
 * text-quoting-style, \\=X quoting X, \\[CMD] as "M-x CMD".
 */
function substituteCommandKeys(s: string): string {
  if (s.indexOf('\\') >= 0) {
    s = s.replace(/\\(=(.)|\[([^\]]*)\]|<[^>]*>)/gs, (_m, _all, quoted: string | undefined, cmd: string | undefined) => {
      if (quoted !== undefined) return quoted === '`' ? '\u0000G' : quoted === "'" ? '\u0000A' : quoted;
      if (cmd !== undefined) return 'M-x ' + cmd;
      return '';
    });
  }
  return substituteQuotes(s).replace(/\u0000G/g, '`').replace(/\u0000A/g, "'");
}

/** The text error-message-string makes of an error object (SYMBOL . DATA). */
export function errorMessageString(errObj: LispObject): string {
  if (errObj === NIL) return 'peculiar error';
  if (!(errObj instanceof Cons)) wrongType(Q.listp, errObj);
  const errname = errObj.car;
  if (!(errname instanceof LispSymbol)) wrongType(Q.symbolp, errname);
  let data = errObj.cdr;
  let errmsg: LispObject;
  let fileError = false;
  let tail: LispObject;
  if (errname === Q.error) {
    // (error "MESSAGE" . MORE): the first datum is the message.
    errmsg = data instanceof Cons ? data.car : NIL;
    tail = data instanceof Cons ? data.cdr : NIL;
  } else {
    errmsg = getProperty(errname, Q.error_message);
    if (errmsg instanceof LispString) errmsg = new LispString(substituteCommandKeys(errmsg.value), errmsg.multibyte);
    for (let c = getProperty(errname, Q.error_conditions); c instanceof Cons; c = c.cdr) {
      if (c.car === Q.file_error) fileError = true;
    }
    tail = data;
    if (fileError && tail instanceof Cons) {
      errmsg = tail.car;
      tail = tail.cdr;
    }
  }
  let out: string;
  let sep: string | null = ': ';
  if (!(errmsg instanceof LispString)) out = 'peculiar error';
  else if (errmsg.value.length > 0) out = errmsg.value;
  else {
    out = '';
    sep = null;
  }
  const princData = fileError || errname === Q.end_of_file || errname === Q.user_error;
  // Brent's cycle check, so a circular data list cannot hang us.
  let tortoise = tail;
  let steps = 0;
  let limit = 2;
  for (data = tail; data instanceof Cons; data = data.cdr) {
    if (sep !== null) out += sep;
    sep = ', ';
    out += printToString(data.car, !princData);
    if (++steps === limit) {
      limit *= 2;
      steps = 0;
      tortoise = data.cdr;
    } else if (data.cdr === tortoise) {
      signal(Q.circular_list, list(tail));
    }
  }
  return out;
}
