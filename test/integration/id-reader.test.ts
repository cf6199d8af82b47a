// The serial ID reader driver on a real serial transport: `serialport` on one end of a socat pty pair, the
// byte-level emulator on the other, replies paced at 115200 baud. socat missing is a failure, not a skip.

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { IdReaderStatus } from '../../device-drivers/id-reader/id-reader';
import { SerialIdReader, createSerialIdReader } from '../../device-drivers/id-reader/serial-id-reader';
import { runIdReaderCommand } from '../../scripts/device-cli/id-reader-command';
import { misreadCard } from '../../scripts/synthetic-population';
import { IdReaderEmulator, emulatorCards } from '../emulators/id-reader-emulator';
import { openPtyPair, type PtyPair } from '../support/pty-pair';

const BAUD = 115200;
const cards = emulatorCards();
const cleanups: (() => Promise<void>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function rig(options: { split?: boolean; noisy?: boolean } = {}) {
  const pair = await openPtyPair({ name: 'id-reader' });
  cleanups.push(() => pair.dispose());
  const emulator = new IdReaderEmulator({ pacedBaudRate: BAUD });
  emulator.split = options.split ?? false;
  emulator.noisy = options.noisy ?? false;
  await emulator.attach(pair.emulatorPath);
  cleanups.push(() => emulator.detach());
  // Real defaults (300 ms polling, backoff from 50 ms) except shorter answer deadlines, to keep tests fast.
  const reader = createSerialIdReader({ path: pair.devicePath, baudRate: BAUD }, { commandTimeoutMs: 300, readTimeoutMs: 800 });
  cleanups.push(() => reader.close());
  const changes: Partial<IdReaderStatus>[] = [];
  let detected = 0;
  reader.events.on('statusChanged', (change) => changes.push(change));
  reader.events.on('mediaDetected', () => detected++);
  await reader.open();
  return { pair, emulator, reader, changes, detected: () => detected };
}

async function until(condition: () => boolean, ms: number): Promise<void> {
  const deadline = performance.now() + ms;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`condition not met in ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

async function replug(pair: PtyPair, emulator: IdReaderEmulator): Promise<void> {
  await pair.start();
  await emulator.attach(pair.emulatorPath);
}

const signal = () => new AbortController().signal;

describe('serial ID reader on a pty pair', () => {
  it('opens online', async () => {
    const { reader } = await rig();
    expect(reader.status()).toEqual({ device: 'online', media: 'notPresent' });
  });

  it.each(Object.entries(cards))('reads the %s card correctly', async (_, card) => {
    const { reader, emulator } = await rig();
    emulator.placeCard(card);
    const result = await reader.readCard(signal());
    expect(result).toMatchObject({ ok: true, value: card });
    if (result.ok) expect(result.value.photo).toHaveLength(1024);
  });

  it('a bad check digit is invalidData', async () => {
    const { reader, emulator } = await rig();
    emulator.placeCard(misreadCard);
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode: 'checkDigit' } });
  });

  it('reads through split replies, leading noise, a corrupted checksum and a bogus frame', async () => {
    const { reader, emulator } = await rig({ split: true, noisy: true });
    emulator.corruptNextChecksum('find');
    emulator.corruptNextChecksum('select');
    emulator.bogusFrameBeforeNext('read');
    emulator.placeCard(cards.minority);
    const result = await reader.readCard(signal());
    expect(result).toMatchObject({ ok: true, value: cards.minority });
    expect(emulator.received.read).toBe(1);
  });

  it('a reader that falls silent mid-frame is timeOut, then the next card reads', async () => {
    const { reader, emulator } = await rig();
    emulator.fallSilentMidFrame('read');
    emulator.placeCard(cards.resident);
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'timeOut', errorCode: 'silentMidFrame' } });
    emulator.liftCard();
    emulator.placeCard(cards.resident);
    expect(await reader.readCard(signal())).toMatchObject({ ok: true, value: cards.resident });
  });

  it('unplugged: noDevice with a status change, then recovers when the port returns', async () => {
    const { pair, reader, emulator, changes } = await rig();
    const reading = reader.readCard(signal());
    await new Promise((resolve) => setTimeout(resolve, 100));
    await pair.stop();
    expect(await reading).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    await until(() => reader.status().device === 'noDevice', 1000);
    expect(changes).toContainEqual({ device: 'noDevice' });
    await new Promise((resolve) => setTimeout(resolve, 300));
    await replug(pair, emulator);
    await until(() => reader.status().device === 'online', 4000);
    expect(changes.at(-1)).toEqual({ device: 'online' });
    emulator.placeCard(cards.hmt);
    expect(await reader.readCard(signal())).toMatchObject({ ok: true, value: cards.hmt });
  });

  it('never reads a card twice: a read card is halted until placed again', async () => {
    const { reader, emulator, detected } = await rig();
    emulator.placeCard(cards.resident);
    expect((await reader.readCard(signal())).ok).toBe(true);
    expect(await reader.readCard(AbortSignal.timeout(1000))).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(emulator.received.read).toBe(1);
    expect(detected()).toBe(1);
    expect(reader.status().media).toBe('notPresent');
    // polling respects the protocol's ≥ 300 ms: about 4 finds in a second, not dozens
    expect(emulator.received.find).toBeLessThanOrEqual(6);
  });

  it('resets the SAM and reads its id', async () => {
    const { reader } = await rig();
    expect((await reader.reset()).ok).toBe(true);
    expect(await (reader as SerialIdReader).readSamId()).toEqual({ ok: true, value: '101112131415161718191a1b1c1d1e1f' });
  });
});

describe('the id-reader maintenance command', () => {
  async function run(args: string[]): Promise<{ out: string; error: unknown }> {
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    const warn = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      await runIdReaderCommand(args);
      return { out, error: null };
    } catch (error) {
      return { out, error };
    } finally {
      write.mockRestore();
      warn.mockRestore();
    }
  }

  it('reads a card masked, photo as a length; --reveal shows it', async () => {
    const pair = await openPtyPair({ name: 'id-reader-cli' });
    cleanups.push(() => pair.dispose());
    const emulator = new IdReaderEmulator();
    await emulator.attach(pair.emulatorPath);
    cleanups.push(() => emulator.detach());
    const card = cards.resident;

    emulator.placeCard(card);
    const masked = await run(['read', '--port', pair.devicePath]);
    expect(masked.error).toBeNull();
    expect(masked.out).not.toContain(card.idNumber);
    expect(masked.out).not.toContain(card.name);
    expect(masked.out).not.toContain(card.birthDate);
    expect(JSON.parse(masked.out)).toMatchObject({
      idNumber: `${card.idNumber.slice(0, 6)}********${card.idNumber.slice(-4)}`,
      photoBytes: 1024,
    });
    expect(masked.out).not.toContain('photo"');

    emulator.liftCard();
    emulator.placeCard(card);
    const revealed = await run(['read', '--port', pair.devicePath, '--reveal']);
    expect(JSON.parse(revealed.out)).toMatchObject({ name: card.name, idNumber: card.idNumber, photoBytes: 1024 });

    expect(JSON.parse((await run(['sam-id', '--port', pair.devicePath])).out)).toEqual({ samId: '101112131415161718191a1b1c1d1e1f' });
    expect(JSON.parse((await run(['status', '--port', pair.devicePath])).out)).toMatchObject({ device: 'online', sam: 'ok' });
    expect(JSON.parse((await run(['reset-sam', '--port', pair.devicePath])).out)).toEqual({ reset: 'ok' });
  });

  it('fails with a plain message when there is no reader', async () => {
    const { error } = await run(['status', '--port', '/dev/no-such-reader']);
    expect(error).toMatchObject({ message: expect.stringContaining('no reader at /dev/no-such-reader'), exitCode: 1 });
  });
});
