// The interpreter thread's entry module. Loads the interpreter, then waits
// for its first event: a batch plan to run, or a session to serve. Bundled by
// scripts/bundle-worker.mjs as CommonJS (no top-level await here, for that),
// and then started by the code-cache loader in src/host/main-link.ts.
import { workerData } from 'node:worker_threads';
import { WorkerHost } from '../host/worker-host.js';
import { attachSharedBlock } from '../host/quit.js';
import type { WorkerStart } from '../host/protocol.js';

/** Set by the bundle loader: saves the V8 code cache once the interpreter is loaded (and its startup code compiled). */
interface LoaderHooks {
  elispInterpreterLoaded?: () => void;
}

const start = workerData as WorkerStart;
attachSharedBlock(new Int32Array(start.shared));
const host: WorkerHost = new WorkerHost(start);

function describe(e: unknown): string {
  if (e instanceof Error) return e.message;
  if (e !== null && typeof e === 'object' && 'symbol' in e) {
    const sym = (e as { symbol: { name: string } }).symbol;
    return `(${sym.name} ...)`;
  }
  return String(e);
}

async function run(): Promise<never> {
  // Imported here, not statically, so that a failure while loading the
  // interpreter (a Lisp error in the startup library, say) is reported as a
  // Lisp error rather than a JavaScript stack.
  let batch: typeof import('./batch.js');
  let session: typeof import('./session.js');
  try {
    batch = await import('./batch.js');
    session = await import('./session.js');
  } catch (e) {
    host.writeStderr(`Error while loading the interpreter: ${describe(e)}\n`);
    host.exit(255);
  }

  host.post({ type: 'ready' });
  (globalThis as LoaderHooks).elispInterpreterLoaded?.();
  for (;;) {
    const events = host.waitEvents(Infinity);
    for (let event = events.shift(); event !== undefined; event = events.shift()) {
      if (event.type === 'batch') {
        let status: number;
        try {
          status = batch.runBatch(host, event.plan);
        } catch (e) {
          // runBatch reports everything itself; this is a last resort.
          host.writeStderr(`internal error: ${describe(e)}\n`);
          status = 255;
        }
        host.exit(status);
      }
      if (event.type === 'session') {
        // What came with it (the first requests) is the session's to serve.
        host.unread(events);
        session.runSession(host, event);
      }
      if (event.type === 'close') host.exit(0);
    }
  }
}

void run();
