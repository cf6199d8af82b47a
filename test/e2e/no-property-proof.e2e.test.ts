// The walking skeleton as a citizen walks it: the kiosk started with the embedded default configuration
// (simulated devices, bundled gateway simulator), the real built UI in Debian's Chromium, the PDF in the
// simulated printer's spool read back with pdftotext.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { openKioskPage, type KioskPage } from '../support/kiosk-page';
import type { KioskProcess } from '../support/kiosk-process';
import { waitForPdfPages } from '../support/pdf-canvas-ink';
import { pdfText } from '../support/pdf-text';

const zhangSan = testCitizens.find((c) => c.key === 'zhang-san')!.card;
const liSi = testCitizens.find((c) => c.key === 'li-si')!.card;

let ui: KioskPage;
let kiosk: KioskProcess;
let page: Page;
const screen = (name: string) => ui.screen(name);
const tap = (selector: string) => ui.tap(selector);
const placeCard = (key: string) => ui.placeCard(key);

describe('a citizen gets a 无房证明 on simulated devices', () => {
  beforeAll(async () => {
    ui = await openKioskPage({ width: 1920, height: 1080 });
    ({ kiosk, page } = ui);
  });

  afterAll(async () => {
    await ui?.close();
  });

  it('errand → what you need → card → consent → fetch → preview → print → take → rate → home', async () => {
    await tap('[data-action="errand:no-property-proof-provident-fund"]');
    await screen('requirements');
    await tap('[data-action="start"]');
    await screen('placeCard');
    await placeCard('zhang-san');
    await screen('consent');
    expect(await page.textContent('body')).not.toContain(zhangSan.idNumber);
    await tap('[data-action="consent"]');
    await screen('preview');
    // The preview draws the print job's own PDF (the very bytes that print: preview-pdf.e2e.test.ts), on a
    // landscape screen 1400 px wide, every page inked; the name and ID number are read back from the spool below.
    for (const drawn of await waitForPdfPages(page, 1400)) expect(drawn.inked).toBeGreaterThan(0.002);
    await tap('[data-action="print"]');
    await screen('takeItems');
    // The PDF is in the simulated printer's spool, with the name and the statement as real text.
    const files = await readdir(kiosk.spoolDir);
    expect(files).toHaveLength(1);
    const text = pdfText(join(kiosk.spoolDir, files[0]!)).replace(/\s+/g, '');
    expect(text).toContain('无房证明');
    expect(text).toContain(zhangSan.name);
    expect(text).toContain(`在杭州市范围内无登记在册的住房`);
    expect(text).toContain(zhangSan.idNumber);
    // The simulator's issuers are test issuers: the paper is a specimen (the diagonal watermark reads in order raw).
    expect(pdfText(join(kiosk.spoolDir, files[0]!), { raw: true }).replace(/\s+/g, '')).toContain('样本SPECIMEN仅供测试');
    await screen('rating');
    await tap('[data-action="rate:5"]');
    await screen('thanks');
    await tap('[data-action="home"]');
    await screen('home');
    // The next citizen sees nothing of this one.
    const html = await page.content();
    expect(html).not.toContain(zhangSan.name);
    expect(html).not.toContain(zhangSan.idNumber);
  });

  it('a citizen who owns housing is told plainly, with a next step, nothing is printed, and may rate', async () => {
    const before = (await readdir(kiosk.spoolDir)).length;
    await tap('[data-action="errand:no-property-proof-provident-fund"]');
    await tap('[data-action="start"]');
    await screen('placeCard');
    await placeCard('li-si');
    await tap('[data-action="consent"]');
    await page.locator('[data-failure="NOT_ELIGIBLE_NO_PROPERTY"]').waitFor({ timeout: 15_000 });
    expect(await page.textContent('body')).toContain('无法开具无房证明');
    // Where else to go: the configuration's service points (the embedded default's samples), with their hours.
    const servicePoints = await page.locator('[data-service-points]').textContent();
    expect(servicePoints).toContain('市民之家综合受理窗口');
    expect(servicePoints).toContain('周一至周五 9:00–17:00');
    expect(await readdir(kiosk.spoolDir)).toHaveLength(before);
    // A refusal is an outcome: the way home passes the rating screen, and skipping it is one tap.
    await tap('[data-action="cancel"]');
    await screen('rating');
    await tap('[data-action="skip-rating"]');
    await screen('thanks');
    await tap('[data-action="home"]');
    await screen('takeCard');
    await screen('home');
  });

  it('wrote no name or ID number to its output', () => {
    const output = kiosk.output();
    for (const card of [zhangSan, liSi]) {
      expect(output).not.toContain(card.idNumber);
      expect(output).not.toContain(card.name);
    }
  });
});
