// Drives the static uhid program (uhid-pos-scanner.c) from the guest scenario: one command per line, waits for its
// "ok", and keeps every "event <slot> <kind>" line it prints so the scenario can wait for the hidraw node to open.

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';

export class UhidScannerControl {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lines: string[] = [];
  private readonly waiters = new Set<() => void>();

  constructor(program: string) {
    this.child = spawn(program, [], { stdio: ['pipe', 'pipe', 'pipe'] });
    createInterface({ input: this.child.stdout }).on('line', (line) => {
      this.lines.push(line);
      for (const wake of this.waiters) wake();
    });
    this.child.stderr.resume();
  }

  /** How many "event <slot> <kind>" lines have been seen. */
  eventCount(slot: number, kind: 'start' | 'stop' | 'open' | 'close'): number {
    return this.lines.filter((line) => line === `event ${slot} ${kind}`).length;
  }

  async command(line: string, timeoutMs = 5000): Promise<void> {
    const before = this.lines.length;
    this.child.stdin.write(line + '\n');
    const answer = await this.waitForLine((l) => l.startsWith('ok ') || l.startsWith('error '), before, timeoutMs);
    if (answer.startsWith('error ')) throw new Error(`uhid program: ${answer}`);
  }

  create(slot: number, vendorId: number, productId: number): Promise<void> {
    return this.command(`create ${slot} ${vendorId.toString(16)} ${productId.toString(16)}`);
  }

  destroy(slot: number): Promise<void> {
    return this.command(`destroy ${slot}`);
  }

  /** Reports sent back to back, with no gap the idle rule could see. */
  input(slot: number, reports: Uint8Array[]): Promise<void> {
    return this.command(`input ${slot} ${reports.map((report) => Buffer.from(report).toString('hex')).join(' ')}`);
  }

  async waitForEvent(slot: number, kind: 'open' | 'close', count: number, timeoutMs = 10_000): Promise<void> {
    await this.until(() => this.eventCount(slot, kind) >= count, timeoutMs, `event ${slot} ${kind} ×${count}`);
  }

  async quit(): Promise<void> {
    this.child.stdin.end('quit\n');
    await new Promise((resolve) => this.child.once('exit', resolve));
  }

  private async waitForLine(match: (line: string) => boolean, from: number, timeoutMs: number): Promise<string> {
    let found: string | undefined;
    await this.until(
      () => {
        found = this.lines.slice(from).find(match);
        return found !== undefined;
      },
      timeoutMs,
      'an answer from the uhid program',
    );
    return found as string;
  }

  private until(done: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!done()) return;
        clearTimeout(timer);
        this.waiters.delete(check);
        resolve();
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }
}
