// The main thread's owner of subprocesses (make-process and friends): it
// spawns the children the worker asks for, writes their input, reads their
// output and reports it, then their end, in order, through the worker's one
// event channel (protocol.ts ChildOp, ChildSpawn, ChildEvent). A child's pipes
// must live here: the worker's event loop never runs while Lisp waits. Like
// NetServer it knows ids and bytes only, and no child error may escape: a
// child that dies, closes its input early or floods its output just ends or
// gets paused.
import { spawn, type ChildProcess } from 'node:child_process';
import * as os from 'node:os';
import {
  NET_STRING_BYTES, type NetBytes, type FromWorker, type ToWorker, type ChildId, type ChildOp, type ChildSpawn,
  type ChildReplyValue, type NetFailure,
} from './protocol.js';

/** Unread bytes queued for the worker per child above which main stops reading its output. */
const HIGH_WATER = 4 * 1024 * 1024;
/**
 * How long the end of a child waits for its output pipes to close: a
 * grandchild that keeps them open (`sh -c "sleep 60 &"`) must not hide the
 * exit, as Emacs notices it through SIGCHLD whatever the pipes do.
 */
const CLOSE_GRACE_MS = 200;

/** The shell line that runs "$0" "$@" with stderr on stdout's pipe (Node cannot give two fds one pipe). */
const MERGE_STDERR = 'exec "$0" "$@" 2>&1';

interface Entry {
  child: ChildProcess;
  unread: number;
  /** The worker forgot this child: output and the end are no longer reported. */
  closed: boolean;
  ended: boolean;
}

const ERRNO: Record<string, number> = { EPERM: 1, ENOENT: 2, EIO: 5, E2BIG: 7, ENOEXEC: 8, ENOMEM: 12, EACCES: 13, ENOTDIR: 20, EISDIR: 21, EINVAL: 22, EMFILE: 24, ETXTBSY: 26 };

function failure(e: unknown): NetFailure {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : 'EIO';
  return { code, errno: ERRNO[code] ?? (typeof err?.errno === 'number' ? Math.abs(err.errno) : 5) };
}

function wire(chunk: Buffer): NetBytes {
  return chunk.length <= NET_STRING_BYTES ? chunk.toString('latin1') : chunk;
}

function signalNumber(name: NodeJS.Signals | null): number | null {
  if (name === null) return null;
  return os.constants.signals[name] ?? null;
}

export class ChildServer {
  private readonly entries = new Map<ChildId, Entry>();
  private closedAll = false;

  constructor(private readonly post: (event: ToWorker) => void) {}

  /** Handles a worker message if it is about subprocesses; returns whether it was. */
  handle(message: FromWorker): boolean {
    switch (message.type) {
      case 'child':
        for (const op of message.ops) {
          try {
            this.run(op);
          } catch {
            // A command for a child that just went away: nothing to do.
          }
        }
        return true;
      case 'child-request':
        this.start(message.id, message.request);
        return true;
      default:
        return false;
    }
  }

  get active(): boolean {
    return this.entries.size > 0;
  }

  private reply(id: number, value: ChildReplyValue): void {
    this.post({ type: 'child-reply', id, value });
  }

  private start(requestId: number, r: ChildSpawn): void {
    if (this.closedAll) {
      this.reply(requestId, { ok: false, failure: { code: 'EIO', errno: 5 } });
      return;
    }
    const merge = r.stderr === 'merge' && !r.detachedDiscard;
    const file = merge ? '/bin/sh' : r.file;
    const args = merge ? ['-c', MERGE_STDERR, r.file, ...r.args] : r.args;
    let child: ChildProcess;
    try {
      child = spawn(file, args, {
        cwd: r.cwd,
        env: r.env,
        // A session of its own, as Emacs gives its children: signals go to the whole group.
        detached: true,
        argv0: merge ? 'sh' : r.file,
        stdio: r.detachedDiscard ? 'ignore' : ['pipe', 'pipe', r.stderr === 'pipe' ? 'pipe' : 'ignore'],
      });
    } catch (e) {
      this.reply(requestId, { ok: false, failure: failure(e) });
      return;
    }
    if (r.detachedDiscard) {
      child.on('error', () => {});
      child.on('spawn', () => this.reply(requestId, { ok: true, pid: child.pid ?? -1 }));
      child.once('error', (e) => this.reply(requestId, { ok: false, failure: failure(e) }));
      child.unref();
      return;
    }
    const entry: Entry = { child, unread: 0, closed: false, ended: false };
    let spawned = false;
    child.once('spawn', () => {
      spawned = true;
      this.entries.set(r.id, entry);
      this.reply(requestId, { ok: true, pid: child.pid ?? -1 });
    });
    child.on('error', (e) => {
      if (!spawned) {
        spawned = true;
        this.reply(requestId, { ok: false, failure: failure(e) });
      }
      // Later errors (a failed kill) change nothing: the end comes through 'exit'.
    });
    // A child that exits or closes its input early makes writes fail with EPIPE: Emacs ignores that too.
    child.stdin?.on('error', () => {});
    const read = (stream: 1 | 2) => (chunk: Buffer): void => {
      if (entry.closed || entry.ended) return;
      this.post({ type: 'child-data', id: r.id, stream, data: wire(chunk) });
      entry.unread += chunk.length;
      if (entry.unread > HIGH_WATER) {
        child.stdout?.pause();
        child.stderr?.pause();
      }
    };
    child.stdout?.on('data', read(1));
    child.stdout?.on('error', () => {});
    child.stderr?.on('data', read(2));
    child.stderr?.on('error', () => {});
    let exitCode: number | null = null;
    let exitSignal: number | null = null;
    const end = (): void => {
      if (entry.ended) return;
      entry.ended = true;
      this.entries.delete(r.id);
      if (!entry.closed) this.post({ type: 'child-exit', id: r.id, code: exitCode, signal: exitSignal });
      child.stdout?.destroy();
      child.stderr?.destroy();
      child.stdin?.destroy();
    };
    child.on('exit', (code, sig) => {
      exitCode = code;
      exitSignal = signalNumber(sig);
      // Output still in the pipes comes first ('close'), unless a grandchild holds them open.
      const t = setTimeout(end, CLOSE_GRACE_MS);
      t.unref();
    });
    child.on('close', (code, sig) => {
      if (exitCode === null && exitSignal === null) {
        exitCode = code;
        exitSignal = signalNumber(sig);
      }
      end();
    });
  }

  private run(op: ChildOp): void {
    const entry = this.entries.get(op.id);
    if (entry === undefined) return;
    const { child } = entry;
    switch (op.op) {
      case 'child-write': {
        const stdin = child.stdin;
        if (stdin === null || stdin.destroyed || stdin.writableEnded) return;
        if (typeof op.data === 'string') stdin.write(op.data, 'latin1');
        else stdin.write(op.data);
        return;
      }
      case 'child-eof':
        child.stdin?.end();
        return;
      case 'child-close':
        entry.closed = true;
        this.entries.delete(op.id);
        child.stdin?.destroy();
        child.stdout?.destroy();
        child.stderr?.destroy();
        return;
      case 'child-consumed':
        entry.unread = Math.max(0, entry.unread - op.bytes);
        if (entry.unread <= HIGH_WATER) {
          child.stdout?.resume();
          child.stderr?.resume();
        }
        return;
    }
  }

  /**
   * The run ends: every child still running gets SIGHUP (its whole process
   * group), as Emacs sends its live subprocesses when it exits.
   */
  shutdown(): void {
    this.closedAll = true;
    for (const [id, entry] of [...this.entries]) {
      entry.closed = true;
      this.entries.delete(id);
      const pid = entry.child.pid;
      if (pid !== undefined && entry.child.exitCode === null && entry.child.signalCode === null) {
        try {
          process.kill(-pid, 'SIGHUP');
        } catch {
          try {
            entry.child.kill('SIGHUP');
          } catch {
            // already gone
          }
        }
      }
      entry.child.stdin?.destroy();
      entry.child.stdout?.destroy();
      entry.child.stderr?.destroy();
      entry.child.unref();
    }
  }
}
