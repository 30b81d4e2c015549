// The interactive REPL, main-thread side: readline reads lines, the worker
// decides when a form is complete (it tries to read it), evaluates, and
// prints values to stdout and errors to stderr itself, so that output stays
// in order. Ctrl-C interrupts a running evaluation (quit); at the prompt it
// discards the pending input. Ctrl-D ends the session.
import * as readline from 'node:readline';
import type { InterpreterWorker } from '../host/main-link.js';
import type { FromWorker } from '../host/protocol.js';

const PROMPT = 'ELISP> ';
const CONTINUATION = '  ...> ';

export interface ReplOptions {
  banner: string;
}

export class Repl {
  private readonly rl: readline.Interface;
  private readonly tty: boolean;
  private readonly lines: string[] = [];
  private pending = '';
  private busyId = 0;
  private nextId = 1;
  private lineRequest: number | null = null;
  private inputClosed = false;
  private closing = false;
  private quitSentAt = 0;

  constructor(
    private readonly link: InterpreterWorker,
    options: ReplOptions,
  ) {
    this.tty = Boolean(process.stdin.isTTY && process.stdout.isTTY);
    this.rl = readline.createInterface({
      input: process.stdin,
      output: this.tty ? process.stdout : undefined,
      terminal: this.tty,
      prompt: this.tty ? PROMPT : '',
    });
    if (this.tty) process.stdout.write(options.banner + '\n');
    this.rl.on('line', (line) => {
      this.lines.push(line);
      this.pump();
    });
    this.rl.on('close', () => {
      this.inputClosed = true;
      this.pump();
    });
    this.rl.on('SIGINT', () => this.interrupt());
    this.prompt();
  }

  /** Ctrl-C: quit the running evaluation, or drop the unfinished input at the prompt. */
  interrupt(): void {
    if (this.busyId !== 0) {
      const now = Date.now();
      if (this.quitSentAt !== 0 && now - this.quitSentAt < 1500) {
        // The evaluation does not react to quit: stop everything.
        void this.link.terminate();
        return;
      }
      this.quitSentAt = now;
      this.link.quit();
      return;
    }
    this.pending = '';
    if (this.tty) process.stdout.write('\n');
    this.prompt();
  }

  /** Messages from the worker that concern the REPL. */
  onMessage(message: FromWorker): void {
    if (message.type === 'result' && message.id === this.busyId) {
      this.busyId = 0;
      this.quitSentAt = 0;
      if (message.status !== 'incomplete') this.pending = '';
      this.prompt();
      this.pump();
    } else if (message.type === 'request' && message.op === 'read-line') {
      this.lineRequest = message.id;
      this.pump();
    }
  }

  private prompt(): void {
    if (!this.tty || this.inputClosed) return;
    this.rl.setPrompt(this.pending === '' ? PROMPT : CONTINUATION);
    this.rl.prompt();
  }

  private pump(): void {
    if (this.lineRequest !== null) {
      // read-from-minibuffer in the REPL takes the next input line.
      if (this.lines.length > 0 || this.inputClosed) {
        const id = this.lineRequest;
        this.lineRequest = null;
        this.link.post({ type: 'reply', id, value: this.lines.length > 0 ? this.lines.shift()! : null });
      }
      return;
    }
    if (this.busyId !== 0) return;
    const line = this.lines.shift();
    if (line !== undefined) {
      this.pending += line + '\n';
      this.busyId = this.nextId++;
      this.link.post({ type: 'eval', id: this.busyId, kind: 'repl', source: this.pending });
      return;
    }
    if (this.inputClosed && !this.closing) {
      this.closing = true;
      if (this.tty) process.stdout.write('\n');
      this.link.post({ type: 'close' });
    }
  }
}
