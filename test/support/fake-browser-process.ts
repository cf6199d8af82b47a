// A stand-in for the touch UI's browser, for the launcher's tests: it opens the agent's WebSocket as the UI does
// (the agent's own origin) and sends a heartbeat every 200 ms. Arguments: the agent's URL and a file naming how
// this start behaves, read at start: `healthy`, `hang` (heartbeats for 1.5 s, then silence with the socket open
// and the process alive: a hung renderer) or `exit` (heartbeats for 0.5 s, then exits 1). Each heartbeat prints
// one JSON line, {"fakeBrowser": pid, "heartbeatAt": Date.now()}.

import { readFileSync } from 'node:fs';
import { WebSocket } from 'ws';

const [agentUrl = '', modeFile = ''] = process.argv.slice(2);
const mode = readFileSync(modeFile, 'utf8').trim();
const origin = new URL(agentUrl).origin;
const socket = new WebSocket(new URL('/ws', agentUrl), { origin });
const startedAt = Date.now();

socket.on('open', () => {
  const beat = setInterval(() => {
    const age = Date.now() - startedAt;
    if (mode === 'hang' && age > 1500) return clearInterval(beat);
    if (mode === 'exit' && age > 500) process.exit(1);
    socket.send(JSON.stringify({ type: 'heartbeat' }));
    process.stdout.write(JSON.stringify({ fakeBrowser: process.pid, heartbeatAt: Date.now() }) + '\n');
  }, 200);
});
socket.on('error', (error) => {
  process.stderr.write(`fake browser: ${error.message}\n`);
});
// Alive until killed, whatever the socket does.
setInterval(() => {}, 60_000);
