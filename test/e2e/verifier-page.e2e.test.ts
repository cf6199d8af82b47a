// The static verifier page as a receiver's phone opens it: built with the gateway simulator's trust-list root,
// served with the simulator's signed list from a loopback static server, in Debian's Chromium at 360 px. A
// certificate the print service rendered is read back with pdftoppm and zbarimg, and the decoded URL opened
// as it is. Every request the browser makes is recorded: none may carry any part of a seal.

import { generateKeyPairSync } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import type { VerifiedCertificate } from '../../kiosk/gateway/certificate';
import { keyId } from '../../kiosk/gateway/key-id';
import { encodeSeal } from '../../kiosk/gateway/seal-kq1';
import { createPrintService } from '../../kiosk/printing/print-service';
import { zhangSanNoPropertyProof } from '../../print-templates/fixtures/synthetic-certificates';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { oneTemplate } from '../../kiosk/printing/job-templates';
import { readScannedCodes } from '../../scripts/verify-seal/scanned-codes';
import { prepareSimulatorFiles, type SimulatorMaterial } from '../../scripts/gateway-simulator/simulator-files';
import { sealUrl } from '../../verifier/kq1-url-form';
import { sealFailureText } from '../../verifier/verify-kq1';
import { buildVerifierPage, gzippedSize } from '../support/build-verifier-page';
import { launchChromium } from '../support/chromium';
import { startStaticDirectoryServer } from '../support/static-directory-server';
import { currentPaperClaims } from '../support/kq1-seal-fixture';
import { changedCopyOfTrustList } from '../support/trust-list-fixture';

const OFFICIAL = 'https://verify.example.gov.cn/kq1';
const OFFICIAL_ORIGIN = new URL(OFFICIAL).origin;
const DAY_S = 86_400;
const nowS = Math.floor(Date.now() / 1000);

let dir: string;
let site: string;
let material: SimulatorMaterial;
let server: Awaited<ReturnType<typeof startStaticDirectoryServer>>;
let browser: Browser;
let context: BrowserContext;
let printedUrl: string;
let pageBytes: number;
/** Every request the browser made: its URL, headers and body as text. */
const requests: string[] = [];
/** Every seal the page was given, as its URL fragment. */
const sealsShown: string[] = [];
/** What the browser reported as an error: a CSP violation or a script failure would show here. */
const browserErrors: string[] = [];

/** The first 8-character piece of the seal (base45, or as escaped in the fragment) that `text` holds, if any. */
function sealPieceIn(text: string, fragment: string): string | undefined {
  for (const form of [decodeURIComponent(fragment).slice(4), fragment.slice(4)]) {
    for (let at = 0; at + 8 <= form.length; at++) {
      if (text.includes(form.slice(at, at + 8))) return form.slice(at, at + 8);
    }
  }
  return undefined;
}

function sealBy(alg: 'ES256' | 'SM2-SM3', claims = currentPaperClaims(), department = 'real-estate-registration'): string {
  const key = material.issuers.get(department)![alg];
  return encodeSeal(claims, { alg, kid: key.kid, privateKey: key.privateKey });
}

/** Serves `list` (a file of the simulator's data or a re-signed copy) as the site's trust list. */
async function serveTrustList(list: string): Promise<void> {
  await copyFile(list, join(site, 'trust-list.jws'));
}

/** Opens a scanned URL on a 360 px phone and waits for the page's verdict. */
async function open(url: string): Promise<Page> {
  sealsShown.push(url.slice(url.indexOf('#KQ1:') + 5));
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('[data-verdict]').waitFor({ timeout: 15_000 });
  return page;
}

const text = async (page: Page, selector: string) => (await page.locator(selector).first().textContent()) ?? '';

describe('the static verifier page, in Chromium', () => {
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'verifier-page-'));
    site = join(dir, 'site');
    material = await prepareSimulatorFiles(join(dir, 'simulator'), [], new Date());
    buildVerifierPage(material.files.trustRoot, site);
    pageBytes = await gzippedSize(site);
    // The page answers at its official path, and at another path to play a fake address on the same host.
    const index = await readFile(join(site, 'index.html'));
    await writeFile(join(site, 'kq1'), index);
    await writeFile(join(site, 'other'), index);
    const types: Record<string, string> = { js: 'text/javascript', css: 'text/css', jws: 'text/plain' };
    server = await startStaticDirectoryServer(site, (path) => types[path.split('.').pop() ?? ''] ?? 'text/html; charset=utf-8');

    const service = createPrintService({
      kioskId: 'K',
      printer: new SimulatedA4Printer({ spoolDir: null, pageMs: 0, autoTakeMs: null }),
      templates: () => oneTemplate(loadBundledTemplate()),
      sealVerifierUrl: () => OFFICIAL,
    });
    const certificate = { ...zhangSanNoPropertyProof, seal: sealBy('ES256') } as unknown as VerifiedCertificate;
    const pdf = join(dir, 'printed.pdf');
    await writeFile(pdf, (await service.prepareDocument([certificate])).pdf);
    const codes = await readScannedCodes(pdf);
    if (!codes.ok) throw new Error(codes.error);
    printedUrl = codes.value.codes.find((code) => code.includes('#KQ1:'))!;

    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    context.on('request', (request) => {
      const body = request.postData() ?? '';
      requests.push(`${request.url()}\n${JSON.stringify(request.headers())}\n${body}`);
      // The headers as sent (cookies, referrer and all) arrive later; kept too.
      void request.allHeaders().then((headers) => requests.push(`${request.url()}\n${JSON.stringify(headers)}\n${body}`));
    });
    context.on('console', (message) => {
      if (message.type() === 'error') browserErrors.push(message.text());
    });
    context.on('weberror', (error) => browserErrors.push(error.error().message));
    // The printed URL is opened exactly as decoded; only its origin is rewritten, here, to the loopback server
    // that plays the official host (the path, and the fragment that never reaches a server, stay). Anything
    // else the page might ask for is refused, and would show in the request log.
    await context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== OFFICIAL_ORIGIN) return route.abort();
      return route.fulfill({ response: await route.fetch({ url: `${server.url}${url.pathname}${url.search}` }) });
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is at most 50 KB gzipped, HTML, JS and CSS together', () => {
    console.log(`verifier page: ${pageBytes} bytes gzipped`);
    expect(pageBytes).toBeLessThanOrEqual(50 * 1024);
  });

  it('shows a printed paper valid under a production list, with every claim, readable at 360 px', async () => {
    expect(printedUrl.startsWith(`${OFFICIAL}#KQ1:`)).toBe(true);
    await serveTrustList(await changedCopyOfTrustList(material.files, join(dir, 'production.jws'), { environment: 'production' }));
    const page = await open(printedUrl);
    expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('valid');
    expect(await text(page, '[data-verdict]')).toContain('有效');
    expect(await text(page, '[data-claim="type"] dd')).toBe('无房证明 · No-property proof');
    expect(await text(page, '[data-claim="id"] dd')).toBe(zhangSanNoPropertyProof.certId);
    expect(await text(page, '[data-claim="holder"] dd')).toBe('张三');
    expect(await text(page, '[data-claim="idNumber"] dd')).toBe('330106********123X');
    expect(await text(page, '[data-claim="fact-region"]')).toContain('杭州市');
    expect(await text(page, '[data-claim="issuer"] dd')).toBe('杭州市不动产登记服务中心');
    expect(await text(page, '[data-claim="validUntil"] dd')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    await page.close();

    const sm2 = await open(sealUrl(OFFICIAL, sealBy('SM2-SM3')));
    expect(await sm2.getAttribute('[data-verdict]', 'data-verdict')).toBe('valid');
    await sm2.close();
  });

  it('shows the reason for a tampered code, an expired certificate, an unknown issuer and an unofficial address', async () => {
    await serveTrustList(join(dir, 'production.jws'));
    const seal = printedUrl.slice(printedUrl.indexOf('#') + 1);
    const tampered = `${OFFICIAL}#${seal.slice(0, -4)}${seal.endsWith('0000') ? '1111' : '0000'}`;
    const expired = sealUrl(OFFICIAL, sealBy('ES256', currentPaperClaims({ iat: nowS - 20 * DAY_S, exp: nowS - 2 * DAY_S })));
    const stranger = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
    const unknown = sealUrl(OFFICIAL, encodeSeal(currentPaperClaims(), { alg: 'ES256', kid: keyId(stranger), privateKey: stranger }));
    const unofficial = `${OFFICIAL_ORIGIN}/other#${seal}`;
    for (const [url, failures] of [
      [tampered, ['signature-invalid', 'damaged']],
      [expired, ['expired']],
      [unknown, ['unknown-issuer']],
      [unofficial, ['unofficial-verifier']],
    ] as const) {
      const page = await open(url);
      expect(await page.getAttribute('[data-verdict]', 'data-verdict')).toBe('invalid');
      const reason = await text(page, '[data-reason]');
      expect(
        failures.some((failure) => reason.includes(sealFailureText[failure].en) && reason.includes(sealFailureText[failure].zh)),
        reason,
      ).toBe(true);
      expect(await page.locator('[data-claim]').count()).toBe(0);
      await page.close();
    }
  });

  it('says test issuer under the simulator’s own test list, and cannot confirm past nextUpdate', async () => {
    await serveTrustList(material.files.trustList);
    const test = await open(printedUrl);
    expect(await test.getAttribute('[data-verdict]', 'data-verdict')).toBe('test-issuer');
    expect(await text(test, '[data-verdict]')).toContain('test issuer');
    await test.close();

    const past = new Date((nowS - DAY_S) * 1000).toISOString().replace(/\.\d+Z$/, 'Z');
    await serveTrustList(
      await changedCopyOfTrustList(material.files, join(dir, 'stale.jws'), { environment: 'production', nextUpdate: past }),
    );
    const stale = await open(printedUrl);
    expect(await stale.getAttribute('[data-verdict]', 'data-verdict')).toBe('cannot-confirm');
    expect(await text(stale, '[data-verdict]')).toMatch(/无法确认[\s\S]*cannot confirm/);
    await stale.close();

    // A list the pinned root did not sign is not believed at all.
    const otherRoot = join(dir, 'other-root');
    await writeFile(
      join(dir, 'other-root.key'),
      generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }),
    );
    await changedCopyOfTrustList({ trustList: material.files.trustList, trustRootKey: join(dir, 'other-root.key') }, otherRoot, {
      environment: 'production',
    });
    await serveTrustList(otherRoot);
    const forged = await open(printedUrl);
    expect(await forged.getAttribute('[data-verdict]', 'data-verdict')).toBe('cannot-confirm');
    expect(await forged.locator('[data-claim]').count()).toBe(0);
    await forged.close();
  });

  it('made no request that carries any part of a seal, and broke no rule of its CSP', () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(sealsShown.length).toBeGreaterThanOrEqual(9);
    // The check itself finds a seal where one is.
    expect(sealPieceIn(`GET /x?q=${sealsShown[0]!.slice(30, 40)}`, sealsShown[0]!)).toBeDefined();
    for (const fragment of sealsShown) {
      for (const request of [...requests, ...server.requests]) expect(sealPieceIn(request, fragment), request).toBeUndefined();
    }
    // Only the page itself, its built files and its trust list were asked for.
    for (const path of server.requests) expect(path).toMatch(/^\/(kq1|other|trust-list\.jws|assets\/[\w-]+\.(js|css))$/);
    expect(browserErrors).toEqual([]);
  });
});
