// A partial 一件事 as a citizen walks it in Chromium: Li Si asks for the renter errand; the gateway simulator's
// real-estate department refuses her no-property proof (she owns housing) and the social-insurance centre
// issues her record. She is told which and why, and chooses: print the issued one (the spool then holds only
// that certificate), or stop (nothing in the spool).

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { openKioskPage, type KioskPage } from '../support/kiosk-page';
import { waitForPdfPages } from '../support/pdf-canvas-ink';
import { pdfText } from '../support/pdf-text';

const liSi = testCitizens.find((c) => c.key === 'li-si')!.card;

let ui: KioskPage;
const screen = (name: string) => ui.screen(name);
const tap = (action: string) => ui.tap(`[data-action="${action}"]`);

interface Measured {
  smallestText: number;
  smallestTarget: number;
  rightmost: number;
  viewport: number;
}

/**
 * Run in the page (the tests' TypeScript has no DOM): the partial screen's smallest text and target, its own
 * content and action bar (the shared toolbar is measured with every screen).
 */
const MEASURE_PARTIAL_SCREEN = `(() => {
  const screen = document.querySelector('.screen-partial');
  const texts = [...screen.querySelectorAll('.bi-main, .bi-sub')].filter((el) => el.offsetParent !== null);
  const buttons = [...screen.querySelectorAll('button')].map((b) => b.getBoundingClientRect());
  return {
    smallestText: Math.min(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
    smallestTarget: Math.min(...buttons.map((r) => Math.min(r.width, r.height))),
    rightmost: Math.max(...buttons.map((r) => r.right)),
    viewport: window.innerWidth,
  };
})()`;

/** From home to the partial screen: the renter errand, Li Si's card, consent. */
async function toPartial(): Promise<void> {
  await tap('errand:renter-provident-fund-withdrawal');
  await tap('start');
  await screen('placeCard');
  await ui.placeCard('li-si');
  await tap('consent');
  await screen('partial');
}

describe('a partial 一件事 in Chromium', () => {
  beforeAll(async () => {
    ui = await openKioskPage({ width: 1080, height: 1920 });
  });

  afterAll(async () => {
    await ui?.close();
  });

  it('names what was issued and what not, and why, in both languages; nothing is printed before the choice', async () => {
    await toPartial();
    const body = (await ui.page.textContent('body')) ?? '';
    for (const words of ['部分证明未能出具', 'Not every certificate could be issued', '社会保险参保证明', 'Social-security record']) {
      expect(body).toContain(words);
    }
    const missing = (await ui.page.locator('[data-missing="No-property proof"]').textContent()) ?? '';
    expect(missing).toContain('未出具：无房证明');
    expect(missing).toContain('名下有登记住房');
    expect(missing).toContain('不动产登记窗口');
    expect(await ui.page.locator('[data-action="print-issued"]').textContent()).toContain('打印已出具的 1 份');
    // The citizen is shown masked here, never in full.
    expect(body).not.toContain(liSi.idNumber);
    expect(await readdir(ui.kiosk.spoolDir).catch(() => [])).toHaveLength(0);
  });

  it("keeps ux.md's sizes in portrait, normal and 长辈模式: text, targets, and every button on the screen", async () => {
    for (const elderly of [false, true]) {
      if (elderly) await tap('pref:elderly');
      await ui.page.locator(elderly ? '.kiosk.elderly' : '.kiosk:not(.elderly)').waitFor();
      const measured = (await ui.page.evaluate(MEASURE_PARTIAL_SCREEN)) as Measured;
      expect(measured.smallestText, elderly ? 'elderly' : 'normal').toBeGreaterThanOrEqual(elderly ? 32 : 24);
      expect(measured.smallestTarget).toBeGreaterThanOrEqual(elderly ? 60 : 44);
      expect(measured.rightmost).toBeLessThanOrEqual(measured.viewport);
    }
    await tap('pref:elderly');
  });

  it('stop: nothing in the spool, everything wiped, home', async () => {
    await tap('stop');
    await screen('takeCard');
    await screen('home');
    expect(await readdir(ui.kiosk.spoolDir).catch(() => [])).toHaveLength(0);
    const html = await ui.page.content();
    expect(html).not.toContain(liSi.name);
    expect(html).not.toContain(liSi.idNumber);
  });

  it('print: the preview and the spool hold only the issued certificate; the way back returns to the choice', async () => {
    await toPartial();
    await tap('print-issued');
    await screen('preview');
    await tap('back');
    await screen('partial');
    await tap('print-issued');
    await screen('preview');
    // The preview draws the print job's own PDF: one page, the issued certificate (its text is read in the spool).
    const drawn = await waitForPdfPages(ui.page, 1008);
    expect(drawn).toHaveLength(1);
    expect(drawn[0]!.inked).toBeGreaterThan(0.002);
    await tap('print');
    await screen('takeItems');
    expect(await ui.page.locator('[data-missing="No-property proof"]').textContent()).toContain('不动产登记窗口');
    const files = await readdir(ui.kiosk.spoolDir);
    expect(files).toHaveLength(1);
    const text = pdfText(join(ui.kiosk.spoolDir, files[0]!)).replace(/\s+/g, '');
    expect(text).toContain('社会保险参保证明');
    expect(text).toContain(liSi.idNumber);
    expect(text).not.toContain('无房证明');
    await screen('rating');
  });

  it('wrote no name or ID number to its output', () => {
    const output = ui.kiosk.output();
    expect(output).not.toContain(liSi.idNumber);
    expect(output).not.toContain(liSi.name);
  });
});
