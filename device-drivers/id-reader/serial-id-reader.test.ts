// The driver against the byte-level emulator over an in-memory pipe (fast timings); the same emulator on a
// real pty pair is in test/integration/id-reader.test.ts.

import { afterEach, describe, expect, it } from 'vitest';
import { misreadCard } from '../../scripts/synthetic-population';
import { encodeCardText } from '../../test/emulators/ga467-card-encoder';
import { IdReaderEmulator, emulatorCards } from '../../test/emulators/id-reader-emulator';
import { MemoryByteTransport } from '../../test/support/memory-byte-transport';
import type { IdReaderStatus } from './id-reader';
import { SerialIdReader } from './serial-id-reader';

const cards = emulatorCards();
const open: SerialIdReader[] = [];

async function rig(options: { split?: boolean; noisy?: boolean } = {}) {
  const emulator = new IdReaderEmulator();
  emulator.split = options.split ?? false;
  emulator.noisy = options.noisy ?? false;
  const transport = new MemoryByteTransport((bytes) => emulator.receive(bytes));
  emulator.connect((bytes) => transport.deliver(bytes));
  const reader = new SerialIdReader(transport, {
    pollMs: 20,
    commandTimeoutMs: 150,
    readTimeoutMs: 300,
    quietAfterCorruptFrameMs: 20,
    reconnectInitialMs: 10,
    reconnectMaxMs: 40,
  });
  const changes: Partial<IdReaderStatus>[] = [];
  let detected = 0;
  reader.events.on('statusChanged', (change) => changes.push(change));
  reader.events.on('mediaDetected', () => detected++);
  open.push(reader);
  await reader.open();
  return { emulator, transport, reader, changes, detected: () => detected };
}

const signal = () => new AbortController().signal;
const timeout = (ms: number) => AbortSignal.timeout(ms);
async function until(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((r) => r.close()));
});

describe('SerialIdReader', () => {
  it('opens online after asking the SAM', async () => {
    const { reader, changes, emulator } = await rig();
    expect(reader.status()).toEqual({ device: 'online', media: 'notPresent' });
    expect(changes).toEqual([{ device: 'online' }]);
    expect(emulator.received.samStatus).toBe(1);
  });

  it('reads each card kind once, and announces the fresh card once', async () => {
    const { reader, emulator, detected, changes } = await rig();
    for (const card of Object.values(cards)) {
      emulator.placeCard(card);
      const result = await reader.readCard(signal());
      expect(result).toMatchObject({ ok: true, value: card });
      if (result.ok) expect(result.value.photo).toHaveLength(1024);
      expect(reader.status().media).toBe('notPresent');
    }
    expect(emulator.received.read).toBe(6);
    expect(detected()).toBe(6);
    expect(changes.filter((c) => c.media === 'present')).toHaveLength(6);
  });

  it('never reads a halted card twice: it waits for the card to be placed again', async () => {
    const { reader, emulator, detected } = await rig();
    emulator.placeCard(cards.resident);
    expect((await reader.readCard(signal())).ok).toBe(true);
    const second = await reader.readCard(timeout(200));
    expect(second).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(emulator.received.read).toBe(1);
    expect(emulator.received.find).toBeGreaterThan(3);
    expect(detected()).toBe(1);
    emulator.liftCard();
    emulator.placeCard(cards.resident);
    expect((await reader.readCard(signal())).ok).toBe(true);
    expect(emulator.received.read).toBe(2);
  });

  it('waits for a card placed later', async () => {
    const { reader, emulator } = await rig();
    const reading = reader.readCard(signal());
    await new Promise((resolve) => setTimeout(resolve, 60));
    emulator.placeCard(cards.hmt);
    expect(await reading).toMatchObject({ ok: true, value: { cardType: 'hmt-residence-permit' } });
  });

  it('a bad check digit, an unreadable card, a damaged block are invalidData', async () => {
    const { reader, emulator } = await rig();
    emulator.placeCard(misreadCard);
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode: 'checkDigit' } });
    emulator.placeUnreadableCard();
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode: 'readFailed' } });
    const damaged = encodeCardText(cards.resident);
    damaged.set(Buffer.from('Q', 'utf16le'), 248);
    emulator.placeRawCard(damaged);
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode: 'cardType' } });
  });

  it('error descriptions carry no citizen data', async () => {
    const { reader, emulator } = await rig();
    emulator.placeCard(misreadCard);
    const result = await reader.readCard(signal());
    const text = JSON.stringify(result);
    expect(text).not.toContain(misreadCard.idNumber);
    expect(text).not.toContain(misreadCard.name);
  });

  it('reads through split replies, noise, a corrupted find answer and a bogus frame', async () => {
    const { reader, emulator } = await rig({ split: true, noisy: true });
    emulator.corruptNextChecksum('find');
    emulator.bogusFrameBeforeNext('read');
    emulator.placeCard(cards.foreign2023);
    expect(await reader.readCard(signal())).toMatchObject({ ok: true, value: { cardType: 'foreign-permanent-resident-2023' } });
  });

  it('a corrupted read answer is invalidData (the card must be placed again), without waiting for the deadline', async () => {
    const { reader, emulator } = await rig();
    emulator.corruptNextChecksum('read');
    emulator.placeCard(cards.resident);
    const started = performance.now();
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'invalidData', errorCode: 'checksum' } });
    expect(performance.now() - started).toBeLessThan(250);
  });

  it('a reader silent mid-frame is timeOut; the next read works', async () => {
    const { reader, emulator } = await rig();
    emulator.fallSilentMidFrame('read');
    emulator.placeCard(cards.resident);
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'timeOut', errorCode: 'silentMidFrame' } });
    emulator.ignoreNext('find');
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'timeOut', errorCode: 'noReply' } });
    emulator.placeCard(cards.resident);
    expect((await reader.readCard(signal())).ok).toBe(true);
    expect(reader.status().device).toBe('online');
  });

  it('a failing SAM is hardwareError until it answers again', async () => {
    const { reader, emulator } = await rig();
    emulator.samStatusWord = 0x60;
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'hardwareError', errorCode: 'samSelfTestFailed' } });
    expect(reader.status().device).toBe('hardwareError');
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'hardwareError' } });
    emulator.samStatusWord = 0x90;
    await until(() => reader.status().device === 'online');
  });

  it('unplugged: noDevice at once, the waiting read ends, and it comes back when plugged in', async () => {
    const { reader, transport, emulator, changes } = await rig();
    const reading = reader.readCard(signal());
    await new Promise((resolve) => setTimeout(resolve, 30));
    transport.unplug();
    expect(reader.status()).toEqual({ device: 'noDevice', media: 'notPresent' });
    expect(changes).toContainEqual({ device: 'noDevice' });
    expect(await reading).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    expect(await reader.readCard(signal())).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    await new Promise((resolve) => setTimeout(resolve, 100));
    transport.plug();
    await until(() => reader.status().device === 'online');
    emulator.placeCard(cards.resident);
    expect((await reader.readCard(signal())).ok).toBe(true);
  });

  it('starts as noDevice when the reader is absent and keeps trying', async () => {
    const emulator = new IdReaderEmulator();
    const transport = new MemoryByteTransport((bytes) => emulator.receive(bytes));
    emulator.connect((bytes) => transport.deliver(bytes));
    transport.unplug();
    const reader = new SerialIdReader(transport, { reconnectInitialMs: 10, reconnectMaxMs: 20 });
    open.push(reader);
    await reader.open();
    expect(reader.status().device).toBe('noDevice');
    await new Promise((resolve) => setTimeout(resolve, 50));
    transport.plug();
    await until(() => reader.status().device === 'online');
    await reader.close();
    expect(reader.status().device).toBe('offline');
  });

  it('cancels a wait at once', async () => {
    const { reader } = await rig();
    const controller = new AbortController();
    const reading = reader.readCard(controller.signal);
    setTimeout(() => controller.abort(), 40);
    const started = performance.now();
    expect(await reading).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(performance.now() - started).toBeLessThan(100);
  });

  it('resets the SAM and reads its id as hex', async () => {
    const { reader, emulator } = await rig();
    expect(await reader.reset()).toEqual({ ok: true, value: undefined });
    expect(emulator.received.resetSam).toBe(1);
    expect(await reader.readSamId()).toEqual({ ok: true, value: '101112131415161718191a1b1c1d1e1f' });
  });
});
