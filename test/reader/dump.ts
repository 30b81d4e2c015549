// A structural dump of Lisp objects, the same as test/reader's Emacs-side
// dumper prints, so reader results can be compared with Emacs exactly.
import {
  type LispObject, LispSymbol, Cons, LispString, LispFloat, LispRecord, BoolVector, LispHashTable, internSoft,
} from '../../src/lisp/index.js';

function cFloat(x: number): string {
  if (Number.isNaN(x)) {
    const f = new Float64Array([x]);
    return new Uint8Array(f.buffer)[7] & 0x80 ? '-nan' : 'nan';
  }
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  const [mant, exp] = Math.abs(x).toExponential(17).split('e');
  const e = Number(exp);
  const sign = x < 0 || Object.is(x, -0) ? '-' : '';
  return `${sign}${mant}e${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

export function dump(x: LispObject): string {
  if (typeof x === 'number' || typeof x === 'bigint') return String(x);
  if (x instanceof LispFloat) return 'F' + cFloat(x.value);
  if (x instanceof LispSymbol) return (internSoft(x.name) === x ? 'S' : 'U') + JSON.stringify(x.name);
  if (x instanceof LispString) {
    const codes = x.codes();
    return (x.multibyte ? 'M' : 'B') + (codes.length ? `(${codes.join(' ')})` : 'nil');
  }
  if (x instanceof Cons) return `(${dump(x.car)} . ${dump(x.cdr)})`;
  if (Array.isArray(x)) return `[${x.map(dump).join(' ')}]`;
  if (x instanceof BoolVector) return `#&${x.bits.length ? `(${[...x.bits].join(' ')})` : 'nil'}`;
  if (x instanceof LispRecord) return `#s[${x.slots.map(dump).join(' ')}]`;
  if (x instanceof LispHashTable) {
    const parts: string[] = [];
    x.forEach((k, v) => parts.push(dump(k), dump(v)));
    return `#h(${x.test.name.name} ${x.size} ${parts.join(' ')})`;
  }
  return '?';
}
