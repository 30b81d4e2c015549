// syntax.c: syntax tables. A syntax table is a char-table of subtype
// `syntax-table' whose values are raw descriptors (CODE . MATCHING-CHAR),
// CODE being the class plus flag bits from bit 16. The standard table is
// Emacs 28.2's (src/regex/standard-syntax.ts), made into a char-table only
// when Lisp asks for it; every buffer has one (null: the standard one), and
// *scratch* has lisp-interaction-mode's. The regexp engine, the word
// commands and the case functions see the current buffer's table through
// the lookup installed below.
import { type LispObject, LispString, Cons, CharTable, NIL, T, Q, intern, wrongType, argsOutOfRange, error } from '../lisp/index.js';
import { declareModule, defun, defvar, character, any, optional, fixnum } from '../lisp/defun.js';
import { Syn, SYNTAX_DESIGNATORS, syntaxClass, standardSyntaxClass, setSyntaxLookup, syntaxClassFromDesignator } from '../regex/index.js';
import { STANDARD_SYNTAX } from '../regex/standard-syntax.js';
import { currentBuffer, findBuffer, initialBuffers } from '../buffer/buffer.js';
import { charTableRef, charTableSet, charTableSetRange, copyCharTable, makeCharTable, makeCharTableFromBase, isCharacter } from './data.js';

declareModule('syntax');

const Qsyntax_table = intern('syntax-table');
const Qsyntax_table_p = intern('syntax-table-p');

/** Emacs's Vsyntax_code_object: the one descriptor of each class with no match and no flags. */
const CODE_OBJECTS: readonly Cons[] = Array.from(SYNTAX_DESIGNATORS, (_, code) => new Cons(code, NIL));

let standard: CharTable | null = null;
/** The standard table's modiff when made: while it is unchanged, lookups read the runs directly. */
let standardModiff = 0;

export function standardSyntaxTable(): CharTable {
  if (standard !== null) return standard;
  const { ends, codes, matches } = STANDARD_SYNTAX;
  const values = Array.from(codes, (code, i) => (matches[i] < 0 ? CODE_OBJECTS[code] : new Cons(code, matches[i])));
  standard = makeCharTableFromBase(Qsyntax_table, CODE_OBJECTS[Syn.Whitespace], { ends, values });
  standardModiff = standard.modiff;
  return standard;
}

// The ASCII codes (class and flags) of the last table looked up, flattened through its parents; valid while no char-table changed.
const asciiCodes = new Int32Array(128);
let asciiTable: CharTable | null = null;
let asciiEpoch = -1;

function fillAsciiCodes(table: CharTable): void {
  for (let c = 0; c < 128; c++) asciiCodes[c] = descriptorCode(charTableRef(table, c));
  asciiTable = table;
  asciiEpoch = CharTable.epoch;
}

/** The code of a raw descriptor, flags included: nil (and anything else) is whitespace, as in Emacs. */
function descriptorCode(entry: LispObject): number {
  return entry instanceof Cons && typeof entry.car === 'number' ? entry.car : Syn.Whitespace;
}

/** The syntax code of C in the current buffer's table: the class in the low 16 bits, the flags above (see FLAG_BITS). */
export function syntaxCode(c: number): number {
  let table = currentBuffer().syntaxTable;
  if (table === null) {
    if (standard === null || standard.modiff === standardModiff) return standardSyntaxClass(c);
    table = standard;
  } else if (table === standard && table.modiff === standardModiff) return standardSyntaxClass(c);
  if (c < 128) {
    if (table !== asciiTable || CharTable.epoch !== asciiEpoch) fillAsciiCodes(table);
    return asciiCodes[c];
  }
  return descriptorCode(charTableRef(table, c));
}

function currentSyntaxClass(c: number): number {
  return syntaxCode(c) & 0xffff;
}

setSyntaxLookup(currentSyntaxClass);

function isSyntaxTable(x: LispObject): x is CharTable {
  return x instanceof CharTable && x.subtype === Qsyntax_table;
}

function checkSyntaxTable(x: LispObject): CharTable {
  return isSyntaxTable(x) ? x : wrongType(Qsyntax_table_p, x);
}

function currentSyntaxTable(): CharTable {
  return currentBuffer().syntaxTable ?? standardSyntaxTable();
}

/** A table inheriting from PARENT (the standard table by default), as subr.el's make-syntax-table. */
function makeSyntaxTable(parent: CharTable = standardSyntaxTable()): CharTable {
  const table = makeCharTable(Qsyntax_table, NIL, 0);
  table.parent = parent;
  return table;
}

defun('syntax-table-p', [any], (x) => (isSyntaxTable(x) ? T : NIL));
defun('standard-syntax-table', [], () => standardSyntaxTable());
defun('syntax-table', [], () => currentSyntaxTable());

defun('set-syntax-table', [any], (table) => {
  const checked = checkSyntaxTable(table);
  currentBuffer().syntaxTable = checked === standard ? null : checked;
  return table;
});

// Any char-table may be the parent, as subr.el's set-char-table-parent allows.
defun('make-syntax-table', [optional(any)], (oldtable) =>
  makeSyntaxTable(oldtable === NIL ? undefined : oldtable instanceof CharTable ? oldtable : wrongType(Q.char_table_p, oldtable)),
);

defun('copy-syntax-table', [optional(any)], (table) => {
  const copy = copyCharTable(table === NIL ? standardSyntaxTable() : checkSyntaxTable(table));
  // Only the standard table has a default; copies without a parent inherit from it.
  copy.defalt = NIL;
  if (copy.parent === NIL) copy.parent = standardSyntaxTable();
  return copy;
});

/** Flag letters of a descriptor string and their bits. */
export const FLAG_BITS: Record<string, number> = { '1': 1 << 16, '2': 1 << 17, '3': 1 << 18, '4': 1 << 19, p: 1 << 20, b: 1 << 21, n: 1 << 22, c: 1 << 23 };

/** string-to-syntax: the raw descriptor a string such as "()" or ". 124b" describes (nil for "@"). */
export function stringToSyntax(spec: LispString): LispObject {
  const chars = spec.codes();
  const first = chars.length > 0 ? chars[0] : 0;
  const code = syntaxClassFromDesignator(first);
  if (code < 0) return error(`Invalid syntax description letter: ${String.fromCodePoint(first)}`);
  if (code === Syn.Inherit) return NIL;
  const match = chars.length > 1 && chars[1] !== 32 ? chars[1] : NIL;
  let flags = 0;
  for (let i = 2; i < chars.length; i++) flags |= FLAG_BITS[String.fromCharCode(chars[i])] ?? 0;
  if (match === NIL && flags === 0) return CODE_OBJECTS[code];
  return new Cons(code | flags, match);
}

defun('string-to-syntax', [any], (spec) => stringToSyntax(spec instanceof LispString ? spec : wrongType(Q.stringp, spec)));

defun('modify-syntax-entry', [any, any, optional(any)], (c, newentry, tableArg) => {
  if (c instanceof Cons) {
    if (!isCharacter(c.car)) wrongType(Q.characterp, c.car);
    if (!isCharacter(c.cdr)) wrongType(Q.characterp, c.cdr);
  } else if (!isCharacter(c)) wrongType(Q.characterp, c);
  const table = tableArg === NIL ? currentSyntaxTable() : checkSyntaxTable(tableArg);
  if (!(newentry instanceof LispString)) wrongType(Q.stringp, newentry);
  const entry = stringToSyntax(newentry);
  if (c instanceof Cons) charTableSetRange(table, c.car as number, c.cdr as number, entry);
  else charTableSet(table, c as number, entry);
  return NIL;
});

defun('char-syntax', [character], (c) => SYNTAX_DESIGNATORS.charCodeAt(syntaxClass(c)));

defun('matching-paren', [character], (c) => {
  const entry = charTableRef(currentSyntaxTable(), c);
  const code = descriptorCode(entry) & 0xffff;
  return (code === Syn.Open || code === Syn.Close) && entry instanceof Cons ? entry.cdr : NIL;
});

defun('syntax-class-to-char', [fixnum], (n) => {
  if (n < 0 || n >= SYNTAX_DESIGNATORS.length) return argsOutOfRange(SYNTAX_DESIGNATORS.length - 1, n);
  return SYNTAX_DESIGNATORS.charCodeAt(n);
});

// ---- the Lisp modes' tables -------------------------------------------------------------

/** Where lisp-data-mode's table differs from the standard one (all ASCII), as "chars:descriptor" groups. */
const LISP_DATA_SYNTAX: readonly [string, string][] = [
  ['\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f', '_'],
  ['!$%.:?^{}~\x7f', '_'],
  ['\n', '>'],
  [';', '<'],
  ["#',`", "'"],
  ['@', '_ p'],
];

function lispDataSyntaxTable(): CharTable {
  const table = makeSyntaxTable();
  for (const [chars, spec] of LISP_DATA_SYNTAX) {
    const entry = stringToSyntax(new LispString(spec, false));
    for (const ch of chars) charTableSet(table, ch.charCodeAt(0), entry);
  }
  return table;
}

{
  const lispData = lispDataSyntaxTable();
  const emacsLisp = makeSyntaxTable(lispData);
  const lispInteraction = makeSyntaxTable(emacsLisp);
  defvar('lisp-data-mode-syntax-table', lispData);
  defvar('emacs-lisp-mode-syntax-table', emacsLisp);
  defvar('lisp-interaction-mode-syntax-table', lispInteraction);
  initialBuffers();
  const scratch = findBuffer('*scratch*');
  if (scratch !== undefined && scratch.syntaxTable === null) scratch.syntaxTable = lispInteraction;
}
