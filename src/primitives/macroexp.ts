// macroexpand-all (macroexp.el): expands every macro call in a form, walking
// special forms so that only code positions are expanded.
import { type LispObject, LispSymbol, LispString, Cons, NIL, Q, intern, arrayToList, listToArray, TailCheck } from '../lisp/index.js';
import { declareModule, defun, any, optional } from '../lisp/defun.js';
import { macroexpand1 } from './eval.js';
import { funcall } from '../eval/index.js';
import { macroHooks } from '../eval/analyse.js';
import { symbolValue } from '../eval/state.js';
import { fileRelativeName } from './fileio.js';
import { get } from './data.js';

declareModule('macroexp');

const Qcond = intern('cond');
const Qcondition_case = intern('condition-case');
const Qfuncall = intern('funcall');

function mapForms(l: LispObject, env: LispObject): LispObject {
  const out: LispObject[] = [];
  const check = new TailCheck(l);
  while (l instanceof Cons) {
    out.push(expandAll(l.car, env));
    l = l.cdr;
    check.step(l);
  }
  return arrayToList(out, l);
}

function expandLambda(lambda: Cons, env: LispObject): LispObject {
  if (!(lambda.cdr instanceof Cons)) return lambda;
  return new Cons(lambda.car, new Cons(lambda.cdr.car, mapForms(lambda.cdr.cdr, env)));
}

export function expandAll(form: LispObject, env: LispObject): LispObject {
  for (;;) {
    if (!(form instanceof Cons)) return form;
    const head = form.car;
    const [next, expanded] = macroexpand1(form, env);
    if (!expanded || next === form) break;
    if (head instanceof LispSymbol) warnIfObsolete(head, loadFileName());
    form = next;
  }
  if (!(form instanceof Cons)) return form;
  const head = form.car;
  const rest = form.cdr;
  if (head === Q.quote) return form;
  if (head === Q.function) {
    const f = rest instanceof Cons ? rest.car : NIL;
    if (f instanceof Cons && f.car === Q.lambda) return new Cons(head, new Cons(expandLambda(f, env), NIL));
    return form;
  }
  if ((head === Q.let || head === Q.let_star) && rest instanceof Cons) {
    const bindings = listToArray(rest.car).map((b) =>
      b instanceof Cons ? new Cons(b.car, mapForms(b.cdr, env)) : b,
    );
    return new Cons(head, new Cons(arrayToList(bindings), mapForms(rest.cdr, env)));
  }
  if (head === Qcond) {
    return new Cons(head, arrayToList(listToArray(rest).map((cl) => (cl instanceof Cons ? mapForms(cl, env) : cl))));
  }
  if (head === Qcondition_case && rest instanceof Cons && rest.cdr instanceof Cons) {
    const handlers = listToArray(rest.cdr.cdr).map((h) => (h instanceof Cons ? new Cons(h.car, mapForms(h.cdr, env)) : h));
    return new Cons(head, new Cons(rest.car, new Cons(expandAll(rest.cdr.car, env), arrayToList(handlers))));
  }
  if (head instanceof Cons && head.car === Q.lambda) return new Cons(expandLambda(head, env), mapForms(rest, env));
  // (funcall #'SYM ...) is rewritten to (SYM ...), as macroexp.el does.
  if (head === Qfuncall && rest instanceof Cons) {
    const f = expandAll(rest.car, env);
    if (f instanceof Cons && f.car === Q.function && f.cdr instanceof Cons && f.cdr.car instanceof LispSymbol) {
      return expandAll(new Cons(f.cdr.car, rest.cdr), env);
    }
    return new Cons(head, new Cons(f, mapForms(rest.cdr, env)));
  }
  return new Cons(head, mapForms(rest, env));
}

defun('macroexpand-all', [any, optional(any)], (form, env) => expandAll(form, env));

// ---- warnings about obsolete macros -----------------------------------------------

const Qbyte_obsolete_info = intern('byte-obsolete-info');
const Qload_file_name = intern('load-file-name');

function loadFileName(): string | null {
  const name = symbolValue(Qload_file_name);
  return name instanceof LispString ? name.value : null;
}

/**
 * Prints macroexp.el's warning when MACRO was made obsolete, as Emacs does
 * when it expands a call of it while loading (or in macroexpand-all):
 *   FILE: Warning: ‘old’ is an obsolete macro (as of 1.0); use ‘new’ instead.
 */
function warnIfObsolete(macro: LispSymbol, fileName: string | null): void {
  const info = get(macro, Qbyte_obsolete_info);
  if (!(info instanceof Cons)) return;
  const instead = info.car;
  const asOf = listToArray(info)[2];
  const kind = macro.fn instanceof LispSymbol && macro.fn !== NIL ? 'alias' : 'macro';
  let text = `\u2018${macro.name}\u2019 is an obsolete ${kind}`;
  if (asOf instanceof LispString) text += ` (as of ${asOf.value})`;
  if (instead instanceof LispString) text += `; ${instead.value}`;
  else if (instead instanceof LispSymbol && instead !== NIL) text += `; use \u2018${instead.name}\u2019 instead.`;
  else text += '.';
  const prefix = fileName === null ? '' : `${fileRelativeName(fileName, NIL)}: `;
  funcall(intern('message'), [new LispString('%s', false), new LispString(`${prefix}Warning: ${text}`, true)]);
}

macroHooks.obsolete = warnIfObsolete;
