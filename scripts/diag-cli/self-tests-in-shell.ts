// `npm run diag` when no agent answers: the configured devices opened here, by their real drivers, the self-tests
// run on them, the records stored in the configuration's data directory, everything closed again. A simulated
// device or the gateway simulator is not opened (they live in the development root): its test says `simulated`.

import type { KioskConfig } from '../../kiosk/config/kiosk-config';
import { createKioskGateway, remoteGatewayConfig } from '../../kiosk/agent/kiosk-gateway';
import { createRealA4Printer, createRealIdReader, createRealReceiptPrinter, createRealScanner } from '../../kiosk/devices/real-devices';
import type { DiagnosticRecord, SelfTestRequest } from '../../kiosk/diagnostics/diagnostic-record';
import { createDiagnosticsStore } from '../../kiosk/diagnostics/diagnostics-store';
import { runSelfTests, type SelfTestSubject, type SelfTestSubjects } from '../../kiosk/diagnostics/self-tests';
import { silentLogger } from '../../kiosk/logger';
import { join } from 'node:path';
import { loadTemplateBundle } from '../../print-templates/template-bundle';
import { loadBundledTemplate } from '../../print-templates/template-store';
import { testPageTemplates } from '../../print-templates/test-page-templates';

interface Openable {
  open(): Promise<void>;
  close(): Promise<void>;
}

export async function runSelfTestsInShell(config: KioskConfig, request: SelfTestRequest): Promise<DiagnosticRecord[]> {
  const { devices } = config;
  const missing: Partial<Record<SelfTestSubject, string>> = {};
  const simulated = (subject: SelfTestSubject): null => {
    missing[subject] = 'simulated';
    return null;
  };
  const receipt = devices.receiptPrinter;
  // The bundle the agent prints with (read only: the agent alone installs or removes bundles), else the shipped pages.
  const installed = await loadTemplateBundle(join(config.dataDir, 'templates', 'current'));
  const testPages = testPageTemplates(installed.ok ? installed.value : null);
  const subjects: SelfTestSubjects = {
    idReader: devices.idReader.driver === 'simulated' ? simulated('idReader') : createRealIdReader(devices.idReader),
    scanner: devices.scanner.driver === 'simulated' ? simulated('scanner') : createRealScanner(devices.scanner),
    a4Printer: devices.a4Printer.driver === 'simulated' ? simulated('a4Printer') : createRealA4Printer(devices.a4Printer),
    receiptPrinter: !receipt ? null : receipt.driver === 'simulated' ? simulated('receiptPrinter') : createRealReceiptPrinter(receipt),
    gateway:
      config.gateway.mode === 'remote'
        ? await createKioskGateway(remoteGatewayConfig(config, config.gateway), config.dataDir, silentLogger)
        : simulated('gateway'),
    missing,
    templateVersion: loadBundledTemplate().version || 'bundled',
    kioskId: config.kioskId,
    verifierUrl: config.verifier?.url ?? null,
    testPages: () => testPages,
  };
  const opened: Openable[] = [subjects.idReader, subjects.scanner, subjects.a4Printer, subjects.receiptPrinter].filter(
    (device): device is NonNullable<typeof device> => device !== null,
  );
  try {
    await Promise.all(opened.map((device) => device.open()));
    const records = await runSelfTests(subjects, request);
    await createDiagnosticsStore(config.dataDir).append(records);
    return records;
  } finally {
    await Promise.all([...opened.map((device) => device.close()), subjects.gateway?.close()]);
  }
}
