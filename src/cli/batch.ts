// The batch runner: what `emacs -Q --batch -l FILE` does, inside the
// interpreter thread. Installs the host, sets the startup variables, runs
// the command-line actions in order, and turns the outcome into an exit
// status the way Emacs 28 does.
import * as fs from 'node:fs';
import * as path from 'node:path';
import '../primitives/index.js';
import {
  type LispObject, LispSignal, KillEmacs, Cons, NIL, T, UNBOUND, intern, arrayToList, makeString, listToArray,
} from '../lisp/index.js';
import { defvar } from '../lisp/defun.js';
import { funcall, evalForm } from '../eval/index.js';
import { setQuitCell } from '../eval/state.js';
import { loadFile } from '../eval/load.js';
import { enableBatchDebugger } from '../eval/compile.js';
import { readFromString } from '../reader/reader.js';
import { setMinibufferLineReader } from '../primitives/minibuf.js';
import { setHost, type Host } from '../host/host.js';
import { quitWord, killRequested, clearQuit } from '../host/quit.js';
import { exitStatus, HostExit } from '../host/exit.js';
import type { BatchPlan, BatchAction } from '../host/protocol.js';
import { messageToStderr, writeStdoutDirect } from '../primitives/print.js';
import { asLispSignal, backtraceOnError, backtraceText, errorMessage, prin1ToString } from './report.js';
import { processCallbacks } from '../process/net.js';
import { scriptWantsServing, serveUntilDone } from '../process/serve.js';

const Qcommand_line_args = defvar('command-line-args', NIL);
const Qcommand_line_args_left = defvar('command-line-args-left', NIL);
const Qkill_emacs_hook = intern('kill-emacs-hook');

/** Exit status of a batch run that ends in an uncaught error. */
export const ERROR_EXIT_STATUS = 255;

export interface StartupInfo {
  commandLineArgs: readonly string[];
  invocationName: string;
  invocationDirectory: string;
}

/** Makes host the interpreter's host and sets the variables Emacs has at the end of startup in batch mode. */
export function startInterpreter(h: Host, info: StartupInfo): void {
  setHost(h);
  setQuitCell(quitWord());
  // Batch read-from-minibuffer shows its prompt on stdout and reads a line of stdin.
  setMinibufferLineReader((prompt) => {
    writeStdoutDirect(prompt);
    return h.readStdinLine();
  });
  defvar('noninteractive', T);
  defvar('command-line-processed', T);
  defvar('invocation-name', makeString(info.invocationName));
  defvar('invocation-directory', makeString(info.invocationDirectory));
  Qcommand_line_args.value = stringList(info.commandLineArgs);
  if (Qkill_emacs_hook.value === UNBOUND) defvar('kill-emacs-hook', NIL);
}

function stringList(items: readonly string[]): LispObject {
  return arrayToList(items.map((s) => makeString(s)));
}

/**
 * Runs a batch plan and returns the exit status. Never throws; never prints
 * a JavaScript stack. A Host that can end its thread (the worker) may not
 * return at all when Lisp calls kill-emacs.
 */
export function runBatch(h: Host, plan: BatchPlan): number {
  startInterpreter(h, plan);
  enableBatchDebugger(true);
  // Batch Emacs does not survive an error in a process filter or sentinel:
  // it reports it like an uncaught error and exits with 255. Serving after
  // the script, errors are reported as interactive Emacs does, and it goes on.
  const fatal = (sig: LispSignal): never => {
    reportUncaught(h, sig);
    h.exit(runKillEmacsHook(h, ERROR_EXIT_STATUS));
  };
  const afterScript = plan.afterScript ?? 'auto';
  processCallbacks.fatal = afterScript === 'serve' ? null : fatal;
  try {
    for (const action of plan.actions) {
      Qcommand_line_args_left.value = stringList(action.argsLeft);
      runAction(action);
    }
    if (afterScript === 'serve' || (afterScript === 'auto' && scriptWantsServing())) {
      processCallbacks.fatal = null;
      return runKillEmacsHook(h, serveUntilDone());
    }
  } catch (e) {
    return finish(h, e);
  }
  // A fatal signal whose quit the script caught still ends the run with its status.
  return runKillEmacsHook(h, killRequested() ?? 0);
}

function runAction(action: BatchAction): void {
  if (action.kind === 'eval') {
    // command-line-1: (eval (read STRING) t); text after the first form is ignored.
    evalForm(readFromString(action.source).value, true);
    return;
  }
  // command-line-1's -l: the file as named if it exists, else (load FILE nil t) along load-path
  // (which also knows the libraries built into this runtime, such as ert).
  const abs = path.resolve(action.file);
  if (isFile(abs)) loadFile(abs);
  else funcall(intern('load'), [makeString(action.file), NIL, T]);
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The outcome of an exception that ended the run: kill-emacs, or an uncaught error. */
function finish(h: Host, e: unknown): number {
  if (e instanceof HostExit) return e.status;
  if (e instanceof KillEmacs) return runKillEmacsHook(h, exitStatus(e.code));
  const killStatus = killRequested();
  if (killStatus !== null) {
    // A fatal signal (SIGINT, SIGTERM...) in batch mode: no message, as Emacs.
    clearQuit();
    return runKillEmacsHook(h, killStatus);
  }
  reportUncaught(h, asLispSignal(e));
  return runKillEmacsHook(h, ERROR_EXIT_STATUS);
}

/**
 * Writes the report of an error nothing caught to stderr: the backtrace as
 * a batch `message` (so it starts on a fresh line when stdout got output),
 * or only the error message, which Emacs writes without that check.
 */
export function reportUncaught(h: Host, sig: LispSignal): void {
  try {
    if (backtraceOnError()) messageToStderr(backtraceText(sig));
    else h.writeStderr(errorMessage(sig) + '\n');
  } catch (e) {
    // Printing the error failed too: say so in one line rather than lose it.
    h.writeStderr(`${sig.symbol.name} (and ${asLispSignal(e).symbol.name} while printing it)\n`);
  }
}

/**
 * Runs kill-emacs-hook as kill-emacs does before exiting, and returns
 * status. An error in one hook function is reported and the others still run.
 */
export function runKillEmacsHook(h: Host, status: number): number {
  let hook: LispObject;
  try {
    hook = Qkill_emacs_hook.value === UNBOUND ? NIL : (Qkill_emacs_hook.value as LispObject);
  } catch {
    return status;
  }
  const fns: LispObject[] = [];
  if (hook instanceof Cons && hook.car !== intern('lambda') && hook.car !== intern('closure')) {
    for (const fn of listToArray(hook)) if (fn !== T) fns.push(fn);
  } else if (hook !== NIL) {
    fns.push(hook);
  }
  for (const fn of fns) {
    try {
      funcall(fn, []);
    } catch (e) {
      if (e instanceof HostExit) return e.status;
      if (e instanceof KillEmacs) return exitStatus(e.code);
      const sig = asLispSignal(e);
      let text: string;
      try {
        text = `Error in kill-emacs-hook (${prin1ToString(fn)}): ${prin1ToString(sig.errorObject)}\n`;
      } catch {
        text = `Error in kill-emacs-hook: ${sig.symbol.name}\n`;
      }
      h.writeStderr(text);
    }
  }
  return status;
}

// ---- sessions: the REPL and the embedding API ----------------------------------------

export interface EvalOutcome {
  status: 'ok' | 'error' | 'incomplete';
  /** ok: each value printed with prin1; error: the message as Emacs shows it. */
  values: string[];
  message?: string;
  errorSymbol?: string;
  errorObject?: string;
}

/**
 * Reads and evaluates every form of source with lexical binding. When
 * allowIncomplete, an unfinished last form (a REPL line to be continued)
 * evaluates nothing and answers `incomplete`.
 */
export function evalSource(source: string, allowIncomplete: boolean): EvalOutcome {
  const forms: LispObject[] = [];
  try {
    let pos = 0;
    for (;;) {
      const rest = skipBlank(source, pos);
      if (rest === null) break;
      let r: { value: LispObject; end: number };
      try {
        r = readFromString(source, pos);
      } catch (e) {
        if (allowIncomplete && e instanceof LispSignal && e.symbol === intern('end-of-file')) {
          return { status: 'incomplete', values: [] };
        }
        throw e;
      }
      forms.push(r.value);
      pos = r.end;
    }
    const values: string[] = [];
    for (const form of forms) values.push(prin1ToString(evalForm(form, true)));
    return { status: 'ok', values };
  } catch (e) {
    if (e instanceof KillEmacs) throw e;
    const sig = asLispSignal(e);
    let message: string;
    let errorObject: string;
    try {
      message = errorMessage(sig);
      errorObject = prin1ToString(sig.errorObject);
    } catch {
      message = sig.symbol.name;
      errorObject = `(${sig.symbol.name})`;
    }
    return { status: 'error', values: [], message, errorSymbol: sig.symbol.name, errorObject };
  }
}

/** The character index of the first thing after blanks and comments from char index pos, or null if none. */
function skipBlank(text: string, pos: number): number | null {
  // Character and UTF-16 indices agree up to pos unless the text has astral characters.
  let i = charToUnit(text, pos);
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 12 || c === 13 || c === 0xa0) {
      i++;
      continue;
    }
    if (c === 59) {
      const nl = text.indexOf('\n', i);
      if (nl < 0) return null;
      i = nl + 1;
      continue;
    }
    return pos;
  }
  return null;
}

function charToUnit(text: string, chars: number): number {
  let unit = 0;
  for (let n = 0; n < chars && unit < text.length; n++) {
    const c = text.charCodeAt(unit);
    unit += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  }
  return unit;
}
