// How batch mode reports an error that nothing caught, as Emacs 28 does:
//   backtrace-on-error-noninteractive non-nil (the default): a message
//     Debugger entered--Lisp error: (wrong-type-argument listp 1)
//       car(1)
//       f(1)
//     <empty line>
//   nil: only the error message, "Wrong type argument: listp, 1".
// Our frames are our own (Emacs lists its startup frames too): each Lisp
// frame is `  fn(args...)`, followed by `    at FILE:LINE:COL` (1-based)
// when the call was read from a file. Never a JavaScript stack.
import {
  type LispObject, type BacktraceFrame, LispSignal, LispThrow, LispSymbol,
  NIL, Q, UNBOUND, intern, list, makeString, isAllocationFailure, memoryExhaustedSignal,
} from '../lisp/index.js';
import { specbind, unbindTo, specpdlDepth } from '../eval/index.js';
import { printToString } from '../reader/printer.js';
import { errorMessageString } from '../primitives/errors.js';

const Qprint_escape_newlines = intern('print-escape-newlines');
const Qprint_length = intern('print-length');
const Qprint_level = intern('print-level');
const Qbacktrace_on_error_noninteractive = intern('backtrace-on-error-noninteractive');

/** Any escaping exception as the Lisp error it stands for. */
export function asLispSignal(e: unknown): LispSignal {
  if (e instanceof LispSignal) return e;
  if (e instanceof LispThrow) return new LispSignal(Q.no_catch, list(e.tag, e.value));
  if (isAllocationFailure(e)) return memoryExhaustedSignal();
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new LispSignal(Q.error, list(makeString('Lisp nesting exceeds \u2018max-lisp-eval-depth\u2019')));
  }
  // An interpreter bug: still a Lisp error, never a JS stack.
  const message = e instanceof Error ? e.message : String(e);
  return new LispSignal(Q.error, list(makeString(`internal error: ${message}`)));
}

export function prin1ToString(obj: LispObject): string {
  return printToString(obj, true);
}

/** prin1 as a backtrace shows it: newlines escaped, long and deep structure elided. */
export function backtracePrint(obj: LispObject): string {
  const depth = specpdlDepth();
  try {
    specbind(Qprint_escape_newlines, Q.t);
    specbind(Qprint_length, 50);
    specbind(Qprint_level, 8);
    return printToString(obj, true);
  } finally {
    unbindTo(depth);
  }
}

function frameLines(frame: BacktraceFrame): string {
  const fn = frame.fn instanceof LispSymbol ? frame.fn.name : backtracePrint(frame.fn);
  const args = frame.args === null ? '...' : frame.args.map(backtracePrint).join(' ');
  let text = `  ${fn}(${args})\n`;
  if (frame.file !== null) text += `    at ${frame.file}:${frame.line}:${frame.col + 1}\n`;
  return text;
}

/** Whether uncaught errors print a backtrace (backtrace-on-error-noninteractive, default t). */
export function backtraceOnError(): boolean {
  const v = Qbacktrace_on_error_noninteractive.value;
  return v === UNBOUND || v !== NIL;
}

/** The message Emacs shows for an error: "Wrong type argument: listp, 1". */
export function errorMessage(sig: LispSignal): string {
  return errorMessageString(sig.errorObject);
}

/**
 * The backtrace report, without the final newline that `message` adds
 * (so the report ends with an empty line, as in Emacs).
 */
export function backtraceText(sig: LispSignal): string {
  let text = `Debugger entered--Lisp error: ${backtracePrint(sig.errorObject)}\n`;
  for (const frame of sig.frames) text += frameLines(frame);
  return text;
}
