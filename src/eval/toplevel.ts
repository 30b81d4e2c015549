// Evaluating whole forms: each top-level form is analysed as the body of a
// function with no parameters, compiled, and run in a fresh frame.
import { type LispObject, Cons, LispSymbol, NIL, T, Q } from '../lisp/index.js';
import { FnInfo } from './ir.js';
import { analyse } from './analyse.js';
import { compile } from './compile.js';
import { protectedEntry } from './state.js';
import { Ctx, Unit, Scope } from './scope.js';

/** Evaluates form in unit (a file being loaded, or one `eval` call). */
export function evalTopLevel(form: LispObject, lexical: boolean, unit: Unit, scope: Scope | null = null): LispObject {
  // Self-evaluating atoms need no analysis.
  if (!(form instanceof Cons) && !(form instanceof LispSymbol)) return form;
  const info = new FnInfo(null, lexical);
  if (unit.fileName !== null) {
    unit.topLevelForms.clear();
    unit.topLevelForms.add(form);
  }
  const node = analyse(form, new Ctx(info, scope, lexical, unit));
  const code = compile(node, info);
  info.code = code;
  const fr = new Array(info.nslots);
  fr[0] = null;
  return protectedEntry(() => code(fr));
}

/**
 * `eval` with LEXICAL: nil (dynamic), t (lexical), or an alist of lexical
 * bindings, which become variables of an enclosing function.
 */
export function evalWithLexical(form: LispObject, lexical: LispObject): LispObject {
  const unit = new Unit(null);
  if (lexical === NIL) return evalTopLevel(form, false, unit);
  if (!(lexical instanceof Cons) || lexical.car === T && lexical.cdr === NIL) return evalTopLevel(form, true, unit);
  // An alist environment: wrap the form in a closure over those bindings.
  const fn = new Cons(Q.closure, new Cons(lexical, new Cons(NIL, new Cons(form, NIL))));
  return callFunction(fn, []);
}

import { callFunction } from './funcall.js';
