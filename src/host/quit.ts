// The quit flag (C-g) and the kill request, in shared memory so that the
// main thread can set them while the worker runs Lisp. Until a worker
// attaches the shared block, a private one serves (InlineHost, unit tests).
import { SEQ, QUIT, KILL, SHARED_WORDS } from './protocol.js';

let words: Int32Array = new Int32Array(SHARED_WORDS);

/** Uses the control block shared with the main thread. */
export function attachSharedBlock(block: Int32Array): void {
  words = block;
}

export function sharedBlock(): Int32Array {
  return words;
}

/** A one-word view of the quit flag, for the evaluator's poll (setQuitCell). */
export function quitWord(): Int32Array {
  return new Int32Array(words.buffer, QUIT * 4, 1);
}

/** True when the user asked to quit; the evaluator polls this at calls and loop back-edges. */
export function quitRequested(): boolean {
  return words[QUIT] !== 0;
}

export function clearQuit(): void {
  Atomics.store(words, QUIT, 0);
}

/** Asks the Lisp side to quit (what C-g does); callable from any thread sharing the block. */
export function requestQuit(block: Int32Array = words): void {
  Atomics.store(block, QUIT, 1);
  // Wake a worker sleeping in a wait so that it sees the flag.
  Atomics.add(block, SEQ, 1);
  Atomics.notify(block, SEQ);
}

/** The exit code main asked for (a fatal signal in batch mode), or null. */
export function killRequested(): number | null {
  const k = Atomics.load(words, KILL);
  return k === 0 ? null : k - 1;
}

/** Asks the worker to exit with code, after unwinding (quit) and running kill-emacs-hook. */
export function requestKill(block: Int32Array, code: number): void {
  Atomics.store(block, KILL, code + 1);
  requestQuit(block);
}
