// The command line, read as `emacs -Q --batch` reads it: --eval and -l run
// in order, the first other argument is the script, and everything after it
// is the script's (command-line-args-left).
import { describe, it, expect } from 'vitest';
import { parseCommandLine } from '../../src/cli/args.js';

const inv = { name: 'elisp', directory: '/usr/bin/' };

describe('parseCommandLine', () => {
  it('runs FILE with ARGS left for the script', () => {
    expect(parseCommandLine(['hello.el', 'a', '--eval', 'b'], inv)).toEqual({
      kind: 'batch',
      plan: {
        actions: [{ kind: 'load', file: 'hello.el', argsLeft: ['a', '--eval', 'b'] }],
        commandLineArgs: ['elisp', 'hello.el', 'a', '--eval', 'b'],
        invocationName: 'elisp',
        invocationDirectory: '/usr/bin/',
      },
    });
  });

  it('keeps --eval and -l in command-line order, each seeing the arguments after it', () => {
    const cl = parseCommandLine(['--eval', '(a)', '-l', 'x.el', '--eval=(b)', '--load=y.el', 'z.el', 'arg'], inv);
    expect(cl.kind).toBe('batch');
    if (cl.kind !== 'batch') return;
    expect(cl.plan.actions).toEqual([
      { kind: 'eval', source: '(a)', argsLeft: ['-l', 'x.el', '--eval=(b)', '--load=y.el', 'z.el', 'arg'] },
      { kind: 'load', file: 'x.el', argsLeft: ['--eval=(b)', '--load=y.el', 'z.el', 'arg'] },
      { kind: 'eval', source: '(b)', argsLeft: ['--load=y.el', 'z.el', 'arg'] },
      { kind: 'load', file: 'y.el', argsLeft: ['z.el', 'arg'] },
      { kind: 'load', file: 'z.el', argsLeft: ['arg'] },
    ]);
  });

  it('drops -Q and --batch, which change nothing, from command-line-args as Emacs does', () => {
    const cl = parseCommandLine(['-Q', '--batch', '-l', 'f.el'], inv);
    expect(cl.kind === 'batch' && cl.plan.commandLineArgs).toEqual(['elisp', '-l', 'f.el']);
  });

  it('starts the REPL when there is nothing to run', () => {
    expect(parseCommandLine([], inv).kind).toBe('repl');
  });
});
