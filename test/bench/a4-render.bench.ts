// The 无房证明 rendered by the A4 engine: warm (one process, many renders), cold (the first render in a fresh
// process, without and with the agent's start-up step before it), its PDF's size, and the same certificate as HTML printed by headless
// Chromium (page.pdf(), the page reused), in the same run. Targets (issue 9 §7): warm median ≤ 8 ms, p95 ≤ 15 ms,
// cold ≤ 100 ms, ≥ 20× faster than Chromium, PDF ≤ 40 KB.

import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../support/chromium';
import { renderCertificatesA4 } from '../../print-templates/render-a4';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { zhangSanNoPropertyProof as certificate } from '../../print-templates/fixtures/synthetic-certificates';
import { percentile, summarize } from './bench-stats';

// How loaded the machine is: on 2 cores, a load average much above 2 means waits for a core in every figure.
const loadAtStart = loadavg()[0]!;
const template = loadBundledTemplate();

// Warm.
for (let i = 0; i < 10; i++) await renderCertificatesA4([certificate], template);
const warm: number[] = [];
// CPU time too: on a machine others load, wall time also counts the waits for a core.
const warmCpu: number[] = [];
let bytes = 0;
for (let i = 0; i < 200; i++) {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const { pdf } = await renderCertificatesA4([certificate], template);
  warm.push(performance.now() - started);
  const cpu = process.cpuUsage(cpuBefore);
  warmCpu.push((cpu.user + cpu.system) / 1000);
  bytes = pdf.length;
}

// Cold: a fresh Node process each time, the clock started before the engine's modules are imported. Twice over:
// the first render with nothing before it, and the first render after the agent's start-up step
// (warmUpA4Engine, which the agent runs once it serves), that step timed on its own.
const modulePath = (file: string) => JSON.stringify(join(import.meta.dirname, '../../print-templates', file));
const child = (warmUp: boolean) => `
const started = performance.now();
const { renderCertificatesA4 } = await import(${modulePath('render-a4.ts')});
const { loadBundledTemplate } = await import(${modulePath('template-store.ts')});
const { zhangSanNoPropertyProof } = await import(${modulePath('fixtures/synthetic-certificates.ts')});
const { warmUpA4Engine } = await import(${modulePath('engine-warm-up.ts')});
// The agent reads and checks its template once at start (create-agent.ts), not for each render.
const template = loadBundledTemplate();
const loaded = performance.now();
${warmUp ? 'await warmUpA4Engine();' : ''}
const warmedUp = performance.now();
await renderCertificatesA4([zhangSanNoPropertyProof], template);
const done = performance.now();
console.log(JSON.stringify({ total: done - started, warmUp: warmedUp - loaded, render: done - warmedUp }));
`;
const coldRuns = (warmUp: boolean) => {
  const runs: Array<{ total: number; warmUp: number; render: number }> = [];
  // Eleven fresh processes each: on a shared 2-core machine a median of five moves by tens of milliseconds.
  for (let i = 0; i < 11; i++) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', child(warmUp)], { encoding: 'utf8' });
    if (run.status !== 0) throw new Error(`cold render failed: ${run.stderr}`);
    runs.push(JSON.parse(run.stdout.trim().split('\n').at(-1) ?? '{}') as { total: number; warmUp: number; render: number });
  }
  return runs;
};
const cold = coldRuns(false);
const afterWarmUp = coldRuns(true);

// Chromium: the same certificate as a plain HTML page, printed to PDF with the page reused.
const browser = await launchChromium();
const chromium: number[] = [];
try {
  const page = await browser.newPage();
  const html = `<!doctype html><html lang="zh-CN"><meta charset="utf-8"><body style="font-family:'Noto Sans CJK SC',sans-serif;margin:25mm">
<h1 style="text-align:center;letter-spacing:8pt">${certificate.title}</h1><p>编号：${certificate.certId}</p>
<p style="text-indent:2em;line-height:1.8">${certificate.statement}</p>
<table border="1" style="border-collapse:collapse;width:100%">${certificate.fields.map((f) => `<tr><th>${f.label}</th><td>${f.value}</td></tr>`).join('')}</table>
<p style="text-align:right">${certificate.issuer.name}<br>2026年11月23日</p></body></html>`;
  for (let i = 0; i < 5; i++) {
    await page.setContent(html);
    await page.pdf({ format: 'A4' });
  }
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    await page.setContent(html);
    await page.pdf({ format: 'A4' });
    chromium.push(performance.now() - started);
  }
} finally {
  await browser.close();
}

const field = (runs: ReadonlyArray<Record<'total' | 'warmUp' | 'render', number>>, key: 'total' | 'warmUp' | 'render') =>
  runs.map((run) => run[key]);
console.log(summarize('无房证明, warm render (pdfkit engine)', warm));
console.log(summarize('  its CPU time (the process, all threads)', warmCpu));
console.log(summarize('无房证明, first render in a fresh process', field(cold, 'render')));
console.log(summarize('  the same with loading the modules (fonts, template, the render)', field(cold, 'total')));
console.log(summarize("the agent's start-up step in a fresh process (warmUpA4Engine)", field(afterWarmUp, 'warmUp')));
console.log(summarize('  then the first render', field(afterWarmUp, 'render')));
console.log(summarize('the same certificate as HTML, Chromium page.pdf() (page reused)', chromium));
console.log(`PDF size: ${(bytes / 1024).toFixed(1)} KB`);
console.log(`engine vs Chromium, medians: ${(percentile(chromium, 50) / percentile(warm, 50)).toFixed(1)}× faster`);
console.log(`load average (1 min) at start ${loadAtStart.toFixed(1)}, at end ${loadavg()[0]!.toFixed(1)}`);
