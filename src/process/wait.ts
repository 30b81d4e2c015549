// The wait points: accept-process-output, sleep-for and sit-for. Only here
// (and in the session's idle wait) do queued socket events reach Lisp, as
// Emacs delivers them only inside wait_reading_process_output.
import { host } from '../host/host.js';
import { quitRequested } from '../host/quit.js';
import { signalQuit } from '../eval/state.js';
import { LispProcess, Qopen, Qconnect, Qrun, Qstop } from './process.js';
import { netHost, dispatchEvents, flushOps, outputSeen, connectWait } from './net.js';

/** Timers plug in here: run the due ones and say when the next is due (ms from now, Infinity if none). */
export const timerHooks = {
  runDue: (): number => Infinity,
};

const napCell = new Int32Array(new SharedArrayBuffer(4));

function sleepMs(ms: number): void {
  const nh = netHost();
  if (nh !== null) {
    nh.waitNet(ms);
    return;
  }
  if (ms === Infinity) ms = 1000;
  // Without sockets (InlineHost) nothing can arrive: just sleep.
  void host;
  if (ms > 0) Atomics.wait(napCell, 0, 0, ms);
}

function outputFrom(p: LispProcess | null): number {
  return p === null ? outputSeen.any : p.outputCount;
}

function waitable(p: LispProcess): boolean {
  return p.status === Qopen || p.status === Qconnect || p.status === Qrun;
}

/**
 * Waits up to timeoutMs (Infinity: no limit), delivering events.
 * returnOnOutput: return as soon as output from proc (any process when
 * null) has been delivered. Returns whether such output came.
 */
export function waitForOutput(
  timeoutMs: number,
  proc: LispProcess | null,
  justThisOne: boolean,
  returnOnOutput: boolean,
  runTimers = true,
  until: (() => boolean) | null = null,
): boolean {
  const deadline = timeoutMs === Infinity ? Infinity : Date.now() + Math.max(0, timeoutMs);
  const before = outputFrom(proc);
  const nh = netHost();
  for (;;) {
    let nextTimer = Infinity;
    if (runTimers) nextTimer = timerHooks.runDue();
    if (nh !== null) {
      nh.waitNet(0);
      dispatchEvents(proc, justThisOne);
    }
    const got = outputFrom(proc) !== before;
    if (got && returnOnOutput) {
      flushOps();
      return true;
    }
    if (until !== null ? until() : proc !== null && !waitable(proc)) {
      flushOps();
      return got;
    }
    if (quitRequested()) {
      flushOps();
      signalQuit();
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      flushOps();
      return got;
    }
    flushOps();
    sleepMs(Math.min(remaining, nextTimer));
  }
}

/** (accept-process-output PROC SECONDS MILLISEC JUST-THIS-ONE) after argument checks. */
export function acceptProcessOutput(proc: LispProcess | null, timeoutMs: number | null, justThisOne: boolean, timersToo: boolean): boolean {
  if (proc !== null && !waitable(proc)) return false;
  const timeout = timeoutMs === null ? (proc !== null ? Infinity : 0) : timeoutMs;
  return waitForOutput(timeout, proc, justThisOne, true, timersToo);
}

/** sleep-for: wait the whole time, delivering events. */
export function sleepFor(ms: number): void {
  if (ms <= 0) {
    waitForOutput(0, null, false, false, false);
    return;
  }
  waitForOutput(ms, null, false, false);
}

connectWait.waitWhileConnecting = (p: LispProcess): void => {
  const connecting = (): boolean => p.status === Qconnect || (p.status === Qstop && p.stoppedFrom === Qconnect);
  waitForOutput(Infinity, null, false, false, true, () => !connecting());
};
