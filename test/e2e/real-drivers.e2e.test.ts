// The compiled production agent (dist/kiosk-agent.mjs) with its real drivers, each on a real transport: the GA 467
// reader, a serial scanner and an ESC/POS printer as byte-level emulators on socat pty pairs, the A4 printer as
// ippeveprinter on loopback, and the gateway simulator as a remote gateway over mutual TLS. A citizen walks the
// errand in Chromium; the PDF arrives in ippeveprinter's spool.

import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewaySimulator } from '../../scripts/gateway-simulator/simulator';
import { testCitizens } from '../../scripts/synthetic-population';
import { IdReaderEmulator } from '../emulators/id-reader-emulator';
import { ReceiptPrinterEmulator } from '../emulators/receipt-printer-emulator';
import { startSerialScannerEmulator, type SerialScannerEmulator } from '../emulators/serial-scanner-emulator';
import { launchChromium } from '../support/chromium';
import { startIppEverywherePrinter, type IppEverywherePrinter } from '../support/ipp-everywhere-printer';
import { startKioskProcess, type KioskProcess } from '../support/kiosk-process';
import { waitForPdfPages } from '../support/pdf-canvas-ink';
import { pdfText } from '../support/pdf-text';
import { openPtyPair, type PtyPair } from '../support/pty-pair';
import { emulatedProductionConfig } from '../support/emulated-production-config';

const citizen = testCitizens.find((c) => c.key === 'chan-tai-man')!.card;
const cleanups: Array<() => Promise<void>> = [];
let kiosk: KioskProcess;
let browser: Browser;
let page: Page;
let reader: IdReaderEmulator;
let a4: IppEverywherePrinter;

async function screen(name: string): Promise<void> {
  await page.locator(`[data-screen="${name}"]`).waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  const readerPair: PtyPair = await openPtyPair({ name: 'e2e-reader' });
  cleanups.push(() => readerPair.dispose());
  reader = new IdReaderEmulator({ pacedBaudRate: 115200 });
  await reader.attach(readerPair.emulatorPath);
  cleanups.push(() => reader.detach());
  const scanner: SerialScannerEmulator = await startSerialScannerEmulator({ baudRate: 9600 });
  cleanups.push(() => scanner.close());
  const receipt = await ReceiptPrinterEmulator.start({ baudRate: 19200 });
  cleanups.push(() => receipt.stop());
  a4 = await startIppEverywherePrinter({ name: 'e2e' });
  cleanups.push(() => a4.close());

  const gatewayDir = await mkdtemp(join(tmpdir(), 'kiosk-real-drivers-gateway-'));
  cleanups.push(() => rm(gatewayDir, { recursive: true, force: true }));
  const gateway = await startGatewaySimulator({ dataDir: gatewayDir, port: 0, adminPort: null });
  cleanups.push(() => gateway.close());

  const configFile = join(tmpdir(), `kiosk-real-drivers-${process.pid}.json`);
  const config = await emulatedProductionConfig({
    gateway,
    trustListCopy: join(gatewayDir, 'production-trust-list.jws'),
    readerPath: readerPair.devicePath,
    scannerPath: scanner.devicePath,
    a4Url: a4.url,
    receiptPath: receipt.devicePath,
  });
  await writeFile(configFile, JSON.stringify(config));
  kiosk = await startKioskProcess({ agent: 'production', args: ['--config', configFile] });
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(kiosk.url);
  await screen('home');
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await kiosk?.stop();
  for (const cleanup of cleanups.reverse()) await cleanup();
});

describe('the compiled production agent on real drivers and real transports', () => {
  it('shows no dev panel, and its health reports every real device online', async () => {
    expect(await page.locator('[data-dev="toggle"]').count()).toBe(0);
    const health = (await (await fetch(new URL('/api/health', kiosk.url))).json()) as { devices: Record<string, { device: string }> };
    expect(health.devices.idReader?.device).toBe('online');
    expect(health.devices.a4Printer?.device).toBe('online');
    expect(health.devices.receiptPrinter?.device).toBe('online');
  });

  it('reads the card from the serial reader and prints the certificate on the IPP printer', async () => {
    await page.locator('[data-action="errand:no-property-proof-provident-fund"]').click();
    await page.locator('[data-action="start"]').click();
    await screen('placeCard');
    reader.placeCard(citizen);
    await screen('consent');
    await page.locator('[data-action="consent"]').click();
    await screen('preview');
    // The production UI draws the print job's own PDF on the preview, every page inked (1400 px wide in landscape).
    for (const drawn of await waitForPdfPages(page, 1400)) expect(drawn.inked).toBeGreaterThan(0.002);
    await page.locator('[data-action="print"]').click();
    await screen('takeItems');
    const spooled = await a4.spooledDocuments();
    expect(spooled).toHaveLength(1);
    const file = join(kiosk.workDir, 'spooled.pdf');
    await writeFile(file, spooled[0]!.bytes);
    const text = pdfText(file).replace(/\s+/g, '');
    expect(text).toContain(citizen.name);
    expect(text).toContain(citizen.idNumber);
    expect(text).toContain('无登记在册的住房');
    await screen('rating');
    await page.locator('[data-action="skip-rating"]').click();
    await screen('thanks');
  });

  it('logged no name or ID number', () => {
    expect(kiosk.output()).not.toContain(citizen.idNumber);
    expect(kiosk.output()).not.toContain(citizen.name);
  });
});
