// Directory listings: Emacs's dired.c (directory-files,
// directory-files-and-attributes, file-name-completion and
// file-name-all-completions) and files.el's directory-files-recursively.
//
// Listings come in the order the file system returns them (opendir), with
// "." and ".." first, so that NOSORT and COUNT behave as in Emacs.
import * as fs from 'node:fs';
import {
  type LispObject, LispString, LispSignal, Cons, NIL, T, Q, UNBOUND, intern, signal, list, arrayToList, wrongType, listToArray,
} from '../lisp/index.js';
import { defun, declareModule, defvar, optional, any } from '../lisp/defun.js';
import { symbolValue } from '../eval/state.js';
import { getProperty } from './errors.js';
import { funcall } from '../eval/index.js';
import {
  expandFileName, fileNameAsDirectory, directoryFileName, fileAttributes, reportFileError, lispString,
} from './fileio.js';

declareModule('dired');

const Qwholenump = intern('wholenump');
const Qcase_fold_search = intern('case-fold-search');
const Qcompletion_ignore_case = intern('completion-ignore-case');
const Qcompletion_ignored_extensions = intern('completion-ignored-extensions');
const Qstring_match = intern('string-match');
const Qfile_error = Q.file_error;

// ---- regexps on file names --------------------------------------------------------

/**
 * Matches a file name against an Emacs regexp (string-match semantics, no
 * match data). The regexp engine installs its own with setFileNameMatcher;
 * until then a translation to JavaScript regexps covers the usual syntax.
 */
export type FileNameMatcher = (regexp: LispString, name: LispString, foldCase: boolean) => boolean;

let fileNameMatcher: FileNameMatcher | null = null;

export function setFileNameMatcher(m: FileNameMatcher | null): void {
  fileNameMatcher = m;
}

const translated = new Map<string, RegExp | null>();

function regexpMatches(regexp: LispString, name: LispString, foldCase: boolean): boolean {
  if (fileNameMatcher !== null) return fileNameMatcher(regexp, name, foldCase);
  const key = (foldCase ? 'i' : 'c') + regexp.value;
  let re = translated.get(key);
  if (re === undefined) {
    const source = translateRegexp(regexp.value);
    re = source === null ? null : new RegExp(source, foldCase ? 'iu' : 'u');
    translated.set(key, re);
  }
  if (re !== null) return re.test(name.value);
  // A construct the translation doesn't know: ask string-match if it exists.
  const sm = Qstring_match.fn;
  if (sm !== null && sm !== undefined && sm !== NIL) return funcall(Qstring_match, [regexp, name]) !== NIL;
  return signal(Q.error, list(lispString(`Regexp not supported before the regexp engine is loaded: ${regexp.value}`)));
}

const CLASS_SOURCE: Record<string, string> = {
  alpha: '\\p{L}',
  alnum: '\\p{L}\\p{N}',
  digit: '0-9',
  xdigit: '0-9A-Fa-f',
  space: '\\s',
  blank: ' \\t',
  upper: '\\p{Lu}',
  lower: '\\p{Ll}',
  punct: '!-\\/:-@\\[-`{-~',
  cntrl: '\\x00-\\x1f',
  ascii: '\\x00-\\x7f',
  nonascii: '\\u0080-\\u{10ffff}',
  word: '\\p{L}\\p{N}',
  print: ' -~\\u00a0-\\u{10ffff}',
  graph: '!-~\\u00a1-\\u{10ffff}',
};

/** Emacs regexp syntax to JavaScript (u flag); null for what it can't express. */
function translateRegexp(re: string): string | null {
  const chars = [...re];
  let out = '';
  let i = 0;
  // Where ^ is an anchor and * is literal: at the start and after \( or \|.
  let atStart = true;
  while (i < chars.length) {
    const c = chars[i];
    const wasStart: boolean = atStart;
    atStart = false;
    if (c === '\\') {
      const d = chars[i + 1];
      i += 2;
      switch (d) {
        case undefined:
          return null;
        case '(':
          if (chars[i] === '?' && chars[i + 1] === ':') {
            out += '(?:';
            i += 2;
          } else out += '(';
          atStart = true;
          break;
        case ')':
          out += ')';
          break;
        case '|':
          out += '|';
          atStart = true;
          break;
        case '`':
          out += '^';
          atStart = wasStart;
          break;
        case "'":
          out += '$';
          break;
        case '{': {
          const close = chars.indexOf('\\', i);
          if (close < 0 || chars[close + 1] !== '}') return null;
          const body = chars.slice(i, close).join('');
          if (!/^\d*(,\d*)?$/.test(body)) return null;
          out += '{' + (body.startsWith(',') ? '0' + body : body || '0') + '}';
          i = close + 2;
          break;
        }
        case 'w':
          out += '[\\p{L}\\p{N}]';
          break;
        case 'W':
          out += '[^\\p{L}\\p{N}]';
          break;
        case 's':
        case 'S': {
          const cls = chars[i++];
          const neg = d === 'S';
          if (cls === '-' || cls === ' ') out += neg ? '\\S' : '\\s';
          else if (cls === 'w') out += neg ? '[^\\p{L}\\p{N}]' : '[\\p{L}\\p{N}]';
          else if (cls === '_') out += neg ? '[^_$&*+\\-<>\\/]' : '[_$&*+\\-<>\\/]';
          else if (cls === '.') out += neg ? '[^\\p{P}]' : '\\p{P}';
          else return null;
          break;
        }
        case 'b':
          out += '\\b';
          break;
        case 'B':
          out += '\\B';
          break;
        case '<':
          out += '\\b(?=[\\p{L}\\p{N}])';
          break;
        case '>':
          out += '\\b(?<=[\\p{L}\\p{N}])';
          break;
        default:
          if (d >= '1' && d <= '9') out += '\\' + d;
          else if (/^[A-Za-z]$/.test(d)) return null;
          else out += escapeJs(d);
      }
      continue;
    }
    if (c === '[') {
      const end = translateBracket(chars, i);
      if (end === null) return null;
      out += end[0];
      i = end[1];
      continue;
    }
    if (c === '^') {
      out += wasStart ? '^' : '\\^';
      if (wasStart) atStart = true;
      i++;
      continue;
    }
    if (c === '$') {
      const rest = chars.slice(i + 1).join('');
      const anchor = rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|');
      out += anchor ? '(?=\\n|$)' : '\\$';
      i++;
      continue;
    }
    if (c === '*' || c === '+' || c === '?') {
      if (wasStart) {
        out += '\\' + c;
        i++;
        continue;
      }
      out += c;
      i++;
      // Non-greedy forms *? +? ?? are the same in both syntaxes.
      if (chars[i] === '?') {
        out += '?';
        i++;
      }
      continue;
    }
    if (c === '.') {
      out += '[^\\n]';
      i++;
      continue;
    }
    out += escapeJs(c);
    i++;
  }
  try {
    new RegExp(out, 'u');
  } catch {
    return null;
  }
  return out;
}

function escapeJs(c: string): string {
  return /[\\^$.*+?()[\]{}|/-]/.test(c) ? '\\' + c : c;
}

function translateBracket(chars: string[], i: number): [string, number] | null {
  let out = '[';
  i++;
  if (chars[i] === '^') {
    out += '^\\n';
    i++;
  }
  let first = true;
  while (i < chars.length && (chars[i] !== ']' || first)) {
    first = false;
    if (chars[i] === '[' && chars[i + 1] === ':') {
      const close = chars.indexOf(':', i + 2);
      if (close < 0 || chars[close + 1] !== ']') return null;
      const cls = CLASS_SOURCE[chars.slice(i + 2, close).join('')];
      if (cls === undefined) return null;
      out += cls;
      i = close + 2;
      continue;
    }
    const c = chars[i];
    if (chars[i + 1] === '-' && chars[i + 2] !== undefined && chars[i + 2] !== ']') {
      out += escapeClassChar(c) + '-' + escapeClassChar(chars[i + 2]);
      i += 3;
      continue;
    }
    out += escapeClassChar(c);
    i++;
  }
  if (i >= chars.length) return null;
  return [out + ']', i + 1];
}

function escapeClassChar(c: string): string {
  return /[\\\]\[^-]/.test(c) ? '\\' + c : c;
}

// ---- reading directories -------------------------------------------------------------

/** The entries of dir in file system order, "." and ".." first; errors as Emacs reports them. */
function readDirectory(dir: string, errorName: string): string[] {
  let handle: fs.Dir;
  try {
    handle = fs.opendirSync(dir);
  } catch (e) {
    return reportFileError(e, 'Opening directory', errorName);
  }
  const names = ['.', '..'];
  try {
    for (let entry = handle.readSync(); entry !== null; entry = handle.readSync()) names.push(entry.name);
  } catch (e) {
    reportFileError(e, 'Reading directory', errorName);
  } finally {
    handle.closeSync();
  }
  return names;
}

/** string< on file names: by character code. */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      // Surrogate pairs encode characters above every BMP character.
      const xs = x >= 0xd800 && x <= 0xdfff;
      const ys = y >= 0xd800 && y <= 0xdfff;
      if (xs !== ys) return xs ? 1 : -1;
      return x - y;
    }
  }
  return a.length - b.length;
}

function countArg(count: LispObject): number {
  if (count === NIL) return Infinity;
  if (typeof count === 'bigint' && count >= 0n) return Infinity;
  if (typeof count !== 'number' || count < 0) return wrongType(Qwholenump, count);
  return count;
}

function stringArg(x: LispObject): LispString {
  return x instanceof LispString ? x : wrongType(Q.stringp, x);
}

/** The names directory-files would list: [directory as given, expanded directory, names]. */
function listDirectory(directory: LispObject, match: LispObject, nosort: LispObject, count: LispObject): [string, string[]] {
  const given = stringArg(directory);
  if (match !== NIL) stringArg(match);
  const max = countArg(count);
  const dir = expandFileName(given.value);
  const names: string[] = [];
  if (max === 0) return [dir, names];
  for (const name of readDirectory(dir, dir)) {
    if (match instanceof LispString && !regexpMatches(match, lispString(name), false)) continue;
    names.push(name);
    if (names.length >= max) break;
  }
  if (nosort === NIL) names.sort(compareNames);
  return [dir, names];
}

defun('directory-files', [any, optional(any), optional(any), optional(any), optional(any)], (directory, full, match, nosort, count) => {
  const [dir, names] = listDirectory(directory, match, nosort, count);
  const prefix = full !== NIL ? fileNameAsDirectory(dir) : '';
  return arrayToList(names.map((n) => lispString(prefix + n)));
});

defun('directory-files-and-attributes', [any, optional(any), optional(any), optional(any), optional(any), optional(any)],
  (directory, full, match, nosort, idFormat, count) => {
    const [dir, names] = listDirectory(directory, match, nosort, count);
    const asDir = fileNameAsDirectory(dir);
    return arrayToList(names.map((n) => new Cons(lispString(full !== NIL ? asDir + n : n), fileAttributes(asDir + n, idFormat))));
  });

// ---- completion ----------------------------------------------------------------------

if (Qcompletion_ignored_extensions.value === UNBOUND) {
  defvar('completion-ignored-extensions', arrayToList([
    '.o', '~', '.bin', '.lbin', '.so', '.a', '.ln', '.blg', '.bbl', '.elc', '.lof', '.glo', '.idx', '.lot', '.svn/', '.hg/',
    '.git/', '.bzr/', 'CVS/', '_darcs/', '_MTN/', '.fmt', '.tfm', '.class', '.fas', '.lib', '.mem', '.x86f', '.sparcf',
    '.dfsl', '.pfsl', '.d64fsl', '.p64fsl', '.lx64fsl', '.lx32fsl', '.dx64fsl', '.dx32fsl', '.fx64fsl', '.fx32fsl',
    '.sx64fsl', '.sx32fsl', '.wx64fsl', '.wx32fsl', '.fasl', '.ufsl', '.fsl', '.dxl', '.lo', '.la', '.gmo', '.mo', '.toc',
    '.aux', '.cp', '.fn', '.ky', '.pg', '.tp', '.vr', '.cps', '.fns', '.kys', '.pgs', '.tps', '.vrs', '.pyc', '.pyo',
  ].map((s) => lispString(s))));
}
if (Qcompletion_ignore_case.value === UNBOUND) defvar('completion-ignore-case', NIL);

function variableTrue(sym: typeof Qcase_fold_search): boolean {
  try {
    return symbolValue(sym) !== NIL;
  } catch {
    return false;
  }
}

interface Candidate {
  /** The name with "/" appended for a directory. */
  text: string;
  /** ".", ".." or an ignored extension: used only when nothing else matches. */
  excludable: boolean;
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** Matches of file in directory, most recent file system entry first (as Emacs conses them). */
function completionCandidates(file: string, directory: LispString, withIgnored: boolean): Candidate[] {
  const dir = expandFileName(directory.value);
  const asDir = fileNameAsDirectory(dir);
  const fold = variableTrue(Qcompletion_ignore_case);
  const prefix = fold ? file.toLowerCase() : file;
  const ignored: string[] = [];
  if (withIgnored) {
    const v = symbolValue(Qcompletion_ignored_extensions);
    for (const e of listToArray(v)) if (e instanceof LispString) ignored.push(e.value);
  }
  const out: Candidate[] = [];
  for (const name of readDirectory(dir, expandFileName(directory.value))) {
    if (!(fold ? name.toLowerCase() : name).startsWith(prefix)) continue;
    const isDir = isDirectory(asDir + name);
    const text = isDir ? name + '/' : name;
    let excludable = name === '.' || name === '..';
    if (!excludable && withIgnored) {
      for (const ext of ignored) {
        const applies = ext.endsWith('/') ? isDir && text.endsWith(ext) : !isDir && name.endsWith(ext);
        if (applies && name.length > file.length) {
          excludable = true;
          break;
        }
      }
    }
    out.unshift({ text, excludable });
  }
  return out;
}

defun('file-name-all-completions', [any, any], (file, directory) => {
  const f = stringArg(file).value;
  const cands = completionCandidates(f, stringArg(directory), false);
  return arrayToList(cands.map((c) => lispString(c.text)));
});

defun('file-name-completion', [any, any, optional(any)], (file, directory, predicate) => {
  const f = stringArg(file).value;
  const dirArg = stringArg(directory);
  let cands = completionCandidates(f, dirArg, true);
  if (predicate !== NIL) {
    const asDir = fileNameAsDirectory(expandFileName(dirArg.value));
    cands = cands.filter((c) => funcall(predicate, [lispString(asDir + c.text.replace(/\/$/, ''))]) !== NIL);
  }
  const kept = cands.some((c) => !c.excludable) ? cands.filter((c) => !c.excludable) : cands;
  if (kept.length === 0) return NIL;
  const fold = variableTrue(Qcompletion_ignore_case);
  let best = kept[0].text;
  for (const c of kept) {
    let k = 0;
    const n = Math.min(best.length, c.text.length);
    while (k < n && (fold ? best[k].toLowerCase() === c.text[k].toLowerCase() : best[k] === c.text[k])) k++;
    best = best.slice(0, k);
  }
  if (kept.length === 1 && best === f) return T;
  return lispString(best);
});

// ---- directory-files-recursively (files.el) ----------------------------------------------

function isSymlink(file: string): boolean {
  try {
    return fs.lstatSync(file).isSymbolicLink();
  } catch {
    return false;
  }
}

export function directoryFilesRecursively(
  directory: string,
  regexp: LispString,
  includeDirectories: boolean,
  predicate: LispObject,
  followSymlinks: boolean,
): string[] {
  const dir = directoryFileName(directory);
  const result: string[] = [];
  const files: string[] = [];
  const entries = completionCandidates('', lispString(dir), false).map((c) => c.text).sort(compareNames);
  const fold = variableTrue(Qcase_fold_search);
  for (const file of entries) {
    if (file === './' || file === '../') continue;
    if (file.endsWith('/')) {
      const leaf = file.slice(0, -1);
      const full = dir + '/' + leaf;
      if ((!isSymlink(full) || followSymlinks) && (predicate === NIL || predicate === T || funcall(predicate, [lispString(full)]) !== NIL)) {
        let sub: string[];
        if (predicate === T) {
          try {
            sub = directoryFilesRecursively(full, regexp, includeDirectories, predicate, followSymlinks);
          } catch (e) {
            if (!isFileError(e)) throw e;
            sub = [];
          }
        } else sub = directoryFilesRecursively(full, regexp, includeDirectories, predicate, followSymlinks);
        for (const s of sub) result.push(s);
      }
      if (includeDirectories && regexpMatches(regexp, lispString(leaf), fold)) result.push(full);
    } else if (regexpMatches(regexp, lispString(file), fold)) files.push(dir + '/' + file);
  }
  for (const f of files) result.push(f);
  return result;
}

function isFileError(e: unknown): boolean {
  if (!(e instanceof LispSignal)) return false;
  const conditions = getProperty(e.symbol, Q.error_conditions);
  for (let l: LispObject = conditions; l instanceof Cons; l = l.cdr) if (l.car === Qfile_error) return true;
  return false;
}

defun('directory-files-recursively', [any, any, optional(any), optional(any), optional(any)],
  (directory, regexp, includeDirectories, predicate, followSymlinks) => {
    const d = stringArg(directory).value;
    const re = stringArg(regexp);
    return arrayToList(directoryFilesRecursively(d, re, includeDirectories !== NIL, predicate, followSymlinks !== NIL).map((s) => lispString(s)));
  });
