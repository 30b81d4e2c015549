// Serving after the script: what `elisp server.el` does once the top level
// has finished, like an interactive Emacs that keeps running its network
// processes until the last one (that would make Emacs ask before exiting)
// is gone, or the user interrupts.
import { LispSignal, NIL, Q } from '../lisp/index.js';
import { clearQuit, killRequested } from '../host/quit.js';
import { allProcesses, Qinternal_default_process_filter, Qinternal_default_process_sentinel } from './process.js';
import { deleteProcess, flushOps } from './net.js';
import { waitForOutput } from './wait.js';
import { callState } from '../eval/state.js';

/** A live process with its query-on-exit flag set keeps the run going. */
export function keepsServing(): boolean {
  for (const p of allProcesses()) if (p.live && p.queryOnExit) return true;
  return false;
}

/** Set by accept-process-output, sleep-for and sit-for. */
export const waitPoints = { reached: false };

/**
 * Whether a script that has finished, run without --keep-serving or
 * --batch, is served. Emacs in batch mode exits here, and a script written
 * for it ends with a wait loop (its filters get no other chance to run), so
 * a script that waited exits as in Emacs. One that never waited and leaves
 * a live process with Lisp code of its own to run (a filter, a sentinel or
 * a :log function) and its query-on-exit flag set was written to be served.
 */
export function scriptWantsServing(): boolean {
  if (waitPoints.reached) return false;
  for (const p of allProcesses()) {
    if (!p.live || !p.queryOnExit) continue;
    if (p.filter !== Qinternal_default_process_filter || p.sentinel !== Qinternal_default_process_sentinel || p.logFn !== NIL) return true;
  }
  return false;
}

/**
 * Delivers events until nothing keeps the run going, or a fatal signal
 * (SIGINT, SIGTERM) arrives: then every process is deleted, so that the
 * sentinels see their "deleted" events, and the run ends with status 0.
 * Returns the exit status.
 */
export function serveUntilDone(): number {
  const depth = callState.depth;
  try {
    while (keepsServing()) waitForOutput(Infinity, null, false, false, true, () => !keepsServing());
    return 0;
  } catch (e) {
    if (!(e instanceof LispSignal && e.symbol === Q.quit && killRequested() !== null)) throw e;
    // The quit may come out of a filter: the sentinels below run from here.
    callState.depth = depth;
    clearQuit();
    for (const p of [...allProcesses()].reverse()) deleteProcess(p);
    flushOps();
    return 0;
  }
}
