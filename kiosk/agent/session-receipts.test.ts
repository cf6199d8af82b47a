import { describe, expect, it } from 'vitest';
import { fail } from '../../device-drivers/device-result';
import type { Receipt, ReceiptPrinter } from '../../device-drivers/receipt-printer/receipt-printer';
import { SimulatedReceiptPrinter } from '../../device-drivers/receipt-printer/simulated-receipt-printer';
import { createMemoryLogger } from '../../test/support/memory-logger';
import { loadCatalogue } from '../errands/catalogue';
import { failureDefinitions, type FailureCode } from '../session/failures';
import type { SessionEmitted } from '../session/session-machine';
import { receiptFacts, startSessionReceipts } from './session-receipts';

type Note = Extract<SessionEmitted, { type: 'receipt' }>;

const catalogue = loadCatalogue();
const renter = catalogue.find((e) => e.id === 'renter-provident-fund-withdrawal')!;
const kiosk = { kioskId: 'ZJ-HZ-0001', verifierUrl: 'https://verify.example.gov.cn/kq1', at: new Date('2026-11-23T02:15:00Z') };

const issued: Note = {
  type: 'receipt',
  errandId: renter.id,
  printed: true,
  outcome: 'issued',
  failure: null,
  maskedName: '阿******提',
  certificates: [
    { certId: 'NP-1', certType: 'no-property-proof' },
    { certId: 'SS-1', certType: 'social-security-record' },
  ],
  missing: [],
};

/** A runtime that only relays what the test emits. */
function fakeRuntime() {
  let listener: ((note: Note) => void) | null = null;
  return {
    on: ((_type: 'receipt', l: (note: Note) => void) => {
      listener = l;
      return () => (listener = null);
    }) as never,
    tell(note: Note) {
      listener?.(note);
    },
  };
}

function start(printer: ReceiptPrinter | null) {
  const runtime = fakeRuntime();
  const logger = createMemoryLogger();
  let printed = 0;
  const receipts = startSessionReceipts({
    runtime,
    printer,
    catalogue,
    kioskId: kiosk.kioskId,
    verifierUrl: kiosk.verifierUrl,
    logger,
    printed: () => printed++,
    now: () => kiosk.at,
  });
  return { runtime, logger, receipts, printed: () => printed };
}

describe('receipt facts', () => {
  it('printed: how many papers, each certificate by name and number, the errand’s next step', () => {
    expect(receiptFacts(issued, renter, kiosk)).toEqual({
      kioskId: 'ZJ-HZ-0001',
      at: '2026-11-23T02:15:00.000Z',
      errandName: renter.name,
      maskedName: '阿******提',
      printed: true,
      result: { zh: '已打印 2 份证明', en: '2 papers printed' },
      nextStep: renter.nextStep,
      certificates: [
        { id: 'NP-1', name: { zh: '无房证明', en: 'No-property proof' } },
        { id: 'SS-1', name: { zh: '社会保险参保证明', en: 'Social-security record' } },
      ],
      verifierUrl: 'https://verify.example.gov.cn/kq1',
      errandGuideUrl: null,
    });
  });

  it('not printed: the failure’s title and a next step that holds away from the screen', () => {
    const facts = receiptFacts({ ...issued, printed: false, outcome: 'failed', failure: 'PRINTER_OUT_OF_PAPER' }, renter, kiosk);
    expect(facts.result).toEqual({ zh: '打印机缺纸', en: 'The printer is out of paper' });
    expect(facts.nextStep?.zh).toBe('请到大厅人工窗口办理，工作人员会帮助您');
  });

  it('no failure’s receipt tells the citizen to tap a button that is gone', () => {
    for (const code of Object.keys(failureDefinitions) as FailureCode[]) {
      const { nextStep } = receiptFacts({ ...issued, printed: false, outcome: 'failed', failure: code }, renter, kiosk);
      expect(nextStep?.zh, code).not.toMatch(/重试|点击/);
      expect(nextStep?.en, code).not.toMatch(/tap/i);
    }
  });

  it('printed without a part its department refused: names the missing one and where to get it', () => {
    const facts = receiptFacts(
      {
        ...issued,
        certificates: [{ certId: 'SS-1', certType: 'social-security-record' }],
        missing: [{ certType: 'no-property-proof', failure: 'NOT_ELIGIBLE_NO_PROPERTY' }],
      },
      renter,
      kiosk,
    );
    expect(facts.result).toEqual({ zh: '已打印 1 份证明；未出具：无房证明', en: '1 paper printed; not issued: No-property proof' });
    expect(facts.nextStep).toEqual(failureDefinitions.NOT_ELIGIBLE_NO_PROPERTY.nextSteps[0]);
    expect(facts.certificates).toEqual([{ id: 'SS-1', name: { zh: '社会保险参保证明', en: 'Social-security record' } }]);
  });

  it('abandoned: says it was cancelled, with no next step', () => {
    const facts = receiptFacts({ ...issued, printed: false, outcome: 'abandoned', failure: null }, renter, kiosk);
    expect(facts).toMatchObject({ printed: false, result: { zh: '已取消，未打印' }, nextStep: null });
  });

  it('every errand of the catalogue says its next step in both languages', () => {
    for (const errand of catalogue) expect(errand.nextStep.zh.length * errand.nextStep.en.length, errand.id).toBeGreaterThan(0);
    expect(catalogue.find((e) => e.id === 'no-property-proof-provident-fund')?.nextStep.zh).toBe('请持本证明到公积金中心办理提取');
  });
});

describe('session receipts', () => {
  it('prints nothing and listens to nothing where no receipt printer is configured', () => {
    expect(start(null).receipts).toBeNull();
  });

  it('prints the bundled template for each note, and counts the slip', async () => {
    const printer = new SimulatedReceiptPrinter();
    const { runtime, receipts, printed } = start(printer);
    runtime.tell(issued);
    await receipts!.stop();
    const texts = printer.lastReceipt!.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
    expect(texts).toContain('姓名 Name: 阿******提');
    expect(texts).toContain('  SS-1');
    expect(texts).toContain('请持两份证明到公积金中心办理租房提取');
    expect(printer.lastReceipt!.lines).toContainEqual({ kind: 'qr', data: 'https://verify.example.gov.cn/kq1' });
    expect(printed()).toBe(1);
  });

  it('a printer out of paper is a staff alert, and the next receipt is still tried', async () => {
    const printer = new SimulatedReceiptPrinter();
    printer.setPaper('out');
    const { runtime, receipts, logger, printed } = start(printer);
    runtime.tell(issued);
    runtime.tell(issued);
    await receipts!.stop();
    const alerts = logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((e) => e.event === 'staff.alert');
    expect(alerts.map((e) => e.reason)).toEqual(['receiptPrinter:paperOut', 'receiptPrinter:paperOut']);
    expect(printed()).toBe(0);
    expect(logger.lines.join('\n')).not.toContain('阿******提'); // the receipt's facts are printed, never logged
  });

  it('one receipt at a time: a slow printer gets the second only after the first', async () => {
    const order: string[] = [];
    let release: () => void = () => {};
    const printer = Object.assign(new SimulatedReceiptPrinter(), {
      async print(receipt: Receipt) {
        const id = receipt.lines.find((l) => l.kind === 'text' && l.text.startsWith('  '));
        order.push(`start ${id?.kind === 'text' ? id.text.trim() : ''}`);
        if (order.length === 1) await new Promise<void>((resolve) => (release = resolve));
        order.push('end');
        return { ok: true as const, value: undefined };
      },
    });
    const { runtime, receipts } = start(printer);
    runtime.tell({ ...issued, certificates: [{ certId: 'A', certType: 'residence-proof' }] });
    runtime.tell({ ...issued, certificates: [{ certId: 'B', certType: 'residence-proof' }] });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['start A']);
    release();
    await receipts!.stop();
    expect(order).toEqual(['start A', 'end', 'start B', 'end']);
  });

  it('a driver that throws is a staff alert, not a crash', async () => {
    const printer = Object.assign(new SimulatedReceiptPrinter(), {
      print: async () => Promise.reject(new Error('port vanished')),
    });
    const { runtime, receipts, logger } = start(printer);
    runtime.tell(issued);
    await receipts!.stop();
    expect(logger.lines.join('\n')).toContain('"reason":"receiptPrinter:receiptPrinterFault"');
  });

  it('a refused job names the driver’s reason', async () => {
    const printer = Object.assign(new SimulatedReceiptPrinter(), { print: async () => fail('hardwareError', 'cutterError') });
    const { runtime, receipts, logger } = start(printer);
    runtime.tell(issued);
    await receipts!.stop();
    expect(logger.lines.join('\n')).toContain('"reason":"receiptPrinter:cutterError"');
  });
});
