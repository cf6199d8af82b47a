// Every screen of the citizen's UI, in every mode (normal, 长辈模式, large text, high contrast, English) on the
// portrait 1080×1920 or the landscape 1920×1080 screen: the development kiosk (simulated devices, the bundled
// gateway simulator) walked in Debian's Chromium, the devices driven through the agent's development API.
// On each screen × mode: the screenshot against its reviewed reference (test/e2e/screen-references/, rewritten by
// `UPDATE_SCREENS=1 npx vitest run test/e2e/screens-`), axe-core, and ux.md's sizes and contrast
// measured in the DOM. The errand is counted in taps; after each session the browser holds nothing of the citizen.
// Transitions are timed with Chromium's CPU throttled 4×; the closing figures are printed at the end.

import { join } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failureDefinitions, failureView, type FailureCode } from '../../kiosk/session/failures';
import { testCitizens } from '../../scripts/synthetic-population';
import { seriousAxeFindings } from './axe';
import { launchChromium } from './chromium';
import { startKioskProcess, type KioskProcess } from './kiosk-process';
import { localApi } from './local-api';
import { printPaperAndReadSeal } from './printed-seal';
import { compareWithReference, DIFFERING_SHARE, updateScreens } from './screen-reference';
import { measureScreen } from './screen-measures';
import { browserTraces } from './session-traces';

const ERRAND = 'no-property-proof-provident-fund';
const RENTER_ERRAND = 'renter-provident-fund-withdrawal';
const referenceDir = join(import.meta.dirname, '..', 'e2e', 'screen-references');

const MODES = {
  normal: { taps: [], shows: '.kiosk' },
  elderly: { taps: ['pref:elderly'], shows: '.kiosk.elderly' },
  largeText: { taps: ['pref:largeText'], shows: '.kiosk.large-text' },
  highContrast: { taps: ['pref:highContrast'], shows: '.kiosk.high-contrast' },
  english: { taps: ['pref:language'], shows: '.kiosk[lang="en"]' },
} as const;
type Mode = keyof typeof MODES;

const SCREENS = {
  portrait: { width: 1080, height: 1920 },
  landscape: { width: 1920, height: 1080 },
} as const;
export type Orientation = keyof typeof SCREENS;

/** ux.md: touch targets and text sizes; the issue: contrast 7:1 in high contrast, 4.5:1 otherwise. */
const minTarget = (mode: Mode) => (mode === 'elderly' ? 60 : 44);
const minBodyText = (mode: Mode) => (mode === 'elderly' ? 32 : 24);
const MIN_HEADING = 40;
const MIN_LINE_HEIGHT = 1.3;
const minContrast = (mode: Mode) => (mode === 'highContrast' ? 7 : 4.5);

interface Figures {
  covered: Set<string>;
  lowestContrast: { ratio: number; at: string };
  smallestText: { px: number; at: string };
  smallestTarget: { px: number; at: string };
  transitionsMs: number[];
  worstDiff: { share: number; at: string };
}

const figures: Figures = {
  covered: new Set(),
  lowestContrast: { ratio: Infinity, at: '' },
  smallestText: { px: Infinity, at: '' },
  smallestTarget: { px: Infinity, at: '' },
  transitionsMs: [],
  worstDiff: { share: 0, at: '' },
};
const problems: string[] = [];

let kiosk: KioskProcess;
let browser: Browser;
let seal: string;

/** Stamps each paint of a new screen and the last tap, to time transitions (added before the app loads). */
const TIMING = `
  window.__tapAt = 0; window.__painted = { screen: '', at: 0 };
  addEventListener('pointerdown', () => { window.__tapAt = performance.now(); }, true);
  addEventListener('DOMContentLoaded', () => {
    let last = '';
    new MutationObserver(() => {
      const screen = document.querySelector('[data-screen]')?.getAttribute('data-screen') ?? '';
      if (screen === last) return;
      last = screen;
      requestAnimationFrame(() => setTimeout(() => { window.__painted = { screen, at: performance.now() }; }, 0));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-screen'] });
  });
`;

class ScreenWalk {
  private held: string | null = null;
  /** The page's end of the agent's WebSocket and the last view the agent sent, to draw a view of the test's own. */
  private toPage: { send(message: string): void } | null = null;
  private lastView = '';
  private queue: Array<() => void> = [];
  taps = 0;
  /** The history as the UI left it on load (lockdown's one entry so Back stays here); a session adds none. */
  private historyLength = 0;

  private constructor(
    readonly page: Page,
    private readonly cdp: CDPSession,
    readonly orientation: Orientation,
  ) {}

  static async open(context: BrowserContext, orientation: Orientation): Promise<ScreenWalk> {
    const page = await context.newPage();
    await page.addInitScript(TIMING);
    const walk = new ScreenWalk(page, await context.newCDPSession(page), orientation);
    // The agent's views pass through here, so a screen that lasts only a moment (fetching, printing) can be held
    // on screen while it is looked at; the views after it wait, in order, until it is released.
    await page.routeWebSocket(/\/ws$/, (ws) => {
      const server = ws.connectToServer();
      walk.toPage = ws;
      ws.onMessage((message) => server.send(message));
      server.onMessage((message) => {
        const deliver = () => {
          ws.send(message);
          if (typeof message === 'string' && message.startsWith('{"type":"view"')) walk.lastView = message;
          const screen = typeof message === 'string' ? /"screen":"(\w+)"/.exec(message)?.[1] : undefined;
          if (screen && screen === walk.held) walk.held = 'holding';
        };
        if (walk.held === 'holding' || walk.queue.length > 0) walk.queue.push(deliver);
        else deliver();
      });
    });
    await page.goto(kiosk.url);
    await walk.screen('home');
    walk.historyLength = (await browserTraces(page, testCitizens)).historyLength;
    return walk;
  }

  /**
   * Every failure the session can show (kiosk/session/failures.ts), drawn by the real UI over the failure screen
   * the walk reached: each must say what to do now. The agent's own view is drawn again afterwards.
   */
  async everyFailure(mode: Mode): Promise<void> {
    const real = JSON.parse(this.lastView) as { type: 'view'; view: Record<string, unknown> };
    expect(real.view.screen).toBe('failed');
    for (const code of Object.keys(failureDefinitions) as FailureCode[]) {
      this.toPage!.send(JSON.stringify({ type: 'view', view: { ...real.view, failure: failureView(code) } }));
      await this.screen('failed', ` [data-failure="${code}"]`);
      expect(await this.page.locator('.next-steps li').count(), `${code}: a next step`).toBeGreaterThan(0);
      await this.check(mode, `failed-${code}`, { pictured: false });
    }
    this.toPage!.send(JSON.stringify(real));
  }

  /** The next view showing `screen` stays on screen until release(). */
  holdOn(screen: string): void {
    this.held = screen;
  }

  /** No view of the agent's reaches the page until release(). */
  holdEverything(): void {
    this.held = 'holding';
  }

  release(): void {
    this.held = null;
    while (this.queue.length > 0 && this.held === null) this.queue.shift()!();
  }

  async screen(name: string, extra = ''): Promise<void> {
    await this.page.locator(`[data-screen="${name}"]${extra}`).first().waitFor({ timeout: 20_000 });
  }

  /** A citizen's tap, with the CPU throttled 4× from the tap until `next` is painted (timed), when a screen follows. */
  async tap(action: string, next?: string): Promise<void> {
    if (!next) {
      await this.page.locator(`[data-action="${action}"]`).first().click();
      return;
    }
    await this.cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    try {
      await this.page.locator(`[data-action="${action}"]`).first().click();
      await this.screen(next);
      const painted = await this.page.waitForFunction(
        `window.__painted.screen === ${JSON.stringify(next)} && window.__painted.at > window.__tapAt && window.__painted.at - window.__tapAt`,
      );
      figures.transitionsMs.push(Number(await painted.jsonValue()));
    } finally {
      await this.cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    }
  }

  async errandTap(action: string, next: string): Promise<void> {
    this.taps++;
    await this.tap(action, next);
  }

  async setMode(mode: Mode): Promise<void> {
    for (const action of MODES[mode].taps) await this.tap(action);
    await this.page.locator(MODES[mode].shows).first().waitFor();
  }

  /** Looks at the screen in this mode: its picture, axe, sizes and contrast. */
  async check(mode: Mode, name: string, options = { pictured: true }): Promise<void> {
    const id = `${this.orientation}/${mode}/${name}`;
    figures.covered.add(id);
    const page = this.page;
    if (options.pictured) await this.compareScreenshot(id);
    for (const finding of await seriousAxeFindings(page)) {
      problems.push(`${id}: axe ${finding.impact} ${finding.id} (${finding.help}) at ${finding.targets.join(', ')}`);
    }
    const measures = await measureScreen(page);
    for (const text of measures.texts) {
      const at = `${id} "${text.text}" ${text.where}`;
      if (text.contrast < figures.lowestContrast.ratio) figures.lowestContrast = { ratio: text.contrast, at };
      if (text.fontPx < figures.smallestText.px) figures.smallestText = { px: text.fontPx, at };
      if (text.contrast < minContrast(mode)) problems.push(`${at}: contrast ${text.contrast}:1 < ${minContrast(mode)}:1`);
      const min = text.heading ? MIN_HEADING : minBodyText(mode);
      if (text.fontPx < min) problems.push(`${at}: ${text.fontPx} px text < ${min} px`);
      if (text.lineHeightRatio < MIN_LINE_HEIGHT - 0.01)
        problems.push(`${at}: line height ${text.lineHeightRatio.toFixed(2)} < ${MIN_LINE_HEIGHT}`);
    }
    for (const target of measures.targets) {
      const px = Math.min(target.width, target.height);
      if (px < figures.smallestTarget.px) figures.smallestTarget = { px, at: `${id} ${target.where}` };
      if (px < minTarget(mode) - 0.5)
        problems.push(`${id} ${target.where}: target ${target.width.toFixed(0)}×${target.height.toFixed(0)} < ${minTarget(mode)} px`);
    }
  }

  private async compareScreenshot(id: string): Promise<void> {
    const page = this.page;
    // The preview's pages carry this issuance's seal and number, a checked paper its number and dates: masked in
    // the picture (preview-pdf and check-paper check them).
    const shot = await page.screenshot({
      animations: 'disabled',
      caret: 'hide',
      // The app code's challenge is a fresh random nonce, and its seconds run: masked too (app-code checks them).
      mask: [
        page.locator('.pdf-pages, [data-claim="id"] dd, [data-claim="issuedOn"] dd, [data-claim="validUntil"] dd, .app-qr, .app-qr-time'),
      ],
      maskColor: '#808080',
    });
    const comparison = await compareWithReference(shot, join(referenceDir, `${id}.png`));
    if (comparison.differingShare >= figures.worstDiff.share) figures.worstDiff = { share: comparison.differingShare, at: id };
    if (!comparison.sizeMatches || comparison.differingShare > DIFFERING_SHARE) {
      problems.push(`${id}: ${(comparison.differingShare * 100).toFixed(2)} % of pixels differ from the reference`);
    }
  }

  /** Back home, the session over: nothing of any test citizen in the DOM, storage, history or Cache Storage. */
  async assertNothingLeft(): Promise<void> {
    await this.screen('home');
    const traces = await browserTraces(this.page, testCitizens);
    expect(traces.found, `${this.orientation}: personal data left in the browser`).toEqual([]);
    expect(traces.historyLength, 'history entries').toBe(this.historyLength);
    expect(new URL(traces.url).pathname).toBe('/');
  }
}

const api = () => localApi(kiosk.url);

async function walkMode(walk: ScreenWalk, mode: Mode): Promise<void> {
  // The errand, start to paper: errand, Start, 同意, 打印 — the card is placed by hand, not tapped.
  await walk.setMode(mode);
  await walk.check(mode, 'home');
  walk.taps = 0;
  await walk.errandTap(`errand:${ERRAND}`, 'requirements');
  await walk.check(mode, 'requirements');
  await walk.errandTap('start', 'placeCard');
  await walk.check(mode, 'placeCard');
  await api().post('/api/sim/id-reader', { action: 'place', cardKey: 'zhang-san' });
  await walk.screen('consent');
  await walk.check(mode, 'consent');
  walk.holdOn('fetching');
  await walk.errandTap('consent', 'fetching');
  await walk.check(mode, 'fetching');
  walk.release();
  await walk.screen('preview', ' [data-pdf-pages="drawn"]');
  await walk.check(mode, 'preview');
  walk.holdOn('printing');
  await walk.errandTap('print', 'printing');
  await walk.check(mode, 'printing');
  walk.release();
  expect(walk.taps, 'taps from home to paper').toBeLessThanOrEqual(4);
  await walk.screen('takeItems');
  await walk.check(mode, 'takeItems');
  await api().post('/api/sim/a4-printer', { action: 'takePaper' });
  await walk.screen('rating');
  await walk.check(mode, 'rating');
  await walk.tap('rate:5', 'thanks');
  await walk.check(mode, 'thanks');
  await walk.tap('home');
  await walk.assertNothingLeft();

  // The sources' answers and the printer's failure, each with its next step; the card to take afterwards.
  for (const [cardKey, failure] of [
    ['li-si', 'NOT_ELIGIBLE_NO_PROPERTY'],
    ['wang-wu', 'HOLDER_NOT_FOUND'],
    ['zhang-san', 'PRINTER_OUT_OF_PAPER'],
  ] as const) {
    await walk.setMode(mode);
    await walk.tap(`errand:${ERRAND}`, 'requirements');
    await walk.tap('start', 'placeCard');
    await api().post('/api/sim/id-reader', { action: 'place', cardKey });
    await walk.screen('consent');
    await walk.tap('consent');
    if (failure === 'PRINTER_OUT_OF_PAPER') {
      await walk.screen('preview', ' [data-pdf-pages="drawn"]');
      await api().post('/api/sim/a4-printer', { action: 'paper', level: 'out' });
      await walk.page.locator('[data-printer-warning]').first().waitFor({ timeout: 10_000 });
      await walk.check(mode, 'preview-printer-warning');
      await walk.tap('print');
    }
    await walk.screen('failed', ` [data-failure="${failure}"]`);
    await walk.check(mode, `failed-${failure}`);
    expect(await walk.page.locator('.next-steps li').count(), `${failure}: a next step`).toBeGreaterThan(0);
    if (failure === 'NOT_ELIGIBLE_NO_PROPERTY') await walk.everyFailure(mode);
    if (failure === 'PRINTER_OUT_OF_PAPER') await api().post('/api/sim/a4-printer', { action: 'paper', level: 'full' });
    await walk.tap('cancel');
    // A refusal is an outcome, rated on the way home; a failure to serve goes straight to the card.
    await walk.page.locator('[data-screen="rating"], [data-screen="takeCard"]').first().waitFor({ timeout: 20_000 });
    if (await walk.page.locator('[data-screen="rating"]').isVisible()) {
      await walk.tap('skip-rating', 'thanks');
      await walk.tap('home');
    }
    await walk.screen('takeCard');
    await walk.check(mode, 'takeCard');
    await walk.assertNothingLeft();
  }

  // The app code instead of the card: the challenge, then "is this you?"; 不是 leaves nothing behind.
  await walk.setMode(mode);
  await walk.tap(`errand:${ERRAND}`, 'requirements');
  await walk.tap('start', 'placeCard');
  await walk.tap('use-app-code', 'consent');
  await walk.tap('consent', 'appCode');
  await walk.check(mode, 'appCode');
  await walk.page.locator('[data-dev="toggle"]').click();
  await walk.page.locator('[data-dev="app-code:zhang-san"]:not([disabled])').first().click();
  await walk.page.locator('[data-dev="toggle"]').click();
  await walk.screen('confirmIdentity');
  await walk.check(mode, 'confirmIdentity');
  await walk.tap('not-me');
  await walk.assertNothingLeft();

  // A partial 一件事 (李四 on the renter errand): which was issued, which not and why; stopping prints nothing.
  await walk.setMode(mode);
  await walk.tap(`errand:${RENTER_ERRAND}`, 'requirements');
  await walk.tap('start', 'placeCard');
  await api().post('/api/sim/id-reader', { action: 'place', cardKey: 'li-si' });
  await walk.screen('consent');
  await walk.tap('consent', 'partial');
  await walk.check(mode, 'partial');
  await walk.tap('stop');
  await walk.page.locator('[data-screen="rating"], [data-screen="takeCard"]').first().waitFor({ timeout: 20_000 });
  if (await walk.page.locator('[data-screen="rating"]').isVisible()) {
    await walk.tap('skip-rating', 'thanks');
    await walk.tap('home');
  }
  await walk.screen('takeCard');
  await api().post('/api/sim/id-reader', { action: 'remove' });
  await walk.assertNothingLeft();

  // 核验证明: a paper this kiosk printed, its claims, then home.
  await walk.setMode(mode);
  await walk.tap('check-paper', 'checkScan');
  await walk.check(mode, 'checkScan');
  await api().post('/api/sim/scanner', { action: 'scan', data: seal });
  await walk.screen('checkResult');
  await walk.check(mode, 'checkResult');
  await walk.tap('home');
  await walk.assertNothingLeft();
}

/** Staff have the screen: the PIN screen, then out of service and back. The citizen's modes do not apply there. */
async function walkStaff(walk: ScreenWalk): Promise<void> {
  const enter = async () => {
    await api().post('/api/sim/scanner', { action: 'maintenanceCode', variant: 'valid' });
    await walk.page.locator('[data-maintenance="pin"]').waitFor({ timeout: 15_000 });
  };
  const typePin = async () => {
    for (const digit of '2468') await walk.tap(`pin:${digit}`);
    await walk.tap('pin:ok');
    await walk.page.locator('[data-maintenance="open"]').waitFor({ timeout: 15_000 });
  };
  /** Staff take the kiosk out of service (pause) or put it back, and leave. */
  const service = async (action: 'pause' | 'resume') => {
    await walk.tap('page:service');
    await walk.tap(`maintenance:${action}`);
    await walk.tap('confirm:ok');
    await walk.page.locator(`[data-out-of-service="${action === 'pause'}"]`).waitFor();
    await walk.tap('maintenance:leave');
  };
  await enter();
  await walk.check('normal', 'staff-pin');
  await typePin();
  await service('pause');
  await walk.screen('outOfService');
  await walk.check('normal', 'outOfService');
  await enter();
  await typePin();
  await service('resume');
  await walk.screen('home');
  // The page before the agent's first view (a reload with the agent's views held back): no session, no modes.
  walk.holdEverything();
  await walk.page.reload();
  await walk.screen('connecting');
  await walk.check('normal', 'connecting');
  walk.release();
  await walk.screen('home');
}

function p95(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? NaN;
}

/** The walk on one screen: its own kiosk, so the portrait and the landscape walks run side by side. */
export function describeEveryScreenIn(orientation: Orientation): void {
  describe(`every screen in every mode on the ${orientation} screen, in Chromium`, () => {
    beforeAll(async () => {
      kiosk = await startKioskProcess();
      seal = await printPaperAndReadSeal(kiosk.url, kiosk.spoolDir, 'zhang-san');
      browser = await launchChromium();
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await kiosk?.stop();
      if (figures.covered.size === 0) return;
      const screens = new Set([...figures.covered].map((id) => id.split('/')[2]));
      console.log(
        [
          `Screens proven (${orientation}): ${figures.covered.size} screen × mode views (${screens.size} screens, ${Object.keys(MODES).length} modes)`,
          `Lowest contrast: ${figures.lowestContrast.ratio}:1 (${figures.lowestContrast.at})`,
          `Smallest text: ${figures.smallestText.px} px (${figures.smallestText.at})`,
          `Smallest touch target: ${figures.smallestTarget.px.toFixed(1)} px (${figures.smallestTarget.at})`,
          `Screen transition, CPU throttled 4×: p95 ${p95(figures.transitionsMs).toFixed(0)} ms over ${figures.transitionsMs.length} taps (max ${Math.max(...figures.transitionsMs).toFixed(0)} ms)`,
          `Largest share of pixels differing from a reference: ${(figures.worstDiff.share * 100).toFixed(3)} % (${figures.worstDiff.at})${updateScreens ? ' (references rewritten)' : ''}`,
        ].join('\n'),
      );
    });

    {
      it(
        `${orientation}: every screen in every mode looks as reviewed, passes axe, ux.md's sizes and contrast`,
        { timeout: 600_000 },
        async () => {
          problems.length = 0;
          const context = await browser.newContext({
            viewport: SCREENS[orientation],
            deviceScaleFactor: 1,
            bypassCSP: true, // axe-core is added by the test; the app's own CSP is untouched
            reducedMotion: 'reduce',
            serviceWorkers: 'block',
          });
          try {
            const walk = await ScreenWalk.open(context, orientation);
            for (const mode of Object.keys(MODES) as Mode[]) await walkMode(walk, mode);
            await walkStaff(walk);
          } finally {
            await context.close();
          }
          expect(problems).toEqual([]);
        },
      );
    }
  });
}
