import { describe, expect, it } from 'vitest';
import { createSessionHarness } from '../../test/support/session-harness';
import { scanKindsAccepted } from './scan-acceptance';

describe('session machine: staff and out of service', () => {
  it('gives staff the screen from home only, and takes no citizen event there', async () => {
    const h = createSessionHarness();
    h.send({ type: 'STAFF.ENTER' });
    expect(h.screen()).toBe('staff');
    h.send({ type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' });
    h.send({ type: 'SET_PREFS', prefs: { language: 'en' } });
    h.send({ type: 'TOUCH' });
    expect(h.screen()).toBe('staff');
    expect(h.view().prefs.language).toBe('zh');
    h.send({ type: 'STAFF.LEAVE', outOfService: false });
    expect(h.screen()).toBe('home');
  });

  it('never interrupts a citizen: STAFF.ENTER during a session is ignored', async () => {
    const h = createSessionHarness();
    await h.toConsent();
    h.send({ type: 'STAFF.ENTER' });
    expect(h.screen()).toBe('consent');
    h.send({ type: 'STAFF.LEAVE', outOfService: true });
    expect(h.screen()).toBe('consent');
  });

  it('goes out of service as staff leave it, takes no citizen there, and back in service through staff', () => {
    const h = createSessionHarness();
    h.send({ type: 'STAFF.ENTER' });
    h.send({ type: 'STAFF.LEAVE', outOfService: true });
    expect(h.screen()).toBe('outOfService');
    h.send({ type: 'SELECT_ERRAND', errandId: 'no-property-proof-provident-fund' });
    h.send({ type: 'STAFF.LEAVE', outOfService: false });
    expect(h.screen()).toBe('outOfService');
    h.send({ type: 'STAFF.ENTER' });
    expect(h.screen()).toBe('staff');
    h.send({ type: 'STAFF.LEAVE', outOfService: false });
    expect(h.screen()).toBe('home');
  });

  it('starts out of service when the persisted flag says so', () => {
    expect(createSessionHarness({ outOfService: true }).screen()).toBe('outOfService');
    expect(createSessionHarness({ outOfService: false }).screen()).toBe('home');
  });

  it('accepts a maintenance code only on the home and out-of-service screens', () => {
    for (const [screen, kinds] of Object.entries(scanKindsAccepted)) {
      expect(kinds.includes('maintenance'), screen).toBe(screen === 'home' || screen === 'outOfService');
    }
  });
});
