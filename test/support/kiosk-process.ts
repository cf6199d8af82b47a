// Starts the kiosk as `npm start` does (the agent with a configuration, or the embedded default) in its own
// process and working directory, and reads the URL it prints.

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
  startupMs: number;
  stop(): Promise<void>;
}

export async function startKioskProcess(options: { args?: string[]; env?: Record<string, string> } = {}): Promise<KioskProcess> {
  const workDir = await mkdtemp(join(tmpdir(), 'kiosk-e2e-'));
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(repoRoot, 'kiosk', 'main.ts'), '--port', '0', ...(options.args ?? [])], {
    cwd: workDir,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
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
    startupMs,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(workDir, { recursive: true, force: true });
    },
  };
}
