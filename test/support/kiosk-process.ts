// Starts the compiled kiosk in its own process and working directory, as `npm start` does (the development
// kiosk: a configuration or the embedded default) or as a production kiosk does (the production agent, which
// needs a configuration), and reads the URL it prints. Build it first (build-kiosk.ts).

import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(import.meta.dirname, '..', '..');

export interface KioskProcess {
  url: string;
  workDir: string;
  spoolDir: string;
  /** Everything the agent wrote to stdout and stderr, for privacy checks. */
  output: () => string;
  /** What it wrote to stdout alone: the banner and the log. */
  stdout: () => string;
  startupMs: number;
  stop(): Promise<void>;
  /** `kill -9`: the agent gets no chance to finish anything; the working directory is kept. */
  kill(): Promise<void>;
}

/** The compiled entry points (scripts/build.mjs). */
export const builtAgent = {
  development: join(repoRoot, 'dist', 'kiosk-dev.mjs'),
  production: join(repoRoot, 'dist', 'kiosk-agent.mjs'),
} as const;

export async function startKioskProcess(
  options: {
    args?: string[];
    env?: Record<string, string>;
    agent?: keyof typeof builtAgent;
    /** Node's arguments before the kiosk's own, in place of a compiled entry (the benchmark's TypeScript run). */
    entry?: string[];
    /** A working directory to reuse (kept afterwards); by default a fresh one, removed at stop. */
    cwd?: string;
  } = {},
): Promise<KioskProcess> {
  const workDir = options.cwd ?? (await mkdtemp(join(tmpdir(), 'kiosk-e2e-')));
  const started = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [...(options.entry ?? [builtAgent[options.agent ?? 'development']]), '--port', '0', ...(options.args ?? [])],
    {
      cwd: workDir,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let stdout = '';
  child.stdout?.on('data', (chunk) => {
    output += String(chunk);
    stdout += String(chunk);
  });
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error(`the kiosk did not start in 30 s:\n${output}`)), 30_000);
    const check = () => {
      const match = /Open the touch UI:\s+(http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolveUrl(match[1]);
      }
    };
    child.stdout?.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the kiosk exited with ${code}:\n${output}`));
    });
  });
  const startupMs = performance.now() - started;
  return {
    url,
    workDir,
    spoolDir: join(workDir, '.kiosk-data', 'sim-a4-spool'),
    output: () => output,
    stdout: () => stdout,
    startupMs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      if (!options.cwd) await rm(workDir, { recursive: true, force: true });
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
