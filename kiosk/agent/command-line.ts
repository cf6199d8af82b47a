// What both entry points share: the command line (--config, --port), the start banner, and a clean stop, exit 0,
// on SIGINT/SIGTERM or a deliberate restart (systemd's Restart=always starts it again). A failure to start is one
// plain sentence on stderr and exit status 1. Under systemd it reports READY=1 after the banner, STOPPING=1 on a
// signal or a restart, and feeds the watchdog from the start (systemd-notify.ts).

import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type KioskConfig } from '../config/kiosk-config';
import { createJsonLogger } from '../logger';
import { startSystemdNotifier } from './systemd-notify';

export interface AgentCommandLine {
  /** The file named by --config or KIOSK_CONFIG; undefined when neither names one. */
  configPath: string | undefined;
  port: number | undefined;
}

export function parseAgentCommandLine(argv: string[] = process.argv.slice(2)): AgentCommandLine {
  const { values } = parseArgs({ args: argv, options: { config: { type: 'string' }, port: { type: 'string' } }, strict: true });
  let port: number | undefined;
  if (values.port !== undefined) {
    port = Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError(`--port: "${values.port}" is not a port number`);
  }
  // An empty KIOSK_CONFIG names no file.
  return { configPath: values.config ?? (process.env.KIOSK_CONFIG || undefined), port };
}

export async function loadAgentConfig(commandLine: AgentCommandLine): Promise<{ config: KioskConfig; source: string }> {
  const loaded = await loadConfig(commandLine.configPath);
  if (commandLine.port !== undefined) loaded.config.port = commandLine.port;
  return loaded;
}

/** What the running agent may ask of its process. */
export interface AgentProcess {
  /** A deliberate restart: stop cleanly and exit 0, which systemd's Restart=always restarts. */
  restart(): void;
}

export function runAgentMain(main: (agentProcess: AgentProcess) => Promise<{ banner: string[]; stop: () => Promise<void> }>): void {
  const logger = createJsonLogger((line) => process.stderr.write(line + '\n'));
  const systemd = startSystemdNotifier({
    onDeliveryChange: (delivered, detail) => logger.event('agent.systemd_notify', delivered ? 'success' : 'failure', { detail }),
  });
  let stopAndExit: ((status: string) => void) | null = null;
  let restartAsked = false;
  const agentProcess: AgentProcess = {
    restart: () => (stopAndExit ? stopAndExit('restarting') : (restartAsked = true)),
  };
  main(agentProcess).then(
    ({ banner, stop }) => {
      process.stdout.write([...banner, '  Press Ctrl+C to stop.'].join('\n') + '\n');
      void systemd.ready('serving');
      let stopping = false;
      stopAndExit = (status) => {
        if (stopping) return;
        stopping = true;
        // STOPPING=1 is sent before the process exits, not lost with it.
        void Promise.all([stop(), systemd.stopping(status)]).then(() => process.exit(0));
      };
      const onSignal = () => stopAndExit?.('stopping');
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      if (restartAsked) stopAndExit('restarting');
    },
    (error: unknown) => {
      const reason = error instanceof Error ? error.message : String(error);
      process.stderr.write(`The kiosk did not start: ${reason}\n`);
      process.exit(1);
    },
  );
}
