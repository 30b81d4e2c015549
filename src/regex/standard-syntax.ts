// The standard syntax table of GNU Emacs 28.2, every character from 0 to
// #x3FFFFF (dumped with map-char-table on (standard-syntax-table)).
// Class codes and matching characters per run; lookups by binary search.
import { runIndex } from '../lisp/vector.js';

/** Runs from character 0 up: "length.code" or "length.code.match", numbers base 36. */
const STANDARD_SYNTAX_RUNS =
  '9.1 2.0 1.1 2.0 i.1 1.0 1.1 1.7 1.1 2.2 1.3 1.1 1.4.15 1.5.14 2.3 1.1 1.3 1.1 1.3 a.2 2.1 3.3 2.1 q.2 1.4.2l 1.9 1.5.2j 1.1 1.3 1.1 q.2 1.4.3h 1.3 1.5.3f 2.1 w.2 1.0 1.1 3.3 1.2 1.3 1.1 3.3 1.1 6.3 2.2 1.3 1.2 3.3 1.2 1.3 1.1 3.3 1.1 n.2 1.3 v.2 1.3 cv.2 1.3 1.2 1.3 6.2 1.3 7.2 4.3 1.2 1.3 4m.2 2.3 fs.2 1.1 1.2 1.1 2.2 1.1 2.2 1.1 18.2 2.1 1mi.2 1.3 f.2 1.3 6.2 1.3 8.2 1.3 a.2 2.3 2b.2 1.3 m.2 1.3 1l.2 c.1 1.2 c.1 1.2 6.1 k.2 1.1 1.2 1.1 1.2 8.1 1r.2 1.1 5.2 1.1 1k.2 i.1 pd.2 8.1 2hj.2 c.0 s.1 7.2 1.0 9.1 2.3 9.1 1.3 1.4.6di 1.5.6dh b.1 1.3 c.1 1.0 t.2 1.4.6f2 1.5.6f1 e.2 1.4.6fi 1.5.6fh t.2 1.3 2e.2 1.3 5.2 1.3 c.2 1.1 a.2 2.3 1c.2 2.3 6.2 4.3 1d.2 bd.3 1.4.6y2 1.5.6y1 3t.3 1.4.71x 1.5.71w 4a.3 g.2 f.3 5.2 1u.3 22.2 24.3 1y.2 1.3 d.2 2.3 1.2 7.3 8.2 2.3 2.2 2.3 4.2 2.3 2.2 2.3 4.2 3.3 2.2 1.3 2.2 4.3 t.2 1.3 l.2 2.3 7.2 2.3 c.2 1.3 1.2 1.3 x.2 1.3 1.2 1.3 t.2 2.3 1.2 3.3 1.2 4.3 1.2 2.3 1.2 1.3 6w.2 1.4.7s9 1.5.7s8 1.4.7sb 1.5.7sa 1.4.7sd 1.5.7sc 2.2 1.4.7sh 1.5.7sg 1.4.7sj 1.5.7si 1.4.7sl 1.5.7sk 34.2 1.4.7vr 1.5.7vq 1.4.7vt 1.5.7vs 1.4.7vv 1.5.7vu bb.2 1.4.878 1.5.877 1.4.87a 1.5.879 1.4.87c 1.5.87b 1.4.87e 1.5.87d 1.4.87g 1.5.87f 1.4.87i 1.5.87h 1.4.87k 1.5.87j 1.4.87m 1.5.87l 1.4.87o 1.5.87n 1.4.87q 1.5.87p 1.4.87s 1.5.87r 2r.2 1.4.8al 1.5.8ak 2.2 e8.3 e8.2 3k.1 ao.2 1.0 3.1 4.2 1.4.9hl 1.5.9hk 1.4.9hn 1.5.9hm 1.4.9hp 1.5.9ho 1.4.9hr 1.5.9hq 1.4.9ht 1.5.9hs 2.3 1.4.9hx 1.5.9hw 1.4.9hz 1.5.9hy 1.4.9i1 1.5.9i0 1.4.9i3 1.5.9i2 1.3 66.2 1.1 78.2 t.3 3.2 a.3 1i.2 s.3 2.2 2.3 74.2 5.3 3.2 1v.3 4.2 2.3 2.2 1.3 2.2 1.3 1.2 1.3 2.2 3.3 ni5.2 5.3 g9q.2 1.4.1e0v 1.5.1e0u 6t.2 1.4.1e7q 1.5.1e7p 1.4.1e7s 1.5.1e7r 1.4.1e7u 1.5.1e7t 1.4.1e7w 1.5.1e7v 1.4.1e7y 1.5.1e7x 1.4.1e80 1.5.1e7z 1.4.1e82 1.5.1e81 1.4.1e84 1.5.1e83 k.2 1.4.1e8q 1.5.1e8p 1.4.1e8s 1.5.1e8r 1.4.1e8u 1.5.1e8t 4i.2 3.1 1.3 3.1 1.4.1edl 1.5.1edk 1.1 1.3 4.1 a.2 2.1 3.3 2.1 q.2 1.4.1ef1 1.3 1.5.1eez 3.3 q.2 1.4.1efx 1.3 1.5.1efv 1.3 1.4.1eg0 1.5.1efz 1.1 1.4.1eg3 1.5.1eg2 2.1 3e.2 4.3 1.2 1.3 1dlm.2 5n.3 1h.1 l3b4.2 58.3 fo.2 2m.3 471u.2 58.3 d2.2 2m.3 opc.2 7u.3 qut6.2 58.3 7u.2 58.3 f.2 27.3 f.2 1y.3 y813.2';

/** Run i covers characters up to ends[i], with class codes[i] and matching character matches[i] (-1: none). */
export interface SyntaxRuns {
  readonly ends: Int32Array;
  readonly codes: Uint8Array;
  readonly matches: Int32Array;
}

function decodeRuns(): SyntaxRuns {
  const fields = STANDARD_SYNTAX_RUNS.split(' ');
  const ends = new Int32Array(fields.length);
  const codes = new Uint8Array(fields.length);
  const matches = new Int32Array(fields.length);
  let next = 0;
  fields.forEach((field, i) => {
    const [length, code, match] = field.split('.');
    next += parseInt(length, 36);
    ends[i] = next - 1;
    codes[i] = parseInt(code, 36);
    matches[i] = match === undefined ? -1 : parseInt(match, 36);
  });
  return { ends, codes, matches };
}

export const STANDARD_SYNTAX: SyntaxRuns = decodeRuns();

/** The index of the run holding character C (0 <= C <= #x3FFFFF). */
export function standardRunIndex(c: number): number {
  return runIndex(STANDARD_SYNTAX.ends, c);
}

/** Class codes of ASCII characters, for the fast path. */
export const STANDARD_ASCII = new Uint8Array(128);
for (let c = 0; c < 128; c++) STANDARD_ASCII[c] = STANDARD_SYNTAX.codes[standardRunIndex(c)];
