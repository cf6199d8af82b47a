import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { encodeReceipt } from '../device-drivers/receipt-printer/escpos-encoder';
import { renderReceipt } from './render-receipt';
import { checkReceiptFacts, type ReceiptFacts } from './receipt-facts';
import { checkReceiptTemplate, type ReceiptTemplate } from './receipt-template';
import { loadBundledReceiptTemplate } from './receipt-template-store';

function sample(name: string): ReceiptFacts {
  const check = checkReceiptFacts(JSON.parse(readFileSync(new URL(`./bundled/samples/${name}.json`, import.meta.url), 'utf8')));
  if (!check.ok) throw new Error(check.error.join('; '));
  return check.value;
}

function rendered(facts: ReceiptFacts, template: ReceiptTemplate = loadBundledReceiptTemplate()) {
  const result = renderReceipt(template, facts);
  if (!result.ok) throw new Error(result.error);
  return result.value.lines;
}

const texts = (facts: ReceiptFacts) => rendered(facts).flatMap((line) => (line.kind === 'text' ? [line.text] : []));

describe('the bundled receipt, rendered', () => {
  it('a printed errand: the facts, every certificate number, the next step and the verifier address', () => {
    const lines = rendered(sample('receipt-printed'));
    expect(lines[0]).toEqual({ kind: 'text', text: '浙江政务服务 自助终端', size: 'large', align: 'center', bold: true });
    const text = lines.flatMap((line) => (line.kind === 'text' ? [line.text] : []));
    expect(text).toEqual([
      '浙江政务服务 自助终端',
      '办事凭条 Receipt',
      '='.repeat(48),
      '事项：租房提取公积金（一件事）',
      'Errand: Provident-fund withdrawal for renters', // rows broken between words at 48 columns
      '(one errand)',
      '姓名 Name: 阿******提',
      '时间 Time: 2026-11-23 10:15', // 02:15 UTC is 10:15 in Shanghai
      '终端 Kiosk: ZJ-HZ-0001',
      '-'.repeat(48),
      '已打印 Printed',
      '已打印 2 份证明',
      '2 papers printed',
      '证明编号 Certificate numbers:',
      '无房证明 No-property proof',
      '  NP-330100-20261123-000001',
      '社会保险参保证明 Social-security record',
      '  SS-330100-20261123-000001',
      '-'.repeat(48),
      '下一步 Next step',
      '请持本证明到公积金中心办理提取',
      'Take these papers to the provident-fund centre',
      'to withdraw',
      '扫码打开证明核验页面',
      'Scan to open the page that checks papers',
      '-'.repeat(48),
      '本凭条不作证明使用',
      'This slip is not a certificate',
    ]);
    expect(lines.filter((line) => line.kind === 'qr')).toEqual([{ kind: 'qr', data: 'https://verify.example.gov.cn/kq1' }]);
  });

  it('not printed: says why, keeps the certificate number for the window, no QR code without a verifier address', () => {
    const text = texts(sample('receipt-not-printed'));
    expect(text).toContain('未打印 Not printed');
    expect(text).not.toContain('已打印 Printed');
    expect(text).toContain('打印机缺纸');
    expect(text).toContain('  NP-330100-20261123-000002');
    expect(text).toContain('时间 Time: 2026-11-23 23:59'); // the Shanghai day, not the UTC one
    expect(text).not.toContain('扫码打开证明核验页面');
    expect(rendered(sample('receipt-not-printed')).some((line) => line.kind === 'qr')).toBe(false);
  });

  it('every sample renders to bytes the ESC/POS encoder accepts', () => {
    for (const name of ['receipt-printed', 'receipt-not-printed']) {
      expect(encodeReceipt({ lines: rendered(sample(name)) }).ok, name).toBe(true);
    }
  });

  it('leaves out the certificate heading and the next step when there are none', () => {
    const text = texts({ ...sample('receipt-not-printed'), certificates: [], nextStep: null });
    expect(text).not.toContain('证明编号 Certificate numbers:');
    expect(text).not.toContain('下一步 Next step');
  });

  it('prints the errand guide where the template asks for it', () => {
    const template = loadBundledReceiptTemplate();
    const guide = { ...template, lines: [...template.lines, { kind: 'qr' as const, content: 'errandGuide' as const }] };
    const facts = { ...sample('receipt-printed'), verifierUrl: null, errandGuideUrl: 'https://www.zjzwfw.gov.cn/guide/gjj' };
    expect(rendered(facts, guide).filter((line) => line.kind === 'qr')).toEqual([
      { kind: 'qr', data: 'https://www.zjzwfw.gov.cn/guide/gjj' },
    ]);
  });

  it('never puts a seal in a QR code, even if one slipped into the facts unchecked', () => {
    const template = loadBundledReceiptTemplate();
    for (const verifierUrl of ['https://verify.example.gov.cn/kq1#KQ1:6BFOXN', 'KQ1:6BFOXN', 'http://verify.example.gov.cn/']) {
      const result = renderReceipt(template, { ...sample('receipt-printed'), verifierUrl });
      expect(result).toEqual({ ok: false, error: expect.stringMatching(/^lines\[\d+\]: a QR code holds only an https address/) });
    }
  });

  it('fills placeholders in one pass: braces in the facts stay text', () => {
    const facts = { ...sample('receipt-printed'), kioskId: '{maskedName}' };
    expect(texts(facts)).toContain('终端 Kiosk: {maskedName}');
  });

  it('large text breaks at half the columns', () => {
    const template = loadBundledReceiptTemplate();
    const large = {
      ...template,
      lines: [
        ...template.lines,
        { kind: 'text' as const, text: '{errandName}（凭条）', size: 'large' as const, align: 'left' as const, bold: false },
      ],
    };
    const rows = rendered(sample('receipt-printed'), large).slice(-2);
    expect(rows).toEqual([
      { kind: 'text', text: '租房提取公积金（一件事）', size: 'large', align: 'left' }, // 24 of 48 columns: full
      { kind: 'text', text: '（凭条）', size: 'large', align: 'left' },
    ]);
  });

  it('separators follow the template’s columns', () => {
    const check = checkReceiptTemplate({ ...loadBundledReceiptTemplate(), columns: 32 });
    if (!check.ok) throw new Error(check.error.join());
    expect(rendered(sample('receipt-printed'), check.value)).toContainEqual({
      kind: 'text',
      text: '='.repeat(32),
      size: 'normal',
      align: 'left',
    });
  });
});

describe('receipt facts', () => {
  it('refuses a verifier address that is not https or carries a fragment', () => {
    const facts = JSON.parse(readFileSync(new URL('./bundled/samples/receipt-printed.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    for (const verifierUrl of ['http://verify.example.gov.cn/', 'https://verify.example.gov.cn/#KQ1:ABC', 'KQ1:ABC']) {
      const check = checkReceiptFacts({ ...facts, verifierUrl });
      expect(check.ok ? [] : check.error).toEqual([expect.stringMatching(/^verifierUrl: /)]);
    }
  });

  it('refuses an ID number among the facts: there is no key for it', () => {
    const facts = JSON.parse(readFileSync(new URL('./bundled/samples/receipt-printed.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const check = checkReceiptFacts({ ...facts, idNumber: '33010619900101123X' });
    expect(check.ok ? [] : check.error).toEqual([expect.stringMatching(/^\(template\): .*idNumber/)]);
  });
});
