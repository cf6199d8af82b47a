// A stand-in for systemd's notification socket: a Unix datagram socket (Node cannot bind one, so a few lines of
// Debian's python3 do) that records each message with its arrival time and sender PID, and closes any file
// descriptor it receives as systemd does — that is what releases systemd-notify's BARRIER=1 wait.

import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const PYTHON3 = '/usr/bin/python3';

export interface NotifyMessage {
  /** Wall-clock arrival time in ms (Date.now()'s clock). */
  at: number;
  /** The sender's PID as the kernel vouches for it (SCM_CREDENTIALS). */
  senderPid: number;
  /** File descriptors that came with it. */
  fds: number;
  /** The assignments, `READY=1`, `STATUS=…` */
  lines: string[];
}

export interface FakeNotifySocket {
  path: string;
  messages: NotifyMessage[];
  /** Resolves with the first message (from `from` on) that has this line. */
  waitFor(line: string, timeoutMs?: number, from?: number): Promise<NotifyMessage>;
  close(): Promise<void>;
}

const LISTENER = `
import array, json, os, socket, sys, time
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
s.bind(sys.argv[1])
s.setsockopt(socket.SOL_SOCKET, socket.SO_PASSCRED, 1)
print(json.dumps({"listening": True}), flush=True)
while True:
    data, ancillary, _, _ = s.recvmsg(4096, socket.CMSG_SPACE(4 * 16) + socket.CMSG_SPACE(12))
    fds, pid = [], 0
    for level, kind, payload in ancillary:
        if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
            a = array.array("i"); a.frombytes(payload[: len(payload) - len(payload) % 4]); fds += list(a)
        elif level == socket.SOL_SOCKET and kind == socket.SCM_CREDENTIALS:
            pid = int.from_bytes(payload[0:4], sys.byteorder)
    for fd in fds:
        os.close(fd)
    print(json.dumps({"at": time.time() * 1000, "senderPid": pid, "fds": len(fds), "lines": data.decode().split("\\n")}), flush=True)
`;

export async function startFakeNotifySocket(): Promise<FakeNotifySocket> {
  if (!existsSync(PYTHON3)) throw new Error(`${PYTHON3} is missing: run the tests with "npm test", which installs it`);
  const dir = await mkdtemp(join(tmpdir(), 'kiosk-notify-'));
  const path = join(dir, 'notify.sock');
  const child = spawn(PYTHON3, ['-c', LISTENER, path], { stdio: ['ignore', 'pipe', 'inherit'] });
  const messages: NotifyMessage[] = [];
  const waiters = new Set<() => void>();
  await new Promise<void>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the fake notify socket exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const parsed = JSON.parse(line) as NotifyMessage | { listening: true };
      if ('listening' in parsed) return resolve();
      messages.push(parsed);
      for (const wake of waiters) wake();
    });
  });
  return {
    path,
    messages,
    waitFor(line, timeoutMs = 5_000, from = 0) {
      return new Promise((resolve, reject) => {
        const check = () => {
          const found = messages.slice(from).find((message) => message.lines.includes(line));
          if (!found) return;
          cleanup();
          resolve(found);
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(new Error(`no ${line} in ${timeoutMs} ms; received: ${JSON.stringify(messages.map((m) => m.lines))}`));
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    async close() {
      child.removeAllListeners('exit');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill();
      await exited;
      await rm(dir, { recursive: true, force: true });
    },
  };
}
