// Unicode character names, as Emacs 28's `ucs-names' and `char-from-name'
// know them: current names, Unicode 1.0 names, "LAMBDA" for "LAMDA", and the
// algorithmic families (Hangul syllables, CJK ideographs named
// "CJK IDEOGRAPH-XXXX" as Emacs names them, Tangut, Khitan, Nushu, CJK
// compatibility ideographs). The table is decoded on first use only.
import { zlibModule } from '../host/lazy-builtins.js';
import { NAMES_GZ_BASE64, ALGORITHMIC_NAME_RANGES } from './data/unicode-names.js';

/** Name → code, later code points winning, as in Emacs's hash table. */
let byName: Map<string, number> | null = null;
/** Code → current name (not Unicode 1.0 names), for the "-HEX" rule. */
let byCode: Map<number, string> | null = null;

function load(): void {
  const text = zlibModule().gunzipSync(Buffer.from(NAMES_GZ_BASE64, 'base64')).toString('latin1');
  const names = new Map<string, number>();
  const codes = new Map<number, string>();
  let code = 0;
  let prev = '';
  let pos = 0;
  const n = text.length;
  while (pos < n) {
    let eol = text.indexOf('\n', pos);
    if (eol < 0) eol = n;
    let flagAt = pos;
    while (text.charCodeAt(flagAt) !== 32 && text.charCodeAt(flagAt) !== 42) flagAt++;
    code += parseInt(text.slice(pos, flagAt), 16);
    const shared = text.charCodeAt(flagAt + 1) - 48;
    const name = prev.slice(0, shared) + text.slice(flagAt + 2, eol);
    names.set(name, code);
    if (text.charCodeAt(flagAt) === 32) codes.set(code, name);
    prev = name;
    pos = eol + 1;
  }
  byName = names;
  byCode = codes;
}

const HANGUL_BASE = 0xac00;
const HANGUL_LEAD = ['G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', '', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H'];
const HANGUL_VOWEL = [
  'A', 'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI', 'I',
];
const HANGUL_TAIL = [
  '', 'G', 'GG', 'GS', 'N', 'NJ', 'NH', 'D', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'M', 'B', 'BS', 'S', 'SS', 'NG',
  'J', 'C', 'K', 'T', 'P', 'H',
];
const HANGUL_COUNT = HANGUL_LEAD.length * HANGUL_VOWEL.length * HANGUL_TAIL.length;
let hangulByName: Map<string, number> | null = null;

function hangulName(code: number): string {
  const i = code - HANGUL_BASE;
  const perLead = HANGUL_VOWEL.length * HANGUL_TAIL.length;
  return (
    'HANGUL SYLLABLE ' +
    HANGUL_LEAD[Math.floor(i / perLead)] +
    HANGUL_VOWEL[Math.floor((i % perLead) / HANGUL_TAIL.length)] +
    HANGUL_TAIL[i % HANGUL_TAIL.length]
  );
}

function hangulLookup(name: string): number | undefined {
  if (hangulByName === null) {
    hangulByName = new Map();
    for (let c = HANGUL_BASE; c < HANGUL_BASE + HANGUL_COUNT; c++) hangulByName.set(hangulName(c), c);
  }
  return hangulByName.get(name);
}

/** The name Emacs gives a character (its `name' property), or undefined. */
export function characterName(code: number): string | undefined {
  if (byCode === null) load();
  const stored = byCode!.get(code);
  if (stored !== undefined) return stored;
  if (code >= HANGUL_BASE && code < HANGUL_BASE + HANGUL_COUNT) return hangulName(code);
  for (const [prefix, first, last] of ALGORITHMIC_NAME_RANGES) {
    if (code >= first && code <= last) return `${prefix}-${code.toString(16).toUpperCase()}`;
  }
  return undefined;
}

/**
 * The character named NAME, as `(char-from-name NAME IGNORE-CASE)` finds it:
 * the name table first, then names of the form PREFIX-HEXCODE checked against
 * the name of that code.
 */
export function charFromName(name: string, ignoreCase = false): number | undefined {
  if (byName === null) load();
  const key = ignoreCase ? name.toUpperCase() : name;
  const direct = byName!.get(key);
  if (direct !== undefined) return direct;
  if (key.startsWith('HANGUL SYLLABLE ')) {
    const h = hangulLookup(key);
    if (h !== undefined) return h;
  }
  // Emacs tests the "-HEX" suffix with case-fold-search on, whatever IGNORE-CASE says.
  const m = /-([0-9A-Fa-f]+)$/.exec(name);
  if (m === null) return undefined;
  if (/^VARIATION SELECTOR-/i.test(name)) return undefined; // all of them are in the table
  const code = parseInt(m[1], 16);
  if (!(code <= 0x10ffff)) return undefined;
  const actual = characterName(code);
  if (actual === undefined) return undefined;
  return (ignoreCase ? actual === key : actual === name) ? code : undefined;
}
