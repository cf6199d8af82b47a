import { describe, expect, it } from 'vitest';
import { misreadCard, testCitizens } from '../../scripts/synthetic-population';
import { SimulatedIdReader } from './simulated-id-reader';

const zhangSan = testCitizens[0]!.card;

describe('simulated ID reader', () => {
  it('reads a placed card once, then treats it as halted until it is placed again', async () => {
    const reader = new SimulatedIdReader({ pollMs: 5, readMs: 1 });
    const detected: unknown[] = [];
    reader.events.on('mediaDetected', (e) => detected.push(e));
    reader.placeCard(zhangSan);
    expect(reader.status().media).toBe('present');
    const first = await reader.readCard(new AbortController().signal);
    expect(first.ok && first.value.idNumber).toBe(zhangSan.idNumber);
    expect(reader.status().media).toBe('notPresent');

    const controller = new AbortController();
    const second = reader.readCard(controller.signal);
    setTimeout(() => controller.abort(), 30);
    expect(await second).toMatchObject({ ok: false, error: { code: 'canceled' } });
    expect(detected).toHaveLength(1);
  });

  it('refuses a misread (wrong check digit) as invalid data, never as a citizen', async () => {
    const reader = new SimulatedIdReader({ pollMs: 5, readMs: 1 });
    reader.placeCard(misreadCard);
    expect(await reader.readCard(new AbortController().signal)).toMatchObject({
      ok: false,
      error: { code: 'invalidData', errorCode: 'checkDigit' },
    });
    reader.placeUnreadableCard();
    expect(await reader.readCard(new AbortController().signal)).toMatchObject({
      ok: false,
      error: { code: 'invalidData', errorCode: 'readFailed' },
    });
  });

  it('an unplugged reader answers noDevice, also while waiting for a card', async () => {
    const reader = new SimulatedIdReader({ pollMs: 5, readMs: 1 });
    const waiting = reader.readCard(new AbortController().signal);
    reader.unplug();
    expect(await waiting).toMatchObject({ ok: false, error: { code: 'noDevice' } });
    expect(reader.status().device).toBe('noDevice');
    reader.plug();
    reader.placeCard(zhangSan);
    expect((await reader.readCard(new AbortController().signal)).ok).toBe(true);
  });
});
