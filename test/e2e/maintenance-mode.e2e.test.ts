// Maintenance mode as staff walk it: the development kiosk (simulated devices, the bundled gateway simulator),
// the real built UI in Debian's Chromium on the 1080×1920 portrait screen, maintenance codes scanned through the
// simulated scanner from the dev panel, the PIN typed on the on-screen keypad. Afterwards the audit log on disk
// holds every step and no PIN, no code and nothing of the card read in the self-test.

import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { launchChromium } from '../support/chromium';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';

const zhangSan = testCitizens.find((c) => c.key === 'zhang-san')!.card;
const DEV_PIN = '2468';

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;

const visible = (selector: string) => page.locator(selector).first().waitFor({ timeout: 15_000 });
const tap = (selector: string) => page.locator(selector).first().click();

async function dev(action: string): Promise<void> {
  if (!(await page.locator('[data-dev="panel"]').isVisible())) await tap('[data-dev="toggle"]');
  await tap(`[data-dev="${action}"]`);
  await tap('[data-dev="toggle"]');
}

async function typePin(pin: string): Promise<void> {
  for (const digit of pin) await tap(`[data-action="pin:${digit}"]`);
  await tap('[data-action="pin:ok"]');
}

async function enter(): Promise<void> {
  await dev('maintenance-code:valid');
  await visible('[data-maintenance="pin"]');
  await typePin(DEV_PIN);
  await visible('[data-maintenance="open"]');
}

async function auditEvents(): Promise<Array<{ event: string; fields: Record<string, unknown> }>> {
  const text = await readFile(join(kiosk.workDir, '.kiosk-data', 'audit', 'audit.log'), 'utf8');
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as { event: string; fields: Record<string, unknown> });
}

describe('maintenance mode on simulated devices, in Chromium', () => {
  beforeAll(async () => {
    kiosk = await startKioskProcess();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(kiosk.url);
    await visible('[data-screen="home"]');
  });

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('refuses an expired code, a code for another kiosk and a badly signed one on the home screen, saying why', async () => {
    for (const variant of ['expired', 'otherKiosk', 'badSignature', 'tooLongLived']) {
      await dev(`maintenance-code:${variant}`);
      await visible(`[data-code-refused="${variant}"]`);
      expect(await page.locator('[data-screen="home"]').count()).toBe(1);
    }
  });

  it('takes a good code and the PIN, refusing a wrong PIN with the attempts left', async () => {
    await dev('maintenance-code:valid');
    await visible('[data-screen="staff"] [data-maintenance="pin"]');
    await typePin('1357');
    await visible('[data-pin-wrong]');
    expect(await page.locator('[data-attempts-left]').textContent()).toBe('4');
    await typePin(DEV_PIN);
    await visible('[data-maintenance="open"]');
    expect(await page.locator('[data-maintenance="open"] [data-staff-id]').first().textContent()).toBe('dev-staff');
    // Every device's status.
    for (const device of ['idReader', 'scanner', 'a4Printer', 'gateway']) await visible(`[data-device="${device}"]`);
  });

  it('reads a card in the self-test and shows it masked only', async () => {
    await tap('[data-action="page:tests"]');
    await tap('[data-action="test:cardRead"]');
    await dev('card:zhang-san');
    await visible('[data-outcome-kind="cardRead"] [data-masked-card]');
    const body = (await page.textContent('body')) ?? '';
    expect(body).not.toContain(zhangSan.name);
    expect(body).not.toContain(zhangSan.idNumber);
    expect(body).toContain(zhangSan.idNumber.slice(-4));
    await dev('card-remove');
  });

  it('scans a code in the self-test, shown as length and symbology until revealed', async () => {
    await tap('[data-action="test:scanCode"]');
    if (!(await page.locator('[data-dev="panel"]').isVisible())) await tap('[data-dev="toggle"]');
    await page.locator('[data-dev="scan-text"]').fill('TEST-CODE-0042');
    await tap('[data-dev="scan"]');
    await tap('[data-dev="toggle"]');
    await visible('[data-outcome-kind="scanCode"] [data-scanned-code]');
    expect(await page.locator('[data-outcome-kind="scanCode"]').textContent()).toContain('14');
    expect(await page.textContent('body')).not.toContain('TEST-CODE-0042');
    await tap('[data-action="maintenance:reveal"]');
    await visible('[data-revealed]');
    expect(await page.locator('[data-revealed]').textContent()).toContain('TEST-CODE-0042');
  });

  it('prints an A4 test page and runs the gateway test, each kept as a record', async () => {
    const before = (await readdir(kiosk.spoolDir).catch(() => [])).length;
    await tap('[data-action="test:a4TestPage"]');
    await visible('[data-outcome-kind="records"] [data-outcome="passed"]');
    expect((await readdir(kiosk.spoolDir)).length).toBe(before + 1);
    await tap('[data-action="test:gateway"]');
    await visible('[data-outcome-kind="records"] [data-outcome="passed"]');
    await tap('[data-action="page:records"]');
    expect(await page.locator('[data-record]').count()).toBeGreaterThanOrEqual(3);
  });

  it('records paper refilled, takes the kiosk out of service, and citizens see the out-of-service page', async () => {
    await tap('[data-action="page:service"]');
    await tap('[data-action="maintenance:paper:a4Printer"]');
    await visible('[data-outcome-kind="paperRefilled"]');
    expect(await page.locator('[data-paper="a4Printer"] [data-used-since]').first().getAttribute('data-used-since')).toBe('0');
    await tap('[data-action="maintenance:pause"]');
    await tap('[data-action="confirm:ok"]');
    await visible('[data-out-of-service="true"]');
    await tap('[data-action="maintenance:leave"]');
    await visible('[data-screen="outOfService"]');
    const text = (await page.textContent('body')) ?? '';
    expect(text).toContain('暂停服务');
    expect(text).toContain('市民之家综合受理窗口'); // a service point of the embedded default configuration
  });

  it('lets staff back in from the out-of-service page and put the kiosk back into service', async () => {
    await enter();
    await tap('[data-action="page:service"]');
    await tap('[data-action="maintenance:resume"]');
    await tap('[data-action="confirm:ok"]');
    await visible('[data-out-of-service="false"]');
    await tap('[data-action="maintenance:leave"]');
    await visible('[data-screen="home"]');
  });

  it('audited every entry, action and result, with the staff id and nothing of the PIN, the codes or the card', async () => {
    const events = await auditEvents();
    const names = events.map((record) => record.event);
    expect(names).toEqual(
      expect.arrayContaining([
        'maintenance.code_refused',
        'maintenance.pin_wrong',
        'maintenance.entered',
        'maintenance.action',
        'maintenance.left',
      ]),
    );
    expect(events.filter((record) => record.event === 'maintenance.code_refused').map((record) => record.fields.reason)).toEqual([
      'expired',
      'otherKiosk',
      'badSignature',
      'tooLongLived',
    ]);
    expect(events.filter((record) => record.event === 'maintenance.entered')).toHaveLength(2);
    // Each action is recorded as started and as finished, with its result.
    const actions = events.filter((record) => record.event === 'maintenance.action').map((record) => record.fields);
    for (const action of ['cardRead', 'scanCode', 'a4TestPage', 'gateway', 'paperRefilled', 'service']) {
      const phases = actions.filter((fields) => fields.action === action);
      expect(phases.filter((fields) => fields.phase === 'started').length, action).toBeGreaterThanOrEqual(1);
      expect(
        phases.filter((fields) => fields.phase === 'finished' && typeof fields.result === 'string').length,
        action,
      ).toBeGreaterThanOrEqual(1);
    }
    expect(actions.find((fields) => fields.action === 'cardRead' && fields.phase === 'finished')?.result).toBe('passed');
    // What the records say (not their hashes, where four digits turn up by chance); a PIN would stand as a token.
    // Random ids (self-test records) are set aside too: "dd6eac47-1357-…" holds four digits by chance.
    const withoutIds = (s: string) => s.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi, '<id>');
    const text = withoutIds(JSON.stringify(events.map(({ event, fields }) => ({ event, fields }))));
    expect(text).toContain('dev-staff');
    const output = withoutIds(kiosk.output());
    for (const pin of [DEV_PIN, '1357']) {
      const token = new RegExp(`(?<![0-9A-Za-z])${pin}(?![0-9A-Za-z])`);
      expect(text).not.toMatch(token);
      expect(output).not.toMatch(token);
    }
    for (const secret of ['TEST-CODE-0042', zhangSan.name, zhangSan.idNumber]) {
      expect(text).not.toContain(secret);
      expect(output).not.toContain(secret);
    }
  });
});
