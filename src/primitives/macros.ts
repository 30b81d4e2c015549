// The macros every program uses (subr.el, backquote.el, gv.el basics),
// written in TypeScript because they are needed before any Lisp can be loaded
// and because their expansion speed matters for eager macroexpansion.
import {
  type LispObject, LispSymbol, Cons, NIL, T, Q, Subr, MANY, LispString, intern, makeSymbol,
  signal, list, listToArray, arrayToList, wrongType, error, TailCheck,
} from '../lisp/index.js';
import { declareModule, defun, any } from '../lisp/defun.js';
import { resolveFunction } from '../eval/analyse.js';

declareModule('macros');

/** Defines NAME as (macro . #<subr NAME>); the body gets the unevaluated arguments. */
function defmacroTs(name: string, min: number, expand: (args: LispObject[]) => LispObject): void {
  const subr = new Subr(name, min, MANY, (args: LispObject[]) => {
    if (args.length < min) signal(Q.wrong_number_of_arguments, list(intern(name), args.length));
    return expand(args);
  });
  intern(name).fn = new Cons(Q.macro, subr);
}

const S = (name: string): LispSymbol => intern(name);
const Qbackquote = S('`');
const Qcomma = S(',');
const Qcomma_at = S(',@');
const Qdefalias = S('defalias');
const Qappend = S('append');
const Qcons = S('cons');
const Qlist = S('list');
const Qvconcat = S('vconcat');
const Qcar = S('car');
const Qcdr = S('cdr');
const Qsetcar = S('setcar');
const Qsetcdr = S('setcdr');
const Qcar_safe = S('car-safe');
const Qnthcdr = S('nthcdr');
const Qaset = S('aset');
const Qputhash = S('puthash');
const Qput = S('put');
const Qset = S('set');
const Qfset = S('fset');
const Qdelq = S('delq');
const Qcl_gv_setter = S('cl--gv-setter');
const Qcl_struct_place = S('cl--struct-place');
const Qcl_struct_rewrite_place = S('cl--struct-rewrite-place');
const Qlt = S('<');
const Qoneplus = S('1+');
const Qdeclare = S('declare');
const Qsetf = S('setf');

const quote = (x: LispObject): LispObject => list(Q.quote, x);

// ---- backquote --------------------------------------------------------------

function isConstantForm(x: LispObject): boolean {
  return !(x instanceof Cons) && !(x instanceof LispSymbol && x !== NIL && x !== T && !x.name.startsWith(':'));
}

/** Expands the body of `X at nesting level (0 = outermost). */
function bq(x: LispObject, level: number): LispObject {
  if (Array.isArray(x)) {
    const inner = bq(arrayToList(x), level);
    if (inner instanceof Cons && inner.car === Q.quote) return quote(x);
    return list(Qvconcat, inner);
  }
  if (!(x instanceof Cons)) return isConstantForm(x) ? x : quote(x);
  if (x.car === Qcomma && x.cdr instanceof Cons) {
    if (level === 0) return (x.cdr as Cons).car;
    return list(Qlist, quote(Qcomma), bq(x.cdr.car, level - 1));
  }
  if (x.car === Qcomma_at && x.cdr instanceof Cons && level > 0) {
    return list(Qlist, quote(Qcomma_at), bq(x.cdr.car, level - 1));
  }
  if (x.car === Qbackquote && x.cdr instanceof Cons) {
    return list(Qlist, quote(Qbackquote), bq(x.cdr.car, level + 1));
  }
  // A list: segments to append; (a . ,b) reads as (a \, b).
  const segments: LispObject[] = [];
  let pending: LispObject[] = [];
  let l: LispObject = x;
  let tail: LispObject = NIL;
  const check = new TailCheck(x);
  while (l instanceof Cons) {
    if (l.car === Qcomma && l.cdr instanceof Cons && l.cdr.cdr === NIL) {
      tail = level === 0 ? l.cdr.car : bq(l, level);
      l = NIL;
      break;
    }
    const e = l.car;
    if (e instanceof Cons && e.car === Qcomma_at && e.cdr instanceof Cons && level === 0) {
      if (pending.length) segments.push(new Cons(Qlist, arrayToList(pending)));
      pending = [];
      segments.push(e.cdr.car);
    } else pending.push(bq(e, level));
    l = l.cdr;
    check.step(l);
  }
  if (l !== NIL) tail = bq(l, level);
  if (pending.length) segments.push(new Cons(Qlist, arrayToList(pending)));
  // Everything constant: quote the original.
  const allQuoted =
    segments.every((s) => s instanceof Cons && s.car === Qlist && listToArray(s.cdr).every((f) => isQuotedOrConst(f))) &&
    isQuotedOrConst(tail);
  if (allQuoted) return quote(x);
  if (tail !== NIL) segments.push(tail);
  else if (segments.length > 0) {
    // The last spliced segment is shared, as Emacs's backquote shares it.
  }
  if (segments.length === 1 && tail === NIL) return segments[0];
  return new Cons(Qappend, arrayToList(segments));
}

function isQuotedOrConst(f: LispObject): boolean {
  return (f instanceof Cons && f.car === Q.quote) || isConstantForm(f);
}

defmacroTs('`', 1, (a) => bq(a[0], 0));
intern('backquote').fn = Qbackquote;

// ---- defining ---------------------------------------------------------------

/** The body without its (declare ...) forms (a docstring or interactive may precede one). */
function stripDeclarations(body: LispObject): LispObject {
  const out: LispObject[] = [];
  let l = body;
  let i = 0;
  const check = new TailCheck(l);
  while (l instanceof Cons) {
    const f = l.car;
    if (!(i <= 1 && f instanceof Cons && f.car === Qdeclare)) out.push(f);
    l = l.cdr;
    check.step(l);
    i++;
  }
  return arrayToList(out);
}

const Qfunction_put = S('function-put');
const Qmake_obsolete = S('make-obsolete');
const declarationProperties: Record<string, string> = {
  indent: 'lisp-indent-function',
  'doc-string': 'doc-string-elt',
  pure: 'pure',
  'side-effect-free': 'side-effect-free',
};

/**
 * The forms Emacs's defun and defmacro add for the (declare ...) of a body:
 * (indent N), (doc-string N), (pure ...) and (side-effect-free ...) become
 * function-put, (obsolete NEW WHEN) make-obsolete and a macro's (debug
 * SPEC) its edebug-form-spec. Other declarations are only for the compiler.
 */
function declarationForms(name: LispSymbol, body: LispObject, macro: boolean): LispObject[] {
  const forms: LispObject[] = [];
  let l = body;
  for (let i = 0; i <= 1 && l instanceof Cons; i++, l = l.cdr) {
    const f = l.car;
    if (!(f instanceof Cons && f.car === Qdeclare)) continue;
    for (let d = f.cdr; d instanceof Cons; d = d.cdr) {
      const decl = d.car;
      if (!(decl instanceof Cons && decl.car instanceof LispSymbol)) continue;
      const kind = decl.car.name;
      const arg = decl.cdr instanceof Cons ? decl.cdr.car : NIL;
      const property = declarationProperties[kind];
      if (property !== undefined) forms.push(list(Qfunction_put, quote(name), quote(S(property)), quote(arg)));
      else if (kind === 'obsolete' && decl.cdr instanceof Cons) {
        const when = decl.cdr.cdr instanceof Cons ? decl.cdr.cdr.car : NIL;
        forms.push(list(Qmake_obsolete, quote(name), quote(arg), quote(when)));
      } else if (kind === 'debug' && macro) {
        forms.push(list(S('progn'), S(':autoload-end'), list(Qput, quote(name), quote(S('edebug-form-spec')), quote(arg))));
      }
    }
  }
  return forms;
}

function withDeclarations(definition: LispObject, name: LispSymbol, body: LispObject, macro: boolean): LispObject {
  const forms = declarationForms(name, body, macro);
  return forms.length === 0 ? definition : list(S('prog1'), definition, ...forms);
}

defmacroTs('defun', 2, (a) => {
  const [name, args] = a;
  if (!(name instanceof LispSymbol)) wrongType(Q.symbolp, name);
  const raw = arrayToList(a.slice(2));
  const body = stripDeclarations(raw);
  return withDeclarations(list(Qdefalias, quote(name), list(Q.function, new Cons(Q.lambda, new Cons(args, body)))), name, raw, false);
});

defmacroTs('defmacro', 2, (a) => {
  const [name, args] = a;
  if (!(name instanceof LispSymbol)) wrongType(Q.symbolp, name);
  const raw = arrayToList(a.slice(2));
  const body = stripDeclarations(raw);
  return withDeclarations(
    list(Qdefalias, quote(name), list(Qcons, quote(Q.macro), list(Q.function, new Cons(Q.lambda, new Cons(args, body))))),
    name,
    raw,
    true,
  );
});

defmacroTs('defsubst', 2, (a) => new Cons(S('defun'), arrayToList(a)));
defmacroTs('define-inline', 2, (a) => new Cons(S('defun'), arrayToList(a)));

defmacroTs('lambda', 0, (a) => list(Q.function, new Cons(Q.lambda, arrayToList(a))));

defmacroTs('declare', 0, () => NIL);

// ---- control --------------------------------------------------------------------

defmacroTs('when', 1, (a) => list(Q.if, a[0], new Cons(Q.progn, arrayToList(a.slice(1)))));
defmacroTs('unless', 1, (a) => new Cons(Q.if, new Cons(a[0], new Cons(NIL, arrayToList(a.slice(1))))));
defmacroTs('prog2', 2, (a) => list(Q.progn, a[0], new Cons(Q.prog1, arrayToList(a.slice(1)))));

defmacroTs('dolist', 1, (a) => {
  const spec = a[0];
  if (!(spec instanceof Cons) || !(spec.cdr instanceof Cons)) wrongType(Q.listp, spec);
  const v = spec.car;
  const tail = makeSymbol('tail');
  const body = arrayToList(a.slice(1));
  const result = spec.cdr.cdr;
  const loop = list(
    Q.while,
    tail,
    new Cons(Q.let, new Cons(list(list(v, list(Qcar, tail))), appendForms(body, list(list(Q.setq, tail, list(Qcdr, tail)))))),
  );
  // Emacs 28 evaluates RESULT with VAR unbound (lexical) / not rebound.
  return new Cons(Q.let, new Cons(list(list(tail, spec.cdr.car)), arrayToList([loop], result)));
});

defmacroTs('dotimes', 1, (a) => {
  const spec = a[0];
  if (!(spec instanceof Cons) || !(spec.cdr instanceof Cons)) wrongType(Q.listp, spec);
  const v = spec.car;
  const counter = makeSymbol('counter');
  const upper = makeSymbol('upper');
  const body = arrayToList(a.slice(1));
  const result = spec.cdr.cdr;
  const loop = list(
    Q.while,
    list(Qlt, counter, upper),
    new Cons(Q.let, new Cons(list(list(v, counter)), body)),
    list(Q.setq, counter, list(Qoneplus, counter)),
  );
  const forms: LispObject[] = [loop];
  if (result instanceof Cons) forms.push(new Cons(Q.let, new Cons(list(list(v, counter)), result)));
  return new Cons(Q.let, new Cons(list(list(upper, spec.cdr.car), list(counter, 0)), arrayToList(forms)));
});

function appendForms(a: LispObject, b: LispObject): LispObject {
  return arrayToList(listToArray(a), b);
}

// ---- places -----------------------------------------------------------------------

const Qgv_expander = S('gv-expander');
const Qgv_invalid_place = S('gv-invalid-place');

/** A function object made on the fly: the setters and DO functions that gv's expanders call. */
function fnObject(name: string, min: number, body: (args: LispObject[]) => LispObject): Subr {
  return new Subr(name, min, MANY, (args: LispObject[]) => {
    if (args.length < min) signal(Q.wrong_number_of_arguments, list(intern(name), args.length));
    return body(args);
  });
}

/** The heads setPlace knows itself; any other head may be defined in lisp/gv.el. */
const builtinPlaceHeads = new Set([
  'car', 'cdr', 'caar', 'cadr', 'cdar', 'cddr', 'nth', 'nthcdr', 'elt', 'aref', 'gethash', 'get', 'symbol-value',
  'symbol-function', 'symbol-plist', 'default-value', 'plist-get', 'alist-get', 'process-get', 'buffer-local-value',
  'point', 'match-data', 'overlay-get', 'terminal-parameter', 'frame-parameter', 'progn', 'let', 'let*', 'if',
]);
let gvLibraryLoaded = false;

/** HEAD's gv-expander (gv-define-expander), loading lisp/gv.el first if HEAD may be one of its places. */
function placeExpander(head: LispSymbol): LispObject {
  const expander = getProp(head, Qgv_expander);
  if (expander !== NIL || gvLibraryLoaded || builtinPlaceHeads.has(head.name)) return expander;
  gvLibraryLoaded = true;
  callFunction(S('require'), [S('gv')]);
  return getProp(head, Qgv_expander);
}

/** The place PLACE's head names when it is an alias of another function (cl-first for car...), else null. */
function aliasedPlace(place: Cons): Cons | null {
  const head = place.car as LispSymbol;
  let f = head.fn;
  if (f instanceof Cons && f.car === Q.autoload) {
    autoloadHooks.load(f.cdr instanceof Cons ? f.cdr.car : NIL);
    f = head.fn;
  }
  return f instanceof LispSymbol && f !== NIL ? new Cons(f, place.cdr) : null;
}

/**
 * PLACE when it is a form whose value is that of its last subform, with each
 * such result place P replaced by STORE(P): (progn ... P), (let BINDINGS ... P),
 * (let* ...), (if TEST P ... P). Null for any other form.
 */
function mapResultPlaces(place: Cons, store: (p: LispObject) => LispObject): LispObject | null {
  const head = place.car;
  const forms = listToArray(place.cdr);
  const withLast = (body: LispObject[]): LispObject => arrayToList([...body.slice(0, -1), store(body[body.length - 1])]);
  if (head === Q.progn && forms.length > 0) return new Cons(Q.progn, withLast(forms));
  if ((head === Q.let || head === Q.let_star) && forms.length > 1) return new Cons(head, new Cons(forms[0], withLast(forms.slice(1))));
  if (head === Q.if && forms.length > 2) return new Cons(Q.if, new Cons(forms[0], new Cons(store(forms[1]), withLast(forms.slice(2)))));
  return null;
}

/** The form that stores VALUE into PLACE (simple places of gv.el). */
export function setPlace(place: LispObject, value: LispObject): LispObject {
  if (place instanceof LispSymbol) return list(Q.setq, place, value);
  if (!(place instanceof Cons) || !(place.car instanceof LispSymbol)) signal(Q.error, list(new LispString('Bad place', false), place));
  const head = place.car;
  const expander = placeExpander(head);
  if (expander !== NIL) {
    const store = fnObject('gv--store', 2, (a) => callFunction(a[1], [value]));
    return callFunction(expander, [store, ...listToArray(place.cdr)]);
  }
  const branched = mapResultPlaces(place, (p) => setPlace(p, value));
  if (branched !== null) return branched;
  // Places defined in Lisp: gv-define-setter and structure accessors (lisp/cl-struct.el).
  const gvSetter = getProp(head, Qcl_gv_setter);
  if (gvSetter !== NIL) return callFunction(gvSetter, [value, place.cdr]);
  if (getProp(head, Qcl_struct_place) !== NIL) return setPlace(callFunction(Qcl_struct_rewrite_place, [place]), value);
  const args = listToArray(place.cdr);
  switch (head.name) {
    case 'car':
      return list(Qsetcar, args[0], value);
    case 'cdr':
      return list(Qsetcdr, args[0], value);
    case 'caar':
      return list(Qsetcar, list(Qcar, args[0]), value);
    case 'cadr':
      return list(Qsetcar, list(Qcdr, args[0]), value);
    case 'cdar':
      return list(Qsetcdr, list(Qcar, args[0]), value);
    case 'cddr':
      return list(Qsetcdr, list(Qcdr, args[0]), value);
    case 'nth':
      return list(Qsetcar, list(Qnthcdr, args[0], args[1]), value);
    case 'nthcdr':
      return list(Qsetcdr, list(Qnthcdr, list(S('1-'), args[0]), args[1]), value);
    case 'elt':
      return list(S('internal--set-elt'), args[0], args[1], value);
    case 'aref':
      return list(Qaset, args[0], args[1], value);
    case 'gethash':
      return list(Qputhash, args[0], value, args[1]);
    case 'get':
      return list(Qput, args[0], args[1], value);
    case 'symbol-value':
      return list(Qset, args[0], value);
    case 'symbol-function':
      return list(Qfset, args[0], value);
    case 'symbol-plist':
      return list(S('setplist'), args[0], value);
    case 'default-value':
      return list(S('set-default'), args[0], value);
    case 'plist-get': {
      // As gv.el does: change the value in place, or put PROP and V in front.
      const [plist, prop, predicate] = args;
      const key = makeSymbol('k');
      const cell = makeSymbol('p');
      const v = makeSymbol('v');
      const member = predicate === undefined ? list(S('plist-member'), plist, key) : list(S('plist-member'), plist, key, predicate);
      return list(
        Q.let_star,
        list(list(key, prop), list(cell, list(Qcdr, member)), list(v, value)),
        list(Q.if, cell, list(Qsetcar, cell, v), setPlace(plist, list(Qcons, key, list(Qcons, v, plist)))),
        v,
      );
    }
    case 'alist-get': {
      // (setf (alist-get KEY ALIST DEFAULT REMOVE TESTFN) V), as gv.el expands it.
      const [key, alist, dflt = NIL, remove = NIL, testfn = NIL] = args;
      const k = makeSymbol('k');
      const p = makeSymbol('p');
      const v = makeSymbol('v');
      const lookup =
        testfn === NIL ? list(S('assq'), k, alist) : list(S('assoc'), k, alist, testfn);
      const store = list(
        Q.if,
        p,
        list(Qsetcdr, p, v),
        setPlace(alist, list(Qcons, list(Q.setq, p, list(Qcons, k, v)), alist)),
      );
      const body =
        remove === NIL
          ? store
          : list(
              Q.if,
              list(Q.and, remove, list(S('eql'), v, dflt)),
              list(Q.if, p, setPlace(alist, list(Qdelq, p, alist))),
              store,
            );
      return list(Q.let_star, list(list(k, key), list(p, lookup), list(v, value)), body, v);
    }
    case 'process-get':
      return list(S('process-put'), args[0], args[1], value);
    case 'buffer-local-value':
      return list(S('internal--set-buffer-local-value'), args[0], args[1], value);
    case 'point':
      return list(S('goto-char'), value);
    case 'match-data':
      return list(S('set-match-data'), value);
    case 'overlay-get':
      return list(S('overlay-put'), args[0], args[1], value);
    case 'terminal-parameter':
    case 'frame-parameter':
      return value;
  }
  const f = resolveFunction(head);
  if (f instanceof Cons && f.car === Q.macro) {
    const expanded = macroexpandOnce(place);
    if (expanded !== place) return setPlace(expanded, value);
  }
  const aliased = aliasedPlace(place);
  if (aliased !== null) return setPlace(aliased, value);
  error(`${head.name} is not a valid place expression`);
}

/**
 * gv.el's gv-get: calls (DO GETTER SETTER), GETTER being a form that reads
 * PLACE and SETTER a function from a value form to a form storing it, with
 * PLACE's arguments evaluated once; returns the form DO made, wrapped in
 * what binds those arguments.
 */
defun('gv-get', [any, any], (place, doFn) => {
  if (place instanceof LispSymbol) {
    return callFunction(doFn, [place, fnObject('gv--setter', 1, (a) => list(Q.setq, place, a[0]))]);
  }
  if (!(place instanceof Cons) || !(place.car instanceof LispSymbol)) signal(Qgv_invalid_place, list(place));
  const expander = placeExpander(place.car);
  if (expander !== NIL) return callFunction(expander, [doFn, ...listToArray(place.cdr)]);
  const once = placeOnce(place);
  const [bindings, access] = once ?? [[], place];
  const form = callFunction(doFn, [access, fnObject('gv--setter', 1, (a) => setPlace(access, a[0]))]);
  return bindings.length === 0 ? form : list(Q.let_star, arrayToList(bindings), form);
});

import { macroexpand1, getProp } from './eval.js';
import { callFunction, autoloadHooks } from '../eval/funcall.js';
function macroexpandOnce(form: LispObject): LispObject {
  return macroexpand1(form, NIL)[0];
}

defmacroTs('setf', 0, (a) => {
  if (a.length % 2 !== 0) signal(Q.wrong_number_of_arguments, list(Qsetf, a.length));
  const forms: LispObject[] = [];
  for (let i = 0; i < a.length; i += 2) forms.push(setPlace(a[i], a[i + 1]));
  return forms.length === 1 ? forms[0] : new Cons(Q.progn, arrayToList(forms));
});

/** Places whose arguments are plain values, so gv binds them once to temporaries. */
const valueArgPlaces = new Set(['car', 'cdr', 'caar', 'cadr', 'cdar', 'cddr', 'aref', 'gethash', 'get', 'elt', 'symbol-value', 'symbol-plist', 'symbol-function', 'process-get', 'default-value']);

function isConstantArg(x: LispObject): boolean {
  return isConstantForm(x) || (x instanceof Cons && x.car === Q.quote);
}

/**
 * How gv.el reads and writes PLACE evaluating its arguments once:
 * [let* bindings, an access form over the temporaries], or null for a
 * symbol or a place whose arguments are places themselves.
 */
function placeOnce(place: LispObject): [LispObject[], LispObject] | null {
  if (!(place instanceof Cons) || !(place.car instanceof LispSymbol)) return null;
  const head = place.car;
  const args = listToArray(place.cdr);
  if (head.name === 'nth' && args.length === 2) {
    const c = makeSymbol('c');
    return [[list(c, list(Qnthcdr, args[0], args[1]))], list(Qcar, c)];
  }
  const lispDefined = getProp(head, Qcl_gv_setter) !== NIL || getProp(head, Qcl_struct_place) !== NIL;
  if (!valueArgPlaces.has(head.name) && !lispDefined) return null;
  const bindings: LispObject[] = [];
  const access = args.map((arg) => {
    if (isConstantArg(arg)) return arg;
    const v = makeSymbol('v');
    bindings.push(list(v, arg));
    return v;
  });
  return [bindings, new Cons(head, arrayToList(access))];
}

/** Stores (UPDATE old-value) into PLACE, evaluating its arguments once, as gv does. */
function updatePlace(place: LispObject, update: (access: LispObject) => LispObject): LispObject {
  if (place instanceof Cons && place.car instanceof LispSymbol) {
    const expander = placeExpander(place.car);
    if (expander !== NIL) {
      const store = fnObject('gv--update', 2, (a) => callFunction(a[1], [update(a[0])]));
      return callFunction(expander, [store, ...listToArray(place.cdr)]);
    }
    const branched = mapResultPlaces(place, (p) => updatePlace(p, update));
    if (branched !== null) return branched;
  }
  const once = placeOnce(place);
  if (once === null) return setPlace(place, update(place));
  const [bindings, access] = once;
  return list(Q.let_star, arrayToList(bindings), setPlace(access, update(access)));
}

defmacroTs('push', 2, (a) => {
  const [x, place] = a;
  return updatePlace(place, (access) => list(Qcons, x, access));
});

defmacroTs('pop', 1, (a) => {
  const place = a[0];
  const once = placeOnce(place);
  if (once === null) return list(Qcar_safe, list(Q.prog1, place, setPlace(place, list(Qcdr, place))));
  const [bindings, access] = once;
  const x = makeSymbol('x');
  return list(
    Qcar_safe,
    list(Q.let_star, arrayToList([...bindings, list(x, access)]), list(Q.prog1, x, setPlace(access, list(Qcdr, x)))),
  );
});

defmacroTs('setq-default', 0, (a) => {
  const forms: LispObject[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) forms.push(list(S('set-default'), quote(a[i]), a[i + 1]));
  return forms.length === 1 ? forms[0] : new Cons(Q.progn, arrayToList(forms));
});

defmacroTs('setq-local', 0, (a) => {
  const forms: LispObject[] = [];
  for (let i = 0; i + 1 < a.length; i += 2) {
    forms.push(list(Qset, list(S('make-local-variable'), quote(a[i])), a[i + 1]));
  }
  return forms.length === 1 ? forms[0] : new Cons(Q.progn, arrayToList(forms));
});

defmacroTs('defvar-local', 2, (a) =>
  list(Q.progn, new Cons(Q.defvar, arrayToList(a)), list(S('make-variable-buffer-local'), quote(a[0]))),
);

// As cl-lib expands them: (1+ x) for a variable without an amount, (+ PLACE N) otherwise.
defmacroTs('cl-incf', 1, (a) =>
  a[0] instanceof LispSymbol && a.length < 2
    ? setPlace(a[0], list(Qoneplus, a[0]))
    : updatePlace(a[0], (access) => list(S('+'), access, a.length > 1 ? a[1] : 1)),
);
defmacroTs('cl-decf', 1, (a) =>
  a[0] instanceof LispSymbol && a.length < 2
    ? setPlace(a[0], list(S('1-'), a[0]))
    : updatePlace(a[0], (access) => list(S('-'), access, a.length > 1 ? a[1] : 1)),
);

