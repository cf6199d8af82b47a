// 核验证明 over the agent's WebSocket with the simulated scanner: a paper the kiosk printed (its QR read back
// from the spooled PDF with zbarimg) checks out with its claims; a tampered one is refused with its reason; a
// code of another kind is not taken; and with the gateway simulator stopped the check still works.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { AgentMessage, SessionView } from '../../kiosk/session/session-view';
import { decodeBase45, encodeBase45 } from '../../verifier/base45';
import { testCitizens } from '../../scripts/synthetic-population';
import { printPaperAndReadSeal } from '../support/printed-seal';
import { startLoopbackDevelopmentAgent, type LoopbackDevelopmentAgent } from '../support/loopback-development-agent';

let running: LoopbackDevelopmentAgent;
let ws: WebSocket;
const views: SessionView[] = [];
/** The seal of the paper the kiosk printed. */
let printedSeal: string;
const citizen = testCitizens[0]!;

const view = () => views.at(-1);
async function until(what: string, probe: (view: SessionView) => boolean, timeoutMs = 10_000): Promise<SessionView> {
  for (let i = 0; i < timeoutMs / 25; i++) {
    const current = view();
    if (current && probe(current)) return current;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`never: ${what}; last screen ${view()?.screen}`);
}
const send = (event: { type: string }) => ws.send(JSON.stringify({ type: 'event', event }));
/** The router switches the scanner on once the screen accepts a seal. */
async function scannerOn(): Promise<void> {
  for (let i = 0; i < 200 && running.agent.simulated.scanner?.status().scanner !== 'on'; i++) await new Promise((r) => setTimeout(r, 10));
}
const scan = (data: string) => expect(running.agent.simulated.scanner?.scan(data)).toBe(true);

async function check(data: string): Promise<NonNullable<SessionView['paperCheck']>> {
  send({ type: 'CHECK_PAPER' });
  await until('the scan screen', (v) => v.screen === 'checkScan');
  await scannerOn();
  scan(data);
  const result = await until('the result', (v) => v.screen === 'checkResult');
  send({ type: 'HOME' });
  await until('home', (v) => v.screen === 'home');
  return result.paperCheck!;
}

/** The seal's signature with its last byte changed: every other byte as printed. */
function tampered(seal: string): string {
  const bytes = decodeBase45(seal.slice('KQ1:'.length))!;
  bytes[bytes.length - 1]! ^= 0x01;
  return `KQ1:${encodeBase45(bytes)}`;
}

beforeAll(async () => {
  running = await startLoopbackDevelopmentAgent('kiosk-check-paper');
  // A paper printed by this kiosk from the gateway simulator's certificate.
  printedSeal = await printPaperAndReadSeal(running.agent.url, running.agent.spoolDir!, citizen.key);

  ws = new WebSocket(running.agent.url.replace('http', 'ws') + 'ws');
  ws.on('message', (data) => {
    const message = JSON.parse(String(data)) as AgentMessage;
    if (message.type === 'view') views.push(message.view);
  });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  await until('home', (v) => v.screen === 'home');
}, 60_000);

afterAll(async () => {
  ws?.close();
  await running?.stop();
});

describe('核验证明 / Check a paper, at the agent', () => {
  it('shows a printed paper’s claims; under the simulator’s test list, as a test issuer', async () => {
    expect(printedSeal).toMatch(/KQ1:/);
    const result = await check(printedSeal);
    expect(result.verdict).toBe('test-issuer');
    expect(result.verdictText.en).toBe('test issuer — not valid for use');
    expect(result.claims).toMatchObject({
      certType: { zh: '无房证明' },
      holderName: citizen.card.name,
      maskedIdNumber: expect.stringMatching(/^.{6}\*+.{4}$/),
      issuerName: expect.any(String),
    });
    expect(result.claims?.maskedIdNumber).not.toBe(citizen.card.idNumber);
  });

  it('refuses a tampered seal with its reason, and shows no claims', async () => {
    const bare = printedSeal.slice(printedSeal.indexOf('KQ1:'));
    const result = await check(tampered(bare));
    expect(result).toEqual({ verdict: 'invalid', verdictText: { zh: '签名无效', en: 'signature invalid' }, claims: null });
  });

  it('reads the URL form, and refuses an address the trust list does not name', async () => {
    const bare = printedSeal.slice(printedSeal.indexOf('KQ1:'));
    const result = await check(`https://verify.example.invalid/kq1#${bare}`);
    expect(result.verdictText.en).toBe('unofficial verifier address');
  });

  it('takes no code of another kind on the scan screen', async () => {
    const ignoredBefore = views.length;
    send({ type: 'CHECK_PAPER' });
    await until('the scan screen', (v) => v.screen === 'checkScan');
    await scannerOn();
    scan('ZLB1:0123456789abcdefghij');
    scan('hello');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(view()?.screen).toBe('checkScan');
    expect(views.slice(ignoredBefore).some((v) => v.screen === 'checkResult')).toBe(false);
    send({ type: 'HOME' });
    await until('home', (v) => v.screen === 'home');
  });

  it('still checks with the gateway simulator stopped, and keeps nothing of the paper nor logs it', async () => {
    await running.agent.simulator!.close();
    const home = await until('home', (v) => v.screen === 'home');
    expect(home.errands.length).toBeGreaterThan(0);
    const result = await check(printedSeal);
    expect(result.verdict).toBe('test-issuer');
    expect(result.claims?.holderName).toBe(citizen.card.name);
    expect(view()?.paperCheck).toBeNull();
    const base45 = printedSeal.slice(printedSeal.indexOf('KQ1:') + 4);
    for (const line of running.logger.lines) {
      expect(line).not.toContain(base45.slice(0, 40));
      expect(line).not.toContain(citizen.card.name);
    }
  });
});
