// A process that feeds the systemd watchdog as the agent does (kiosk/agent/systemd-notify.ts), then hangs its
// event loop with a synchronous busy wait, as a runaway loop in the agent would. Arguments: ms before the hang,
// ms of the hang, ms after it. Prints one JSON line with the hang's start and end (Date.now()).

import { startSystemdNotifier } from '../../kiosk/agent/systemd-notify';

const [beforeMs = 0, hangMs = 0, afterMs = 0] = process.argv.slice(2).map(Number);
const systemd = startSystemdNotifier();
await systemd.ready('serving');
setTimeout(() => {
  const hangStart = Date.now();
  while (Date.now() - hangStart < hangMs) {
    // the hang: nothing else runs on this loop, timers included
  }
  const hangEnd = Date.now();
  process.stdout.write(JSON.stringify({ hangStart, hangEnd }) + '\n');
  setTimeout(() => process.exit(0), afterMs);
}, beforeMs);
