import { readFileSync } from 'node:fs';

import { describe, expect, it } from 'vitest';

import { checkA4Template } from './template-schema';
import { loadBundledTemplate, readA4Template } from './template-store';

const bundledJson = readFileSync(new URL('./bundled/certificate-a4.json', import.meta.url), 'utf8');

// `any`: the tests reach into the JSON to break it on purpose, which no precise type allows.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type BreakableJson = Record<string, any>;

/** A fresh, mutable copy of the bundled template as plain JSON. */
function bundledCopy(): BreakableJson {
  return JSON.parse(bundledJson) as BreakableJson;
}

function problemsOf(input: unknown): string[] {
  const check = checkA4Template(input);
  if (check.ok) throw new Error('expected the template to be refused');
  return check.error;
}

describe('the bundled template', () => {
  it('loads and passes the schema, with defaults filled in', () => {
    const template = loadBundledTemplate();
    expect(template.id).toBe('certificate-a4');
    expect(template.page.size).toBe('A4');
    expect(template.blocks.filter((b) => b.type === 'seal')).toHaveLength(1);
    expect(template.blocks.every((b) => b.type === 'stamp' || b.anchor === 'flow' || b.anchor === 'bottom')).toBe(true);
  });

  it('prints the statement at 12 pt or more', () => {
    const template = loadBundledTemplate();
    const statement = template.blocks.find((b) => b.type === 'text' && b.text.includes('{statement}'));
    expect(statement?.type).toBe('text');
    if (statement?.type !== 'text') return;
    expect(template.styles[statement.style]?.sizePt).toBeGreaterThanOrEqual(12);
  });
});

describe('a template that is wrong is refused, naming the key', () => {
  it('an unknown key (a typo)', () => {
    const t = bundledCopy();
    t.styles.body.sizPt = 14;
    expect(problemsOf(t)).toEqual([expect.stringMatching(/^styles\.body: .*"sizPt"/)]);
  });

  it('a value of the wrong type', () => {
    const t = bundledCopy();
    t.styles.body.sizePt = '14';
    expect(problemsOf(t)).toEqual([expect.stringMatching(/^styles\.body\.sizePt: .*number/)]);
  });

  it('a size out of range', () => {
    const t = bundledCopy();
    const seal = t.blocks.findIndex((b: { type: string }) => b.type === 'seal');
    t.blocks[seal].sizeMm = 20;
    expect(problemsOf(t)).toEqual([expect.stringMatching(new RegExp(`^blocks\\[${seal}\\]\\.sizeMm: `))]);
  });

  it('an unknown block type', () => {
    const t = bundledCopy();
    t.blocks[0].type = 'script';
    expect(problemsOf(t)[0]).toMatch(/^blocks\[0\]\.type: /);
  });

  it('a style that is not defined', () => {
    const t = bundledCopy();
    t.blocks[3].style = 'bdy';
    expect(problemsOf(t)).toEqual(['blocks[3].style: unknown style "bdy"; defined: ' + Object.keys(t.styles).join(', ')]);
  });

  it('an unknown placeholder', () => {
    const t = bundledCopy();
    t.blocks[0].text = '{title} {certID}';
    expect(problemsOf(t)).toEqual([expect.stringMatching(/^blocks\[0\]\.text: unknown placeholder \{certID\}/)]);
  });

  it('a template that would leave a fact of the certificate off the paper', () => {
    const t = bundledCopy();
    t.blocks = t.blocks.map((b: { text?: string }) => (b.text ? { ...b, text: b.text.replaceAll('{certId}', '') } : b));
    expect(problemsOf(t)).toEqual(['blocks: no block prints {certId}']);
  });

  it('a template without a seal', () => {
    const t = bundledCopy();
    t.blocks = t.blocks.filter((b: { type: string; besidePrevious?: boolean }) => b.type !== 'seal' && !b.besidePrevious);
    expect(problemsOf(t)).toContain('blocks: needs exactly one "seal" block, has 0');
  });

  it('a first block that asks to sit beside a previous one', () => {
    const t = bundledCopy();
    t.blocks[0].besidePrevious = true;
    expect(problemsOf(t)).toEqual(['blocks[0].besidePrevious: needs a previous block with the same anchor']);
  });

  it('a file that is not JSON', () => {
    const check = readA4Template('{ "format": ');
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.error[0]).toMatch(/^\(template\): not JSON/);
  });
});

describe('what a template may not do', () => {
  it('a placeholder of another kind of document', () => {
    const t = bundledCopy();
    t.blocks[0].text = '{title} {kioskId}';
    expect(problemsOf(t)).toEqual([expect.stringMatching(/^blocks\[0\]\.text: unknown placeholder \{kioskId\}/)]);
  });

  it('a seal on a packet cover or a test page', () => {
    const t = bundledCopy();
    t.document = 'testPage';
    t.blocks = t.blocks.map((b: { text?: string }) => (b.text ? { ...b, text: '{printedAt}' } : b));
    expect(problemsOf(t)).toContain('blocks: may not have a "seal" block, has 1');
  });

  it('a fact of the certificate printed only when a condition holds', () => {
    const t = bundledCopy();
    const footer = t.blocks.length - 1;
    t.blocks[footer].when = { filled: 'issuerCode' };
    expect(problemsOf(t)).toEqual(['blocks: no block prints {certId}']);
  });

  it('a condition on an unknown placeholder', () => {
    const t = bundledCopy();
    t.blocks[1].when = { empty: 'script' };
    expect(problemsOf(t)).toEqual([expect.stringMatching(/^blocks\[1\]\.when: unknown placeholder \{script\}/)]);
  });

  it.each([
    ['a web address', 'https://example.com/logo.png'],
    ['a file outside the bundle', '../../etc/logo.png'],
    ['an absolute path', '/etc/logo.png'],
    ['a hidden file', 'images/.logo.png'],
    ['a file that is not a PNG', 'images/logo.svg'],
  ])('an image from %s', (_, file) => {
    const t = bundledCopy();
    t.blocks.splice(1, 0, { type: 'image', file, widthMm: 20 });
    expect(problemsOf(t).every((problem) => problem.startsWith('blocks[1].file: '))).toBe(true);
  });
});
