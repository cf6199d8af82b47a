import { describe, expect, it } from 'vitest';
import { testCitizens } from '../../scripts/synthetic-population';
import { idReaderUsable, type IdReaderStatus } from './id-reader';
import { SimulatedIdReader } from './simulated-id-reader';

describe('idReaderUsable', () => {
  it.each<[IdReaderStatus, boolean]>([
    [{ device: 'online', media: 'notPresent' }, true],
    [{ device: 'online', media: 'present' }, true],
    [{ device: 'starting', media: 'notPresent' }, false],
    [{ device: 'noDevice', media: 'notPresent' }, false],
    [{ device: 'hardwareError', media: 'notPresent' }, false],
    [{ device: 'offline', media: 'notPresent' }, false],
  ])('%j → %s', (status, usable) => {
    expect(idReaderUsable(status)).toBe(usable);
  });

  it('follows a reader that is unplugged with a card on it, which then shows no card', () => {
    const reader = new SimulatedIdReader();
    reader.placeCard(testCitizens[0]!.card);
    expect(reader.status()).toEqual({ device: 'online', media: 'present' });
    reader.unplug();
    expect(reader.status()).toEqual({ device: 'noDevice', media: 'notPresent' });
    expect(idReaderUsable(reader.status())).toBe(false);
  });
});
