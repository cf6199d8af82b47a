// The child side of the heap-snapshot privacy test: a development agent (simulated devices) whose gateway is
// a simulator in the parent process, so that the synthetic population the simulator holds is not in this
// heap and the only citizen data here is what one session brought. The parent places a card, drives the
// session over the local API, and asks for heap snapshots through the IPC channel. Started by
// test/integration/heap-snapshot-privacy.test.ts with --expose-gc.

import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import { createDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import type { GatewayClientConfig } from '../../kiosk/gateway/gateway-client-config';
import { createJsonLogger } from '../../kiosk/logger';

export type SnapshotKioskRequest =
  { type: 'placeCard'; card: Omit<IdCard, 'photo'> } | { type: 'removeCard' } | { type: 'snapshot'; path: string } | { type: 'stop' };

export type SnapshotKioskReply = { type: 'ready'; url: string } | { type: 'done'; request: SnapshotKioskRequest['type'] };

export interface SnapshotKioskOptions {
  workDir: string;
  gateway: Omit<GatewayClientConfig, 'kioskId'>;
  kioskId: string;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc || !process.send) throw new Error('snapshot-kiosk runs as a child with --expose-gc and an IPC channel');
const send = (reply: SnapshotKioskReply): void => void process.send!(reply);

const options = JSON.parse(process.argv[2]!) as SnapshotKioskOptions;
const { config } = await loadConfig(undefined, options.workDir);
config.port = 0;
config.kioskId = options.kioskId;
config.gateway = { mode: 'remote', ...options.gateway };
const logger = createJsonLogger((line) => process.stderr.write(line + '\n'));
const agent = await createDevelopmentAgent(config, { logger, uiDir: join(options.workDir, 'no-ui') });
const reader = agent.simulated.idReader;
if (!reader) throw new Error('snapshot-kiosk needs the simulated ID reader');

/** Lets timers and sockets settle, then collects until nothing more is freed. */
async function settleAndCollect(): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    gc!();
  }
}

process.on('message', (message: SnapshotKioskRequest) => {
  void (async () => {
    switch (message.type) {
      case 'placeCard':
        reader.placeCard(message.card);
        break;
      case 'removeCard':
        reader.removeCard();
        break;
      case 'snapshot':
        await settleAndCollect();
        writeHeapSnapshot(message.path);
        break;
      case 'stop':
        await agent.stop();
        send({ type: 'done', request: 'stop' });
        process.disconnect();
        return;
    }
    send({ type: 'done', request: message.type });
  })();
});

send({ type: 'ready', url: agent.url });
