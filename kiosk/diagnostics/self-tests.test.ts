import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { A4Printer } from '../../device-drivers/a4-printer/a4-printer';
import { SimulatedA4Printer } from '../../device-drivers/a4-printer/simulated-a4-printer';
import { SimulatedCodeScanner } from '../../device-drivers/code-scanner/simulated-code-scanner';
import { SimulatedIdReader } from '../../device-drivers/id-reader/simulated-id-reader';
import { SimulatedReceiptPrinter } from '../../device-drivers/receipt-printer/simulated-receipt-printer';
import type { TemplateBundle } from '../../print-templates/template-bundle';
import { testPageTemplates } from '../../print-templates/test-page-templates';
import { shippedTestPageTemplates } from '../../print-templates/test-page-templates';
import { runSelfTests } from './self-tests';

const testPageSubjects = { kioskId: 'HZ-XH-0001', verifierUrl: null, testPages: shippedTestPageTemplates };

const fixedNow = () => new Date('2026-11-30T10:00:00Z');

describe('the self-tests', () => {
  it('records each test with who ran it; a missing device is skipped with the reason, an unplugged one fails', async () => {
    const scanner = new SimulatedCodeScanner();
    scanner.unplug();
    let n = 0;
    const records = await runSelfTests(
      {
        idReader: new SimulatedIdReader(),
        scanner,
        a4Printer: null,
        receiptPrinter: null,
        gateway: null,
        missing: { gateway: 'simulated' },
        templateVersion: 'bundled',
        ...testPageSubjects,
      },
      { by: 'staff-1', print: false },
      { now: fixedNow, newId: () => `id-${++n}` },
    );
    expect(records).toEqual([
      expect.objectContaining({ id: 'id-1', test: 'idReader', outcome: 'passed', by: 'staff-1', startedAt: '2026-11-30T10:00:00.000Z' }),
      expect.objectContaining({ test: 'scanner', outcome: 'failed', details: { device: 'noDevice', scanner: 'off' } }),
      expect.objectContaining({ test: 'a4Printer', outcome: 'skipped', details: { reason: 'notConfigured' } }),
      expect.objectContaining({ test: 'receiptPrinter', outcome: 'skipped', details: { reason: 'notConfigured' } }),
      expect.objectContaining({ test: 'gateway', outcome: 'skipped', details: { reason: 'simulated' } }),
    ]);
  });

  it('turns a driver that throws into a failed record naming the error’s kind only', async () => {
    const throwing = {
      refreshStatus: () => Promise.reject(new RangeError('secret text')),
    } as unknown as A4Printer;
    const records = await runSelfTests(
      {
        idReader: null,
        scanner: null,
        a4Printer: throwing,
        receiptPrinter: null,
        gateway: null,
        templateVersion: 'bundled',
        ...testPageSubjects,
      },
      { by: 'shell', print: true },
    );
    const a4 = records.find((record) => record.test === 'a4Printer');
    expect(a4).toMatchObject({ outcome: 'failed', details: { error: 'RangeError' } });
    expect(JSON.stringify(records)).not.toContain('secret text');
    // --print adds the paper tests; without a printer they are skipped.
    expect(records.filter((record) => record.test === 'a4TestPage' || record.test === 'testReceipt').map((r) => r.outcome)).toEqual([
      'failed',
      'skipped',
    ]);
  });

  const onlyA4 = (a4Printer: A4Printer) => ({
    idReader: null,
    scanner: null,
    a4Printer,
    receiptPrinter: null,
    gateway: null,
    templateVersion: 'bundled',
    ...testPageSubjects,
  });

  it('prints no test page on a printer that is not ready', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 10 });
    printer.setPaper('out');
    let printed = 0;
    const print = printer.print.bind(printer);
    printer.print = (...args) => (printed++, print(...args));
    const records = await runSelfTests(onlyA4(printer), { by: 'shell', print: true });
    expect(records.find((record) => record.test === 'a4TestPage')).toMatchObject({
      outcome: 'failed',
      details: { readiness: 'paperOut', printed: false },
    });
    expect(printed).toBe(0);
  });

  it('cancels a test page that stalls, so the run ends and says why', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 10, autoTakeMs: null });
    // Ready when asked before the test page, jammed by the time its job arrives.
    const refresh = printer.refreshStatus.bind(printer);
    let asked = 0;
    printer.refreshStatus = async () => {
      const status = await refresh();
      if (++asked === 2) printer.jam();
      return status;
    };
    const records = await runSelfTests(onlyA4(printer), { by: 'shell', print: true });
    expect(records.find((record) => record.test === 'a4TestPage')).toMatchObject({ outcome: 'failed', details: { stalled: 'jam' } });
  });

  it('cancels a test page that takes longer than the deadline', async () => {
    const printer = new SimulatedA4Printer({ spoolDir: null, pageMs: 1_000, autoTakeMs: null });
    const records = await runSelfTests(onlyA4(printer), { by: 'shell', print: true }, { testPageDeadlineMs: 100 });
    expect(records.find((record) => record.test === 'a4TestPage')).toMatchObject({ outcome: 'failed', details: { stalled: 'deadline' } });
  });

  it('prints the test pages from the templates in force: an operator’s bundle changes their wording', async () => {
    const shipped = shippedTestPageTemplates();
    const a4 = {
      ...shipped.a4.template,
      blocks: shipped.a4.template.blocks.map((block) =>
        block.type === 'text' && block.text === '自助终端 A4 打印测试页' ? { ...block, text: '运维方 A4 测试页' } : block,
      ),
    };
    const receipt = {
      ...shipped.receipt,
      lines: shipped.receipt.lines.map((line) =>
        line.kind === 'text' && line.text === '凭条打印机测试页' ? { ...line, text: '运维方凭条测试页' } : line,
      ),
    };
    const bundle = {
      a4Templates: [{ role: 'testPage:a4', file: 'test-page-a4.json', template: a4, samples: [] }],
      receiptTemplates: [{ role: 'testPage:receipt', file: 'receipt-test-page.json', template: receipt, samples: [] }],
      images: shipped.a4.images,
    } as unknown as TemplateBundle;
    const spoolDir = await mkdtemp(join(tmpdir(), 'test-page-'));
    try {
      const receiptPrinter = new SimulatedReceiptPrinter();
      await receiptPrinter.open();
      const records = await runSelfTests(
        {
          ...onlyA4(new SimulatedA4Printer({ spoolDir, pageMs: 0, autoTakeMs: null })),
          receiptPrinter,
          testPages: () => testPageTemplates(bundle),
        },
        { by: 'staff-1', print: true },
      );
      expect(records.filter((r) => r.test === 'a4TestPage' || r.test === 'testReceipt').map((r) => r.outcome)).toEqual([
        'passed',
        'passed',
      ]);
      const [job] = await readdir(spoolDir);
      const text = execFileSync('pdftotext', ['-layout', join(spoolDir, job!), '-'], { encoding: 'utf8' });
      expect(text).toMatch(/运维方 A4 测试页/);
      expect(text).not.toMatch(/自助终端 A4 打印测试页/);
      expect(text).toMatch(/HZ-XH-0001/);
      expect(receiptPrinter.lastReceipt?.lines).toContainEqual(expect.objectContaining({ kind: 'text', text: '运维方凭条测试页' }));
    } finally {
      await rm(spoolDir, { recursive: true, force: true });
    }
  });
});
