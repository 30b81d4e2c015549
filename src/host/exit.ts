// Exit statuses as Emacs computes them from kill-emacs's argument.
import { KillEmacs } from '../lisp/signal.js';

/** Thrown by a Host that cannot end its thread (InlineHost): kill-emacs-hook already ran. */
export class HostExit extends KillEmacs {
  constructor(readonly status: number) {
    super(status);
  }
}

/**
 * The process exit status for (kill-emacs ARG) in Emacs 28: an integer is
 * passed to exit(), so the OS keeps its low 8 bits (-1 → 255, 256 → 0); a
 * string is stuffed as keyboard input, which batch mode ignores (0); any
 * other value means success (0).
 */
export function exitStatus(arg: unknown): number {
  if (typeof arg === 'number') return arg & 0xff;
  if (typeof arg === 'bigint') return Number(BigInt.asUintN(8, arg));
  return 0;
}
