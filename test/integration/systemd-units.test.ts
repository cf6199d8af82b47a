// The unit files in scripts/systemd/ as systemd reads them: `systemd-analyze verify` must print nothing (it exits
// 0 even on an unknown key or a misspelt section, so its output is the test), the settings the agent's
// supervision rests on are there, and the sysusers file creates the users and groups the units name.

import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../support/kiosk-process';

const unitDir = join(repoRoot, 'scripts', 'systemd');
const UNITS = ['kiosk-agent.service', 'kiosk-browser.service'];

/** A tool the tests need: missing means fail, never skip (npm test installs it). */
function tool(name: string): string {
  const path = ['/usr/bin', '/bin', '/usr/sbin'].map((dir) => join(dir, name)).find((candidate) => existsSync(candidate));
  if (!path) throw new Error(`${name} is missing: run the tests with "npm test", which installs Debian's systemd package`);
  return path;
}

/** A unit's [Service] and [Unit] assignments, continuation lines joined; a key given twice keeps every value. */
function settings(text: string): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const line of text.replace(/\\\n\s*/g, ' ').split('\n')) {
    const match = /^([A-Za-z]+)=(.*)$/.exec(line.trim());
    if (match) found.set(match[1]!, [...(found.get(match[1]!) ?? []), match[2]!]);
  }
  return found;
}

describe('the systemd units', () => {
  let verifyDir: string;
  beforeAll(async () => {
    verifyDir = await mkdtemp(join(tmpdir(), 'kiosk-units-'));
  });
  afterAll(async () => {
    await rm(verifyDir, { recursive: true, force: true });
  });

  it('pass systemd-analyze verify without a word', async () => {
    // verify also checks that each ExecStart program exists on this machine: both units start /usr/bin/node (the
    // browser's compositor, cage, not on a test machine, is an argument of the browser launcher).
    for (const unit of UNITS) {
      const original = await readFile(join(unitDir, unit), 'utf8');
      expect(original).toMatch(/^ExecStart=\/usr\/bin\/node /m);
      await writeFile(join(verifyDir, unit), original);
    }
    // Run from the copies' directory so the browser's Wants=kiosk-agent.service finds the agent's unit.
    const verify = spawnSync(tool('systemd-analyze'), ['verify', ...UNITS.map((unit) => join(verifyDir, unit))], {
      cwd: verifyDir,
      encoding: 'utf8',
    });
    expect(verify.stdout + verify.stderr).toBe('');
    expect(verify.status).toBe(0);
  });

  it('systemd-analyze verify is the test: it speaks up about a wrong key', async () => {
    const original = await readFile(join(unitDir, 'kiosk-agent.service'), 'utf8');
    await writeFile(join(verifyDir, 'kiosk-agent.service'), original.replace('WatchdogSec=', 'WatchDogSec='));
    const verify = spawnSync(tool('systemd-analyze'), ['verify', join(verifyDir, 'kiosk-agent.service')], { encoding: 'utf8' });
    expect(verify.stdout + verify.stderr).toMatch(/Unknown key .WatchDogSec./);
  });

  it('supervise the agent: notify with a watchdog, restarts, no core dump or swap, a read-only system', async () => {
    const agent = settings(await readFile(join(unitDir, 'kiosk-agent.service'), 'utf8'));
    const expected: Record<string, string> = {
      Type: 'notify',
      NotifyAccess: 'all',
      WatchdogSec: '10s',
      Restart: 'always',
      StartLimitIntervalSec: '5min',
      StartLimitBurst: '10',
      LimitCORE: '0',
      MemorySwapMax: '0',
      ProtectSystem: 'strict',
      PrivateTmp: 'yes',
      NoNewPrivileges: 'yes',
      User: 'kiosk',
      SupplementaryGroups: 'dialout kiosk-hid',
      ExecStart: '/usr/bin/node /opt/kiosk/dist/kiosk-agent.mjs --config /etc/kiosk/kiosk.json',
    };
    for (const [key, value] of Object.entries(expected)) expect(agent.get(key), key).toEqual([value]);
    expect(agent.get('ReadWritePaths')?.[0]?.split(' ')).toContain('/var/lib/kiosk');
    // The scanner's hidraw node goes to a group the agent has.
    const udevRule = await readFile(join(unitDir, '70-kiosk-devices.rules'), 'utf8');
    expect(udevRule).toMatch(/^SUBSYSTEM=="hidraw", .*GROUP="kiosk-hid", MODE="0660"$/m);
  });

  it('start the browser after the agent, in kiosk mode with the flags a public terminal needs', async () => {
    const browser = settings(await readFile(join(unitDir, 'kiosk-browser.service'), 'utf8'));
    expect(browser.get('Wants')).toContain('kiosk-agent.service');
    expect(browser.get('After')).toContain('kiosk-agent.service');
    expect(browser.get('User')).toEqual(['kiosk-ui']);
    expect(browser.get('PrivateTmp')).toEqual(['yes']);
    const execStart = browser.get('ExecStart')?.[0]?.split(/\s+/) ?? [];
    // The launcher restarts the browser when the UI's heartbeat stops; the browser's command follows its `--`.
    expect(execStart.slice(0, 5)).toEqual([
      '/usr/bin/node',
      '/opt/kiosk/dist/browser-launcher.mjs',
      '--agent-url',
      '${KIOSK_UI_URL}',
      '--',
    ]);
    const command = execStart.slice(5);
    expect(command.slice(0, 4)).toEqual(['/usr/bin/cage', '-d', '--', '/usr/bin/chromium']);
    for (const flag of [
      '--kiosk',
      '--incognito',
      '--user-data-dir=/tmp/kiosk-browser-profile',
      '--noerrdialogs',
      '--disable-translate',
      '--no-first-run',
      '--disable-pinch',
      '--overscroll-history-navigation=0',
      '--autoplay-policy=no-user-gesture-required',
      '--disable-session-crashed-bubble',
    ])
      expect(command, flag).toContain(flag);
    expect(
      command
        .find((arg) => arg.startsWith('--disable-features='))
        ?.split('=')[1]
        ?.split(','),
    ).toContain('TranslateUI');
  });

  it('have their users and groups made by the sysusers file', async () => {
    const root = await mkdtemp(join(tmpdir(), 'kiosk-sysusers-'));
    try {
      const sysusers = spawnSync(tool('systemd-sysusers'), ['--dry-run', `--root=${root}`, join(unitDir, 'kiosk-sysusers.conf')], {
        encoding: 'utf8',
      });
      expect(sysusers.status).toBe(0);
      // It reports what it would create, on stderr; a warning about a line would be any other sentence.
      const said = (sysusers.stdout + sysusers.stderr).split('\n').filter(Boolean);
      expect(said.filter((line) => !/^(Creating (user|group) '[a-z-]+'|Would write \/etc\/)/.test(line))).toEqual([]);
      for (const made of ["user 'kiosk'", "user 'kiosk-ui'", "group 'kiosk-hid'"]) expect(said.join('\n')).toContain(`Creating ${made}`);
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  });
});
