// What one status poll of the A4 printer costs: Get-Printer-Attributes against a real IPP Everywhere printer
// (ippeveprinter on loopback), through the driver (encode, fresh HTTP connection, decode, map, compare).
// `npx tsx test/bench/a4-printer.bench.ts [polls]` — prints wall-clock median and p95, and the kiosk process's
// CPU time per poll. Needs Debian cups-ipp-utils and dbus.

import { createIppA4Printer } from '../../device-drivers/a4-printer/ipp-a4-printer';
import { startIppEverywherePrinter } from '../support/ipp-everywhere-printer';

const POLLS = Math.max(50, Number(process.argv[2] ?? 200) || 200);
const WARM_UP = 20;

function percentile(sorted: number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

async function main(): Promise<void> {
  const printer = await startIppEverywherePrinter({ name: 'Bench Printer' });
  try {
    const a4 = createIppA4Printer({ url: printer.url });
    const poll = async () => {
      const answer = await a4.diagnostics();
      if (!answer.ok) throw new Error(`status poll failed: ${answer.error.description ?? answer.error.code}`);
    };
    for (let i = 0; i < WARM_UP; i++) await poll();

    const wallMs: number[] = [];
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    for (let i = 0; i < POLLS; i++) {
      const t0 = performance.now();
      await poll();
      wallMs.push(performance.now() - t0);
    }
    const totalMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    wallMs.sort((a, b) => a - b);

    const result = {
      bench: 'a4-printer IPP status poll (Get-Printer-Attributes, ippeveprinter on loopback)',
      polls: POLLS,
      medianMs: round(percentile(wallMs, 50)),
      p95Ms: round(percentile(wallMs, 95)),
      maxMs: round(wallMs.at(-1)!),
      cpuPerPollMs: round((cpu.user + cpu.system) / 1000 / POLLS),
      cpuUserPerPollMs: round(cpu.user / 1000 / POLLS),
      cpuSystemPerPollMs: round(cpu.system / 1000 / POLLS),
      pollsPerSecond: Math.round(POLLS / (totalMs / 1000)),
      node: process.version,
    };
    console.log(
      `a4-printer status poll × ${POLLS}: median ${result.medianMs} ms, p95 ${result.p95Ms} ms, CPU ${result.cpuPerPollMs} ms/poll`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await printer.close();
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
