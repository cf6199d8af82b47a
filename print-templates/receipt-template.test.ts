import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkReceiptTemplate, receiptTemplateFormat } from './receipt-template';
import { loadBundledReceiptTemplate } from './receipt-template-store';

// `any`: the tests break the JSON on purpose, which no precise type allows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BreakableJson = Record<string, any>;

const bundledCopy = (): BreakableJson =>
  JSON.parse(readFileSync(new URL('./bundled/receipt.json', import.meta.url), 'utf8')) as BreakableJson;

function problemsOf(input: unknown): string[] {
  const check = checkReceiptTemplate(input);
  if (check.ok) throw new Error('expected the template to be refused');
  return check.error;
}

/** The bundled template with one line added at the end. */
function withLine(line: BreakableJson): BreakableJson {
  const template = bundledCopy();
  template.lines.push(line);
  return template;
}

describe('the bundled receipt template', () => {
  it('loads, with defaults filled in', () => {
    const template = loadBundledReceiptTemplate();
    expect(template.format).toBe(receiptTemplateFormat);
    expect(template.columns).toBe(48);
    expect(template.lines.filter((line) => line.kind === 'qr')).toEqual([{ kind: 'qr', content: 'verifierUrl' }]);
    expect(template.lines.every((line) => line.kind !== 'text' || (line.size && line.align && typeof line.bold === 'boolean'))).toBe(true);
  });
});

describe('receipt templates refused', () => {
  it('names an ID-number placeholder as unknown: a receipt has no way to print one', () => {
    expect(problemsOf(withLine({ kind: 'text', text: '证件号 {holderIdNumber}' }))).toEqual([
      expect.stringMatching(/^lines\[\d+\]\.text: unknown placeholder \{holderIdNumber\}; known: kioskId, time, /),
    ]);
  });

  it('refuses the whole name: only the masked one exists', () => {
    expect(problemsOf(withLine({ kind: 'text', text: '{holderName}' }))[0]).toMatch(/unknown placeholder \{holderName\}/);
  });

  it('refuses a certificate placeholder outside a forEach line, saying why', () => {
    expect(problemsOf(withLine({ kind: 'text', text: '{certId}' }))).toEqual([
      expect.stringMatching(/^lines\[\d+\]\.text: unknown placeholder \{certId\}; a certificate placeholder needs forEach: "certificate"$/),
    ]);
  });

  it('refuses a QR code with data of its own, or holding anything but an address the kiosk knows', () => {
    expect(problemsOf(withLine({ kind: 'qr', data: 'KQ1:ABC' })).join('\n')).toMatch(/lines\[\d+\]/);
    expect(problemsOf(withLine({ kind: 'qr', content: 'verifierUrl', data: 'KQ1:ABC' })).join('\n')).toMatch(/unrecognized key.*"data"/i);
    expect(problemsOf(withLine({ kind: 'qr', content: 'seal' })).join('\n')).toMatch(/^lines\[\d+\]\.content: /m);
  });

  it('names each fact a template leaves out', () => {
    const template = bundledCopy();
    template.lines = template.lines.filter((line: BreakableJson) => !String(line.text ?? '').includes('{certId}'));
    template.lines = template.lines.filter((line: BreakableJson) => !String(line.text ?? '').includes('{maskedName}'));
    expect(problemsOf(template)).toEqual(['lines: no line prints {maskedName}', 'lines: no line prints {certId}']);
  });

  it.each<[string, BreakableJson, RegExp]>([
    ['another format', { format: 'kiosk-a4-template/1' }, /^format: /],
    ['a key the format does not know', { script: 'alert(1)' }, /^\(template\): .*script/],
    ['too few columns', { columns: 10 }, /^columns: /],
    ['no lines', { lines: [] }, /^lines: /],
  ])('refuses %s', (_, change, problem) => {
    expect(problemsOf({ ...bundledCopy(), ...change }).join('\n')).toMatch(problem);
  });

  it.each<[string, BreakableJson, RegExp]>([
    ['an escape sequence in its text', { kind: 'text', text: 'x\u001bp\u0000' }, /\.text: no control characters/],
    ['a line break in its text', { kind: 'text', text: 'a\nb' }, /\.text: no control characters/],
    ['an unknown condition', { kind: 'text', text: 'x', when: 'always' }, /\.when: /],
    ['an unknown size', { kind: 'text', text: 'x', size: 'huge' }, /\.size: /],
    ['a separator of a control character', { kind: 'separator', char: '\u001b' }, /\.char: /],
    ['a feed of 50 lines', { kind: 'feed', lines: 50 }, /\.lines: /],
    ['an unknown line kind', { kind: 'image', file: 'logo.png' }, /^lines\[\d+\]/],
  ])('refuses a line with %s', (_, line, problem) => {
    expect(problemsOf(withLine(line)).join('\n')).toMatch(problem);
  });
});
