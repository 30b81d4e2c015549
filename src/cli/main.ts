// The `elisp` command, main thread. It starts the interpreter worker first
// (the worker loads the interpreter while we parse the command line), then
// sends it a batch plan or runs the REPL, forwards signals, and exits with
// the worker's status. It never runs Lisp.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { InterpreterWorker, freshestBuild } from '../host/main-link.js';
import type { SpawnedThread } from '../host/worker-spawn.js';
import type { AfterScript, FromWorker } from '../host/protocol.js';
import type { Repl } from './repl.js';

const PROGRAM_NAME = 'elisp';

/** How long a worker may take to unwind after a fatal signal before main exits anyway. */
const KILL_GRACE_MS = 1000;

/** Exit statuses Emacs 28 uses in batch mode for these signals: the signal number. */
const FATAL_SIGNALS: ReadonlyArray<[NodeJS.Signals, number]> = [
  ['SIGINT', 2],
  ['SIGTERM', 15],
  ['SIGHUP', 1],
];

function die(message: string, status = 255): never {
  try {
    fs.writeSync(2, `${PROGRAM_NAME}: ${message}\n`);
  } catch {
    // stderr is gone too
  }
  process.exit(status);
}

/** Nothing on the main thread may end in a JavaScript stack trace. */
function installCrashHandlers(): void {
  process.on('uncaughtException', (e) => die(`internal error: ${e instanceof Error ? e.message : String(e)}`));
  process.on('unhandledRejection', (e) => die(`internal error: ${e instanceof Error ? e.message : String(e)}`));
}

function invocation(): { name: string; directory: string } {
  const script = process.argv[1] ? fs.realpathSync(process.argv[1]) : process.cwd();
  return { name: PROGRAM_NAME, directory: path.dirname(script) + '/' };
}

/** The worker's own option: not passed to the command-line parser (Emacs has no such option). */
const KEEP_SERVING = '--keep-serving';

/**
 * What to do with live processes after the script: --keep-serving serves
 * them, --batch (Emacs's own option) exits as `emacs --batch` does, and
 * without either the script decides (src/process/serve.ts). Only options
 * before the script count: the script's own arguments are its own.
 */
function afterScriptMode(argv: readonly string[]): AfterScript {
  let mode: AfterScript = 'auto';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === KEEP_SERVING) mode = 'serve';
    else if (a === '--batch' && mode === 'auto') mode = 'exit';
    else if (a === '--') break;
    else if (a === '--eval' || a === '-l' || a === '--load') i++;
    else if (a === '--script' || !a.startsWith('-')) break;
  }
  return mode;
}

/** argv without --keep-serving before the script. */
function withoutKeepServing(argv: readonly string[]): string[] {
  const out: string[] = [];
  let inScript = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!inScript && a === KEEP_SERVING) continue;
    out.push(a);
    if (inScript) continue;
    if (a === '--eval' || a === '-l' || a === '--load') {
      if (i + 1 < argv.length) out.push(argv[++i]);
    } else if (a === '--' || a === '--script' || !a.startsWith('-')) inScript = true;
  }
  return out;
}

/** spawned: the interpreter thread, when bin/elisp.js started it already. */
export async function main(argv: readonly string[] = process.argv.slice(2), spawned: SpawnedThread | null = null): Promise<void> {
  installCrashHandlers();
  let repl: Repl | null = null;
  let exiting = false;
  // Sockets are closed gracefully first, so that bytes written just before the end still reach their peers.
  const exitWith = (code: number): void => {
    if (exiting) return;
    exiting = true;
    link.children.shutdown();
    void link.net.shutdown().then(() => process.exit(code));
  };
  const link = new InterpreterWorker({
    entry: freshestBuild(fileURLToPath(new URL('./worker.js', import.meta.url))),
    spawned,
    onMessage(message: FromWorker) {
      if (message.type === 'exit') {
        exitWith(message.code);
        return;
      }
      repl?.onMessage(message);
    },
    onExit(code, error) {
      if (error !== null) die(`internal error: ${error.message}`);
      exitWith(code);
    },
  });

  const afterScript = afterScriptMode(argv);
  argv = withoutKeepServing(argv);

  // Loaded after the worker started, so that it loads the interpreter meanwhile.
  const { parseCommandLine, packageVersion } = await import('./args.js');
  const commandLine = parseCommandLine(argv, invocation());
  if (commandLine.kind === 'exit') process.exit(commandLine.status);

  if (commandLine.kind === 'batch') {
    link.post({ type: 'batch', plan: { ...commandLine.plan, afterScript } });
    for (const [sig, status] of FATAL_SIGNALS) {
      process.on(sig, () => {
        // A second signal, or a worker that does not unwind in time: exit at once.
        if (link.hasExited) process.exit(status);
        link.kill(status);
        const timer = setTimeout(() => process.exit(status), KILL_GRACE_MS);
        timer.unref();
        process.removeAllListeners(sig);
        process.on(sig, () => process.exit(status));
      });
    }
    return;
  }

  link.post({
    type: 'session',
    input: 'relay',
    commandLineArgs: commandLine.commandLineArgs,
    invocationName: commandLine.invocationName,
    invocationDirectory: commandLine.invocationDirectory,
  });
  const { Repl } = await import('./repl.js');
  repl = new Repl(link, {
    banner: `${PROGRAM_NAME} ${packageVersion()}: Emacs Lisp with GNU Emacs 28.2 semantics. Ctrl-D exits.`,
  });
  const r = repl;
  process.on('SIGINT', () => r.interrupt());
}
