// The bundled templates as a bundle, and bundles broken in each way an operator (or an attacker) could break
// one: every problem is named by the path inside the bundle.

import { cp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { renderBundleSamples } from './bundle-sample-renders';
import { MANIFEST_FILE, sha256Hex, templateRoles } from './bundle-manifest';
import { runTool, scratchDir, squeezed } from './fixtures/pdf-tools';
import { loadTemplateBundle } from './template-bundle';

const bundledDir = new URL('./bundled/', import.meta.url).pathname;
let scratch: Awaited<ReturnType<typeof scratchDir>>;
let copies = 0;

beforeAll(async () => {
  scratch = await scratchDir();
});
afterAll(async () => {
  await scratch.remove();
});

/** A private copy of the bundled bundle, changed by `change`, its manifest's hashes redone unless `keepHashes`. */
async function brokenBundle(change: (dir: string) => Promise<void>, keepHashes = false): Promise<string> {
  const dir = join(scratch.path, `bundle-${++copies}`);
  await cp(bundledDir, dir, { recursive: true });
  await change(dir);
  if (!keepHashes) {
    const manifest = JSON.parse(await readFile(join(dir, MANIFEST_FILE), 'utf8')) as {
      files: Record<string, { sha256: string; length: number }>;
    };
    for (const path of Object.keys(manifest.files)) {
      const bytes = await readFile(join(dir, path)).catch(() => undefined);
      if (bytes) manifest.files[path] = { sha256: sha256Hex(bytes), length: bytes.length };
    }
    await writeFile(join(dir, MANIFEST_FILE), JSON.stringify(manifest));
  }
  return dir;
}

async function editJson(file: string, edit: (json: Record<string, unknown>) => void): Promise<void> {
  const json = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  edit(json);
  await writeFile(file, JSON.stringify(json));
}

async function problemsOf(dir: string): Promise<string[]> {
  const loaded = await loadTemplateBundle(dir);
  if (!loaded.ok) return loaded.error;
  const rendered = await renderBundleSamples(loaded.value);
  if (!rendered.ok) return rendered.error;
  throw new Error('expected the bundle to be refused');
}

describe('the bundled templates', () => {
  it('are a valid bundle covering each certificate type, the packet, the receipt and both test pages', async () => {
    const loaded = await loadTemplateBundle(bundledDir);
    if (!loaded.ok) throw new Error(loaded.error.join('\n'));
    const receiptRoles = ['receipt', 'testPage:receipt'];
    expect(loaded.value.a4Templates.map((t) => t.role).sort()).toEqual(templateRoles.filter((role) => !receiptRoles.includes(role)).sort());
    expect(loaded.value.receiptTemplates.map((t) => [t.role, t.file])).toEqual([
      ['receipt', 'receipt.json'],
      ['testPage:receipt', 'receipt-test-page.json'],
    ]);
    expect(loaded.value.images.has('images/alignment-ring.png')).toBe(true);
  });

  it('render every sample, each with its own data', async () => {
    const loaded = await loadTemplateBundle(bundledDir);
    if (!loaded.ok) throw new Error(loaded.error.join('\n'));
    const rendered = await renderBundleSamples(loaded.value);
    if (!rendered.ok) throw new Error(rendered.error.join('\n'));
    const text = async (sampleFile: string) => {
      const render = rendered.value.find((r) => r.sampleFile === sampleFile);
      if (!render) throw new Error(`${sampleFile} was not rendered`);
      return squeezed(await runTool('pdftotext', ['-enc', 'UTF-8', await scratch.write('sample.pdf', render.pdf), '-']));
    };
    expect(await text('samples/residence-proof.json')).toContain('居住证明');
    expect(await text('samples/household-registration-proof.json')).toContain('户籍所在地杭州市');
    const packet = await text('samples/packet.json');
    expect(packet).toContain('租房提取公积金（一件事）');
    expect(packet).toContain('本次共打印2份证明');
    expect(packet).toContain('社会保险参保证明HZRS-SSR-330100-20261123-000317');
    expect(packet).toContain('第1页共1页');
    expect(await text('samples/test-page-a4.json')).toContain('打印机ipp://127.0.0.1:8631/ipp/print');
    expect(await text('samples/test-page-a4-no-printer.json')).toContain('未配置A4打印机地址');
    // A receipt sample: the receipt's lines, drawn on 80 mm paper.
    const receipt = await text('samples/receipt-printed.json');
    expect(receipt).toContain('请持本证明到公积金中心办理提取');
    expect(receipt).toContain('NP-330100-20261123-000001');
    expect(await text('samples/receipt-not-printed.json')).toContain('打印机缺纸');
    const testPage = await text('samples/receipt-test-page.json');
    expect(testPage).toContain('凭条打印机测试页');
    expect(testPage).toContain('终端Kiosk:ZJ-HZ-0001');
    const widthMm = (pdf: Uint8Array) => Number(/\/MediaBox \[0 0 ([\d.]+)/.exec(Buffer.from(pdf).toString('latin1'))![1]) * (25.4 / 72);
    for (const sampleFile of ['samples/receipt-printed.json', 'samples/receipt-test-page.json']) {
      expect(widthMm(rendered.value.find((r) => r.sampleFile === sampleFile)!.pdf)).toBeCloseTo(80, 1);
    }
  });
});

describe('a bundle that is wrong is refused, naming the path inside it', () => {
  it('a manifest that is wrong', async () => {
    const dir = await brokenBundle((d) => editJson(join(d, MANIFEST_FILE), (m) => (m.version = 'v2')));
    expect(await problemsOf(dir)).toEqual(['manifest.json: version: a version like 1.4.0']);
  });

  it('a file changed after hashing, and a file missing', async () => {
    const dir = await brokenBundle(async (d) => {
      const sample = join(d, 'samples/packet.json');
      await writeFile(sample, (await readFile(sample, 'utf8')).replace('张三', '李四'));
      await rm(join(d, 'samples/test-page-a4.json'));
    }, true);
    expect(await problemsOf(dir)).toEqual([
      "samples/packet.json: its SHA-256 differs from the manifest's",
      'samples/test-page-a4.json: missing',
    ]);
  });

  it('a template that is wrong', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, 'packet-a4.json'), (t) => {
        (t.blocks as Record<string, unknown>[])[3]!.style = 'bdy';
      }),
    );
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^packet-a4\.json: blocks\[3\]\.style: unknown style "bdy"/)]);
  });

  it('a template of the wrong kind for its role', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, MANIFEST_FILE), (m) => {
        (m.templates as Record<string, { file: string }>).packet!.file = 'test-page-a4.json';
      }),
    );
    expect(await problemsOf(dir)).toContain('test-page-a4.json: document: "testPage", but packet prints a packet');
  });

  it('a sample that is wrong, or not JSON', async () => {
    const dir = await brokenBundle(async (d) => {
      await editJson(join(d, 'samples/packet.json'), (s) => delete s.kioskId);
      await writeFile(join(d, 'samples/residence-proof.json'), '{ "title": ');
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/^samples\/packet\.json: kioskId: /));
    expect(problems).toContainEqual(expect.stringMatching(/^samples\/residence-proof\.json: not JSON/));
  });

  it('a sample with a character no face of its template can draw', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, 'samples/household-registration-proof.json'), (s) => {
        (s.holder as Record<string, string>).name = '王𰀀';
      }),
    );
    expect(await problemsOf(dir)).toEqual([
      'samples/household-registration-proof.json: holder.name: no glyph for 𰀀 in noto-sans-sc-bold, noto-sans-sc-regular',
    ]);
  });

  it('a sample that does not fit its template, without its data in the message', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, 'samples/no-property-proof.json'), (s) => (s.statement = String(s.statement).repeat(30))),
    );
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      expect.stringMatching(/^samples\/no-property-proof\.json: with certificate-a4\.json: content does not fit on one page/),
    ]);
    expect(problems.join()).not.toContain('张三');
  });

  it('an image that is not a PNG, or not in the manifest', async () => {
    const notPng = await brokenBundle((d) => writeFile(join(d, 'images/alignment-ring.png'), '<svg onload="alert(1)"/>'));
    expect(await problemsOf(notPng)).toEqual(['images/alignment-ring.png: not a PNG image']);
    const unlisted = await brokenBundle((d) =>
      editJson(join(d, 'test-page-a4.json'), (t) => {
        (t.blocks as Record<string, unknown>[]).find((b) => b.type === 'image')!.file = 'images/other.png';
      }),
    );
    expect(await problemsOf(unlisted)).toEqual([
      expect.stringMatching(/^test-page-a4\.json: blocks\[\d+\]\.file: images\/other\.png is not listed in manifest\.json$/),
    ]);
  });

  it('a file that is a link out of the bundle', async () => {
    const dir = await brokenBundle(async (d) => {
      await rm(join(d, 'samples/packet.json'));
      await symlink('/etc/hostname', join(d, 'samples/packet.json'));
    }, true);
    expect(await problemsOf(dir)).toEqual(['samples/packet.json: leads outside the bundle']);
  });

  it('a receipt template that is wrong, or not JSON', async () => {
    const wrong = await brokenBundle((d) =>
      editJson(join(d, 'receipt.json'), (t) => {
        (t.lines as Record<string, unknown>[])[3]!.text = '事项：{errand}';
      }),
    );
    expect(await problemsOf(wrong)).toEqual([
      expect.stringMatching(/^receipt\.json: lines\[3\]\.text: unknown placeholder \{errand\}/),
      'receipt.json: lines: no line prints {errandName}',
    ]);
    const notJson = await brokenBundle((d) => writeFile(join(d, 'receipt-test-page.json'), '{ "lines": '));
    expect(await problemsOf(notJson)).toEqual([expect.stringMatching(/^receipt-test-page\.json: not JSON/)]);
  });

  it('a receipt template that would send printer commands', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, 'receipt-test-page.json'), (t) => {
        (t.lines as Record<string, unknown>[])[0]!.text = '\u001bp\u0000';
      }),
    );
    expect(await problemsOf(dir)).toEqual([
      'receipt-test-page.json: lines[0].text: no control characters: a template cannot send printer commands',
    ]);
  });

  it('a receipt sample that is wrong, or not JSON', async () => {
    const dir = await brokenBundle(async (d) => {
      await editJson(join(d, 'samples/receipt-printed.json'), (s) => {
        s.verifierUrl = 'https://verify.example.gov.cn/kq1#KQ1.seal';
        delete s.maskedName;
      });
      await writeFile(join(d, 'samples/receipt-test-page.json'), '{ "kioskId": ');
    });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/^samples\/receipt-printed\.json: maskedName: /));
    expect(problems).toContainEqual('samples/receipt-printed.json: verifierUrl: an address without a fragment');
    expect(problems).toContainEqual(expect.stringMatching(/^samples\/receipt-test-page\.json: not JSON/));
  });

  it('a receipt role given an A4 template, and an A4 role given a receipt template', async () => {
    const dir = await brokenBundle((d) =>
      editJson(join(d, MANIFEST_FILE), (m) => {
        const templates = m.templates as Record<string, { file: string }>;
        templates.receipt!.file = 'test-page-a4.json';
        templates['testPage:a4']!.file = 'receipt-test-page.json';
      }),
    );
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(expect.stringMatching(/^test-page-a4\.json: format: /));
    expect(problems).toContainEqual(expect.stringMatching(/^receipt-test-page\.json: /));
  });

  it('no manifest at all', async () => {
    expect(await problemsOf(join(scratch.path, 'nowhere'))).toEqual(['manifest.json: missing']);
  });
});

describe("a bundle's own fonts", () => {
  const fontFile = 'fonts/NotoSansSC-Thin-latin.ttf';
  /** The bundled bundle with a Latin-only font (Noto Sans SC Thin's Latin subset), named `noto-sans-sc-thin`. */
  const withFont = (change: (dir: string) => Promise<void> = async () => {}) =>
    brokenBundle(async (d) => {
      await cp(new URL('./fixtures/fonts/NotoSansSC-Thin-latin.ttf', import.meta.url).pathname, join(d, fontFile), { recursive: true });
      await editJson(join(d, MANIFEST_FILE), (m) => {
        m.fonts = { 'noto-sans-sc-thin': fontFile };
        (m.files as Record<string, unknown>)[fontFile] = { sha256: '0'.repeat(64), length: 0 };
      });
      await change(d);
    });
  const certNumberLine = (d: string) =>
    editJson(join(d, 'certificate-a4.json'), (t) => {
      (t.styles as Record<string, unknown>).certNumber = { face: 'noto-sans-sc-thin', sizePt: 8.5 };
      (t.blocks as unknown[]).splice(10, 0, { type: 'text', text: '{certId}', style: 'certNumber', anchor: 'bottom' });
    });

  it('sets a style in the font, embedded as a subset of the glyphs used', async () => {
    const loaded = await loadTemplateBundle(await withFont(certNumberLine));
    if (!loaded.ok) throw new Error(loaded.error.join('\n'));
    const rendered = await renderBundleSamples(loaded.value);
    if (!rendered.ok) throw new Error(rendered.error.join('\n'));
    const render = rendered.value.find((r) => r.sampleFile === 'samples/no-property-proof.json');
    const pdf = await scratch.write('with-font.pdf', render!.pdf);
    // pdffonts: name, type, encoding, emb, sub, uni — the subset's name carries pdfkit's six-letter tag.
    expect(await runTool('pdffonts', [pdf])).toMatch(/^[A-Z]{6}\+NotoSansSC-Thin\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/m);
    expect(squeezed(await runTool('pdftotext', ['-enc', 'UTF-8', pdf, '-']))).toContain('HZBDC-NPP-330100-20261123-000042');
  });

  it('refuses a font file that does not parse, by its path', async () => {
    const dir = await withFont((d) => writeFile(join(d, fontFile), 'not a font at all, only words'));
    expect(await problemsOf(dir)).toEqual([expect.stringMatching(/^fonts\/NotoSansSC-Thin-latin\.ttf: not a TrueType or OpenType font: /)]);
  });

  it('refuses a face that is neither bundled nor one of the bundle, and a font named as a bundled face', async () => {
    const unknown = await withFont((d) =>
      editJson(join(d, 'packet-a4.json'), (t) => {
        (t.styles as Record<string, { face: string }>).body!.face = 'noto-serif-sc';
      }),
    );
    expect(await problemsOf(unknown)).toEqual([
      'packet-a4.json: styles.body.face: "noto-serif-sc" is neither a bundled face nor in the fonts of manifest.json',
    ]);
    const shadowing = await withFont((d) =>
      editJson(join(d, MANIFEST_FILE), (m) => {
        m.fonts = { 'noto-sans-sc-regular': fontFile };
      }),
    );
    expect(await problemsOf(shadowing)).toEqual([expect.stringMatching(/^manifest\.json: fonts\.noto-sans-sc-regular: .*bundled face/)]);
  });

  it('refuses a sample whose text in a style set in the font has a character the font lacks', async () => {
    const dir = await withFont((d) =>
      editJson(join(d, 'certificate-a4.json'), (t) => {
        (t.styles as Record<string, { face: string }>).title!.face = 'noto-sans-sc-thin';
      }),
    );
    const problems = await problemsOf(dir);
    expect(problems).toContain('samples/no-property-proof.json: blocks[0]: no glyph for 无 房 证 明 in noto-sans-sc-thin');
    expect(problems.every((problem) => problem.includes(': blocks[0]: no glyph for '))).toBe(true);
  });
});
