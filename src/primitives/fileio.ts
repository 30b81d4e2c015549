// Files: Emacs's fileio.c and the file-name functions of files.el, with
// synchronous Node APIs (this code runs in the interpreter's worker
// thread). Errors carry Emacs's data: (file-missing ACTION "No such file
// or directory" FILE...), (file-already-exists "File exists" FILE), ...
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  type LispObject, LispString, LispSignal, Cons, NIL, T, Q, UNBOUND, intern, signal, list, error, wrongType,
  arrayToList, listToArray, normalizeBig, setCar,
} from '../lisp/index.js';
import { defun, defunRest, declareModule, defvar, optional, any, string, bool } from '../lisp/defun.js';
import { symbolValue, setSymbolValue } from '../eval/state.js';
import { setLocalZone, timeToList, decodeTime } from './timefns.js';

declareModule('fileio');

const Qdefault_directory = intern('default-directory');
const Qprocess_environment = intern('process-environment');
const Qfilenamep = intern('filenamep');
const Qsequencep = intern('sequencep');
const Qfixnump = intern('fixnump');
const Qframep = intern('framep');
const Qnofollow = intern('nofollow');
const Qstring = intern('string');
const Qtemporary_file_directory = intern('temporary-file-directory');
const Quser_emacs_directory = intern('user-emacs-directory');

/** The directory Emacs started in, for a relative HOME. */
const startupDirectory = process.cwd();

export function lispString(s: string): LispString {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return new LispString(s, true);
  return new LispString(s, false);
}

function stringArg(x: LispObject): LispString {
  return x instanceof LispString ? x : wrongType(Q.stringp, x);
}

// ---- errors ------------------------------------------------------------------

const ERRNO_TEXT: Record<string, string> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  EXDEV: 'Invalid cross-device link',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  EMFILE: 'Too many open files',
  ENFILE: 'Too many open files in system',
  EIO: 'Input/output error',
  ETXTBSY: 'Text file busy',
  EMLINK: 'Too many links',
  EFBIG: 'File too large',
  EDQUOT: 'Disk quota exceeded',
};

export function errnoCode(e: unknown): string {
  return typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string' ? (e as { code: string }).code : '';
}

/**
 * Signals the error Emacs's report_file_errno gives for a failed system
 * call: file-missing for ENOENT, permission-denied for EACCES,
 * file-already-exists (without the action) for EEXIST, else file-error.
 */
export function reportFileError(e: unknown, action: string, ...files: string[]): never {
  const code = errnoCode(e);
  const text = lispString(ERRNO_TEXT[code] ?? (code || String((e as Error)?.message ?? e)));
  const names = files.map(lispString);
  if (code === 'EEXIST') return signal(Q.file_already_exists, list(text, ...names));
  const sym = code === 'ENOENT' ? Q.file_missing : code === 'EACCES' ? Q.permission_denied : Q.file_error;
  return signal(sym, list(lispString(action), text, ...names));
}

/** Runs a file system call, turning a Node error into Emacs's file error. */
function attempt<R>(action: string, files: string[], fn: () => R): R {
  try {
    return fn();
  } catch (e) {
    if (errnoCode(e)) reportFileError(e, action, ...files);
    throw e;
  }
}

function alreadyExists(file: string): never {
  return signal(Q.file_already_exists, list(lispString('File already exists'), lispString(file)));
}

// ---- environment ---------------------------------------------------------------

function initialEnvironment(): LispObject {
  // Emacs lists the environment in reverse order of environ.
  const entries = Object.entries(process.env).map(([k, v]) => lispString(`${k}=${v ?? ''}`));
  entries.reverse();
  return arrayToList(entries);
}

{
  let environment: LispObject | null = null;
  if (Qprocess_environment.value === UNBOUND) defvar('process-environment', (environment = initialEnvironment()));
  // Emacs's initial-environment is a copy-sequence of it: the strings are shared.
  if (intern('initial-environment').value === UNBOUND) {
    defvar('initial-environment', environment === null ? initialEnvironment() : arrayToList(listToArray(environment)));
  }
}

/** The value of an environment variable as Lisp sees it (process-environment), or null. */
export function getenvInternal(name: string): string | null {
  let env: LispObject = symbolValue(Qprocess_environment);
  const n = name.length;
  while (env instanceof Cons) {
    const entry = env.car;
    if (entry instanceof LispString) {
      const s = entry.value;
      if (s.startsWith(name) && (s.length === n || s.charCodeAt(n) === 61 /* = */)) {
        return s.length === n ? null : s.slice(n + 1);
      }
    }
    env = env.cdr;
  }
  return null;
}

/** setenv-internal on process-environment: replace the first entry in place, else push. */
function setenvInternal(name: string, value: string | null): void {
  const entryText = value === null ? name : `${name}=${value}`;
  let env: LispObject = symbolValue(Qprocess_environment);
  const head = env;
  while (env instanceof Cons && env.car instanceof LispString) {
    const s = env.car.value;
    if (s.startsWith(name) && (s.length === name.length || s.charCodeAt(name.length) === 61)) {
      setCar(env, lispString(entryText));
      return;
    }
    env = env.cdr;
  }
  setSymbolValue(Qprocess_environment, new Cons(lispString(entryText), head));
}

defun('getenv', [any, optional(any)], (variable, frame) => {
  const name = stringArg(variable);
  if (frame !== NIL) wrongType(Qframep, frame);
  const v = getenvInternal(name.value);
  return v === null ? NIL : new LispString(v, true);
});

// getenv-internal is what env.el's getenv calls in Emacs.
defun('getenv-internal', [string, optional(any)], (variable, env) => {
  if (env instanceof Cons) {
    const n = variable.value;
    for (let l: LispObject = env; l instanceof Cons; l = l.cdr) {
      const e = l.car;
      if (e instanceof LispString && e.value.startsWith(n) && (e.value.length === n.length || e.value.charCodeAt(n.length) === 61)) {
        return e.value.length === n.length ? NIL : lispString(e.value.slice(n.length + 1));
      }
    }
    return NIL;
  }
  const v = getenvInternal(variable.value);
  return v === null ? NIL : lispString(v);
});

defun('setenv', [any, optional(any), optional(any)], (variable, value, substitute) => {
  const name = stringArg(variable);
  if (value !== NIL && !(value instanceof LispString)) wrongType(Qsequencep, value);
  if (name.value.includes('=')) error(`Environment variable name \u2018${name.value}\u2019 contains \u2018=\u2019`);
  let text = value instanceof LispString ? value.value : null;
  if (text !== null && substitute !== NIL) text = substituteEnvVars(text);
  setenvInternal(name.value, text);
  if (name.value === 'TZ') setLocalZone(text === null ? NIL : lispString(text));
  return text === null ? NIL : value instanceof LispString && text === value.value ? value : lispString(text);
});

/** $VAR and ${VAR} replaced by their values; undefined ones are kept as written. */
function substituteEnvVars(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (c !== '$') {
      out += c;
      i++;
      continue;
    }
    if (s[i + 1] === '$') {
      out += '$';
      i += 2;
      continue;
    }
    let name: string;
    let end: number;
    if (s[i + 1] === '{') {
      const close = s.indexOf('}', i + 2);
      if (close < 0 || close === i + 2) {
        out += c;
        i++;
        continue;
      }
      name = s.slice(i + 2, close);
      end = close + 1;
    } else {
      const m = /^[A-Za-z0-9_]+/.exec(s.slice(i + 1));
      if (!m) {
        out += c;
        i++;
        continue;
      }
      name = m[0];
      end = i + 1 + name.length;
    }
    const v = getenvInternal(name);
    out += v === null ? s.slice(i, end) : v;
    i = end;
  }
  return out;
}

// ---- users and home directories --------------------------------------------------

interface PasswdEntry {
  name: string;
  uid: number;
  home: string;
}

function readColonFile(file: string): string[][] {
  try {
    return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(':'));
  } catch {
    return [];
  }
}

let passwdCache: PasswdEntry[] | null = null;
function passwd(): PasswdEntry[] {
  if (passwdCache === null) passwdCache = readColonFile('/etc/passwd').map((f) => ({ name: f[0], uid: Number(f[2]), home: f[5] ?? '' }));
  return passwdCache;
}

let groupCache: Map<number, string> | null = null;
function groupName(gid: number): string | null {
  if (groupCache === null) {
    groupCache = new Map();
    for (const f of readColonFile('/etc/group')) groupCache.set(Number(f[2]), f[0]);
  }
  return groupCache.get(gid) ?? null;
}

function userName(uid: number): string | null {
  const e = passwd().find((p) => p.uid === uid);
  if (e) return e.name;
  if (process.getuid && uid === process.getuid()) return os.userInfo().username;
  return null;
}

/** The home directory of a named user, or null when there is no such user. */
function userHome(user: string): string | null {
  const e = passwd().find((p) => p.name === user);
  if (e) return e.home;
  try {
    const info = os.userInfo();
    if (info.username === user) return info.homedir;
  } catch {
    // no user database entry
  }
  return null;
}

/** The user's home directory as Emacs computes it: $HOME (from process-environment), else the password entry. */
export function homeDirectory(): string {
  let home = getenvInternal('HOME');
  if (home === null) {
    try {
      home = os.userInfo().homedir;
    } catch {
      home = '';
    }
  }
  if (home.startsWith('/')) return home;
  return startupDirectory.replace(/\/$/, '') + '/' + home;
}

// ---- file names -------------------------------------------------------------------

/** The current buffer's default-directory, or "/" when it is not a string. */
export function defaultDirectory(): string {
  const d = symbolValue(Qdefault_directory);
  return d instanceof LispString ? d.value : '/';
}

/** Collapses "//", "/./" and "/../" the way Emacs's expand-file-name does. */
function normalizeAbsolute(s: string): string {
  let out = '';
  let i = 0;
  const n = s.length;
  // A leading "//" (but not "///") is kept: it may name a network root.
  if (s.charCodeAt(0) === 47 && s.charCodeAt(1) === 47 && s.charCodeAt(2) !== 47) {
    out = '/';
    i = 1;
  }
  while (i < n) {
    if (s.charCodeAt(i) === 47) {
      const c1 = s.charCodeAt(i + 1);
      if (c1 === 46 /* . */) {
        const c2 = s.charCodeAt(i + 2);
        if (i + 2 === n || c2 === 47) {
          if (out === '' && i + 2 === n) out = '/';
          i += 2;
          continue;
        }
        if (c2 === 46 && (i + 3 === n || s.charCodeAt(i + 3) === 47) && out !== '') {
          let o = out.length;
          while (o > 0) {
            o--;
            if (out.charCodeAt(o) === 47) break;
          }
          // Keep the root slash only when nothing follows.
          if (o === 0 && out.charCodeAt(0) === 47 && i + 3 === n) o = 1;
          out = out.slice(0, o);
          i += 3;
          continue;
        }
      } else if (c1 === 47) {
        i++;
        continue;
      }
    }
    const next = s.indexOf('/', i + 1);
    const end = next < 0 ? n : next;
    out += s.slice(i, end);
    i = end;
  }
  return out;
}

/** Does name start with "~" or "~user" naming a known home directory? */
function tildeHome(name: string): [string, string] | null {
  if (name.charCodeAt(0) !== 126 /* ~ */) return null;
  const slash = name.indexOf('/');
  const end = slash < 0 ? name.length : slash;
  if (end === 1) return [homeDirectory(), name.slice(1)];
  const home = userHome(name.slice(1, end));
  return home === null ? null : [home, name.slice(end)];
}

/** Emacs's expand-file-name: an absolute, normalized file name. */
export function expandFileName(name: string, dir: LispObject = NIL): string {
  if (name.includes('\0')) wrongType(Qfilenamep, lispString(name));
  let newdir: string | null = null;
  let nm = name;
  const tilde = tildeHome(nm);
  if (tilde !== null) {
    [newdir, nm] = tilde;
  } else if (nm.charCodeAt(0) !== 47) {
    let d: string;
    if (dir === NIL) d = defaultDirectory();
    else d = dir instanceof LispString ? dir.value : '/';
    if (d.charCodeAt(0) !== 47 && tildeHome(d) === null) {
      // A relative default directory is taken relative to the buffer's.
      const base = defaultDirectory();
      d = expandFileName(d, lispString(base.charCodeAt(0) === 47 || tildeHome(base) ? base : '/'));
    } else if (d.charCodeAt(0) !== 47) {
      d = expandFileName(d, lispString('/'));
    }
    newdir = d;
  }
  let target: string;
  if (newdir !== null) {
    let len = newdir.length;
    while (len > 1 && newdir.charCodeAt(len - 1) === 47 && !(len === 2 && newdir.charCodeAt(0) === 47)) len--;
    const base = newdir.slice(0, len);
    const sep = nm !== '' && nm.charCodeAt(0) !== 47 && base.charCodeAt(base.length - 1) !== 47 ? '/' : '';
    target = base + sep + nm;
  } else target = nm;
  return normalizeAbsolute(target);
}

export function fileNameDirectory(s: string): string | null {
  const i = s.lastIndexOf('/');
  return i < 0 ? null : s.slice(0, i + 1);
}

export function fileNameNondirectory(s: string): string {
  return s.slice(s.lastIndexOf('/') + 1);
}

export function fileNameAsDirectory(s: string): string {
  if (s === '') return './';
  return s.endsWith('/') ? s : s + '/';
}

export function directoryFileName(s: string): string {
  let end = s.length;
  while (end > 0 && s.charCodeAt(end - 1) === 47) end--;
  if (end === 0 && s.length > 0) return s.length === 2 ? '//' : '/';
  return s.slice(0, end);
}

const VERSION_SUFFIX = /(?:~|\.~[-\p{L}\p{N}:#@^._]+(?:~\p{Nd}+)?~)$/u;

function fileNameSansVersions(s: string): string {
  const m = VERSION_SUFFIX.exec(s);
  return m ? s.slice(0, m.index) : s;
}

/** Index of the extension's dot in a nondirectory name, or -1 (a leading dot doesn't count). */
function extensionDot(file: string): number {
  const dot = file.lastIndexOf('.');
  return dot > 0 ? dot : -1;
}

function fileNameSansExtension(name: string): string {
  const file = fileNameSansVersions(fileNameNondirectory(name));
  const dot = extensionDot(file);
  if (dot < 0) return name;
  const dir = fileNameDirectory(name);
  return (dir ?? '') + file.slice(0, dot);
}

function fileNameAbsoluteP(s: string): boolean {
  return s.charCodeAt(0) === 47 || tildeHome(s) !== null;
}

/** Expands name relative to default-directory (the usual first step of file primitives). */
function expandArg(x: LispObject): string {
  return expandFileName(stringArg(x).value);
}

defun('expand-file-name', [any, optional(any)], (name, dir) => lispString(expandFileName(stringArg(name).value, dir)));

defun('file-name-directory', [any], (f) => {
  const d = fileNameDirectory(stringArg(f).value);
  return d === null ? NIL : lispString(d);
});

defun('file-name-nondirectory', [any], (f) => lispString(fileNameNondirectory(stringArg(f).value)));
defun('file-name-as-directory', [any], (f) => lispString(fileNameAsDirectory(stringArg(f).value)));
defun('directory-file-name', [any], (f) => lispString(directoryFileName(stringArg(f).value)));
defun('directory-name-p', [any], (f) => bool(stringArg(f).value.endsWith('/')));
defun('file-name-absolute-p', [any], (f) => bool(fileNameAbsoluteP(stringArg(f).value)));

defun('file-name-sans-versions', [any, optional(any)], (f, keepBackup) => {
  const s = stringArg(f).value;
  return keepBackup !== NIL ? f : lispString(fileNameSansVersions(s));
});

defun('file-name-extension', [any, optional(any)], (f, period) => {
  const file = fileNameSansVersions(fileNameNondirectory(stringArg(f).value));
  const dot = extensionDot(file);
  if (dot < 0) return period !== NIL ? lispString('') : NIL;
  return lispString(file.slice(period !== NIL ? dot : dot + 1));
});

defun('file-name-sans-extension', [any], (f) => lispString(fileNameSansExtension(stringArg(f).value)));
defun('file-name-base', [optional(any)], (f) => lispString(fileNameSansExtension(fileNameNondirectory(stringArg(f).value))));

defunRest('file-name-concat', 1, (args) => {
  const parts: string[] = [];
  for (const a of args) {
    if (a === NIL) continue;
    const s = stringArg(a).value;
    if (s !== '') parts.push(s);
  }
  let out = '';
  for (let k = 0; k < parts.length; k++) {
    out += parts[k];
    if (k < parts.length - 1 && !parts[k].endsWith('/')) out += '/';
  }
  return lispString(out);
});

/** files.el's file-relative-name. */
export function fileRelativeName(filename: string, directory: LispObject): string {
  let dir = fileNameAsDirectory(expandFileName(directory === NIL ? defaultDirectory() : stringArg(directory).value));
  const file = expandFileName(filename);
  let ancestor = '.';
  const fileDir = fileNameAsDirectory(file);
  while (!(fileDir.startsWith(dir) || file.startsWith(dir))) {
    dir = fileNameDirectory(dir.slice(0, -1)) ?? '';
    ancestor = ancestor === '.' ? '..' : '../' + ancestor;
  }
  if (file.startsWith(dir)) {
    const rest = file.slice(dir.length);
    if (ancestor === '.' && rest !== '') return rest;
    return fileNameAsDirectory(ancestor) + rest;
  }
  return ancestor;
}

defun('file-relative-name', [any, optional(any)], (f, dir) => lispString(fileRelativeName(stringArg(f).value, dir)));

/** The home directory abbreviate-file-name saw first; Emacs caches it and ignores a later change of HOME. */
let abbreviatedHome: string | null = null;

/** files.el's abbreviate-file-name, for the home directory. */
export function abbreviateFileName(name: string): string {
  const home = expandFileName('~');
  if (abbreviatedHome === null) abbreviatedHome = home;
  if (home !== abbreviatedHome || home === '/' || home === '') return name;
  if (name === home) return '~';
  if (name.startsWith(home + '/')) return '~' + name.slice(home.length);
  return name;
}

defun('abbreviate-file-name', [any], (f) => lispString(abbreviateFileName(stringArg(f).value)));

defun('substitute-in-file-name', [any], (f) => {
  const s = stringArg(f).value;
  if (s.startsWith('/:')) return f;
  const substituted = substituteEnvVars(embeddedAbsolute(s));
  return lispString(embeddedAbsolute(substituted));
});

/** The part of name from the last "//" or "/~" on, which starts a new absolute name. */
function embeddedAbsolute(name: string): string {
  let start = 0;
  for (let p = 1; p < name.length; p++) {
    if (name.charCodeAt(p - 1) !== 47) continue;
    const c = name.charCodeAt(p);
    if (c === 47 || (c === 126 && tildeHome(name.slice(p)) !== null)) start = p;
  }
  return name.slice(start);
}

defun('file-name-quoted-p', [any, optional(any)], (f) => bool(stringArg(f).value.startsWith('/:')));
defun('file-name-quote', [any, optional(any)], (f) => {
  const s = stringArg(f).value;
  return s.startsWith('/:') ? f : lispString('/:' + s);
});
defun('file-name-unquote', [any, optional(any)], (f) => {
  const s = stringArg(f).value;
  if (!s.startsWith('/:')) return lispString(s);
  return lispString(s.length === 2 ? '/' : s.slice(2));
});
defun('file-local-name', [any], (f) => stringArg(f));
// Remote (TRAMP) file names are not supported: nothing is remote.
defun('file-remote-p', [any, optional(any), optional(any)], (f) => (stringArg(f), NIL));
defun('file-name-case-insensitive-p', [any], (f) => (stringArg(f), NIL));

// ---- predicates ---------------------------------------------------------------------

function statOrNull(file: string, follow = true): fs.Stats | null {
  try {
    return follow ? fs.statSync(file) : fs.lstatSync(file);
  } catch {
    return null;
  }
}

function accessible(file: string, mode: number): boolean {
  try {
    fs.accessSync(file, mode);
    return true;
  } catch {
    return false;
  }
}

defun('file-exists-p', [any], (f) => bool(accessible(expandArg(f), fs.constants.F_OK)));
defun('file-readable-p', [any], (f) => bool(accessible(expandArg(f), fs.constants.R_OK)));
defun('file-executable-p', [any], (f) => bool(accessible(expandArg(f), fs.constants.X_OK)));

defun('file-writable-p', [any], (f) => {
  const file = expandArg(f);
  if (accessible(file, fs.constants.F_OK)) return bool(accessible(file, fs.constants.W_OK));
  // A new file can be written when its directory can.
  const dir = fileNameDirectory(directoryFileName(file)) ?? '/';
  const st = statOrNull(dir);
  return bool(st !== null && st.isDirectory() && accessible(dir, fs.constants.W_OK | fs.constants.X_OK));
});

defun('file-directory-p', [any], (f) => bool(statOrNull(expandArg(f))?.isDirectory() ?? false));
defun('file-regular-p', [any], (f) => bool(statOrNull(expandArg(f))?.isFile() ?? false));
defun('file-accessible-directory-p', [any], (f) => {
  const file = expandArg(f);
  return bool((statOrNull(file)?.isDirectory() ?? false) && accessible(file, fs.constants.X_OK));
});

defun('file-symlink-p', [any], (f) => {
  try {
    return lispString(fs.readlinkSync(expandArg(f)));
  } catch {
    return NIL;
  }
});

defun('file-newer-than-file-p', [any, any], (f1, f2) => {
  const a = statNs(expandArg(f1));
  if (a === null) return NIL;
  const b = statNs(expandArg(f2));
  if (b === null) return T;
  return bool(a.mtimeNs > b.mtimeNs);
});

function statNs(file: string): fs.BigIntStats | null {
  try {
    return fs.statSync(file, { bigint: true });
  } catch {
    return null;
  }
}

// ---- attributes ------------------------------------------------------------------------

/** The ten-character mode string of ls: "drwxr-xr-x". */
export function modeString(mode: number): string {
  const S_IFMT = 0o170000;
  const type = mode & S_IFMT;
  const typeChar =
    type === 0o040000 ? 'd' : type === 0o120000 ? 'l' : type === 0o010000 ? 'p' : type === 0o020000 ? 'c'
      : type === 0o060000 ? 'b' : type === 0o140000 ? 's' : '-';
  const rwx = (shift: number, special: number, specialChar: string) => {
    const r = mode & (4 << shift) ? 'r' : '-';
    const w = mode & (2 << shift) ? 'w' : '-';
    const xBit = (mode & (1 << shift)) !== 0;
    const x = mode & special ? (xBit ? specialChar : specialChar.toUpperCase()) : xBit ? 'x' : '-';
    return r + w + x;
  };
  return typeChar + rwx(6, 0o4000, 's') + rwx(3, 0o2000, 's') + rwx(0, 0o1000, 't');
}

function nsToLispTime(ns: bigint): LispObject {
  return timeToList({ ticks: ns, hz: 1000000000n });
}

/** The list file-attributes returns for a file, from lstat; null when the file is missing. */
export function fileAttributes(file: string, idFormat: LispObject): LispObject {
  let st: fs.BigIntStats;
  try {
    st = fs.lstatSync(file, { bigint: true });
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ELOOP' || code === 'ENAMETOOLONG') return NIL;
    return reportFileError(e, 'Getting attributes', file);
  }
  let type: LispObject = NIL;
  if (st.isDirectory()) type = T;
  else if (st.isSymbolicLink()) {
    try {
      type = lispString(fs.readlinkSync(file));
    } catch {
      type = NIL;
    }
  }
  const uid = Number(st.uid);
  const gid = Number(st.gid);
  let user: LispObject = uid;
  let group: LispObject = gid;
  if (idFormat === Qstring) {
    const un = userName(uid);
    const gn = groupName(gid);
    if (un !== null) user = lispString(un);
    if (gn !== null) group = lispString(gn);
  }
  return list(
    type,
    normalizeBig(st.nlink),
    user,
    group,
    nsToLispTime(st.atimeNs),
    nsToLispTime(st.mtimeNs),
    nsToLispTime(st.ctimeNs),
    normalizeBig(st.size),
    lispString(modeString(Number(st.mode))),
    T,
    normalizeBig(st.ino),
    normalizeBig(st.dev),
  );
}

defun('file-attributes', [any, optional(any)], (f, idFormat) => fileAttributes(expandArg(f), idFormat));

function nthAttribute(name: string, n: number): void {
  defun(name, [any], (attrs) => {
    let l: LispObject = attrs;
    for (let k = 0; k < n && l instanceof Cons; k++) l = l.cdr;
    if (l !== NIL && !(l instanceof Cons)) wrongType(Q.listp, l);
    return l instanceof Cons ? l.car : NIL;
  });
}
nthAttribute('file-attribute-type', 0);
nthAttribute('file-attribute-link-number', 1);
nthAttribute('file-attribute-user-id', 2);
nthAttribute('file-attribute-group-id', 3);
nthAttribute('file-attribute-access-time', 4);
nthAttribute('file-attribute-modification-time', 5);
nthAttribute('file-attribute-status-change-time', 6);
nthAttribute('file-attribute-size', 7);
nthAttribute('file-attribute-modes', 8);
nthAttribute('file-attribute-inode-number', 10);
nthAttribute('file-attribute-device-number', 11);

defun('file-modes', [any, optional(any)], (f, flag) => {
  const st = statOrNull(expandArg(f), flag !== Qnofollow);
  return st === null ? NIL : st.mode & 0o7777;
});

defun('set-file-modes', [any, any, optional(any)], (f, mode, _flag) => {
  const file = expandArg(f);
  if (typeof mode !== 'number') wrongType(Qfixnump, mode);
  attempt('Doing chmod', [file], () => fs.chmodSync(file, mode & 0o7777));
  return NIL;
});

/*
 * set-default-file-modes is umask(2) in Emacs. The interpreter thread cannot
 * change the process's umask, so the mask it sets is kept here and applied
 * with chmod to the files and directories this runtime creates.
 */
let fileModeMask: number | null = null;
let processMask: number | null = null;

function modeMask(): number {
  processMask ??= process.umask();
  return fileModeMask ?? processMask;
}

/** Gives a file this runtime just created the modes REQUESTED less the mask of set-default-file-modes. */
export function applyDefaultFileModes(file: string, requested: number): void {
  if (fileModeMask === null || fileModeMask === (processMask ??= process.umask())) return;
  try {
    fs.chmodSync(file, requested & ~fileModeMask & 0o7777);
  } catch {
    // The file is made; failing to adjust its modes is not an error, as with a umask.
  }
}

/** Whether creating a file now needs a later applyDefaultFileModes. */
export function defaultFileModesSet(): boolean {
  return fileModeMask !== null;
}

defun('default-file-modes', [], () => ~modeMask() & 0o777);

defun('set-default-file-modes', [any], (mode) => {
  if (typeof mode !== 'number') wrongType(Qfixnump, mode);
  fileModeMask = ~mode & 0o777;
  return NIL;
});

defun('set-file-times', [any, optional(any), optional(any)], (f, timestamp) => {
  const file = expandArg(f);
  const t = decodeTime(timestamp);
  const seconds = Number(t.ticks) / Number(t.hz);
  try {
    fs.utimesSync(file, seconds, seconds);
    return T;
  } catch {
    return NIL;
  }
});

/** file-truename: symbolic links resolved component by component; missing parts kept as written. */
export function fileTruename(name: string): string {
  const abs = expandFileName(name);
  const trailingSlash = abs.length > 1 && abs.endsWith('/');
  let pending = abs.split('/').filter((p) => p !== '');
  let resolved = '';
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    const candidate = resolved + '/' + part;
    let target: string | null = null;
    try {
      target = fs.readlinkSync(candidate);
    } catch {
      target = null;
    }
    if (target === null) {
      resolved = candidate;
      continue;
    }
    if (++links > 100) error(`Apparent cycle of symbolic links for ${name}`);
    const full = expandFileName(target, lispString((resolved || '') + '/'));
    pending = full.split('/').filter((p) => p !== '').concat(pending);
    resolved = '';
  }
  const out = resolved === '' ? '/' : resolved;
  return trailingSlash && out !== '/' ? out + '/' : out;
}

defun('file-truename', [any, optional(any), optional(any)], (f) => lispString(fileTruename(stringArg(f).value)));

defun('file-chase-links', [any, optional(any)], (f, limit) => {
  let name = stringArg(f).value;
  const max = typeof limit === 'number' ? limit : 100;
  for (let k = 0; k < max; k++) {
    let target: string;
    try {
      target = fs.readlinkSync(expandFileName(name));
    } catch {
      break;
    }
    name = target.startsWith('/') ? target : expandFileName(target, lispString(fileNameDirectory(expandFileName(name)) ?? '/'));
  }
  return lispString(name);
});

// ---- making, deleting, renaming, copying -----------------------------------------------

function makeDirectoryInternal(dir: string): void {
  attempt('Creating directory', [dir], () => fs.mkdirSync(dir));
  applyDefaultFileModes(dir, 0o777);
}

/** Creates dir unless it is already a directory (files.el's files--ensure-directory). */
function ensureDirectory(dir: string): void {
  try {
    makeDirectoryInternal(dir);
  } catch (e) {
    if (statOrNull(dir)?.isDirectory()) return;
    throw e;
  }
}

export function makeDirectory(name: string, parents: boolean): void {
  const expanded = expandFileName(name);
  if (!parents) {
    makeDirectoryInternal(expanded);
    return;
  }
  let dir = directoryFileName(expanded);
  const createList: string[] = [];
  for (;;) {
    const parent = directoryFileName(fileNameDirectory(dir) ?? '/');
    try {
      ensureDirectory(dir);
      break;
    } catch (e) {
      if (!(e instanceof LispSignal && e.symbol === Q.file_missing) || dir === parent) throw e;
    }
    createList.unshift(dir);
    dir = parent;
  }
  for (const d of createList) ensureDirectory(d);
}

defun('make-directory-internal', [any], (d) => {
  makeDirectoryInternal(expandArg(d));
  return NIL;
});

defun('make-directory', [any, optional(any)], (d, parents) => {
  makeDirectory(stringArg(d).value, parents !== NIL);
  return NIL;
});

defun('delete-directory-internal', [any], (d) => {
  const dir = directoryFileName(expandArg(d));
  attempt('Removing directory', [dir], () => fs.rmdirSync(dir));
  return NIL;
});

export function deleteDirectory(name: string, recursive: boolean): void {
  const dir = directoryFileName(expandFileName(name));
  let exists = true;
  if (recursive && statOrNull(dir, false)?.isSymbolicLink() !== true) {
    let entries: string[] | null = null;
    try {
      entries = fs.readdirSync(dir);
    } catch (e) {
      if (errnoCode(e) === 'ENOENT') exists = false;
      else reportFileError(e, 'Opening directory', dir);
    }
    for (const entry of entries ?? []) {
      const full = dir + '/' + entry;
      const st = statOrNull(full, false);
      if (st?.isDirectory()) deleteDirectory(full, true);
      else deleteFile(full, true);
    }
  }
  if (!exists) return;
  try {
    fs.rmdirSync(dir);
  } catch (e) {
    if (recursive && errnoCode(e) === 'ENOENT') return;
    reportFileError(e, 'Removing directory', dir);
  }
}

defun('delete-directory', [any, optional(any), optional(any)], (d, recursive) => {
  deleteDirectory(stringArg(d).value, recursive !== NIL);
  return NIL;
});

export function deleteFile(file: string, ignoreMissing = true): void {
  try {
    fs.unlinkSync(file);
  } catch (e) {
    const code = errnoCode(e);
    if (code === 'ENOENT' && ignoreMissing) return;
    if (code === 'EISDIR' || ((code === 'EPERM' || code === 'EACCES') && statOrNull(file, false)?.isDirectory())) {
      signal(Q.file_error, list(lispString('Removing old name: is a directory'), lispString(file)));
    }
    reportFileError(e, 'Removing old name', file);
  }
}

defun('delete-file', [any, optional(any)], (f) => {
  deleteFile(expandArg(f));
  return NIL;
});

/** NEWNAME as rename-file and copy-file read it: a directory name gets FILE's nondirectory part. */
function targetName(file: string, newname: LispObject): string {
  const n = stringArg(newname).value;
  if (n.endsWith('/')) return expandFileName(fileNameNondirectory(directoryFileName(file)), lispString(expandFileName(n) + '/'));
  return expandFileName(n);
}

defun('rename-file', [any, any, optional(any)], (f, newname, okIfExists) => {
  const file = expandArg(f);
  const target = targetName(file, newname);
  if ((okIfExists === NIL || typeof okIfExists === 'number') && statOrNull(target, false) !== null && target !== file) {
    alreadyExists(target);
  }
  try {
    fs.renameSync(file, target);
  } catch (e) {
    if (errnoCode(e) !== 'EXDEV') reportFileError(e, 'Renaming', file, target);
    // Across file systems: copy, then delete the original.
    const st = statOrNull(file, false);
    if (st?.isDirectory()) {
      attempt('Renaming', [file, target], () => fs.cpSync(file, target, { recursive: true, preserveTimestamps: true }));
      deleteDirectory(file, true);
    } else {
      attempt('Renaming', [file, target], () => fs.copyFileSync(file, target));
      deleteFile(file);
    }
  }
  return NIL;
});

defun('copy-file', [any, any, optional(any), optional(any), optional(any), optional(any)], (f, newname, okIfExists, keepTime) => {
  const file = expandArg(f);
  const target = targetName(file, newname);
  if ((okIfExists === NIL || typeof okIfExists === 'number') && statOrNull(target) !== null) alreadyExists(target);
  const st = attempt('Opening input file', [file], () => fs.statSync(file));
  attempt('Opening input file', [file], () => fs.accessSync(file, fs.constants.R_OK));
  if (st.isDirectory()) signal(Q.file_error, list(lispString('Non-regular file'), lispString('Is a directory'), lispString(file)));
  const data = attempt('Opening input file', [file], () => fs.readFileSync(file));
  attempt('Opening output file', [target], () => fs.writeFileSync(target, data, { mode: st.mode & 0o7777 }));
  attempt('Doing chmod', [target], () => fs.chmodSync(target, st.mode & 0o7777));
  if (keepTime !== NIL) attempt('Resetting file times', [target], () => fs.utimesSync(target, st.atime, st.mtime));
  return NIL;
});

defun('make-symbolic-link', [any, any, optional(any)], (target, linkname, okIfExists) => {
  const t = stringArg(target).value;
  const link = expandArg(linkname);
  if (okIfExists === NIL || typeof okIfExists === 'number') {
    if (statOrNull(link, false) !== null) alreadyExists(link);
  } else {
    try {
      fs.unlinkSync(link);
    } catch {
      // nothing to replace
    }
  }
  attempt('Making symbolic link', [t, link], () => fs.symlinkSync(t, link));
  return NIL;
});

defun('add-name-to-file', [any, any, optional(any)], (f, newname, okIfExists) => {
  const file = expandArg(f);
  const link = targetName(file, newname);
  if ((okIfExists === NIL || typeof okIfExists === 'number') && statOrNull(link, false) !== null) alreadyExists(link);
  if (okIfExists !== NIL && typeof okIfExists !== 'number') {
    try {
      fs.unlinkSync(link);
    } catch {
      // nothing to replace
    }
  }
  attempt('Adding new name', [file, link], () => fs.linkSync(file, link));
  return NIL;
});

// ---- temporary files ---------------------------------------------------------------

const TEMP_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomSuffix(): string {
  let s = '';
  for (let k = 0; k < 6; k++) s += TEMP_CHARS[Math.floor(Math.random() * TEMP_CHARS.length)];
  return s;
}

function temporaryDirectoryDefault(): string {
  const dir = process.env.TMPDIR || process.env.TMP || process.env.TEMP || '/tmp';
  return fileNameAsDirectory(dir);
}

if (Qtemporary_file_directory.value === UNBOUND) defvar('temporary-file-directory', lispString(temporaryDirectoryDefault()));

defun('make-temp-name', [any], (prefix) => lispString(stringArg(prefix).value + randomSuffix()));

/** make-temp-file: creates a new file (or directory) and returns its name. */
export function makeTempFile(prefix: string, dirFlag: boolean, suffix: string, text: string | null): string {
  const tmp = symbolValue(Qtemporary_file_directory);
  const tmpDir = tmp instanceof LispString ? tmp.value : temporaryDirectoryDefault();
  const absolutePrefix = prefix === '' || prefix === '.' || prefix === '..'
    ? fileNameAsDirectory(tmpDir) + prefix
    : expandFileName(prefix, lispString(tmpDir));
  for (let tries = 0; ; tries++) {
    const name = absolutePrefix + randomSuffix() + suffix;
    try {
      if (dirFlag) fs.mkdirSync(name, 0o700);
      else {
        const fd = fs.openSync(name, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
        try {
          if (text !== null) fs.writeSync(fd, text);
        } finally {
          fs.closeSync(fd);
        }
      }
      applyDefaultFileModes(name, dirFlag ? 0o700 : 0o600);
      return name;
    } catch (e) {
      if (errnoCode(e) === 'EEXIST' && tries < 100) continue;
      reportFileError(e, 'Creating file with prefix', absolutePrefix);
    }
  }
}

defun('make-temp-file', [any, optional(any), optional(any), optional(any)], (prefix, dirFlag, suffix, text) => {
  if (!(prefix instanceof LispString)) {
    if (prefix !== NIL) wrongType(Qsequencep, prefix);
  }
  if (suffix !== NIL && !(suffix instanceof LispString)) wrongType(Q.stringp, suffix);
  const p = prefix instanceof LispString ? prefix.value : '';
  const s = suffix instanceof LispString ? suffix.value : '';
  return lispString(makeTempFile(p, dirFlag !== NIL, s, text instanceof LispString ? text.value : null));
});

// ---- per-user files ------------------------------------------------------------------

function initialUserEmacsDirectory(): string {
  const home = homeDirectory();
  const xdgConfig = getenvInternal('XDG_CONFIG_HOME') || path.join(home, '.config');
  const xdg = path.join(xdgConfig, 'emacs');
  if (!statOrNull(path.join(home, '.emacs.d'))?.isDirectory() && statOrNull(xdg)?.isDirectory()) {
    return abbreviateFileName(xdg) + '/';
  }
  return '~/.emacs.d/';
}

if (Quser_emacs_directory.value === UNBOUND) defvar('user-emacs-directory', lispString(initialUserEmacsDirectory()));

defun('locate-user-emacs-file', [any, optional(any)], (newName, oldName) => {
  const ued = symbolValue(Quser_emacs_directory);
  const best = abbreviateFileName(expandFileName(stringArg(newName).value, ued instanceof LispString ? ued : NIL));
  if (oldName !== NIL) {
    const atHome = expandFileName(stringArg(oldName).value, lispString(homeDirectory()));
    if (!accessible(expandFileName(best), fs.constants.R_OK) && accessible(atHome, fs.constants.R_OK)) return lispString(atHome);
  }
  return lispString(best);
});

// default-directory is a per-buffer variable defined with the buffers; this
// only covers a build without them.
if (Qdefault_directory.value === UNBOUND) {
  const cwd = process.cwd();
  defvar('default-directory', lispString(cwd.endsWith('/') ? cwd : cwd + '/'));
}

