// What the preview shows is what prints, byte for byte: the PDF the agent sends the UI on the preview screen is
// the very file the simulated printer spools when 打印 is tapped; the kiosk forgets it when the session ends.

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { localApi } from '../support/local-api';
import { startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';
import { pdfText } from '../support/pdf-text';

const ayiguli = testCitizens.find((c) => c.key === 'ayiguli')!;

let running: LoopbackDevelopmentAgent;
let api: ReturnType<typeof localApi>;

beforeAll(async () => {
  running = await startLoopbackDevelopmentAgent('kiosk-preview');
  api = localApi(running.agent.url);
});

afterAll(() => running?.stop());

describe('the preview is the paper', () => {
  it('prints the previewed bytes of a two-certificate errand, and forgets them when the session ends', async () => {
    const spoolDir = running.agent.spoolDir!;
    await api.consentTo('renter-provident-fund-withdrawal', ayiguli.key);
    const { preview, printerWarning } = await api.waitForScreen('preview');
    expect(preview?.papers.map((paper) => paper.title)).toEqual(['无房证明', '社会保险参保证明']);
    expect(printerWarning).toBeNull();
    const previewed = Buffer.from(preview!.pdfBase64, 'base64');
    expect(previewed.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(preview!.pages).toBeGreaterThanOrEqual(2);

    await api.event({ type: 'PRINT' });
    await api.waitForScreen('takeItems');
    const spooled = await readdir(spoolDir);
    expect(spooled).toHaveLength(1);
    const printed = await readFile(join(spoolDir, spooled[0]!));
    expect(printed.equals(previewed)).toBe(true);

    // And it is the certificate in full: the name and the ID number as real text.
    const previewFile = join(running.workDir, 'previewed.pdf');
    await writeFile(previewFile, previewed);
    const text = pdfText(previewFile).replace(/\s+/g, '');
    expect(text).toContain(ayiguli.card.idNumber);
    expect(text).toContain('社会保险参保证明');

    // Nothing of it after the paper is out, nor in the log.
    expect((await api.view()).preview).toBeNull();
    const log = running.logger.lines.join('\n');
    expect(log).not.toContain(preview!.pdfBase64.slice(0, 200));
    expect(log).not.toContain(ayiguli.card.idNumber);
  });

  it('warns on the preview, before 打印, when the printer runs out of paper', async () => {
    await api.post('/api/sim/a4-printer', { action: 'takePaper' });
    await api.waitForScreen('rating', 15_000);
    await api.event({ type: 'SKIP_RATING' });
    await api.waitForScreen('thanks');
    await api.event({ type: 'HOME' });
    await api.waitForScreen('home', 15_000);
    await api.consentTo('no-property-proof-provident-fund', 'zhang-san');
    expect((await api.waitForScreen('preview')).printerWarning).toBeNull();
    await api.post('/api/sim/a4-printer', { action: 'paper', level: 'out' });
    let warned = await api.view();
    for (let i = 0; i < 100 && !warned.printerWarning; i++) {
      await new Promise((r) => setTimeout(r, 20));
      warned = await api.view();
    }
    expect(warned.screen).toBe('preview');
    expect(warned.printerWarning).toMatchObject({ problem: 'paperOut', title: { zh: '打印机缺纸' } });
    await api.post('/api/sim/a4-printer', { action: 'paper', level: 'full' });
    await api.event({ type: 'CANCEL' });
    await api.waitForScreen('home', 15_000);
    expect((await api.view()).preview).toBeNull();
  });
});
