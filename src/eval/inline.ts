// Calls of the commonest builtins, compiled with their fast case inline: each
// gets a closure of its own, so V8 sees one operation with its own type
// feedback instead of a call through a shared, megamorphic call site. The
// builtin's meaning stays: the code checks on every call that the function
// cell still holds the builtin (else it takes the general call), and any
// case off the fast path (other types, overflow, errors) calls the builtin
// itself, recording the backtrace frame as a general call does. None of these
// builtins calls Lisp, so the frame is noted for the signal it may raise
// (noteBuiltinCall) rather than added by a catch on the way out.
import { type LispObject, type LispSymbol, Cons, NIL, T, Subr, MANY, LispHashTable, LispString } from '../lisp/index.js';
import { CompiledClosure } from './closure.js';
import type { Code, Frame } from './ir.js';
import { noteFrame, noteBuiltinCall, dropExitFrame } from './funcall.js';
import { quitCell, signalQuit } from './state.js';
import { directEntry } from './compile.js';

type Fast1 = (a: LispObject) => LispObject;
type Fast2 = (a: LispObject, b: LispObject) => LispObject;
type Fast3 = (a: LispObject, b: LispObject, c: LispObject) => LispObject;

const MAX_SAFE = Number.MAX_SAFE_INTEGER;

function call1(entry: Fast1, a: LispObject, sym: LispSymbol, form: Cons): LispObject {
  noteBuiltinCall(sym, form, 1, a, NIL, NIL);
  const v = entry(a);
  dropExitFrame();
  return v;
}

function call2(entry: Fast2, a: LispObject, b: LispObject, sym: LispSymbol, form: Cons): LispObject {
  noteBuiltinCall(sym, form, 2, a, b, NIL);
  const v = entry(a, b);
  dropExitFrame();
  return v;
}

function call3(entry: Fast3, a: LispObject, b: LispObject, c: LispObject, sym: LispSymbol, form: Cons): LispObject {
  noteBuiltinCall(sym, form, 3, a, b, c);
  const v = entry(a, b, c);
  dropExitFrame();
  return v;
}

/**
 * An argument that is a variable of the running frame (slot >= 0) or a
 * constant (value non-null) is fetched directly: one megamorphic call less.
 */
export interface Operand {
  readonly slot: number;
  readonly value: LispObject | null;
}

/**
 * Inline code for (SYM ARGS...) when SYM's function is a builtin handled
 * here; generic is the general call, used whenever the cell changes.
 */
export function inlineBuiltin(
  f: Subr, sym: LispSymbol, args: Code[], operands: Operand[], form: Cons, generic: Code,
): Code | null {
  if (f.name === 'funcall') return inlineFuncall(f, sym, args, form, generic);
  const entry = directEntry(f, args.length);
  if (entry === null) return null;
  if (args.length === 1) return inline1(f.name, f, sym, args[0], operands[0], form, generic, entry as Fast1);
  if (args.length === 2) {
    return inline2(f.name, f, sym, args[0], args[1], operands[0], operands[1], form, generic, entry as Fast2);
  }
  if (args.length === 3) return inline3(f.name, f, sym, args[0], args[1], args[2], form, generic, entry as Fast3);
  return null;
}

function inline1(name: string, f: Subr, sym: LispSymbol, c0: Code, o0: Operand, form: Cons, generic: Code, entry: Fast1): Code | null {
  const s0 = o0.slot;
  const k0 = o0.value;
  switch (name) {
    case '1+':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (typeof a === 'number' && a < MAX_SAFE) return a + 1;
        return call1(entry, a, sym, form);
      };
    case '1-':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (typeof a === 'number' && a > -MAX_SAFE) return a - 1;
        return call1(entry, a, sym, form);
      };
    case 'car':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (a instanceof Cons) return a.car;
        if (a === NIL) return NIL;
        return call1(entry, a, sym, form);
      };
    case 'cdr':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (a instanceof Cons) return a.cdr;
        if (a === NIL) return NIL;
        return call1(entry, a, sym, form);
      };
    case 'car-safe':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        return a instanceof Cons ? a.car : NIL;
      };
    case 'cdr-safe':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        return a instanceof Cons ? a.cdr : NIL;
      };
    case 'abs':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (typeof a === 'number') return a < 0 ? -a : a;
        return call1(entry, a, sym, form);
      };
    case 'length':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (Array.isArray(a)) return a.length;
        // Proper lists of modest length; the builtin handles the rest (and signals).
        let n = 0;
        let l: LispObject = a;
        while (l instanceof Cons && n < 100000) {
          n++;
          l = l.cdr;
        }
        if (l === NIL) return n;
        return call1(entry, a, sym, form);
      };
    case 'cadr':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (a instanceof Cons) {
          const d = a.cdr;
          if (d instanceof Cons) return d.car;
          if (d === NIL) return NIL;
        } else if (a === NIL) return NIL;
        return call1(entry, a, sym, form);
      };
    case 'cddr':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (a instanceof Cons) {
          const d = a.cdr;
          if (d instanceof Cons) return d.cdr;
          if (d === NIL) return NIL;
        } else if (a === NIL) return NIL;
        return call1(entry, a, sym, form);
      };
    case 'caar':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        if (a instanceof Cons) {
          const d = a.car;
          if (d instanceof Cons) return d.car;
          if (d === NIL) return NIL;
        } else if (a === NIL) return NIL;
        return call1(entry, a, sym, form);
      };
    case 'null':
    case 'not':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        return (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) === NIL ? T : NIL;
      };
    case 'consp':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        return (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) instanceof Cons ? T : NIL;
      };
  }
  return null;
}

function inline2(
  name: string, f: Subr, sym: LispSymbol, c0: Code, c1: Code, o0: Operand, o1: Operand, form: Cons, generic: Code, entry: Fast2,
): Code | null {
  const s0 = o0.slot;
  const k0 = o0.value;
  const s1 = o1.slot;
  const k1 = o1.value;
  switch (name) {
    case '+':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a + b;
          if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        }
        return call2(entry, a, b, sym, form);
      };
    case '-':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a - b;
          if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        }
        return call2(entry, a, b, sym, form);
      };
    case '*':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') {
          const r = a * b;
          // An integer zero has no sign (0 * -5 is -0 in JS).
          if (r <= MAX_SAFE && r >= -MAX_SAFE) return r === 0 ? 0 : r;
        }
        return call2(entry, a, b, sym, form);
      };
    case '/':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
          // Truncating integer division, exactly (a / b alone could round up).
          const q = (a - (a % b)) / b;
          return q === 0 ? 0 : q;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'mod':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
          let r = a % b;
          if (r === 0) return 0;
          if (r < 0 !== b < 0) r += b;
          return r;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'logand':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a & b;
        return call2(entry, a, b, sym, form);
      };
    case 'logior':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a | b;
        return call2(entry, a, b, sym, form);
      };
    case 'logxor':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && (a | 0) === a && (b | 0) === b) return a ^ b;
        return call2(entry, a, b, sym, form);
      };
    case 'ash':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && b > -53 && b < 53) {
          // Multiplying or dividing by a power of two is exact; a right shift rounds down.
          if (b <= 0) return Math.floor(a / 2 ** -b);
          const r = a * 2 ** b;
          if (r <= MAX_SAFE && r >= -MAX_SAFE) return r;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'max':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return b > a ? b : a;
        return call2(entry, a, b, sym, form);
      };
    case 'min':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return b < a ? b : a;
        return call2(entry, a, b, sym, form);
      };
    case 'memq':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        let l = b;
        for (let n = 0; l instanceof Cons && n < 100000; n++, l = l.cdr) if (l.car === a) return l;
        if (l === NIL) return NIL;
        return call2(entry, a, b, sym, form);
      };
    case '%':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number' && b !== 0) {
          const r = a % b;
          return r === 0 ? 0 : r;
        }
        return call2(entry, a, b, sym, form);
      };
    case '<':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return a < b ? T : NIL;
        return call2(entry, a, b, sym, form);
      };
    case '>':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return a > b ? T : NIL;
        return call2(entry, a, b, sym, form);
      };
    case '<=':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return a <= b ? T : NIL;
        return call2(entry, a, b, sym, form);
      };
    case '>=':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return a >= b ? T : NIL;
        return call2(entry, a, b, sym, form);
      };
    case '=':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (typeof a === 'number' && typeof b === 'number') return a === b ? T : NIL;
        return call2(entry, a, b, sym, form);
      };
    case 'eq':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        return a === (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) ? T : NIL;
      };
    case 'cons':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        return new Cons(a, (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject);
      };
    case 'nth':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        // Short walks only: the builtin handles huge counts on circular lists.
        if (typeof a === 'number' && a < 10000) {
          let l = b;
          for (let i = 0; i < a && l instanceof Cons; i++) l = l.cdr;
          if (l instanceof Cons) return l.car;
          if (l === NIL) return NIL;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'gethash':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (b instanceof LispHashTable) {
          const v = b.get(a);
          return v === undefined ? NIL : v;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'remhash':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (b instanceof LispHashTable) {
          b.remove(a);
          return NIL;
        }
        return call2(entry, a, b, sym, form);
      };
    case 'aref':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        if (Array.isArray(a) && typeof b === 'number' && b >= 0 && b < a.length) return a[b] as LispObject;
        // A string's character, as a checksum loop over (buffer-substring ...) reads them.
        if (a instanceof LispString && typeof b === 'number') {
          const c = a.codeAt(b);
          if (c >= 0) return c;
        }
        return call2(entry, a, b, sym, form);
      };
  }
  return null;
}

function inline3(
  name: string, f: Subr, sym: LispSymbol, c0: Code, c1: Code, c2: Code, form: Cons, generic: Code, entry: Fast3,
): Code | null {
  switch (name) {
    case 'aset':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = c0(fr);
        const b = c1(fr);
        const c = c2(fr);
        if (Array.isArray(a) && typeof b === 'number' && b >= 0 && b < a.length) {
          a[b] = c;
          return c;
        }
        return call3(entry, a, b, c, sym, form);
      };
    case 'gethash':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = c0(fr);
        const b = c1(fr);
        const c = c2(fr);
        if (b instanceof LispHashTable) {
          const v = b.get(a);
          return v === undefined ? c : v;
        }
        return call3(entry, a, b, c, sym, form);
      };
    case 'puthash':
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const a = c0(fr);
        const b = c1(fr);
        const c = c2(fr);
        // A full table may grow by a fixed increment: the builtin knows.
        if (c instanceof LispHashTable && c.count < c.size) {
          c.put(a, b);
          return b;
        }
        return call3(entry, a, b, c, sym, form);
      };
  }
  return null;
}

/** (funcall F ARGS...): an interpreted function is called positionally, without the argument arrays. */
function inlineFuncall(f: Subr, sym: LispSymbol, args: Code[], form: Cons, generic: Code): Code | null {
  const fn = f.fn as (args: LispObject[]) => LispObject;
  switch (args.length) {
    case 1: {
      const [c0] = args;
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const g = c0(fr);
        try {
          return g instanceof CompiledClosure ? g.call0() : fn([g]);
        } catch (e) {
          throw noteFrame(e, sym, [g], form);
        }
      };
    }
    case 2: {
      const [c0, c1] = args;
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const g = c0(fr);
        const a = c1(fr);
        try {
          return g instanceof CompiledClosure ? g.call1(a) : fn([g, a]);
        } catch (e) {
          throw noteFrame(e, sym, [g, a], form);
        }
      };
    }
    case 3: {
      const [c0, c1, c2] = args;
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const g = c0(fr);
        const a = c1(fr);
        const b = c2(fr);
        try {
          return g instanceof CompiledClosure ? g.call2(a, b) : fn([g, a, b]);
        } catch (e) {
          throw noteFrame(e, sym, [g, a, b], form);
        }
      };
    }
  }
  return null;
}

/**
 * (if (OP ARGS...) THEN ELSE) with OP a comparison (or eq, null, not): the
 * test is computed in the if's own closure, so there is no call for it.
 * When the cell no longer holds the builtin, the compiled test runs instead.
 */
export function inlineTest(
  f: Subr, sym: LispSymbol, args: Code[], operands: Operand[], form: Cons,
  entry: (...args: LispObject[]) => LispObject, test: Code, then: Code, els: Code,
): Code | null {
  if (args.length === 1) {
    const [c0] = args;
    const s0 = operands[0].slot;
    const k0 = operands[0].value;
    switch (f.name) {
      case 'null':
      case 'not':
        return (fr) => {
          if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
          return (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) === NIL ? then(fr) : els(fr);
        };
    }
    return null;
  }
  const [c0, c1] = args;
  const s0 = operands[0].slot;
  const k0 = operands[0].value;
  const s1 = operands[1].slot;
  const k1 = operands[1].value;
  const e2 = entry as Fast2;
  switch (f.name) {
    case 'eq':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        return a === (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) ? then(fr) : els(fr);
      };
    case '<':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        const yes = typeof a === 'number' && typeof b === 'number' ? a < b : call2(e2, a, b, sym, form) !== NIL;
        return yes ? then(fr) : els(fr);
      };
    case '>':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        const yes = typeof a === 'number' && typeof b === 'number' ? a > b : call2(e2, a, b, sym, form) !== NIL;
        return yes ? then(fr) : els(fr);
      };
    case '<=':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        const yes = typeof a === 'number' && typeof b === 'number' ? a <= b : call2(e2, a, b, sym, form) !== NIL;
        return yes ? then(fr) : els(fr);
      };
    case '>=':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        const yes = typeof a === 'number' && typeof b === 'number' ? a >= b : call2(e2, a, b, sym, form) !== NIL;
        return yes ? then(fr) : els(fr);
      };
    case '=':
      return (fr) => {
        if (sym.fn !== f) return test(fr) !== NIL ? then(fr) : els(fr);
        const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
        const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
        const yes = typeof a === 'number' && typeof b === 'number' ? a === b : call2(e2, a, b, sym, form) !== NIL;
        return yes ? then(fr) : els(fr);
      };
  }
  return null;
}

/**
 * (while (OP A B) BODY...) with OP one of < <= > >=: the test is computed in
 * the loop's own closure. C-g is noticed on the back-edge, as in every while.
 */
export function inlineLoop(
  f: Subr, sym: LispSymbol, args: Code[], operands: Operand[], form: Cons, entry: Fast2, test: Code, body: Code,
): Code | null {
  const [c0, c1] = args;
  const s0 = operands[0].slot;
  const k0 = operands[0].value;
  const s1 = operands[1].slot;
  const k1 = operands[1].value;
  switch (f.name) {
    case '<':
      return (fr) => {
        for (;;) {
          let yes: boolean;
          if (sym.fn === f) {
            const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
            const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
            yes = typeof a === 'number' && typeof b === 'number' ? a < b : call2(entry, a, b, sym, form) !== NIL;
          } else yes = test(fr) !== NIL;
          if (!yes) return NIL;
          body(fr);
          if (quitCell[0] !== 0) signalQuit();
        }
      };
    case '<=':
      return (fr) => {
        for (;;) {
          let yes: boolean;
          if (sym.fn === f) {
            const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
            const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
            yes = typeof a === 'number' && typeof b === 'number' ? a <= b : call2(entry, a, b, sym, form) !== NIL;
          } else yes = test(fr) !== NIL;
          if (!yes) return NIL;
          body(fr);
          if (quitCell[0] !== 0) signalQuit();
        }
      };
    case '>':
      return (fr) => {
        for (;;) {
          let yes: boolean;
          if (sym.fn === f) {
            const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
            const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
            yes = typeof a === 'number' && typeof b === 'number' ? a > b : call2(entry, a, b, sym, form) !== NIL;
          } else yes = test(fr) !== NIL;
          if (!yes) return NIL;
          body(fr);
          if (quitCell[0] !== 0) signalQuit();
        }
      };
    case '>=':
      return (fr) => {
        for (;;) {
          let yes: boolean;
          if (sym.fn === f) {
            const a = (s0 >= 0 ? fr[s0] : k0 ?? c0(fr)) as LispObject;
            const b = (s1 >= 0 ? fr[s1] : k1 ?? c1(fr)) as LispObject;
            yes = typeof a === 'number' && typeof b === 'number' ? a >= b : call2(entry, a, b, sym, form) !== NIL;
          } else yes = test(fr) !== NIL;
          if (!yes) return NIL;
          body(fr);
          if (quitCell[0] !== 0) signalQuit();
        }
      };
  }
  return null;
}

/*
 * (+ A B C ...), (max A B C ...) and the like with three or more arguments:
 * the general call builds an argument array every time. Here each value is
 * folded into an accumulator as it comes; it is also stored in a scratch
 * slot of the frame (a frame is per call, so recursion through this form
 * cannot clobber it), and the first value off the fast path (not a fixnum,
 * an inexact intermediate sum...) sends the call to the builtin with all the
 * arguments, the rest evaluated then, in order, each once.
 */
const enum Fold {
  Add,
  Sub,
  Mul,
  Max,
  Min,
  And,
  Ior,
  Xor,
}

const FOLDS = new Map<string, Fold>([
  ['+', Fold.Add],
  ['-', Fold.Sub],
  ['*', Fold.Mul],
  ['max', Fold.Max],
  ['min', Fold.Min],
  ['logand', Fold.And],
  ['logior', Fold.Ior],
  ['logxor', Fold.Xor],
]);

export function inlineFold(
  f: Subr, sym: LispSymbol, args: Code[], operands: Operand[], form: Cons, generic: Code, scratch: () => number,
): Code | null {
  const op = FOLDS.get(f.name);
  const n = args.length;
  if (op === undefined || n < 3 || f.max !== MANY) return null;
  const base = scratch();
  const fn = f.fn as (args: LispObject[]) => LispObject;
  const slots = operands.map((o) => o.slot);
  const consts = operands.map((o) => o.value);
  /** Evaluates the arguments from i on and calls the builtin with them all. */
  const slow = (fr: Frame, i: number): LispObject => {
    for (; i < n; i++) fr[base + i] = slots[i] >= 0 ? fr[slots[i]] : consts[i] ?? args[i](fr);
    const vals = new Array<LispObject>(n);
    for (let k = 0; k < n; k++) vals[k] = fr[base + k] as LispObject;
    try {
      return fn(vals);
    } catch (e) {
      throw noteFrame(e, sym, vals, form);
    }
  };
  // One literal per operation, so that each has its own type feedback.
  switch (op) {
    case Fold.Add:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          const r = acc + v;
          if (!(r <= MAX_SAFE && r >= -MAX_SAFE)) return slow(fr, i + 1);
          acc = r;
        }
        return acc;
      };
    case Fold.Sub:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          const r = acc - v;
          if (!(r <= MAX_SAFE && r >= -MAX_SAFE)) return slow(fr, i + 1);
          acc = r;
        }
        return acc;
      };
    case Fold.Mul:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          const r = acc * v;
          if (!(r <= MAX_SAFE && r >= -MAX_SAFE)) return slow(fr, i + 1);
          // An integer zero has no sign (0 * -5 is -0 in JS).
          acc = r === 0 ? 0 : r;
        }
        return acc;
      };
    case Fold.Max:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          if (v > acc) acc = v;
        }
        return acc;
      };
    case Fold.Min:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          if (v < acc) acc = v;
        }
        return acc;
      };
    case Fold.And:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          if ((acc | 0) !== acc || (v | 0) !== v) return slow(fr, i + 1);
          acc &= v;
        }
        return acc;
      };
    case Fold.Ior:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          if ((acc | 0) !== acc || (v | 0) !== v) return slow(fr, i + 1);
          acc |= v;
        }
        return acc;
      };
    case Fold.Xor:
      return (fr) => {
        if (sym.fn !== f) return generic(fr);
        const s0 = slots[0];
        const first = (fr[base] = s0 >= 0 ? fr[s0] : consts[0] ?? args[0](fr));
        if (typeof first !== 'number') return slow(fr, 1);
        let acc: number = first;
        for (let i = 1; i < n; i++) {
          const s = slots[i];
          const v = (fr[base + i] = s >= 0 ? fr[s] : consts[i] ?? args[i](fr));
          if (typeof v !== 'number') return slow(fr, i + 1);
          if ((acc | 0) !== acc || (v | 0) !== v) return slow(fr, i + 1);
          acc ^= v;
        }
        return acc;
      };
  }
}
