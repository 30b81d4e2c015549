// A Host on the caller's own thread, capturing output into strings: for unit
// tests and synchronous embedding. No main thread, so no sockets; events
// arrive only through pushEvent.
import type { Host, HostEvent } from './host.js';
import { quitRequested } from './quit.js';
import { HostExit } from './exit.js';

const decoder = new TextDecoder();

export interface InlineHostOptions {
  /** Text served by readStdinLine, line by line. */
  stdin?: string;
}

export class InlineHost implements Host {
  stdout = '';
  stderr = '';
  private readonly lines: string[];
  private readonly events: HostEvent[] = [];
  private readonly napCell = new Int32Array(new SharedArrayBuffer(4));

  constructor(options: InlineHostOptions = {}) {
    const input = options.stdin ?? '';
    this.lines = input === '' ? [] : input.replace(/\n$/, '').split('\n');
  }

  writeStdout(data: string | Uint8Array): void {
    this.stdout += typeof data === 'string' ? data : decoder.decode(data);
  }

  writeStderr(data: string | Uint8Array): void {
    this.stderr += typeof data === 'string' ? data : decoder.decode(data);
  }

  readStdinLine(): string | null {
    return this.lines.length > 0 ? this.lines.shift()! : null;
  }

  /** Queues an event for the next waitEvents. */
  pushEvent(event: HostEvent): void {
    this.events.push(event);
  }

  waitEvents(timeoutMs: number): HostEvent[] {
    if (this.events.length > 0) return this.events.splice(0, this.events.length);
    if (quitRequested()) return [];
    // Nothing can arrive on one thread: sleep out a finite timeout, return at once otherwise.
    if (timeoutMs > 0 && timeoutMs !== Infinity) Atomics.wait(this.napCell, 0, 0, timeoutMs);
    return [];
  }

  exit(status: number): never {
    throw new HostExit(status);
  }

  /** Returns what was written to stdout and stderr since the last call, and forgets it. */
  takeOutput(): { stdout: string; stderr: string } {
    const out = { stdout: this.stdout, stderr: this.stderr };
    this.stdout = '';
    this.stderr = '';
    return out;
  }
}
