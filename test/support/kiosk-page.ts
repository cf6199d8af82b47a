// The development kiosk in its own process and its touch UI in Debian's Chromium, as the end-to-end tests
// drive them: screens awaited by `data-screen`, buttons tapped, test cards placed from the dev panel.

import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { startKioskProcess, type KioskProcess } from './kiosk-process';

export interface KioskPage {
  kiosk: KioskProcess;
  browser: Browser;
  page: Page;
  /** Waits until the UI shows this screen. */
  screen(name: string): Promise<void>;
  /** Taps the first element the selector matches. */
  tap(selector: string): Promise<void>;
  /** Places a test citizen's card on the simulated reader from the dev panel, then closes the panel. */
  placeCard(key: string): Promise<void>;
  close(): Promise<void>;
}

/** Starts the kiosk and opens its UI at this viewport, on the home screen. */
export async function openKioskPage(viewport: { width: number; height: number }): Promise<KioskPage> {
  const kiosk = await startKioskProcess();
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport });
  const screen = (name: string) => page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 15_000 });
  const tap = (selector: string) => page.locator(selector).first().click();
  await page.goto(kiosk.url);
  await screen('home');
  return {
    kiosk,
    browser,
    page,
    screen,
    tap,
    async placeCard(key) {
      if (!(await page.locator(`[data-dev="card:${key}"]`).isVisible())) await tap('[data-dev="toggle"]');
      await tap(`[data-dev="card:${key}"]`);
      await tap('[data-dev="toggle"]'); // close the drawer again, as a tester would
    },
    async close() {
      await browser.close();
      await kiosk.stop();
    },
  };
}
