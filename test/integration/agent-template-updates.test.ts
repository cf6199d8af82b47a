// The agent with a TUF template repository configured: at start it polls, test-renders every sample of the bundle
// (certificates, packet cover, receipt, test pages), installs it, and reports it in /api/health and the template
// version metric; a bundle with a sample that cannot be drawn is refused and the installed one stays.

import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SimulatedReceiptPrinter } from '../../device-drivers/receipt-printer/simulated-receipt-printer';
import { err, ok } from '../../device-drivers/result';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent, type RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { renderEverySample } from '../../kiosk/templates/bundle-test-render';
import { parseBundleManifest } from '../../print-templates/bundle-manifest';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { publishRepository } from '../../scripts/template-repository/publish-repository';
import { makeRoleKeys } from '../../scripts/template-repository/role-keys';
import { signBundle } from '../../scripts/template-repository/sign-bundle';
import { testCitizens } from '../../scripts/synthetic-population';
import { localApi } from '../support/local-api';
import { createMemoryLogger } from '../support/memory-logger';
import { parsePrometheusText } from '../support/prometheus-text';
import { startStaticDirectoryServer } from '../support/static-directory-server';
import { writeTemplateBundle } from '../support/template-bundle-fixture';

let work: string;
let agent: RunningDevelopmentAgent;
let server: Awaited<ReturnType<typeof startStaticDirectoryServer>>;
const logger = createMemoryLogger();

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'agent-templates-'));
  const repo = join(work, 'repository');
  const keys = join(work, 'keys');
  await makeRoleKeys(keys);
  // The bundle's receipt says so in its title line.
  const receipt = JSON.parse(await readFile(new URL('../../print-templates/bundled/receipt.json', import.meta.url), 'utf8'));
  receipt.lines[1] = { ...receipt.lines[1], text: '办事凭条 模板包 1.0.0' };
  const bundle = await writeTemplateBundle(join(work, 'b1'), '1.0.0', { templates: { receipt } });
  await signBundle({ repo, bundle, ring: 9, keys });
  await publishRepository({ repo, keys });
  server = await startStaticDirectoryServer(repo);
  const { config } = await loadConfig(undefined, join(work, 'kiosk'));
  config.port = 0;
  config.templates = { repositoryUrl: server.url, trustedRootFile: join(repo, 'metadata', '1.root.json'), ring: 2, pollMinutes: 15 };
  agent = await createDevelopmentAgent(config, { logger, uiDir: join(work, 'no-ui') });
});

afterAll(async () => {
  await agent?.stop();
  await server?.close();
  await rm(work, { recursive: true, force: true });
});

async function health(): Promise<{ templates: { installed: string | null; lastOutcome: string | null } }> {
  return (await (await fetch(new URL('/api/health', agent.url))).json()) as never;
}

describe('the agent with template updates configured', () => {
  it('installs the published bundle and reports it in health and metrics', async () => {
    const deadline = Date.now() + 15_000;
    // Until the first poll has ended: the bundle is on disk a moment before it is in use and the poll says so.
    while ((await health()).templates.lastOutcome === null && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await health()).templates).toMatchObject({ installed: '1.0.0', lastOutcome: 'installed' });
    const samples = parsePrometheusText(await (await fetch(new URL('/metrics', agent.url))).text());
    expect(samples.get('kiosk_template_info{template="bundle",version="1.0.0",source="installed"}')).toBe(1);
    expect(logger.lines.some((line) => line.includes('"event":"templates.installed"'))).toBe(true);
  });

  it('prints a 一件事 packet: the cover and the certificate its type covers from the bundle, the other type from the shipped template; the receipt from the bundle', async () => {
    const api = localApi(agent.url);
    await api.consentTo('renter-provident-fund-withdrawal', testCitizens[0]!.key);
    await api.waitForScreen('preview');
    await api.event({ type: 'PRINT' });
    await api.waitForScreen('takeItems');
    const spooled = (await readdir(agent.spoolDir!)).filter((name) => name.endsWith('.pdf'));
    expect(spooled).toHaveLength(1);
    const info = execFileSync('pdfinfo', [join(agent.spoolDir!, spooled[0]!)], { encoding: 'utf8' });
    const shipped = loadBundledTemplate().version;
    expect(info).toMatch(
      new RegExp(
        `^Subject:\\s+packet-a4 bundle-1\\.0\\.0、certificate-a4 bundle-1\\.0\\.0、certificate-a4 ${shipped.replaceAll('.', '\\.')}$`,
        'm',
      ),
    );
    expect(info).toMatch(/^Pages:\s+3$/m);
    await api.post('/api/sim/a4-printer', { action: 'takePaper' });
    await api.waitForScreen('rating');
    // The receipt comes from the bundle's receipt template.
    const receiptPrinter = agent.devices.receiptPrinter as SimulatedReceiptPrinter;
    const deadline = Date.now() + 10_000;
    while (!receiptPrinter.lastReceipt && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(receiptPrinter.lastReceipt?.lines).toContainEqual(expect.objectContaining({ kind: 'text', text: '办事凭条 模板包 1.0.0' }));
  });
});

describe('the test render of every sample', () => {
  it('draws every sample of every role, and names a sample it cannot draw', async () => {
    const manifestOf = async (dir: string) => {
      const manifest = parseBundleManifest(await readFile(join(dir, 'manifest.json'), 'utf8'));
      if (!manifest.ok) throw new Error(manifest.error.join('; '));
      return manifest.value;
    };
    const good = await writeTemplateBundle(join(work, 'good'), '2.0.0');
    expect(await renderEverySample(good, await manifestOf(good))).toEqual(ok(undefined));
    const bad = await writeTemplateBundle(join(work, 'bad'), '2.0.1', { sample: { title: 'no fields' } });
    const result = await renderEverySample(bad, await manifestOf(bad));
    expect(result.ok).toBe(false);
    expect(result).toEqual(err(expect.arrayContaining([expect.stringMatching(/^samples\/certificate\.json: /)])));
  });
});
