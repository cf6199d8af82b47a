// The receipt (凭条) of whole errands, through the development agent with a real ESC/POS driver on a socat pty
// and the byte-level printer emulator on the other end, decoded back to text and QR data: what the citizen takes
// home, with the name masked and nothing else of theirs; and a receipt printer out of paper never stopping the
// A4 paper, only telling staff. Needs socat (test/support/pty-pair.ts).

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent, type RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { maskName } from '../../kiosk/privacy/mask';
import { shanghaiIsoDate } from '../../print-templates/shanghai-date';
import { testCitizens } from '../../scripts/synthetic-population';
import { ReceiptPrinterEmulator } from '../emulators/receipt-printer-emulator';
import type { DecodedReceipt } from '../emulators/escpos-stream-decoder';
import { localApi } from '../support/local-api';
import { createMemoryLogger } from '../support/memory-logger';
import { personalDataFoundIn } from '../support/personal-data';

const BAUD = 19200;
const VERIFIER = 'https://verify.example.gov.cn/kq1';
const ayiguli = testCitizens.find((c) => c.key === 'ayiguli')!;
const zhangSan = testCitizens.find((c) => c.key === 'zhang-san')!;

let workDir: string;
let emulator: ReceiptPrinterEmulator;
let agent: RunningDevelopmentAgent;
let logger: ReturnType<typeof createMemoryLogger>;
let api: ReturnType<typeof localApi>;
let kioskId: string;

beforeEach(async () => {
  workDir = await mkdtemp(join(tmpdir(), 'kiosk-receipt-'));
  emulator = await ReceiptPrinterEmulator.start({ baudRate: BAUD });
  const { config } = await loadConfig(undefined, workDir);
  config.port = 0;
  config.devices.receiptPrinter = { driver: 'escpos-serial', path: emulator.devicePath, baudRate: BAUD };
  config.verifier = { url: VERIFIER };
  kioskId = config.kioskId;
  logger = createMemoryLogger();
  agent = await createDevelopmentAgent(config, { logger, uiDir: join(workDir, 'no-ui') });
  api = localApi(agent.url);
}, 30_000);

afterEach(async () => {
  await agent?.stop();
  await emulator?.stop();
  await rm(workDir, { recursive: true, force: true });
});

const textOf = (receipt: DecodedReceipt) => receipt.lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
const staffAlerts = () =>
  logger.lines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((entry) => entry.event === 'staff.alert');

describe('the receipt of a session, on the ESC/POS emulator', () => {
  it('comes out with the A4 paper: errand, masked name, Shanghai time, kiosk, each certificate number, next step, verifier QR', async () => {
    const startedOn = shanghaiIsoDate(new Date());
    await api.consentTo('renter-provident-fund-withdrawal', ayiguli.key);
    const preview = await api.waitForScreen('preview');
    const certIds = preview.preview!.papers.map((paper) => paper.certId);
    expect(certIds).toHaveLength(2);
    await api.event({ type: 'PRINT' });
    await api.waitForScreen('takeItems');

    const [receipt] = await emulator.waitForReceipts(1, 10_000);
    expect(receipt!.anomalies).toEqual([]);
    expect(receipt!.cut).toBe('feedThenCut');
    const text = textOf(receipt!);
    expect(receipt!.lines[0]).toEqual({ kind: 'text', text: '浙江政务服务 自助终端', size: 'large', align: 'center', bold: true });
    expect(text).toContain('事项：租房提取公积金（一件事）');
    expect(text).toContain(`姓名 Name: ${maskName(ayiguli.card.name)}`);
    expect(text.find((line) => line.startsWith('时间 Time: '))).toMatch(
      new RegExp(`^时间 Time: (${startedOn}|\\d{4}-\\d{2}-\\d{2}) \\d{2}:\\d{2}$`),
    );
    expect(text).toContain(`终端 Kiosk: ${kioskId}`);
    expect(text).toContain('已打印 Printed');
    expect(text).toContain('已打印 2 份证明');
    for (const certId of certIds) expect(text).toContain(`  ${certId}`);
    expect(text).toContain('请持两份证明到公积金中心办理租房提取');
    // The QR code holds the verifier's address, natively: model 2, 4 dots a module, level Q. Never a seal.
    expect(receipt!.lines.filter((line) => line.kind === 'qr')).toEqual([{ kind: 'qr', data: VERIFIER }]);
    expect(receipt!.qrSettings).toEqual([{ model: 0x32, moduleSize: 4, errorCorrection: 'Q' }]);

    // Nothing of the citizen but the masked name: not on the paper, not in the bytes, not in the log.
    const printed = Buffer.from(emulator.printBytes).toString('latin1');
    expect(printed).not.toContain(ayiguli.card.idNumber);
    expect(printed).not.toContain('KQ1:');
    expect(personalDataFoundIn(text.join('\n'), [ayiguli])).toEqual([]);
    expect(personalDataFoundIn(logger.lines.join('\n'), [ayiguli])).toEqual([]);
    expect(staffAlerts()).toEqual([]);
  }, 30_000);

  it('after a refusal, says why not and where to go, once the citizen leaves the failure screen', async () => {
    agent.simulator!.faults.add({ kind: 'error', code: 'HOLDER_NOT_FOUND', count: 1 });
    await api.consentTo('no-property-proof-provident-fund', zhangSan.key);
    await api.waitForScreen('failed');
    expect(emulator.receipts).toEqual([]);
    await api.event({ type: 'HOME' });
    const [receipt] = await emulator.waitForReceipts(1, 10_000);
    const text = textOf(receipt!);
    expect(text).toContain('未打印 Not printed');
    expect(text).toContain('数据来源部门没有您的信息');
    expect(text).toContain(`姓名 Name: ${maskName(zhangSan.card.name)}`);
    expect(text).not.toContain('证明编号 Certificate numbers:');
    expect(text).toContain('也可在“浙里办”App上申请，证明可邮寄到家');
    expect(Buffer.from(emulator.printBytes).toString('latin1')).not.toContain(zhangSan.card.idNumber);
  }, 30_000);

  it('a receipt printer out of paper never stops the A4 paper: the citizen is served, staff are told', async () => {
    emulator.paper = 'out';
    await api.consentTo('no-property-proof-provident-fund', zhangSan.key);
    await api.waitForScreen('preview');
    await api.event({ type: 'PRINT' });
    await api.waitForScreen('takeItems');
    const deadline = Date.now() + 10_000;
    while (!staffAlerts().some((alert) => alert.reason === 'receiptPrinter:paperOut')) {
      if (Date.now() > deadline) throw new Error(`no receipt staff alert; alerts: ${JSON.stringify(staffAlerts())}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(emulator.receipts).toEqual([]);
    expect((await api.view()).screen).toBe('takeItems');
  }, 30_000);
});
