// Maintenance mode in the agent: the maintenance machine joined to the access checks (the maintenance key,
// the staff PIN hashes, the kiosk-wide PIN lock), the session (staff take the screen from home or out of
// service and give it back), the actions and the data staff see, and the audit log. Publishes every change of
// the maintenance view (null while nobody is in maintenance mode).

import { join } from 'node:path';
import { createActor } from 'xstate';
import { err } from '../../device-drivers/result';
import type { Logger } from '../logger';
import { verifyMaintenanceCode, type MaintenanceKey } from '../maintenance/maintenance-code';
import type { MaintenanceEvent } from '../maintenance/maintenance-events';
import {
  createMaintenanceMachine,
  type MaintenanceAudit,
  type MaintenanceServices,
  type MaintenanceSettings,
} from '../maintenance/maintenance-machine';
import { buildMaintenanceView } from '../maintenance/maintenance-view-builder';
import type { MaintenanceView } from '../maintenance/maintenance-view';
import { openPaperCounters } from '../maintenance/paper-counters';
import { verifyPin } from '../maintenance/pin-hash';
import { openPinLock } from '../maintenance/pin-lock';
import { openRatingTally } from '../maintenance/rating-tally';
import { openServiceFlag } from '../maintenance/service-flag';
import { createMaintenanceActions, type MaintenanceActionParts } from './maintenance-actions';
import { maintenanceData, type MaintenanceDataSources } from './maintenance-data';
import type { SessionRuntime } from './session-runtime';

/** What maintenance mode keeps on disk, opened before the session starts (it may start out of service). */
export async function openMaintenanceState(dataDir: string) {
  const dir = join(dataDir, 'maintenance');
  return {
    dir,
    paper: await openPaperCounters(dir),
    serviceFlag: await openServiceFlag(dir),
    ratingTally: await openRatingTally(join(dataDir, 'ratings')),
  };
}

export type MaintenanceState = Awaited<ReturnType<typeof openMaintenanceState>>;

const auditDisposition: Record<MaintenanceAudit['event'], 'success' | 'failure' | 'info'> = {
  'maintenance.code_refused': 'failure',
  'maintenance.code_accepted': 'info',
  'maintenance.pin_wrong': 'failure',
  'maintenance.locked': 'failure',
  'maintenance.entered': 'success',
  'maintenance.action': 'info',
  'maintenance.left': 'info',
};

export interface MaintenanceModeParts
  extends
    Omit<MaintenanceDataSources, 'paper' | 'serviceFlag' | 'ratingTally' | 'canRestart'>,
    Omit<MaintenanceActionParts, 'paper' | 'serviceFlag'> {
  key: MaintenanceKey | null;
  kioskId: string;
  state: MaintenanceState;
  runtime: SessionRuntime;
  logger: Logger;
  settings?: Partial<MaintenanceSettings>;
}

export async function startMaintenanceMode(parts: MaintenanceModeParts) {
  const { key, kioskId, state, runtime, logger } = parts;
  const now = parts.now ?? (() => new Date());
  const lock = await openPinLock({ dir: state.dir, now });
  const act = createMaintenanceActions({ ...parts, paper: state.paper, serviceFlag: state.serviceFlag });

  const services: MaintenanceServices = {
    async checkCode(code) {
      if (!key) return err('notConfigured');
      if (lock.lockedUntil()) return err('locked');
      return verifyMaintenanceCode(code, { key, kioskId, now: now() });
    },
    attemptsLeft: () => lock.attemptsLeft(),
    lockedUntil: () => lock.lockedUntil(),
    async checkPin(staffId, pin) {
      const lockedUntil = lock.lockedUntil();
      if (lockedUntil) return { right: false, attemptsLeft: 0, lockedUntil };
      const stored = key?.staff[staffId];
      // A PIN is checked against its hash only; it goes no further than here.
      if (stored !== undefined && (await verifyPin(pin, stored))) {
        await lock.recordRight();
        return { right: true };
      }
      const until = await lock.recordWrong();
      return { right: false, attemptsLeft: lock.attemptsLeft(), lockedUntil: until };
    },
    enter: () => runtime.staffEnter(),
    leave: (outOfService) => runtime.staffLeave(outOfService),
    outOfService: () => state.serviceFlag.outOfService(),
    data: () =>
      maintenanceData({
        ...parts,
        paper: state.paper,
        serviceFlag: state.serviceFlag,
        ratingTally: state.ratingTally,
        canRestart: parts.restart !== undefined,
      }),
    act,
    now,
  };

  const actor = createActor(createMaintenanceMachine(services), { input: { settings: parts.settings ?? {} } });
  actor.on('audit', ({ event, fields }) => logger.event(event, auditDisposition[event], fields));

  const listeners = new Set<(view: MaintenanceView | null) => void>();
  let current: MaintenanceView | null = null;
  let lastSent = 'null';
  actor.subscribe({
    next: (snapshot) => {
      const view = buildMaintenanceView(snapshot);
      const serialized = JSON.stringify(view);
      if (serialized === lastSent) return;
      lastSent = serialized;
      current = view;
      for (const listener of listeners) listener(view);
    },
    error: (error) => logger.event('session.machineError', 'failure', { machine: 'maintenance', message: String(error) }),
  });
  actor.start();

  return {
    view: (): MaintenanceView | null => current,
    onView(listener: (view: MaintenanceView | null) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** An event from the touch UI (already checked against the closed list). */
    send(event: MaintenanceEvent): void {
      actor.send(event);
    },
    /** A maintenance code from the scan router (the home and out-of-service screens only). */
    scanned(code: string): void {
      actor.send({ type: 'CODE', code });
    },
    stop(): void {
      actor.send({ type: 'AGENT.STOPPING' });
      actor.stop();
      listeners.clear();
    },
  };
}

export type MaintenanceMode = Awaited<ReturnType<typeof startMaintenanceMode>>;
