// The running agent's self-tests: its own devices and gateway client (it holds the serial ports), records kept
// in its data directory, paper used only while nobody is at the kiosk.

import type { A4Template } from '../../print-templates/template-schema';
import type { TestPageTemplates } from '../../print-templates/test-page-templates';
import type { KioskConfig } from '../config/kiosk-config';
import type { KioskDevices } from '../devices/kiosk-devices';
import { createAgentDiagnostics, type AgentDiagnostics } from '../diagnostics/agent-diagnostics';
import { createDiagnosticsStore } from '../diagnostics/diagnostics-store';
import type { HttpsGatewayClient } from '../gateway/https-gateway-client';
import type { Logger } from '../logger';
import type { SessionRuntime } from './session-runtime';

export interface KioskDiagnosticsParts {
  config: KioskConfig;
  devices: KioskDevices;
  gateway: HttpsGatewayClient;
  runtime: SessionRuntime;
  template: A4Template;
  /** The test page templates in force: the installed bundle's, or the shipped ones. */
  testPages: () => TestPageTemplates;
  logger: Logger;
}

export function createKioskDiagnostics(parts: KioskDiagnosticsParts): AgentDiagnostics {
  const { config, devices, gateway, runtime, template, logger } = parts;
  return createAgentDiagnostics({
    subjects: {
      ...devices,
      gateway,
      templateVersion: template.version || 'bundled',
      kioskId: config.kioskId,
      verifierUrl: config.verifier?.url ?? null,
      testPages: parts.testPages,
    },
    store: createDiagnosticsStore(config.dataDir),
    sessionIdle: () => runtime.idle(),
    logger,
  });
}
