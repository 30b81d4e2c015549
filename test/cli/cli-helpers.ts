// Running the built CLI on small temporary scripts.
import { afterAll } from 'vitest';
import { spawn, type SpawnOptions } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const elispBin = path.join(repoRoot, 'bin', 'elisp.js');

export interface CliResult {
  stdout: string;
  stderr: string;
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface CliOptions {
  cwd?: string;
  stdin?: string;
  /** Called once the process started, e.g. to send it a signal. */
  started?: (child: ReturnType<typeof spawn>) => void;
  timeoutMs?: number;
  /** Variables added to the environment. */
  env?: Record<string, string>;
}

/** Runs `node bin/elisp.js ...args` in a UTF-8 locale. */
export function runElisp(args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const spawnOptions: SpawnOptions = {
      cwd: options.cwd ?? os.tmpdir(),
      env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    };
    const child = spawn(process.execPath, [elispBin, ...args], spawnOptions);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`elisp ${args.join(' ')} timed out; stdout: ${stdout}; stderr: ${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code, signal });
    });
    child.stdin!.end(options.stdin ?? '');
    options.started?.(child);
  });
}

let tmpDir: string | null = null;

afterAll(() => {
  if (tmpDir !== null) fs.rmSync(tmpDir, { recursive: true, force: true });
  tmpDir = null;
});

/** Writes a script into a fresh temporary directory and returns its path. */
export function script(name: string, text: string): string {
  tmpDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'elisp-cli-test-'));
  const file = path.join(tmpDir, name);
  fs.writeFileSync(file, text);
  return file;
}

/** Runs a script given as text: `elisp NAME.el ...args`, in the script's directory. */
export function runScript(text: string, args: string[] = [], options: CliOptions = {}): Promise<CliResult> {
  const file = script(`s${Math.random().toString(36).slice(2, 8)}.el`, text);
  return runElisp([path.basename(file), ...args], { cwd: path.dirname(file), ...options });
}

/** A JavaScript stack frame or Node internals in output: must never appear. */
export const JS_STACK = /\bat .*\.(js|ts|mjs):\d+|node:internal|TypeError|ReferenceError|RangeError/;
