// The browser launcher's entry (dist/browser-launcher.mjs), run by kiosk-browser.service:
//   node browser-launcher.mjs [--agent-url URL] [--stale-ms N] [--grace-ms N] [--poll-ms N] -- BROWSER COMMAND...
// It keeps the browser running and restarts it when the touch UI's heartbeat stops (kiosk/launcher/).

import { startBrowserLauncher } from './launcher/browser-launcher';
import { createJsonLogger } from './logger';

const numberFlags = {
  '--stale-ms': 15_000,
  '--grace-ms': 30_000,
  '--poll-ms': 3_000,
  '--kill-after-ms': 5_000,
  '--backoff-ms': 2_000,
  '--max-backoff-ms': 60_000,
};
type NumberFlag = keyof typeof numberFlags;

function parseCommandLine(argv: string[]) {
  const separator = argv.indexOf('--');
  const command = separator === -1 ? [] : argv.slice(separator + 1);
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const numbers = { ...numberFlags };
  let agentUrl = 'http://127.0.0.1:8700/';
  for (let i = 0; i < own.length; i += 2) {
    const [flag, value] = [own[i]!, own[i + 1]];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    if (flag === '--agent-url') agentUrl = value;
    else if (flag in numbers && /^\d+$/.test(value)) numbers[flag as NumberFlag] = Number(value);
    else throw new Error(`unknown flag or bad value: ${flag} ${value}`);
  }
  if (command.length === 0) throw new Error('the browser command goes after --');
  return { command, healthUrl: new URL('/api/health', agentUrl).href, numbers };
}

let parsed: ReturnType<typeof parseCommandLine>;
try {
  parsed = parseCommandLine(process.argv.slice(2));
} catch (error) {
  console.error(`The browser launcher did not start: ${(error as Error).message}`);
  process.exit(2);
}

const launcher = startBrowserLauncher({
  command: parsed.command,
  healthUrl: parsed.healthUrl,
  staleMs: parsed.numbers['--stale-ms'],
  graceMs: parsed.numbers['--grace-ms'],
  pollMs: parsed.numbers['--poll-ms'],
  killAfterMs: parsed.numbers['--kill-after-ms'],
  backoffMs: parsed.numbers['--backoff-ms'],
  maxBackoffMs: parsed.numbers['--max-backoff-ms'],
  logger: createJsonLogger(),
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  process.once(signal, () => {
    void launcher.stop().then(() => process.exit(0));
  });
}
