// The errand by the government app's code, as a citizen without their card walks it on the 1080×1920 portrait
// screen: the development kiosk (simulated devices, the gateway simulator playing the app's platform), the real
// built UI in Debian's Chromium. The challenge QR on the screen is read back with zbarimg as a phone would read
// it; the dev panel holds each test citizen's code for it under the simulated scanner.

import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { readScannedCodes } from '../../scripts/verify-seal/scanned-codes';
import { openKioskPage, type KioskPage } from '../support/kiosk-page';
import type { KioskProcess } from '../support/kiosk-process';
import { pdfText } from '../support/pdf-text';
import { waitForPdfPages } from '../support/pdf-canvas-ink';

const zhangSan = testCitizens.find((c) => c.key === 'zhang-san')!.card;
const liSi = testCitizens.find((c) => c.key === 'li-si')!.card;

let kiosk: KioskProcess;
let ui: KioskPage;
let page: Page;
let shots: string;

const visible = (selector: string) => page.locator(selector).first().waitFor({ timeout: 15_000 });
const tap = (selector: string) => page.locator(selector).first().click();

async function openDevPanel(): Promise<void> {
  if (!(await page.locator('[data-dev="panel"]').isVisible())) await tap('[data-dev="toggle"]');
}
async function closeDevPanel(): Promise<void> {
  if (await page.locator('[data-dev="panel"]').isVisible()) await tap('[data-dev="toggle"]');
}

/** As the citizen's phone would: the citizen's code for the challenge on screen (or a spoilt one), under the scanner. */
async function holdAppCode(citizenKey: string, variant?: 'reused' | 'expired' | 'foreignKiosk' | 'wrongNonce'): Promise<void> {
  await openDevPanel();
  const button = page.locator(`[data-dev="app-code:${citizenKey}${variant ? `:${variant}` : ''}"]`);
  // The good code is shown once the platform made it for this challenge.
  if (!variant) await page.locator(`[data-dev="app-code:${citizenKey}"]:not([disabled])`).waitFor({ timeout: 15_000 });
  await button.click();
  await closeDevPanel();
}

async function toChallenge(): Promise<void> {
  await tap('[data-action="errand:no-property-proof-provident-fund"]');
  await visible('[data-screen="requirements"]');
  await tap('[data-action="start"]');
  await visible('[data-screen="placeCard"]');
  await tap('[data-action="use-app-code"]');
  await visible('[data-screen="consent"]');
  await tap('[data-action="consent"]');
  await visible('[data-screen="appCode"] [data-app-qr]');
}

async function challengeOnScreen(): Promise<string> {
  const png = join(shots, `challenge-${Date.now()}.png`);
  await page.locator('[data-app-qr]').screenshot({ path: png });
  const read = await readScannedCodes(png);
  if (!read.ok) throw new Error(read.error);
  return read.value.codes[0]!;
}

describe('a citizen without the card gets a 无房证明 with the 浙里办 code, in Chromium at 1080×1920', () => {
  beforeAll(async () => {
    shots = await mkdtemp(join(tmpdir(), 'app-code-e2e-'));
    ui = await openKioskPage({ width: 1080, height: 1920 });
    ({ kiosk, page } = ui);
  }, 90_000);

  afterAll(async () => {
    await ui?.close();
    if (shots) await rm(shots, { recursive: true, force: true });
  });

  it('consent, the challenge a phone can read, a scan that is no app code refused, then the code, 是, paper', async () => {
    await toChallenge();
    // The challenge is a real QR code of this kiosk's challenge, large on the portrait screen.
    const challenge = await challengeOnScreen();
    expect(challenge).toMatch(/^ZLBK1:kiosk-dev-0001:[0-9a-f]{32}$/);
    const box = await page.locator('[data-app-qr]').boundingBox();
    expect(box!.width).toBeGreaterThanOrEqual(600);
    const body = (await page.textContent('body')) ?? '';
    expect(body).toContain('打开浙里办');
    expect(body).toContain('扫码窗口在屏幕正下方');
    await visible('[data-seconds-left]');

    // Something that is no app code: refused on the screen, and the gateway is not asked.
    await openDevPanel();
    await page.locator('[data-dev="scan-text"]').fill('6901234567892');
    await tap('[data-dev="scan"]');
    await closeDevPanel();
    await visible('[data-app-code-problem="notAppCode"]');
    expect(await page.locator('[data-screen]').getAttribute('data-screen')).toBe('appCode');

    await holdAppCode('zhang-san');
    await visible('[data-screen="confirmIdentity"]');
    const named = (await page.locator('[data-named-holder]').textContent()) ?? '';
    expect(named).toContain(zhangSan.name);
    expect(named).toContain(`${zhangSan.idNumber.slice(0, 6)}********${zhangSan.idNumber.slice(-4)}`);
    expect(await page.textContent('body')).not.toContain(zhangSan.idNumber);
    await tap('[data-action="is-me"]');
    await visible('[data-screen="preview"]');
    // The preview is the print job's PDF drawn (its full values are pixels, checked below in the printed text).
    for (const drawn of await waitForPdfPages(page, 1008)) expect(drawn.inked).toBeGreaterThan(0.002);
    await tap('[data-action="print"]');
    await visible('[data-screen="takeItems"]');
    const files = await readdir(kiosk.spoolDir);
    expect(files).toHaveLength(1);
    const text = pdfText(join(kiosk.spoolDir, files[0]!)).replace(/\s+/g, '');
    expect(text).toContain('无房证明');
    expect(text).toContain(zhangSan.name);
    expect(text).toContain(zhangSan.idNumber);
    await visible('[data-screen="rating"]');
    await tap('[data-action="rate:5"]');
    await visible('[data-screen="thanks"]');
    await tap('[data-action="home"]');
    // No card was read: straight home, with nothing of the citizen left.
    await visible('[data-screen="home"]');
    const html = await page.content();
    expect(html).not.toContain(zhangSan.name);
    expect(html).not.toContain(zhangSan.idNumber);
  }, 60_000);

  it('refuses a used, a stale, a foreign-kiosk and a wrong-nonce code, each with a next step; 重试 shows a new challenge', async () => {
    await toChallenge();
    for (const variant of ['reused', 'expired', 'foreignKiosk', 'wrongNonce'] as const) {
      const before = await challengeOnScreen();
      await holdAppCode('zhang-san', variant);
      await visible('[data-failure="APP_CODE_REFUSED"]');
      const failure = (await page.textContent('body')) ?? '';
      // The first refusal, then the same one met again after 重试, which says it is still so.
      expect(failure).toMatch(/亮证码(仍)?未被接受/);
      expect(failure).toContain('扫描屏幕上的新二维码');
      await tap('[data-action="retry"]');
      await visible('[data-screen="appCode"] [data-app-qr]');
      expect(await challengeOnScreen()).not.toBe(before);
    }
    await tap('[data-action="cancel"]');
    await visible('[data-screen="home"]');
  }, 60_000);

  it('不是 wipes everything and returns home, with no personal data left in the DOM', async () => {
    const spooled = (await readdir(kiosk.spoolDir)).length;
    await toChallenge();
    await holdAppCode('li-si');
    await visible('[data-screen="confirmIdentity"]');
    expect(await page.locator('[data-named-holder]').textContent()).toContain(liSi.name);
    await tap('[data-action="not-me"]');
    await visible('[data-screen="home"]');
    await closeDevPanel();
    const html = await page.content();
    expect(html).not.toContain(liSi.name);
    expect(html).not.toContain(liSi.idNumber);
    expect(html).not.toContain(liSi.idNumber.slice(-4) + '<');
    expect(html).not.toContain('ZLBK1:');
    expect(await readdir(kiosk.spoolDir)).toHaveLength(spooled);
    // Nothing in the browser's storage either.
    // A string, so the browser's globals need no DOM types here.
    const stored = await page.evaluate('({ local: localStorage.length, session: sessionStorage.length })');
    expect(stored).toEqual({ local: 0, session: 0 });
  }, 60_000);

  it('wrote no name, ID number, app code or challenge to its output', () => {
    const output = kiosk.output();
    for (const card of [zhangSan, liSi]) {
      expect(output).not.toContain(card.idNumber);
      expect(output).not.toContain(card.name);
    }
    expect(output).not.toContain('ZLB1:');
    expect(output).not.toContain('ZLBK1:');
  });
});
