// Two linked pseudo-terminals made by socat, for serial devices in tests: the driver opens one end, an
// emulator the other. stop() is an unplug (both links vanish, open ports see EIO); start() plugs back in with
// the same paths. A missing socat is a loud failure, never a skip.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PtyPair {
  /** The end for the driver under test. */
  readonly devicePath: string;
  /** The end for the emulator. */
  readonly emulatorPath: string;
  readonly running: boolean;
  /** (Re)creates the pair with the same paths; resolves when both links exist. */
  start(): Promise<void>;
  /** Kills socat: both ends disappear, as when a USB reader is unplugged. */
  stop(): Promise<void>;
  /** stop() and remove the temporary directory. */
  dispose(): Promise<void>;
}

const START_TIMEOUT_MS = 5_000;

export async function openPtyPair(options: { name?: string } = {}): Promise<PtyPair> {
  const dir = await mkdtemp(join(tmpdir(), `pty-${options.name ?? 'pair'}-`));
  const pair = new SocatPtyPair(join(dir, 'device'), join(dir, 'emulator'), dir);
  await pair.start();
  return pair;
}

class SocatPtyPair implements PtyPair {
  private child: ChildProcess | null = null;

  constructor(
    readonly devicePath: string,
    readonly emulatorPath: string,
    private readonly dir: string,
  ) {}

  get running(): boolean {
    return this.child !== null;
  }

  async start(): Promise<void> {
    if (this.child) return;
    const child = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${this.devicePath}`, `pty,raw,echo=0,link=${this.emulatorPath}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    this.child = child;
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += String(chunk)));
    child.once('exit', () => {
      if (this.child === child) this.child = null;
    });

    const spawnError = new Promise<never>((_, reject) =>
      child.once('error', (error: NodeJS.ErrnoException) =>
        reject(error.code === 'ENOENT' ? new Error('socat is not installed: the serial tests need it (apt-get install socat)') : error),
      ),
    );
    const linked = (async () => {
      const deadline = performance.now() + START_TIMEOUT_MS;
      while (!(existsSync(this.devicePath) && existsSync(this.emulatorPath))) {
        if (child.exitCode !== null) throw new Error(`socat exited with ${child.exitCode}: ${stderr.trim()}`);
        if (performance.now() > deadline) throw new Error(`socat made no pty pair in ${START_TIMEOUT_MS} ms: ${stderr.trim()}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    try {
      await Promise.race([linked, spawnError]);
    } catch (error) {
      await this.stop();
      throw error;
    }
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child) return;
    this.child = null;
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    }
    // socat removes its links on a clean exit; make sure, so start() waits for fresh ones.
    await Promise.all([rm(this.devicePath, { force: true }), rm(this.emulatorPath, { force: true })]);
  }

  async dispose(): Promise<void> {
    await this.stop();
    await rm(this.dir, { recursive: true, force: true });
  }
}
