// 核验证明 as a citizen walks it: the development kiosk (simulated devices, the bundled gateway simulator), the
// real built UI in Debian's Chromium on the 1080×1920 portrait screen. A paper the kiosk printed is read back
// from its PDF with zbarimg, then held under the simulated scanner (the dev panel) from the home tile.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { launchChromium } from '../support/chromium';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';
import { printPaperAndReadSeal } from '../support/printed-seal';

const citizen = testCitizens[0]!;
let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let printedSeal: string;

const visible = (selector: string) => page.locator(selector).first().waitFor({ timeout: 15_000 });
const tap = (selector: string) => page.locator(selector).first().click();

async function scanFromDevPanel(data: string): Promise<void> {
  if (!(await page.locator('[data-dev="panel"]').isVisible())) await tap('[data-dev="toggle"]');
  await page.locator('[data-dev="scan-text"]').fill(data);
  await tap('[data-dev="scan"]');
  await tap('[data-dev="toggle"]');
}

describe('核验证明 / Check a paper, in Chromium', () => {
  beforeAll(async () => {
    kiosk = await startKioskProcess();
    printedSeal = await printPaperAndReadSeal(kiosk.url, kiosk.spoolDir, citizen.key);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    await page.goto(kiosk.url);
    await visible('[data-screen="home"]');
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('checks a printed paper from the home tile: the verdict and the claims, then another, then home', async () => {
    await tap('[data-action="check-paper"]');
    await visible('[data-screen="checkScan"]');
    expect(await page.textContent('body')).toContain('扫码窗口在屏幕下方');
    await visible('[data-screen="checkScan"] .reader');

    await scanFromDevPanel(printedSeal);
    await visible('[data-screen="checkResult"] [data-verdict="test-issuer"]');
    expect(await page.locator('[data-verdict]').textContent()).toContain('测试签发机构');
    expect(await page.locator('[data-claim="holder"] dd').textContent()).toBe(citizen.card.name);
    const masked = (await page.locator('[data-claim="idNumber"] dd').textContent()) ?? '';
    expect(masked).toMatch(/^.{6}\*+.{4}$/);
    expect(await page.textContent('body')).not.toContain(citizen.card.idNumber);

    await tap('[data-action="check-another"]');
    await visible('[data-screen="checkScan"]');
    const bare = printedSeal.slice(printedSeal.indexOf('KQ1:'));
    await scanFromDevPanel(`${bare.slice(0, -6)}ABCDEF`);
    await visible('[data-screen="checkResult"] [data-verdict="invalid"]');
    expect(await page.locator('[data-claim]').count()).toBe(0);

    await tap('[data-action="home"]');
    await visible('[data-screen="home"]');
    expect(await page.textContent('body')).not.toContain(citizen.card.name);
    expect(kiosk.output()).not.toContain(bare.slice(4, 44));
    expect(kiosk.output()).not.toContain(citizen.card.name);
  });
});
