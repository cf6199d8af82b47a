// The preview is the paper, in Chromium: the development kiosk (simulated devices, the bundled gateway
// simulator) and the real built UI. The preview draws the print job's own PDF with pdf.js (loaded only there,
// its worker from the kiosk's own assets under the page's CSP), readable in portrait and landscape, larger in
// elderly mode, "共 2 份" for a two-certificate errand, the printer's paper-out before 打印; the printer gets the
// previewed bytes; after the session the page holds nothing of it.

import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgentMessage } from '../../kiosk/session/session-view';
import { testCitizens } from '../../scripts/synthetic-population';
import { launchChromium } from '../support/chromium';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';
import { localApi } from '../support/local-api';
import { waitForPdfPages } from '../support/pdf-canvas-ink';

const ayiguli = testCitizens.find((c) => c.key === 'ayiguli')!.card;

let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
/** The PDFs the agent sent the page, as the page received them. */
const previewedPdfs: string[] = [];
/** What the browser reported: CSP violations, script errors. */
const browserComplaints: string[] = [];
/** Every URL the page asked for: only the kiosk's own. */
const requested: string[] = [];

const screen = (name: string) => page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 15_000 });
const tap = (selector: string) => page.locator(selector).first().click();

describe('the preview draws the paper itself, in Chromium', () => {
  beforeAll(async () => {
    kiosk = await startKioskProcess();
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content.Security.Policy/i.test(message.text())) browserComplaints.push(message.text());
    });
    page.on('pageerror', (error) => browserComplaints.push(error.message));
    page.on('request', (request) => requested.push(request.url()));
    page.on('websocket', (socket) =>
      socket.on('framereceived', ({ payload }) => {
        const message = JSON.parse(String(payload)) as AgentMessage;
        if (message.type === 'view' && message.view.preview) previewedPdfs.push(message.view.preview.pdfBase64);
      }),
    );
    await page.goto(kiosk.url);
    await screen('home');
  });

  afterAll(async () => {
    await browser?.close();
    await kiosk?.stop();
  });

  it('draws every page, says 共 2 份, and reads in portrait, in landscape and larger in elderly mode', async () => {
    await tap('[data-action="errand:renter-provident-fund-withdrawal"]');
    await tap('[data-action="start"]');
    await screen('placeCard');
    await tap('[data-dev="toggle"]');
    await tap('[data-dev="card:ayiguli"]');
    await tap('[data-dev="toggle"]');
    await tap('[data-action="consent"]');
    await screen('preview');

    const count = await page.locator('[data-paper-count]').textContent();
    expect(count).toContain('共 2 份');
    expect(count).toContain('2 papers');
    expect(count).toContain('无房证明、社会保险参保证明');

    // Portrait 1080 wide: each page as wide as the column, every one inked.
    const portrait = await waitForPdfPages(page, 1080 - 2 * 36);
    expect(portrait.length).toBeGreaterThanOrEqual(2);
    for (const drawn of portrait) expect(drawn.inked).toBeGreaterThan(0.002);

    // Landscape 1920 wide: drawn again, as wide as reads comfortably.
    await page.setViewportSize({ width: 1920, height: 1080 });
    const landscape = await waitForPdfPages(page, 1400);
    for (const drawn of landscape) expect(drawn.inked).toBeGreaterThan(0.002);

    // Elderly mode: larger still, panned sideways by touch.
    await tap('[data-action="pref:elderly"]');
    const elderly = await waitForPdfPages(page, 1960);
    for (const drawn of elderly) expect(drawn.inked).toBeGreaterThan(0.002);
    await tap('[data-action="pref:elderly"]');
    await page.setViewportSize({ width: 1080, height: 1920 });
    const elderlyPortrait = await waitForPdfPages(page, 1080 - 2 * 36);
    expect(elderlyPortrait.length).toBe(portrait.length);
  });

  it('warns of paper out on the preview, before 打印, in both languages with the next steps', async () => {
    const api = localApi(kiosk.url);
    await api.post('/api/sim/a4-printer', { action: 'paper', level: 'out' });
    const warning = page.locator('[data-printer-warning="paperOut"]');
    await warning.waitFor({ timeout: 10_000 });
    const text = await warning.textContent();
    expect(text).toContain('打印机缺纸');
    expect(text).toContain('The printer is out of paper');
    expect(text).toContain('工作人员');
    expect(text).toContain('其他自助终端');
    // Where else to go: the configuration's service points.
    expect(await warning.locator('[data-service-points]').textContent()).toContain('市民之家综合受理窗口');
    // The papers stay on screen.
    await waitForPdfPages(page, 1080 - 2 * 36);
    await api.post('/api/sim/a4-printer', { action: 'paper', level: 'full' });
    await warning.waitFor({ state: 'detached', timeout: 10_000 });
  });

  it('prints the bytes it previewed, then holds nothing of them', async () => {
    await tap('[data-action="print"]');
    await screen('takeItems');
    const spooled = await readdir(kiosk.spoolDir);
    expect(spooled).toHaveLength(1);
    const printed = await readFile(join(kiosk.spoolDir, spooled[0]!));
    expect(new Set(previewedPdfs).size).toBe(1);
    expect(Buffer.from(previewedPdfs[0]!, 'base64').equals(printed)).toBe(true);

    await localApi(kiosk.url).post('/api/sim/a4-printer', { action: 'takePaper' });
    await screen('rating');
    await tap('[data-action="skip-rating"]');
    await screen('thanks');
    await tap('[data-action="home"]');
    await screen('home');
    const html = await page.content();
    expect(await page.locator('canvas').count()).toBe(0);
    expect(html).not.toContain(previewedPdfs[0]!.slice(0, 64));
    expect(html).not.toContain(ayiguli.name);
    expect(html).not.toContain(ayiguli.idNumber);
  });

  it('loaded pdf.js and its worker from the kiosk alone, with no complaint from the browser or its CSP', () => {
    expect(browserComplaints).toEqual([]);
    const origin = new URL(kiosk.url).origin;
    for (const url of requested) expect(url.startsWith(origin) || url.startsWith('data:')).toBe(true);
    expect(requested.some((url) => /pdf-canvas-renderer-.*\.js$/.test(url))).toBe(true);
    expect(requested.some((url) => /pdf\.worker.*\.js$/.test(url))).toBe(true);
  });
});
