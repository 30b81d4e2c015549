// The main thread's socket server for network processes: it owns every
// net/dgram socket, carries out the worker's commands (protocol.ts NetOp and
// NetRequest) and reports socket events back as NetEvents, in order, through
// the worker's one event channel. It knows sockets by number and bytes only,
// never Lisp objects. No socket error may escape: every socket has an
// 'error' listener, and a peer that resets a connection just ends it.
import * as net from 'node:net';
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import * as tls from 'node:tls';
import { WriteSlots } from './write-slots.js';
import { readFast, stopReading, resumeReading } from './fast-read.js';
import {
  ACCEPTED_ID_BASE, NET_STRING_BYTES, packNetData, type ToWorkerItem, type NetBytes, type FromWorker, type NetAddress, type NetFailure, type NetFamily, type NetId,
  type NetOp, type NetRequest, type NetReplyValue,
} from './protocol.js';

/** Unread bytes queued for the worker per socket above which main stops reading it. */
const HIGH_WATER = 4 * 1024 * 1024;

type SocketEntry = Extract<Entry, { kind: 'socket' }>;

type Entry =
  | { kind: 'server'; server: net.Server; paused: boolean; pending: net.Socket[]; family: NetFamily; path: string | null }
  /** unread: bytes reported to the worker and not yet consumed (for pausing). */
  | { kind: 'socket'; socket: net.Socket; userPaused: boolean; closing: boolean; fastRead: boolean; unread: number }
  | { kind: 'dgram'; socket: dgram.Socket; family: NetFamily; userPaused: boolean; bound: boolean };

const ERRNO: Record<string, number> = {
  EPERM: 1, ENOENT: 2, EINTR: 4, EIO: 5, EBADF: 9, EAGAIN: 11, ENOMEM: 12, EACCES: 13, EINVAL: 22, EPIPE: 32,
  ENOTSOCK: 88, EPROTOTYPE: 91, EPROTONOSUPPORT: 93, ESOCKTNOSUPPORT: 94, EOPNOTSUPP: 95, EAFNOSUPPORT: 97,
  EADDRINUSE: 98, EADDRNOTAVAIL: 99, ENETDOWN: 100, ENETUNREACH: 101, ECONNABORTED: 103, ECONNRESET: 104,
  ENOTCONN: 107, ETIMEDOUT: 110, ECONNREFUSED: 111, EHOSTDOWN: 112, EHOSTUNREACH: 113, EALREADY: 114,
  EINPROGRESS: 115, ENOTFOUND: -2, EAI_AGAIN: -3, EAI_FAIL: -4,
};

function failure(e: unknown): NetFailure {
  const err = e as NodeJS.ErrnoException;
  const code = typeof err?.code === 'string' ? err.code : 'EIO';
  const errno = ERRNO[code] ?? (typeof err?.errno === 'number' ? Math.abs(err.errno) : 5);
  return { code, errno };
}

/** Bytes as they travel to the worker. */
function wire(chunk: Buffer): NetBytes {
  return chunk.length <= NET_STRING_BYTES ? chunk.toString('latin1') : chunk;
}

function bytes(data: NetBytes): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
}

function familyOf(address: string): NetFamily {
  return net.isIPv6(address) ? 'ipv6' : 'ipv4';
}

function socketAddress(family: string | undefined, address: string | undefined, port: number | undefined): NetAddress {
  const a = address ?? '';
  return { family: family === 'IPv6' || net.isIPv6(a) ? 'ipv6' : 'ipv4', address: a, port: port ?? 0 };
}

function localOf(s: net.Socket, unixPath: string | null): NetAddress {
  if (unixPath !== null) return { family: 'local', address: unixPath, port: 0 };
  return socketAddress(s.localFamily, s.localAddress, s.localPort);
}

function remoteOf(s: net.Socket, unixPath: string | null): NetAddress {
  if (unixPath !== null) return { family: 'local', address: unixPath, port: 0 };
  return socketAddress(s.remoteFamily, s.remoteAddress, s.remotePort);
}

export class NetServer {
  private readonly entries = new Map<NetId, Entry>();
  private nextAcceptedId = ACCEPTED_ID_BASE;
  private closed = false;
  private shutdownDone: Promise<void> | null = null;

  private readonly writeSlots: WriteSlots | null;

  /**
   * post queues one event for the worker (InterpreterWorker.post batches per
   * loop turn); with writeSlots, the worker writes to connections directly;
   * sendRead, when it returns true, has passed a connection read on by itself
   * (the event ring).
   */
  constructor(
    private readonly post: (event: ToWorkerItem) => void,
    writeSlots: SharedArrayBuffer | null = null,
    private readonly sendRead: ((id: NetId, data: Buffer, length: number) => boolean) | null = null,
  ) {
    this.writeSlots = writeSlots === null ? null : new WriteSlots(writeSlots);
  }

  /** Handles a worker message if it is a network one; returns whether it was. */
  handle(message: FromWorker): boolean {
    switch (message.type) {
      case 'net':
        for (const op of message.ops) this.run(op);
        return true;
      case 'net-request':
        this.request(message.id, message.request);
        return true;
      default:
        return false;
    }
  }

  /** Whether any socket or server is open. */
  get active(): boolean {
    return this.entries.size > 0;
  }

  private reply(id: number, value: NetReplyValue): void {
    this.post({ type: 'net-reply', id, value });
  }

  private request(id: number, r: NetRequest): void {
    try {
      switch (r.kind) {
        case 'listen':
          if (r.type === 'datagram') this.bindDatagram(r, (v) => this.reply(id, v));
          else this.listen(r, (v) => this.reply(id, v));
          return;
        case 'connect':
          this.connect(r, (v) => this.reply(id, v));
          return;
        case 'lookup':
          this.lookup(r.host, r.family, (v) => this.reply(id, v));
          return;
      }
    } catch (e) {
      this.reply(id, { ok: false, failure: failure(e) });
    }
  }

  private lookup(host: string, family: NetFamily | null, done: (v: NetReplyValue) => void): void {
    const fam = family === 'ipv4' ? 4 : family === 'ipv6' ? 6 : 0;
    dns.lookup(host, { all: true, family: fam, verbatim: true }, (err, addresses) => {
      if (err) {
        done({ ok: false, failure: failure(err) });
        return;
      }
      done({ ok: true, addresses: addresses.map((a) => ({ family: a.family === 6 ? 'ipv6' : 'ipv4', address: a.address, port: 0 })) });
    });
  }

  private listen(r: Extract<NetRequest, { kind: 'listen' }>, done: (v: NetReplyValue) => void): void {
    const server = net.createServer({ pauseOnConnect: true, noDelay: true });
    const path = r.family === 'local' ? r.address : null;
    const entry: Entry = { kind: 'server', server, paused: r.paused, pending: [], family: r.family, path };
    let listening = false;
    server.on('error', (e) => {
      if (!listening) {
        done({ ok: false, failure: failure(e) });
        return;
      }
      // A listening server that fails (EMFILE...) just stops accepting.
    });
    server.on('connection', (socket) => {
      socket.on('error', () => {});
      if (this.closed) {
        socket.destroy();
        return;
      }
      if (entry.paused) entry.pending.push(socket);
      else this.accepted(r.id, entry, socket);
    });
    const onListening = (): void => {
      listening = true;
      this.entries.set(r.id, entry);
      if (path !== null) {
        done({ ok: true, local: { family: 'local', address: path, port: 0 } });
        return;
      }
      const a = server.address() as net.AddressInfo;
      done({ ok: true, local: socketAddress(a.family, a.address, a.port) });
    };
    // Main accepts at once and queues the connection for Lisp, so Emacs's small default backlog (5)
    // only loses connections in a burst (the kernel drops them): give the kernel room.
    const backlog = Math.max(r.backlog, 511);
    if (path !== null) server.listen({ path, backlog }, onListening);
    else server.listen({ host: r.address, port: r.port, backlog, exclusive: true, ipv6Only: false }, onListening);
  }

  private accepted(serverId: NetId, server: Extract<Entry, { kind: 'server' }>, socket: net.Socket): void {
    const id = this.nextAcceptedId++;
    socket.setNoDelay(true);
    const entry: SocketEntry = { kind: 'socket', socket, userPaused: false, closing: false, fastRead: false, unread: 0 };
    this.entries.set(id, entry);
    const direct = this.writeSlots?.open(socket) ?? undefined;
    this.post({
      type: 'net-accept', server: serverId, id, local: localOf(socket, server.path), remote: remoteOf(socket, server.path === null ? null : ''), direct,
    });
    this.attach(id, entry);
    socket.resume();
  }

  private attach(id: NetId, entry: SocketEntry, rawReads = true): void {
    const socket = entry.socket;
    let ended = false;
    const eof = (): void => {
      if (ended) return;
      ended = true;
      if (entry.closing) return;
      this.post({ type: 'net-eof', id });
    };
    const counted = (length: number): void => {
      entry.unread += length;
      if (entry.unread > HIGH_WATER) this.stop(entry);
    };
    const received = (data: NetBytes, length: number): void => {
      this.post(typeof data === 'string' ? packNetData(id, data) : { type: 'net-data', id, data });
      counted(length);
    };
    const sendRead = this.sendRead;
    entry.fastRead =
      rawReads &&
      readFast(socket, (buffer, length) => {
        if (entry.closing) return;
        if (sendRead !== null && sendRead(id, buffer, length)) {
          counted(length);
          return;
        }
        // The next read reuses the buffer: what travels is a copy.
        received(length <= NET_STRING_BYTES ? buffer.toString('latin1', 0, length) : Buffer.from(buffer.subarray(0, length)), length);
      });
    if (!entry.fastRead) {
      socket.on('data', (chunk: Buffer) => {
        if (!entry.closing) received(wire(chunk), chunk.length);
      });
    }
    socket.on('end', eof);
    socket.on('error', eof);
    socket.on('close', () => {
      eof();
      this.entries.delete(id);
    });
  }

  /** Stops reading a connection until it is resumed. */
  private stop(entry: SocketEntry): void {
    if (entry.fastRead) stopReading(entry.socket);
    else entry.socket.pause();
  }

  private resume(entry: SocketEntry): void {
    if (entry.fastRead) resumeReading(entry.socket);
    else entry.socket.resume();
  }

  private connect(r: Extract<NetRequest, { kind: 'connect' }>, done: (v: NetReplyValue) => void): void {
    const path = r.family === 'local' ? r.address : null;
    if (path === null && (r.port < 0 || r.port > 65535)) {
      done({ ok: false, failure: { code: 'ECONNREFUSED', errno: 111 } });
      return;
    }
    const bind = { ...(r.localAddress ? { localAddress: r.localAddress } : {}), ...(r.localPort ? { localPort: r.localPort } : {}) };
    const secure = r.tls !== undefined && path === null;
    const socket: net.Socket =
      path !== null
        ? net.connect({ path })
        : secure
          ? // tls.connect hands host, port and the net.connect options (noDelay, the local address) to its TCP socket.
            tls.connect({ host: r.address, port: r.port, noDelay: true, ...bind, ...(r.tls!.servername !== null ? { servername: r.tls!.servername } : {}) } as tls.ConnectionOptions)
          : net.connect({ host: r.address, port: r.port, noDelay: true, ...bind });
    let connected = false;
    const onError = (e: Error): void => {
      if (connected) return;
      connected = true;
      socket.destroy();
      const f = failure(e);
      // A certificate that does not verify is no errno: what it says is the message.
      if (secure && !(f.code in ERRNO)) f.code = e.message;
      done({ ok: false, failure: f });
    };
    socket.once('error', onError);
    // A TLS client is open once its handshake is done (and the certificate checked).
    socket.once(secure ? 'secureConnect' : 'connect', () => {
      connected = true;
      socket.off('error', onError);
      socket.on('error', () => {});
      if (this.closed) {
        socket.destroy();
        return;
      }
      if (r.paused) socket.pause();
      const entry: SocketEntry = { kind: 'socket', socket, userPaused: r.paused, closing: false, fastRead: false, unread: 0 };
      this.entries.set(r.id, entry);
      this.attach(r.id, entry, !secure);
      // The descriptor of a TLS socket carries ciphertext: the worker's bytes must go through Node's TLS.
      const direct = secure ? undefined : (this.writeSlots?.open(socket) ?? undefined);
      done({ ok: true, local: localOf(socket, path === null ? null : ''), remote: remoteOf(socket, path), direct });
    });
  }

  private bindDatagram(r: Extract<NetRequest, { kind: 'listen' }>, done: (v: NetReplyValue) => void): void {
    if (r.family === 'local') {
      // Node has no Unix datagram sockets.
      done({ ok: false, failure: { code: 'ESOCKTNOSUPPORT', errno: 94 } });
      return;
    }
    const socket = dgram.createSocket({ type: r.family === 'ipv6' ? 'udp6' : 'udp4', reuseAddr: false });
    let bound = false;
    socket.on('error', (e) => {
      if (!bound) {
        bound = true;
        socket.close();
        done({ ok: false, failure: failure(e) });
      }
    });
    socket.bind({ address: r.address, port: r.port, exclusive: true }, () => {
      bound = true;
      const entry: Entry = { kind: 'dgram', socket, family: r.family, userPaused: r.paused, bound: true };
      this.entries.set(r.id, entry);
      this.attachDatagram(r.id, socket);
      const a = socket.address();
      done({ ok: true, local: socketAddress(a.family, a.address, a.port) });
    });
  }

  private attachDatagram(id: NetId, socket: dgram.Socket): void {
    socket.on('message', (msg, rinfo) => {
      const entry = this.entries.get(id);
      if (entry === undefined || entry.kind !== 'dgram') return;
      this.post({ type: 'net-data', id, data: wire(msg), from: socketAddress(rinfo.family, rinfo.address, rinfo.port) });
    });
    socket.on('close', () => this.entries.delete(id));
  }

  private run(op: NetOp): void {
    try {
      this.runOp(op);
    } catch {
      // A command on a socket that just went away: nothing to do.
    }
  }

  private runOp(op: NetOp): void {
    if (op.op === 'connect') {
      const r = op.request;
      this.connect(r, (value) => this.post({ type: 'net-connect', id: r.id, value }));
      return;
    }
    if (op.op === 'dgram-open') {
      const socket = dgram.createSocket({ type: op.family === 'ipv6' ? 'udp6' : 'udp4' });
      socket.on('error', () => {});
      this.entries.set(op.id, { kind: 'dgram', socket, family: op.family, userPaused: op.paused, bound: false });
      this.attachDatagram(op.id, socket);
      return;
    }
    if (op.op === 'consumed') {
      this.consumed(op.id, op.bytes);
      return;
    }
    const entry = this.entries.get(op.id);
    if (entry === undefined) return;
    switch (op.op) {
      case 'write':
        if (entry.kind === 'socket' && !entry.closing && entry.socket.writable) {
          if (typeof op.data === 'string') entry.socket.write(op.data, 'latin1');
          else entry.socket.write(op.data);
        }
        return;
      case 'send':
        if (entry.kind === 'dgram') entry.socket.send(bytes(op.data), op.port, op.address, () => {});
        return;
      case 'eof':
        if (entry.kind === 'socket') entry.socket.end();
        return;
      case 'close':
        this.close(op.id, entry);
        return;
      case 'pause':
        this.pause(entry, true);
        return;
      case 'resume':
        this.pause(entry, false);
        if (entry.kind === 'server') this.drainPending(op.id, entry);
        return;
      case 'option':
        if (entry.kind === 'socket') {
          if (op.name === 'keepalive') entry.socket.setKeepAlive(op.value === true);
          if (op.name === 'nodelay') entry.socket.setNoDelay(op.value === true);
        }
        return;
    }
  }

  /** The worker consumed bytes of id: resume reading below the high-water mark. */
  consumed(id: NetId, bytes: number): void {
    const entry = this.entries.get(id);
    if (entry === undefined || entry.kind !== 'socket') return;
    entry.unread = Math.max(0, entry.unread - bytes);
    if (!entry.userPaused && entry.unread <= HIGH_WATER && entry.socket.isPaused()) {
      this.resume(entry);
    }
  }

  private pause(entry: Entry, on: boolean): void {
    switch (entry.kind) {
      case 'server':
        entry.paused = on;
        return;
      case 'socket':
        entry.userPaused = on;
        if (on) this.stop(entry);
        else this.resume(entry);
        return;
      case 'dgram':
        entry.userPaused = on;
        return;
    }
  }

  private drainPending(id: NetId, entry: Extract<Entry, { kind: 'server' }>): void {
    const pending = entry.pending.splice(0);
    for (const s of pending) {
      if (s.destroyed) continue;
      this.accepted(id, entry, s);
    }
  }

  private close(id: NetId, entry: Entry): void {
    this.entries.delete(id);
    switch (entry.kind) {
      case 'server':
        for (const s of entry.pending) s.destroy();
        entry.server.close();
        // Emacs leaves a Unix socket file in place; Node would unlink it only in close's callback path for pipes it owns.
        return;
      case 'socket':
        entry.closing = true;
        entry.socket.removeAllListeners('data');
        entry.socket.on('data', () => {});
        this.resume(entry);
        // After the pending writes: data sent just before delete-process still reaches the peer.
        entry.socket.destroySoon();
        return;
      case 'dgram':
        entry.socket.close();
        return;
    }
  }

  /**
   * Closes everything, letting pending writes finish (bounded by timeoutMs):
   * the end of a batch run, where Emacs closes its processes as it exits.
   */
  shutdown(timeoutMs = 1000): Promise<void> {
    this.shutdownDone ??= this.closeAll(timeoutMs);
    return this.shutdownDone;
  }

  private closeAll(timeoutMs: number): Promise<void> {
    this.closed = true;
    const waits: Promise<void>[] = [];
    for (const [id, entry] of [...this.entries]) {
      if (entry.kind === 'socket') {
        waits.push(
          new Promise<void>((resolve) => {
            if (entry.socket.destroyed) resolve();
            else entry.socket.once('close', () => resolve());
          }),
        );
      }
      this.close(id, entry);
    }
    if (waits.length === 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      timer.unref();
      void Promise.all(waits).then(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export { familyOf };
