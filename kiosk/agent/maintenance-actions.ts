// What staff ask for in maintenance mode, done on the kiosk's parts: self-tests (stored as records), paper
// refilled, in or out of service, restart. A card read in its test is shown masked and recorded only as read;
// a scanned code is recorded as its length and symbology, its text handed back for "reveal" on screen only.

import type { KioskDevices } from '../devices/kiosk-devices';
import type { AgentDiagnostics } from '../diagnostics/agent-diagnostics';
import type { DiagnosticRecord } from '../diagnostics/diagnostic-record';
import { recordSelfTest, type MachineSelfTest, type Verdict } from '../diagnostics/self-tests';
import type { ActionResult, MaintenanceAction } from '../maintenance/maintenance-machine';
import type { ActionOutcome } from '../maintenance/maintenance-view';
import type { PaperCounters } from '../maintenance/paper-counters';
import type { ServiceFlag } from '../maintenance/service-flag';
import { maskIdNumber, maskName } from '../privacy/mask';
import { recordLine } from './maintenance-data';
import type { ScanRouter } from './scan-router';

export interface MaintenanceActionParts {
  devices: KioskDevices;
  diagnostics: AgentDiagnostics;
  scanRouter: ScanRouter;
  paper: PaperCounters;
  serviceFlag: ServiceFlag;
  /** Stops the agent for systemd to start it again; absent in development. */
  restart?: () => void;
  now?: () => Date;
  /** How long staff have to lay a card or scan a code. */
  personDeadlineMs?: number;
}

const statusTests: readonly MachineSelfTest[] = ['idReader', 'scanner', 'a4Printer', 'receiptPrinter', 'gateway'];
const busy = { zh: '另一项检测正在进行', en: 'Another test is running.' };

export function createMaintenanceActions(parts: MaintenanceActionParts) {
  const { devices, diagnostics, scanRouter, paper, serviceFlag } = parts;
  const now = parts.now ?? (() => new Date());
  const deadlineMs = parts.personDeadlineMs ?? 30_000;

  async function machineTests(test: 'all' | 'a4TestPage' | 'testReceipt' | 'gateway', by: string): Promise<ActionOutcome> {
    const run = await diagnostics.runNamed(test === 'all' ? statusTests : [test], by);
    if (!run.ok) return { kind: 'refused', action: test, reason: busy };
    for (const record of run.value) {
      if (record.outcome !== 'passed') continue;
      if (record.test === 'a4TestPage') await paper.used('a4Printer', 1);
      if (record.test === 'testReceipt') await paper.used('receiptPrinter', 1);
    }
    return { kind: 'records', test, records: run.value.map(recordLine) };
  }

  const deadline = (left: AbortSignal) => AbortSignal.any([left, AbortSignal.timeout(deadlineMs)]);

  async function cardRead(by: string, left: AbortSignal): Promise<ActionResult> {
    let shown: { maskedName: string; maskedIdNumber: string } | null = null;
    let problem: string | null = null;
    const record = await recordSelfTest('cardRead', by, async (): Promise<Verdict> => {
      const read = await devices.idReader.readCard(deadline(left));
      if (!read.ok) {
        problem = read.error.code;
        return { outcome: 'failed', details: { error: read.error.code } };
      }
      shown = { maskedName: maskName(read.value.name), maskedIdNumber: maskIdNumber(read.value.idNumber) };
      return { outcome: 'passed', details: { read: true } };
    });
    await diagnostics.keep([record]);
    const masked = shown as { maskedName: string; maskedIdNumber: string } | null;
    return {
      outcome: {
        kind: 'cardRead',
        outcome: record.outcome === 'passed' ? 'passed' : 'failed',
        maskedName: masked?.maskedName ?? null,
        maskedIdNumber: masked?.maskedIdNumber ?? null,
        problem,
      },
    };
  }

  async function scanCode(by: string, left: AbortSignal): Promise<ActionResult> {
    let text: string | null = null;
    let symbology: string | null = null;
    const record: DiagnosticRecord = await recordSelfTest('scanCode', by, async (): Promise<Verdict> => {
      const code = await scanRouter.captureNext(deadline(left));
      if (!code) return { outcome: 'failed', details: { error: 'nothingScanned' } };
      text = code.data;
      symbology = code.symbology;
      return { outcome: 'passed', details: { length: code.data.length, symbology: code.symbology } };
    });
    await diagnostics.keep([record]);
    const scanned = text as string | null;
    return {
      outcome: {
        kind: 'scanCode',
        outcome: scanned === null ? 'failed' : 'passed',
        length: scanned?.length ?? null,
        symbology,
        revealed: null,
        problem: scanned === null ? 'nothingScanned' : null,
      },
      ...(scanned === null ? {} : { scanText: scanned }),
    };
  }

  /** `left` aborts when staff leave maintenance mode while the action runs. */
  return async function act(action: MaintenanceAction, by: string, left: AbortSignal): Promise<ActionResult> {
    switch (action.type) {
      case 'RUN_TEST':
        if (action.test === 'cardRead') return cardRead(by, left);
        if (action.test === 'scanCode') return scanCode(by, left);
        return { outcome: await machineTests(action.test, by) };
      case 'PAPER_REFILLED':
        await paper.refilled(action.printer, now());
        return { outcome: { kind: 'paperRefilled', printer: action.printer } };
      case 'SET_SERVICE':
        await serviceFlag.set(action.outOfService, now());
        return { outcome: { kind: 'service', outOfService: action.outOfService } };
      case 'RESTART': {
        const { restart } = parts;
        if (!restart)
          return {
            outcome: { kind: 'refused', action: 'restart', reason: { zh: '此环境不能重启', en: 'This kiosk cannot restart itself here.' } },
          };
        // Staff see "restarting" until the agent stops; systemd starts it again.
        setImmediate(restart);
        return new Promise<ActionResult>(() => {});
      }
    }
  };
}
