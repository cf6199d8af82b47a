// What maintenance mode shows staff, read from the kiosk's parts each time: device lines in the status unions'
// words, the gateway line, paper since refill, recent self-test records and errors, rating counts. Device and
// gateway facts only; nothing of a citizen.

import { a4Readiness } from '../../device-drivers/a4-printer/a4-printer';
import { scannerUsable } from '../../device-drivers/code-scanner/code-scanner';
import { idReaderUsable } from '../../device-drivers/id-reader/id-reader';
import { receiptPrinterUsable } from '../../device-drivers/receipt-printer/receipt-printer';
import type { KioskDevices } from '../devices/kiosk-devices';
import type { AgentDiagnostics } from '../diagnostics/agent-diagnostics';
import type { DiagnosticRecord } from '../diagnostics/diagnostic-record';
import type { Errand } from '../errands/catalogue';
import type { HttpsGatewayClient } from '../gateway/https-gateway-client';
import type { DeviceLine, MaintenanceData, RecordLine } from '../maintenance/maintenance-view';
import type { PaperCounters } from '../maintenance/paper-counters';
import type { RatingTally } from '../maintenance/rating-tally';
import type { ServiceFlag } from '../maintenance/service-flag';
import type { RecentErrors } from './recent-errors';

const RECORDS_SHOWN = 30;

function facts(status: object, without: string): DeviceLine['facts'] {
  return Object.entries(status)
    .filter(([name, value]) => name !== without && value !== undefined)
    .map(([name, value]) => ({ name, value: String(value) }));
}

export function deviceLines(devices: KioskDevices): DeviceLine[] {
  const { idReader, scanner, a4Printer, receiptPrinter } = devices;
  const lines: DeviceLine[] = [
    {
      device: 'idReader',
      configured: true,
      usable: idReaderUsable(idReader.status()),
      state: idReader.status().device,
      facts: facts(idReader.status(), 'device'),
    },
    {
      device: 'scanner',
      configured: true,
      usable: scannerUsable(scanner.status()),
      state: scanner.status().device,
      facts: facts(scanner.status(), 'device'),
    },
    {
      device: 'a4Printer',
      configured: true,
      usable: a4Readiness(a4Printer.status()) === 'ready',
      state: a4Printer.status().state,
      facts: facts(a4Printer.status(), 'state'),
    },
  ];
  lines.push(
    receiptPrinter
      ? {
          device: 'receiptPrinter',
          configured: true,
          usable: receiptPrinterUsable(receiptPrinter.status()),
          state: receiptPrinter.status().device,
          facts: facts(receiptPrinter.status(), 'device'),
        }
      : { device: 'receiptPrinter', configured: false, usable: false, state: 'notConfigured', facts: [] },
  );
  return lines;
}

export function recordLine(record: DiagnosticRecord): RecordLine {
  const { details, ...rest } = record;
  return { ...rest, details: Object.entries(details).map(([name, value]) => ({ name, value: String(value) })) };
}

export interface MaintenanceDataSources {
  devices: KioskDevices;
  gateway: HttpsGatewayClient;
  /** The template bundle in use now (an update may switch it while the agent runs). */
  templateVersion: () => string;
  diagnostics: AgentDiagnostics;
  paper: PaperCounters;
  serviceFlag: ServiceFlag;
  ratingTally: RatingTally;
  recentErrors: RecentErrors;
  catalogue: Errand[];
  canRestart: boolean;
}

export async function maintenanceData(sources: MaintenanceDataSources): Promise<MaintenanceData> {
  const { gateway, catalogue } = sources;
  const diagnostics = gateway.diagnostics();
  const ratings = sources.ratingTally.counts();
  const records = await sources.diagnostics.recent(RECORDS_SHOWN);
  return {
    devices: deviceLines(sources.devices),
    gateway: {
      available: gateway.available(),
      breaker: diagnostics.breaker,
      clockOffsetMs: diagnostics.clockOffsetMs,
      trustListVersion: String(diagnostics.trustListVersion),
      trustListNextUpdate: new Date(gateway.trustList.nextUpdateMs).toISOString(),
      trustListStale: diagnostics.trustListStale,
      trustListTest: diagnostics.trustListEnvironment === 'test',
      templateVersion: sources.templateVersion(),
    },
    paper: sources.paper.lines(),
    records: records.reverse().map(recordLine),
    errors: sources.recentErrors.lines(),
    ratings: {
      since: ratings.since,
      byScore: ratings.byScore,
      byErrand: ratings.byErrand.map(({ errandId, byScore }) => ({
        errandId,
        name: catalogue.find((errand) => errand.id === errandId)?.name ?? { zh: errandId, en: errandId },
        byScore,
      })),
    },
    outOfService: sources.serviceFlag.outOfService(),
    canRestart: sources.canRestart,
  };
}
