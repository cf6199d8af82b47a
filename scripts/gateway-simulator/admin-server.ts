// The simulator's admin endpoint: faults on demand while it runs. Plain HTTP bound to 127.0.0.1 only, on its
// own port, and a bearer token printed at start — kiosks reach the gateway port over mutual TLS and cannot
// reach this one, nor guess the token.
//
//   GET    /admin/faults                 → { faults: [...] }  (with how many requests each has left)
//   POST   /admin/faults  { faults }     → replaces the plan   (?append=1 adds to it)
//   DELETE /admin/faults                 → clears it
//   GET    /admin/ratings                → what POST /v1/ratings counted (by score, errand, outcome, tag)

import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '../../kiosk/logger';
import { faultListSchema, type FaultPlan } from './fault-plan';
import type { RatingsCounts } from './ratings-tally';

const MAX_ADMIN_BODY = 64 * 1024;

export interface RunningAdminServer {
  url: string;
  close(): Promise<void>;
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(header ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function reply(response: http.ServerResponse, status: number, value: unknown): void {
  const body = JSON.stringify(value);
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}

export async function startAdminServer(options: {
  port: number;
  token: string;
  faults: FaultPlan;
  ratings: () => RatingsCounts;
  logger: Logger;
}): Promise<RunningAdminServer> {
  const { faults, logger } = options;
  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_ADMIN_BODY) chunks.push(chunk);
    });
    request.on('end', () => {
      if (!tokenMatches(request.headers.authorization, options.token)) return reply(response, 401, { error: 'admin token required' });
      if (url.pathname === '/admin/ratings') {
        return request.method === 'GET'
          ? reply(response, 200, { ratings: options.ratings() })
          : reply(response, 405, { error: 'GET only' });
      }
      if (url.pathname !== '/admin/faults') return reply(response, 404, { error: 'no such admin endpoint' });
      if (request.method === 'GET') return reply(response, 200, { faults: faults.list() });
      if (request.method === 'DELETE') {
        faults.clear();
        logger.event('gateway_sim.faults', 'info', { action: 'clear', rules: 0 });
        return reply(response, 200, { faults: [] });
      }
      if (request.method !== 'POST') return reply(response, 405, { error: 'GET, POST or DELETE' });
      if (size > MAX_ADMIN_BODY) return reply(response, 413, { error: 'body too large' });
      let json: unknown;
      try {
        json = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        return reply(response, 400, { error: 'body is not JSON' });
      }
      const parsed = faultListSchema.safeParse(json);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        return reply(response, 400, { error: `${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` });
      }
      const append = url.searchParams.get('append') === '1';
      if (append) for (const rule of parsed.data.faults) faults.add(rule);
      else faults.set(parsed.data.faults);
      logger.event('gateway_sim.faults', 'info', {
        action: append ? 'append' : 'set',
        rules: faults.list().length,
        kinds: faults
          .list()
          .map((rule) => rule.kind)
          .join(','),
      });
      return reply(response, 200, { faults: faults.list() });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/admin/faults`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
