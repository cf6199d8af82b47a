// The browser launcher (kiosk/launcher/) as a real process, with a development agent in this process and a fake
// browser (test/support/fake-browser-process.ts) that heartbeats over the agent's WebSocket as the UI does. Short
// thresholds: stale after 1.5 s, polled every 200 ms, 1 s of grace after a start.

import { spawn, type ChildProcess } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/kiosk-process';
import { startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';

interface Heartbeat {
  pid: number;
  at: number;
}

interface LauncherRun {
  heartbeats: Heartbeat[];
  events: { event: string; [field: string]: unknown }[];
  stop(): Promise<void>;
}

const tsx = ['--import', 'tsx'];

describe('the browser launcher', () => {
  let agent: LoopbackDevelopmentAgent;
  let modeFile: string;
  let running: LauncherRun | null = null;

  beforeAll(async () => {
    agent = await startLoopbackDevelopmentAgent('kiosk-launcher');
    modeFile = join(agent.workDir, 'fake-browser-mode');
  });
  afterEach(async () => {
    await running?.stop();
    running = null;
  });
  afterAll(async () => {
    await agent.stop();
  });

  function startLauncher(agentUrl: string): LauncherRun {
    const child: ChildProcess = spawn(
      process.execPath,
      [
        ...tsx,
        join(repoRoot, 'kiosk', 'launcher-main.ts'),
        ...['--agent-url', agentUrl, '--stale-ms', '1500', '--poll-ms', '200', '--grace-ms', '1000'],
        ...['--kill-after-ms', '1000', '--backoff-ms', '100'],
        '--',
        ...[process.execPath, ...tsx, join(repoRoot, 'test', 'support', 'fake-browser-process.ts'), agent.agent.url, modeFile],
      ],
      { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const run: LauncherRun = {
      heartbeats: [],
      events: [],
      async stop() {
        if (child.exitCode !== null) return;
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await exited;
      },
    };
    let pending = '';
    child.stdout!.on('data', (chunk) => {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const parsed = JSON.parse(line) as { fakeBrowser?: number; heartbeatAt?: number; event?: string };
        if (parsed.fakeBrowser !== undefined) run.heartbeats.push({ pid: parsed.fakeBrowser, at: parsed.heartbeatAt! });
        else run.events.push(parsed as LauncherRun['events'][number]);
      }
    });
    running = run;
    return run;
  }

  async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  const pids = (run: LauncherRun) => [...new Set(run.heartbeats.map((beat) => beat.pid))];
  const named = (run: LauncherRun, event: string) => run.events.filter((line) => line.event === event);

  it('kills a browser whose heartbeat stopped and starts it again', async () => {
    await writeFile(modeFile, 'hang');
    const run = startLauncher(agent.agent.url);
    await until(() => run.heartbeats.length > 0, 15_000, 'the first heartbeat');
    await writeFile(modeFile, 'healthy'); // the next start is a healthy browser
    const [hung] = pids(run);
    await until(() => pids(run).length === 2, 15_000, 'a new browser heartbeating');
    const lastOfHung = Math.max(...run.heartbeats.filter((beat) => beat.pid === hung).map((beat) => beat.at));
    const firstOfNew = run.heartbeats.find((beat) => beat.pid !== hung)!.at;
    console.log(
      `launcher: ${firstOfNew - lastOfHung} ms from the hung browser's last heartbeat to the new one's first (stale after 1500 ms)`,
    );
    expect(named(run, 'launcher.browser_stale')).toHaveLength(1);
    expect(named(run, 'launcher.browser_restarted')[0]).toMatchObject({ reason: 'heartbeat_stale' });
    expect(named(run, 'launcher.browser_started')).toHaveLength(2);
    // The hung one is gone: killed with its process group.
    expect(() => process.kill(hung!, 0)).toThrow();
  });

  it('starts a browser that exited by itself again', async () => {
    await writeFile(modeFile, 'exit');
    const run = startLauncher(agent.agent.url);
    await until(() => run.heartbeats.length > 0, 15_000, 'the first heartbeat');
    await writeFile(modeFile, 'healthy');
    await until(() => pids(run).length === 2, 15_000, 'a new browser heartbeating');
    expect(named(run, 'launcher.browser_exited')[0]).toMatchObject({ code: 1 });
    expect(named(run, 'launcher.browser_restarted')[0]).toMatchObject({ reason: 'exited' });
  });

  it('leaves a healthy browser alone', async () => {
    await writeFile(modeFile, 'healthy');
    const run = startLauncher(agent.agent.url);
    await until(() => run.heartbeats.length > 0, 15_000, 'the first heartbeat');
    await new Promise((resolve) => setTimeout(resolve, 4000)); // more than grace and staleness together
    expect(pids(run)).toHaveLength(1);
    expect(named(run, 'launcher.browser_started')).toHaveLength(1);
    expect(named(run, 'launcher.browser_restarted')).toEqual([]);
  });

  it('does not blame the browser for an agent that does not answer', async () => {
    await writeFile(modeFile, 'hang');
    // The launcher asks a port nobody listens on; the (silent) browser must stay.
    const run = startLauncher('http://127.0.0.1:9/');
    await until(() => run.heartbeats.length > 0, 15_000, 'the first heartbeat');
    await new Promise((resolve) => setTimeout(resolve, 4500));
    expect(pids(run)).toHaveLength(1);
    expect(named(run, 'launcher.agent_unreachable')).toHaveLength(1);
    expect(named(run, 'launcher.browser_restarted')).toEqual([]);
  });
});
