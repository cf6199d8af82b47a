// Runs inside the QEMU guest (bundled by build-hid-vm.ts): the real HID driver on node-hid against virtual HID POS
// scanners made through /dev/uhid. Prints one line `HIDVM-RESULT {json}` for the host test to check; the scans
// are synthetic test data.

import iconv from 'iconv-lite';
import type { ScannedCode } from '../../../device-drivers/code-scanner/code-scanner';
import { createHidCodeScanner } from '../../../device-drivers/code-scanner/hid-code-scanner';
import { hidPosReports, utf8, withAimId } from '../../emulators/hid-pos-report-builder';
import { UhidScannerControl } from './uhid-scanner-control';

const GUEST_VENDOR_ID = 0xf055;
const GUEST_PRODUCT_ID_UTF8 = 0x5ca0;
const GUEST_PRODUCT_ID_GBK = 0x5ca1;

const started = performance.now();
const steps: Record<string, number> = {};
const mark = (step: string) => (steps[step] = Math.round(performance.now() - started));

async function waitUntil(done: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!done()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

function send(uhid: UhidScannerControl, slot: number, payload: Uint8Array): Promise<void> {
  return uhid.input(slot, hidPosReports(payload));
}

async function main(): Promise<void> {
  const uhid = new UhidScannerControl('/app/uhid-pos-scanner');
  const reads: ScannedCode[] = [];
  const statusChanges: Array<Record<string, string>> = [];
  const scanner = createHidCodeScanner({
    vendorId: GUEST_VENDOR_ID,
    productId: GUEST_PRODUCT_ID_UTF8,
    encoding: 'utf-8',
    retryDelaysMs: [50, 100, 200],
  });
  scanner.events.on('read', (code) => reads.push(code));
  scanner.events.on('statusChanged', (change) => statusChanges.push({ ...change }));

  // Opened before the scanner is plugged in: it must find it by itself.
  await scanner.open();
  const statusBeforePlug = scanner.status();
  const enableWhileAbsent = await scanner.enable();
  mark('driverOpen');

  await uhid.create(0, GUEST_VENDOR_ID, GUEST_PRODUCT_ID_UTF8);
  await waitUntil(() => scanner.status().device === 'online', 'the driver to attach');
  await uhid.waitForEvent(0, 'open', 1);
  mark('attached');
  const enabled = await scanner.enable();

  // 1: one report. 2: three reports. 3: UTF-8 Chinese over two reports, a character cut by the report boundary.
  // 4: exactly one full report, ended by the idle rule alone.
  const long = 'HTTPS://ZWFW.ZJ.GOV.CN/KIOSK/TEST?' + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.repeat(3) + '-END';
  await send(uhid, 0, withAimId(utf8('KIOSK-TEST-0001')));
  await send(uhid, 0, withAimId(utf8(long)));
  await send(uhid, 0, withAimId(utf8('浙江省杭州市西湖区办事码'.repeat(2) + '-TEST')));
  await send(uhid, 0, utf8('F'.repeat(62)));
  await waitUntil(() => reads.length >= 4, 'four scans');
  // Bytes that are not UTF-8 are refused and counted, never turned into a code with replacement characters.
  await send(uhid, 0, Uint8Array.of(0x5d, 0x51, 0x31, 0xff, 0xfe, 0x41));
  await waitUntil(() => scanner.diagnostics().rejected['undecodable'] === 1, 'the undecodable scan to be refused');
  mark('scanned');

  // Unplug, then plug back in: status goes to noDevice, then online, and scans resume with no help.
  await uhid.destroy(0);
  await waitUntil(() => scanner.status().device === 'noDevice', 'the driver to notice the unplug');
  const statusUnplugged = scanner.status();
  mark('detached');
  await uhid.create(0, GUEST_VENDOR_ID, GUEST_PRODUCT_ID_UTF8);
  await waitUntil(() => scanner.status().device === 'online', 'the driver to re-attach');
  await uhid.waitForEvent(0, 'open', 2);
  const statusReplugged = scanner.status();
  mark('reattached');
  await send(uhid, 0, withAimId(utf8('AFTER-REPLUG-0002'), ']C0'));
  await waitUntil(() => reads.length >= 5, 'a scan after re-attach');
  mark('resumed');

  // A second scanner set to GBK.
  const gbkReads: ScannedCode[] = [];
  const gbkScanner = createHidCodeScanner({
    vendorId: GUEST_VENDOR_ID,
    productId: GUEST_PRODUCT_ID_GBK,
    encoding: 'gbk',
    retryDelaysMs: [50],
  });
  gbkScanner.events.on('read', (code) => gbkReads.push(code));
  await uhid.create(1, GUEST_VENDOR_ID, GUEST_PRODUCT_ID_GBK);
  await gbkScanner.open();
  await waitUntil(() => gbkScanner.status().device === 'online', 'the GBK scanner');
  await uhid.waitForEvent(1, 'open', 1);
  await gbkScanner.enable();
  await send(uhid, 1, withAimId(new Uint8Array(iconv.encode('浙江政务服务网（一件事）', 'gbk'))));
  await waitUntil(() => gbkReads.length >= 1, 'a GBK scan');
  mark('gbk');

  const diagnostics = scanner.diagnostics();
  await scanner.close();
  await gbkScanner.close();
  await uhid.quit();
  mark('done');

  const result = {
    ok: true,
    statusBeforePlug,
    enableWhileAbsent,
    enabled,
    reads,
    statusChanges,
    statusUnplugged,
    statusReplugged,
    gbkReads,
    diagnostics,
    steps,
    nodeUptimeMs: Math.round(process.uptime() * 1000),
  };
  process.stdout.write(`HIDVM-RESULT ${asciiJson(result)}\n`);
}

/** JSON with every non-ASCII character escaped: the serial console then carries plain ASCII. */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stdout.write(`HIDVM-RESULT ${asciiJson({ ok: false, error: message, steps })}\n`);
    process.exit(1);
  },
);
