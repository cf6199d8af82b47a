// A development agent (embedded default configuration: simulated devices, the bundled gateway simulator) on a
// free loopback port in a fresh working directory, with its log kept in memory; and a JSON POST to its API.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../kiosk/config/kiosk-config';
import { createDevelopmentAgent, type RunningDevelopmentAgent } from '../../kiosk/development/create-development-agent';
import { createMemoryLogger } from './memory-logger';

export interface LoopbackDevelopmentAgent {
  agent: RunningDevelopmentAgent;
  workDir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  /** Stops the agent and removes its working directory. */
  stop(): Promise<void>;
}

export async function startLoopbackDevelopmentAgent(
  name: string,
  options: { workDir?: string; maintenance?: Parameters<typeof createDevelopmentAgent>[1]['maintenance'] } = {},
): Promise<LoopbackDevelopmentAgent> {
  const workDir = options.workDir ?? (await mkdtemp(join(tmpdir(), `${name}-`)));
  const logger = createMemoryLogger();
  const { config } = await loadConfig(undefined, workDir);
  config.port = 0;
  const agent = await createDevelopmentAgent(config, {
    logger,
    uiDir: join(workDir, 'no-ui'),
    ...(options.maintenance ? { maintenance: options.maintenance } : {}),
  });
  return {
    agent,
    workDir,
    logger,
    async stop() {
      await agent.stop();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

export async function postJson<T = Record<string, unknown>>(
  baseUrl: string,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: T }> {
  const response = await fetch(new URL(path, baseUrl), {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });
  return { status: response.status, body: (await response.json()) as T };
}
