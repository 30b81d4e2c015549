// keyboard.c's timer_check: the variables `timer-list' and `timer-idle-list',
// and the run of due timers at every wait point (src/process/wait.ts). The
// timer functions themselves are Lisp (lisp/timer.el, loaded on first use);
// a timer is a vector of 10 slots, [TRIGGERED-P HIGH LOW USECS REPEAT-DELAY
// FUNCTION ARGS IDLE-DELAY PSECS INTEGRAL-MULTIPLE].
import { type LispObject, Cons, NIL, T, intern } from '../lisp/index.js';
import { declareModule, defvar } from '../lisp/defun.js';
import { funcall } from '../eval/index.js';
import { timerHooks } from '../process/wait.js';
// The module's performance, not the global: reading the global goes through Node's lazy getter each time.
import { performance } from 'node:perf_hooks';

declareModule('keyboard');

const Qtimer_list = defvar('timer-list', NIL);
defvar('timer-idle-list', NIL);
const Qtimer_event_handler = intern('timer-event-handler');


/** The time a timer is due, in ms since the epoch; NaN when its slots are not a time. */
function dueAt(timer: LispObject[]): number {
  const [high, low, usecs, psecs] = [timer[1], timer[2], timer[3], timer[8]];
  if (typeof high !== 'number' || typeof low !== 'number' || typeof usecs !== 'number') return NaN;
  const pico = typeof psecs === 'number' ? psecs : 0;
  return (high * 65536 + low) * 1000 + usecs / 1000 + pico / 1e9;
}

/** The first due timer on timer-list that has not run yet, or the ms until the next one is due. */
function nextDue(now: number): LispObject[] | number {
  let wait = Infinity;
  for (let tail = Qtimer_list.value; tail instanceof Cons; tail = tail.cdr) {
    const timer = tail.car;
    if (!Array.isArray(timer) || timer.length < 9 || timer[0] !== NIL) continue;
    const due = dueAt(timer);
    if (Number.isNaN(due)) continue;
    if (due <= now) return timer;
    wait = Math.min(wait, due - now);
  }
  return wait;
}

/**
 * Runs every due timer, each through `timer-event-handler' (which reschedules
 * a repeating one and reports an error in its function); returns the ms until
 * the next is due. A timer is marked triggered before it runs, so that one
 * that takes long, or waits itself, is not run again meanwhile.
 */
function runDueTimers(): number {
  // Most waits have no timer at all: no clock read then.
  if (!(Qtimer_list.value instanceof Cons)) return Infinity;
  for (;;) {
    // Sub-millisecond, as timers made with (current-time) are due within the same millisecond.
    const next = nextDue(performance.timeOrigin + performance.now());
    if (typeof next === 'number') return next;
    next[0] = T;
    funcall(Qtimer_event_handler, [next]);
  }
}

timerHooks.runDue = runDueTimers;
