// The running Emacs and the machine it runs on, as editfns.c and emacs.c
// describe them: version variables (this runtime implements GNU Emacs 28.2),
// system-type, the user, the host name and the process id.
import * as fs from 'node:fs';
import * as os from 'node:os';
import { type LispObject, NIL, intern, makeString, list, makeFloat, LispFloat, error } from '../lisp/index.js';
import { declareModule, defun, defvar, optional, any } from '../lisp/defun.js';
import { getenvInternal } from './fileio.js';

declareModule('sysinfo');

const EMACS_MAJOR = 28;
const EMACS_MINOR = 2;

defvar('emacs-version', makeString(`${EMACS_MAJOR}.${EMACS_MINOR}`));
defvar('emacs-major-version', EMACS_MAJOR);
defvar('emacs-minor-version', EMACS_MINOR);
defvar('emacs-build-number', 1);

/** Emacs's names for the systems Node runs on. */
const SYSTEM_TYPES: Record<string, string> = {
  linux: 'gnu/linux',
  darwin: 'darwin',
  win32: 'windows-nt',
  freebsd: 'berkeley-unix',
  openbsd: 'berkeley-unix',
  netbsd: 'berkeley-unix',
  sunos: 'usg-unix-v',
  aix: 'aix',
  cygwin: 'cygwin',
};
defvar('system-type', intern(SYSTEM_TYPES[process.platform] ?? 'gnu/linux'));

const CPU_NAMES: Record<string, string> = { x64: 'x86_64', arm64: 'aarch64', ia32: 'i686', arm: 'arm' };
const configuration = `${CPU_NAMES[process.arch] ?? process.arch}-${process.platform === 'linux' ? 'pc-linux-gnu' : process.platform}`;
defvar('system-configuration', makeString(configuration));

defun('emacs-version', [optional(any)], () => makeString(`GNU Emacs ${EMACS_MAJOR}.${EMACS_MINOR} (elisp on Node.js ${process.version}, ${configuration})`));

defun('emacs-pid', [], () => process.pid);
defun('system-name', [], () => makeString(os.hostname()));

function loginName(): string {
  // Emacs looks at LOGNAME and USER before the password database.
  return getenvInternal('LOGNAME') ?? getenvInternal('USER') ?? os.userInfo().username;
}

/** A UID argument as Emacs's lisp_to_uid takes it: an integer or an integral float (or a cons of integers). */
function uidArg(uid: LispObject): number {
  if (typeof uid === 'number') return uid;
  if (uid instanceof LispFloat && Number.isInteger(uid.value)) return uid.value;
  return error('Not an in-range integer, integral float, or cons of integers');
}

defun('user-login-name', [optional(any)], (arg) => {
  if (arg === NIL) return makeString(loginName());
  const uid = uidArg(arg);
  const entry = passwdEntry((fields) => Number(fields[2]) === uid);
  return entry === null ? NIL : makeString(entry[0]);
});
defun('user-real-login-name', [], () => makeString(os.userInfo().username));
defun('user-uid', [], () => os.userInfo().uid);
defun('user-real-uid', [], () => os.userInfo().uid);
defun('group-gid', [], () => os.userInfo().gid);
defun('group-real-gid', [], () => os.userInfo().gid);

/** The /etc/passwd fields of the first entry TEST accepts, or null. */
function passwdEntry(test: (fields: string[]) => boolean): string[] | null {
  try {
    for (const line of fs.readFileSync('/etc/passwd', 'utf8').split('\n')) {
      const fields = line.split(':');
      if (fields.length >= 5 && test(fields)) return fields;
    }
  } catch {
    // no password database to read
  }
  return null;
}

// NAME in the environment wins; else the password database's full name (up to a comma); else the login name.
defun('user-full-name', [optional(any)], (uid): LispObject => {
  if (uid === NIL) {
    const fromEnv = getenvInternal('NAME');
    if (fromEnv !== null) return makeString(fromEnv);
  }
  const id = uid === NIL ? os.userInfo().uid : uidArg(uid);
  const entry = passwdEntry((fields) => Number(fields[2]) === id);
  if (entry === null) return uid === NIL ? makeString(loginName()) : NIL;
  const gecos = entry[4].split(',')[0];
  return makeString(gecos === '' ? 'unknown' : gecos.replace('&', entry[0].charAt(0).toUpperCase() + entry[0].slice(1)));
});

defun('num-processors', [optional(any)], () => Math.max(1, os.availableParallelism?.() ?? os.cpus().length));

// Load averages over 1, 5 and 15 minutes: hundredths as integers, or floats when asked.
defun('load-average', [optional(any)], (useFloats) =>
  list(...os.loadavg().map((l) => (useFloats !== NIL ? makeFloat(l) : Math.trunc(l * 100)))),
);
