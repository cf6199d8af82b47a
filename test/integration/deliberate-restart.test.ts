// A deliberate restart (the nightly one): the agent stops cleanly, tells systemd STOPPING=1, and exits 0, which
// the unit's Restart=always restarts. Against a fake NOTIFY_SOCKET, not a real systemd.

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeNotifySocket, type FakeNotifySocket } from '../support/fake-notify-socket';
import { repoRoot } from '../support/kiosk-process';

let socket: FakeNotifySocket;
beforeEach(async () => {
  socket = await startFakeNotifySocket();
});
afterEach(async () => {
  await socket.close();
});

describe('a deliberate restart', () => {
  it('stops the agent, sends STOPPING=1 and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repoRoot, 'test', 'support', 'restarting-agent-process.ts')], {
      cwd: repoRoot,
      env: { ...process.env, NOTIFY_SOCKET: socket.path },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    const exitCode = await new Promise((resolve) => child.once('exit', resolve));
    expect(exitCode).toBe(0);
    expect(output).toContain('stopped');
    expect((await socket.waitFor('READY=1')).lines).toContain('STATUS=serving');
    expect((await socket.waitFor('STOPPING=1')).lines).toContain('STATUS=restarting');
  });
});
