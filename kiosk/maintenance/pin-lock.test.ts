import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openPinLock, PIN_LOCK_FILE } from './pin-lock';

const MINUTE = 60_000;
let dir: string;
let clock: Date;
const now = () => clock;
const advance = (ms: number) => (clock = new Date(clock.getTime() + ms));
const open = () => openPinLock({ dir, now });
const onDisk = async () => JSON.parse(await readFile(join(dir, PIN_LOCK_FILE), 'utf8')) as unknown;

beforeEach(async () => {
  dir = join(await mkdtemp(join(tmpdir(), 'pin-lock-')), 'maintenance');
  clock = new Date('2026-05-04T08:00:00Z');
});
afterEach(async () => {
  await rm(join(dir, '..'), { recursive: true, force: true });
});

describe('the PIN lock', () => {
  it('starts open with five attempts, creating its directory', async () => {
    const lock = await open();
    expect(lock.lockedUntil()).toBeNull();
    expect(lock.attemptsLeft()).toBe(5);
  });

  it('locks for 15 minutes on the fifth wrong PIN, then opens with five attempts again', async () => {
    const lock = await open();
    for (let left = 4; left >= 1; left--) {
      expect(await lock.recordWrong()).toBeNull();
      expect(lock.attemptsLeft()).toBe(left);
    }
    const until = await lock.recordWrong();
    expect(until).toEqual(new Date(clock.getTime() + 15 * MINUTE));
    expect(lock.lockedUntil()).toEqual(until);
    expect(lock.attemptsLeft()).toBe(0);
    // Wrong PINs while locked change nothing (none should be checked).
    expect(await lock.recordWrong()).toEqual(until);
    advance(15 * MINUTE - 1);
    expect(lock.lockedUntil()).toEqual(until);
    advance(1);
    expect(lock.lockedUntil()).toBeNull();
    expect(lock.attemptsLeft()).toBe(5);
  });

  it('a right PIN clears the count', async () => {
    const lock = await open();
    await lock.recordWrong();
    await lock.recordWrong();
    await lock.recordRight();
    expect(lock.attemptsLeft()).toBe(5);
    for (let i = 0; i < 4; i++) await lock.recordWrong();
    expect(lock.lockedUntil()).toBeNull();
  });

  it('survives a restart: the count and the lock are read back', async () => {
    const first = await open();
    await first.recordWrong();
    await first.recordWrong();
    expect((await open()).attemptsLeft()).toBe(3);

    const second = await open();
    await second.recordWrong();
    await second.recordWrong();
    const until = await second.recordWrong();
    expect(until).not.toBeNull();
    advance(5 * MINUTE);
    const third = await open();
    expect(third.lockedUntil()).toEqual(until);
    expect(third.attemptsLeft()).toBe(0);
    advance(10 * MINUTE);
    expect((await open()).lockedUntil()).toBeNull();
    // No temporary file is left beside it.
    expect(await readdir(dir)).toEqual([PIN_LOCK_FILE]);
  });

  it('fails closed on a corrupt file: locked for 15 minutes from open, and the file rewritten', async () => {
    for (const corrupt of [
      '',
      '{"wrong":2,',
      'null',
      '{"wrong":-1,"lockedUntil":null}',
      '{"wrong":0,"lockedUntil":"soon"}',
      '{"wrong":0}',
    ]) {
      await open(); // makes the directory
      await writeFile(join(dir, PIN_LOCK_FILE), corrupt);
      const lock = await open();
      expect(lock.lockedUntil()).toEqual(new Date(clock.getTime() + 15 * MINUTE));
      expect(lock.attemptsLeft()).toBe(0);
      expect(await onDisk()).toEqual({ wrong: 0, lockedUntil: new Date(clock.getTime() + 15 * MINUTE).toISOString() });
      // The rewritten file holds: a restart a minute later keeps the same end.
      advance(MINUTE);
      expect((await open()).lockedUntil()).toEqual(new Date(clock.getTime() + 14 * MINUTE));
      advance(14 * MINUTE);
      expect((await open()).lockedUntil()).toBeNull();
    }
  });

  it('fails closed, without throwing, when the file can be neither read nor replaced (a directory in its place: unreadable even as root)', async () => {
    await mkdir(join(dir, PIN_LOCK_FILE), { recursive: true });
    const lock = await open();
    expect(lock.lockedUntil()).toEqual(new Date(clock.getTime() + 15 * MINUTE));
    expect(lock.attemptsLeft()).toBe(0);
  });

  it('cuts a lock longer than a full one (a clock set back) to 15 minutes from now', async () => {
    await open();
    await writeFile(join(dir, PIN_LOCK_FILE), JSON.stringify({ wrong: 0, lockedUntil: '2099-01-01T00:00:00.000Z' }));
    expect((await open()).lockedUntil()).toEqual(new Date(clock.getTime() + 15 * MINUTE));
  });

  it('keeps the count kiosk-wide and in order when wrong PINs arrive together', async () => {
    const lock = await open();
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => lock.recordWrong()));
    expect(results.filter((until) => until !== null)).toHaveLength(1);
    expect(await onDisk()).toEqual({ wrong: 0, lockedUntil: new Date(clock.getTime() + 15 * MINUTE).toISOString() });
  });

  it('honours other limits when given', async () => {
    const lock = await openPinLock({ dir, now, maxWrong: 2, lockMs: MINUTE });
    await lock.recordWrong();
    expect(await lock.recordWrong()).toEqual(new Date(clock.getTime() + MINUTE));
  });
});
