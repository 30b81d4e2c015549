// The command line: `elisp [options] [FILE [ARGS...]]`, read like
// `emacs -Q --batch [options] -l FILE ARGS...`. Commander validates the
// options and writes --help and --version; the ordered plan (Emacs runs
// --eval and -l in command-line order) comes from one scan of argv below,
// which follows the same grammar.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, CommanderError } from 'commander';
import type { BatchAction, BatchPlan } from '../host/protocol.js';

export type CommandLine =
  | { kind: 'batch'; plan: BatchPlan }
  | { kind: 'repl'; commandLineArgs: string[]; invocationName: string; invocationDirectory: string }
  /** Commander already printed help, the version or an error; exit with this status. */
  | { kind: 'exit'; status: number };

export const PROGRAM_NAME = 'elisp';

export function packageVersion(): string {
  try {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const pkg = JSON.parse(fs.readFileSync(path.join(here, '..', '..', 'package.json'), 'utf8')) as { version?: string };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

function program(): Command {
  return new Command(PROGRAM_NAME)
    .usage('[options] [FILE [ARGS...]]')
    .description(
      'Emacs Lisp with GNU Emacs 28.2 semantics.\n\n' +
        'elisp FILE ARGS... runs FILE like `emacs -Q --batch -l FILE ARGS...`:\n' +
        'the script sees ARGS in command-line-args-left. With no FILE and no\n' +
        '--eval or -l, elisp starts an interactive REPL.',
    )
    .argument('[file]', 'Emacs Lisp file to run')
    .argument('[args...]', 'arguments for FILE (command-line-args-left)')
    .option('--eval <form>', 'evaluate FORM, like emacs --eval (repeatable)')
    .option('-l, --load <file>', 'load FILE, like emacs -l (repeatable)')
    .option('-f, --funcall <function>', 'call FUNCTION with no arguments, like emacs -f (repeatable)')
    .option('--script <file>', 'run FILE, like emacs --script')
    .option('-Q, --quick', 'accepted for compatibility with emacs (no init files are ever read)')
    .option('--batch', 'exit when the script ends, as emacs --batch does, even if it leaves live network processes')
    .option('--keep-serving', 'after the script, serve its network processes until the last one is deleted')
    .version(packageVersion(), '-V, --version', 'print the version and exit')
    .helpOption('-h, --help', 'show this help and exit')
    .passThroughOptions()
    .allowExcessArguments(true)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => fs.writeSync(1, s),
      writeErr: (s) => fs.writeSync(2, s),
    });
}

/** Options the parser skips: -Q changes nothing, --batch is read by main.ts. */
const IGNORED = new Set(['-Q', '--quick', '--batch']);

/** Parses argv (without node and the script). */
export function parseCommandLine(argv: readonly string[], invocation: { name: string; directory: string }): CommandLine {
  try {
    program().parse([...argv], { from: 'user' });
  } catch (e) {
        // Emacs exits with 255 on an unknown option, as on any error.
    if (e instanceof CommanderError) return { kind: 'exit', status: e.exitCode === 0 ? 0 : 255 };
    throw e;
  }
  const actions: BatchAction[] = [];
  const commandLineArgs = [invocation.name, ...argv.filter((a) => !IGNORED.has(a))];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (IGNORED.has(arg)) continue;
    const inline = /^(--eval|--load|--script|--funcall)=(.*)$/s.exec(arg);
    if (inline) {
      actions.push(action(inline[1], inline[2], argv.slice(i + 1)));
      if (inline[1] === '--script') return batch(actions, commandLineArgs, invocation);
      continue;
    }
    if (arg === '--eval' || arg === '-l' || arg === '--load' || arg === '--script' || arg === '-f' || arg === '--funcall') {
      actions.push(action(arg, argv[i + 1], argv.slice(i + 2)));
      if (arg === '--script') return batch(actions, commandLineArgs, invocation);
      i++;
      continue;
    }
    if (arg.startsWith('-l') && arg.length > 2) {
      actions.push(action('-l', arg.slice(2), argv.slice(i + 1)));
      continue;
    }
    if (arg === '--') {
      if (i + 1 < argv.length) actions.push(action('-l', argv[i + 1], argv.slice(i + 2)));
      return batch(actions, commandLineArgs, invocation);
    }
    // The first other argument is the script; the rest are its arguments.
    actions.push(action('-l', arg, argv.slice(i + 1)));
    return batch(actions, commandLineArgs, invocation);
  }
  if (actions.length === 0) {
    return { kind: 'repl', commandLineArgs, invocationName: invocation.name, invocationDirectory: invocation.directory };
  }
  return batch(actions, commandLineArgs, invocation);
}

function action(option: string, value: string, argsLeft: string[]): BatchAction {
  if (option === '--eval') return { kind: 'eval', source: value, argsLeft };
  // -f FUNCTION: called with no arguments (interned as emacs -f does: no reader syntax involved).
  if (option === '-f' || option === '--funcall') return { kind: 'eval', source: `(funcall (intern ${JSON.stringify(value)}))`, argsLeft };
  return { kind: 'load', file: value, argsLeft };
}

function batch(actions: BatchAction[], commandLineArgs: string[], invocation: { name: string; directory: string }): CommandLine {
  return {
    kind: 'batch',
    plan: { actions, commandLineArgs, invocationName: invocation.name, invocationDirectory: invocation.directory },
  };
}
