// A long-lived interpreter serving eval requests from the main thread: the
// REPL and the embedding API. Runs in the worker; waits for events between
// requests (where process events will also be served, in the network issue).
import { KillEmacs, LispSignal, LispThrow, Q } from '../lisp/index.js';
import type { WorkerHost } from '../host/worker-host.js';
import { clearQuit } from '../host/quit.js';
import { batchOutput, messageToStderr } from '../primitives/print.js';
import { errorMessageString } from '../primitives/errors.js';
import { timerHooks } from '../process/wait.js';
import { exitStatus, HostExit } from '../host/exit.js';
import type { ToWorker } from '../host/protocol.js';
import { startInterpreter, evalSource, runKillEmacsHook, type StartupInfo } from './batch.js';

export function runSession(h: WorkerHost, info: StartupInfo & { input: WorkerHost['input'] }): never {
  h.input = info.input;
  startInterpreter(h, info);
  h.onIdleTimers = runIdleTimers;
  for (;;) {
    const events = h.waitEvents(Infinity);
    // A C-g while idle has nothing to interrupt.
    clearQuit();
    for (const event of events) handle(h, event);
  }
}

/** Timers run between requests, as in an interactive Emacs; nothing outside can catch what escapes them. */
function runIdleTimers(): number {
  try {
    return timerHooks.runDue();
  } catch (e) {
    if (e instanceof LispSignal) {
      if (e.symbol !== Q.quit) messageToStderr(`Error running timer: ${errorMessageString(e.errorObject)}`);
      clearQuit();
    } else if (e instanceof LispThrow) {
      messageToStderr('Error running timer: No catch for tag');
    } else throw e;
    return 0;
  }
}

function handle(h: WorkerHost, event: ToWorker): void {
  switch (event.type) {
    case 'eval':
      evalRequest(h, event.id, event.kind, event.source);
      break;
    case 'close':
      h.exit(runKillEmacsHook(h, 0));
    // eslint-disable-next-line no-fallthrough
    default:
      break;
  }
}

function evalRequest(h: WorkerHost, id: number, kind: 'repl' | 'embed', source: string): void {
  clearQuit();
  let outcome;
  try {
    outcome = evalSource(source, kind === 'repl');
  } catch (e) {
    if (e instanceof HostExit) h.exit(e.status);
    if (e instanceof KillEmacs) h.exit(runKillEmacsHook(h, exitStatus(e.code)));
    throw e;
  }
  if (kind === 'embed') {
    h.post({
      type: 'result',
      id,
      status: outcome.status,
      text: outcome.status === 'ok' ? (outcome.values[outcome.values.length - 1] ?? 'nil') : (outcome.message ?? ''),
      errorSymbol: outcome.errorSymbol,
      errorObject: outcome.errorObject,
    });
    return;
  }
  // The REPL: values go to stdout, each on a fresh line; errors to stderr as ielm shows them.
  if (outcome.status === 'ok') {
    for (const v of outcome.values) writeLine(h, v);
  } else if (outcome.status === 'error') {
    if (!batchOutput.atLineStart) writeLine(h, '');
    h.writeStderr(outcome.errorSymbol === 'quit' ? 'Quit\n' : `*** Eval error ***  ${outcome.message}\n`);
  }
  h.post({ type: 'result', id, status: outcome.status, text: '' });
}

/** Writes text on a line of its own on stdout, keeping the printer's idea of the line start. */
function writeLine(h: WorkerHost, text: string): void {
  const out = (batchOutput.atLineStart ? '' : '\n') + text + '\n';
  h.writeStdout(out);
  batchOutput.atLineStart = true;
  batchOutput.needNewline = true;
}
