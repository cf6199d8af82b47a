// The serial ID reader's figures, over a real pty pair with the emulator pacing its replies at 115200 baud:
// card-on-reader to validated card (median and p95 of 25 reads, against the 112 ms wire-time floor of the
// 1295-byte read reply), and time to come back online after the reader is unplugged and plugged in again.
// `npx tsx test/bench/id-reader.bench.ts`

import { createSerialIdReader } from '../../device-drivers/id-reader/serial-id-reader';
import { IdReaderEmulator, emulatorCards } from '../emulators/id-reader-emulator';
import { openPtyPair } from '../support/pty-pair';
import { percentile, summarize } from './bench-stats';

const BAUD = 115200;
const READS = 25;
const REPLUGS = 7;
/** How long the reader stays unplugged before it comes back. */
const UNPLUGGED_MS = 500;
const READ_REPLY_BYTES = 1295;
const WIRE_FLOOR_MS = (READ_REPLY_BYTES * 10 * 1000) / BAUD;

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

async function main(): Promise<void> {
  const pair = await openPtyPair({ name: 'id-reader-bench' });
  const emulator = new IdReaderEmulator({ pacedBaudRate: BAUD });
  await emulator.attach(pair.emulatorPath);
  const reader = createSerialIdReader({ path: pair.devicePath, baudRate: BAUD });
  try {
    await reader.open();
    if (reader.status().device !== 'online') throw new Error(`reader not online: ${reader.status().device}`);
    const cards = Object.values(emulatorCards());

    const reads: number[] = [];
    for (let i = 0; i < READS + 2; i++) {
      emulator.placeCard(cards[i % cards.length]!);
      const started = performance.now();
      const result = await reader.readCard(new AbortController().signal);
      const elapsed = performance.now() - started;
      if (!result.ok) throw new Error(`read ${i} failed: ${result.error.code} ${result.error.errorCode ?? ''}`);
      if (i >= 2) reads.push(elapsed); // the first two warm up the JIT
      emulator.liftCard();
    }
    console.log(summarize('ID read (find + select + read) over pty at 115200 baud', reads));
    console.log(
      `wire-time floor of the read reply: ${WIRE_FLOOR_MS.toFixed(1)} ms; median / floor = ${(percentile(reads, 50) / WIRE_FLOOR_MS).toFixed(2)}, p95 / floor = ${(percentile(reads, 95) / WIRE_FLOOR_MS).toFixed(2)}`,
    );

    const recoveries: number[] = [];
    const sinceUnplug: number[] = [];
    for (let i = 0; i < REPLUGS; i++) {
      const unplugged = performance.now();
      await pair.stop();
      await until(() => reader.status().device === 'noDevice', 'noDevice');
      await new Promise((resolve) => setTimeout(resolve, UNPLUGGED_MS));
      const replugged = performance.now();
      await pair.start();
      await emulator.attach(pair.emulatorPath);
      await until(() => reader.status().device === 'online', 'online again');
      recoveries.push(performance.now() - replugged);
      sinceUnplug.push(performance.now() - unplugged);
    }
    console.log(summarize(`recovery after re-plug (unplugged ${UNPLUGGED_MS} ms; backoff 50 ms doubling to 2 s)`, recoveries));
    console.log(summarize('unplug to online again', sinceUnplug));
  } finally {
    await reader.close();
    await emulator.detach();
    await pair.dispose();
  }
}

await main();
