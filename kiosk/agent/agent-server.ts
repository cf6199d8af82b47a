// The agent's HTTP and WebSocket face, on 127.0.0.1 only: the built UI, the UI's socket, health, /metrics, and a
// small local API for tests and diagnostics (documented in the README).

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import type { Logger } from '../logger';
import type { MaintenanceEvent } from '../maintenance/maintenance-events';
import type { MaintenanceView } from '../maintenance/maintenance-view';
import type { AgentMessage, KioskInfo } from '../session/session-view';
import { uiEventSchema, uiMessageSchema } from '../session/ui-events';
import type { SessionRuntime } from './session-runtime';
import { securityHeaders } from './security-headers';
import { serveStatic } from './static-files';
import type { KioskDevices } from '../devices/kiosk-devices';
import { devicesStatus } from '../devices/kiosk-devices';
import type { AgentDiagnostics } from '../diagnostics/agent-diagnostics';
import { selfTestRequestSchema } from '../diagnostics/diagnostic-record';

/** Maintenance mode as the UI's socket sees it: its view (null while nobody is in it) and the events staff send. */
export interface MaintenanceChannel {
  view(): MaintenanceView | null;
  onView(listener: (view: MaintenanceView | null) => void): () => void;
  send(event: MaintenanceEvent): void;
}

/** Development only: the dev panel's knobs on simulated devices, at POST /api/sim/<device>. */
export type DevicePanelHandler = (device: string, body: unknown) => { status: number; body: unknown };

export interface AgentServerOptions {
  port: number;
  uiDir: string;
  runtime: SessionRuntime;
  devices: KioskDevices;
  devicePanel: DevicePanelHandler | null;
  kioskInfo: KioskInfo;
  health: () => Record<string, unknown>;
  /** The Prometheus metrics, for GET /metrics. */
  metrics: () => Promise<{ contentType: string; text: string }>;
  diagnostics: AgentDiagnostics;
  maintenance: MaintenanceChannel;
  logger: Logger;
}

const MAX_BODY = 16 * 1024;

/** The local API's routes (and Prometheus's /metrics) and the methods each takes; any other path not under /api/ is the UI (GET). */
const apiRoutes: Record<string, 'GET' | 'POST'> = {
  '/api/health': 'GET',
  '/api/devices': 'GET',
  '/api/session': 'GET',
  '/api/session/events': 'POST',
  '/metrics': 'GET',
  '/api/diagnostics': 'GET',
  '/api/diagnostics/run': 'POST',
};

function allowedMethod(path: string): 'GET' | 'POST' | null {
  if (path in apiRoutes) return apiRoutes[path] ?? null;
  if (path.startsWith('/api/sim/')) return 'POST';
  if (path.startsWith('/api/')) return null;
  return 'GET';
}

/** A request's route for the log: one of the API's own paths, `api` or `ui`; never what the asker wrote. */
function routeOf(url: string | undefined): string {
  const path = new URL(url ?? '/', 'http://127.0.0.1').pathname;
  if (path in apiRoutes) return path;
  if (path.startsWith('/api/sim/')) return '/api/sim';
  return path.startsWith('/api/') ? 'api' : 'ui';
}

/** The path with its percent-escapes decoded, or null when they are malformed (`/%`, `/%zz`). */
function decodedPath(path: string): string | null {
  try {
    return decodeURIComponent(path);
  } catch {
    return null;
  }
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  response.end(JSON.stringify(body));
}

async function readJson(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new Error('body too large');
    chunks.push(chunk as Buffer);
  }
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
}

export async function startAgentServer(options: AgentServerOptions) {
  const { runtime, logger } = options;
  let port = options.port;
  let lastHeartbeat: number | null = null;

  const ownOrigins = () => [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
  /** Only pages the agent itself served may drive it: a browser elsewhere on the machine may not. */
  const sameOrigin = (request: IncomingMessage): boolean => {
    const origin = request.headers.origin;
    return origin === undefined || ownOrigins().includes(origin);
  };
  /** A page on another name that points at 127.0.0.1 (DNS rebinding) is refused before anything is read. */
  const ownHost = (request: IncomingMessage): boolean => ownOrigins().includes(`http://${request.headers.host ?? ''}`);

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    handle(request, response).catch((error: unknown) => {
      // The route, never the path or the error's text: either could carry what the asker sent.
      logger.event('agent.requestFailed', 'failure', {
        route: routeOf(request.url),
        error: error instanceof Error ? error.name : typeof error,
      });
      if (!response.headersSent) sendJson(response, 500, { error: 'internal error' });
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!ownHost(request)) return sendJson(response, 421, { error: 'this agent answers only to 127.0.0.1 and localhost' });
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    // A malformed path is the asker's mistake: answered, not logged (it could carry anything).
    if (decodedPath(path) === null) return sendJson(response, 400, { error: 'malformed percent-encoding in the path' });
    const allowed = allowedMethod(path);
    if (allowed === null) return sendJson(response, 404, { error: `no route ${path}` });
    if (request.method !== allowed && !(allowed === 'GET' && request.method === 'HEAD')) {
      response.setHeader('allow', allowed === 'GET' ? 'GET, HEAD' : allowed);
      return sendJson(response, 405, { error: `${path} takes ${allowed} only` });
    }
    if (path === '/api/health') {
      return sendJson(response, 200, {
        ...options.health(),
        ui: { connections: sockets.size, lastHeartbeatMsAgo: lastHeartbeat === null ? null : Date.now() - lastHeartbeat },
      });
    }
    if (path === '/api/devices') return sendJson(response, 200, devicesStatus(options.devices));
    if (path === '/metrics') {
      const { contentType, text } = await options.metrics();
      response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' });
      return void response.end(text);
    }
    if (path === '/api/session') return sendJson(response, 200, runtime.view());
    if (path === '/api/diagnostics') return sendJson(response, 200, { records: await options.diagnostics.recent() });
    if (allowed === 'POST') {
      if (!sameOrigin(request)) return sendJson(response, 403, { error: 'cross-origin request refused' });
      let body: unknown;
      try {
        body = await readJson(request);
      } catch {
        return sendJson(response, 400, { error: 'body must be JSON of at most 16 KiB' });
      }
      if (path === '/api/session/events') {
        const event = uiEventSchema.safeParse(body);
        if (!event.success)
          return sendJson(response, 400, {
            error: event.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '),
          });
        runtime.send(event.data);
        return sendJson(response, 200, runtime.view());
      }
      if (path === '/api/diagnostics/run') return runDiagnostics(body, response);
      if (!options.devicePanel) return sendJson(response, 404, { error: 'no simulated devices on this kiosk' });
      const result = options.devicePanel(path.slice('/api/sim/'.length), body);
      return sendJson(response, result.status, result.body);
    }
    if (await serveStatic(options.uiDir, path, response)) return;
    sendJson(response, 404, { error: `no route ${request.method} ${path}` });
  }

  async function runDiagnostics(body: unknown, response: ServerResponse): Promise<void> {
    const request = selfTestRequestSchema.safeParse(body);
    if (!request.success) return sendJson(response, 400, { error: 'body: { "by"?: staff id, "print"?: boolean }' });
    const run = await options.diagnostics.run(request.data);
    if (!run.ok) return sendJson(response, 409, { error: run.error });
    return sendJson(response, 200, { records: run.value });
  }

  // ---- the UI's socket ----
  const sockets = new Set<WebSocket>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY });
  server.on('upgrade', (request, socket, head) => {
    if (new URL(request.url ?? '/', 'http://127.0.0.1').pathname !== '/ws' || !ownHost(request) || !sameOrigin(request)) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws));
  });
  const send = (ws: WebSocket, message: AgentMessage) => ws.send(JSON.stringify(message));
  wss.on('error', (error) => logger.event('agent.socketServerError', 'failure', { message: error.message }));
  wss.on('connection', (ws) => {
    sockets.add(ws);
    // An oversized or malformed frame is that socket's problem, never the agent's: drop the socket, keep going.
    ws.on('error', (error) => {
      logger.event('agent.socketError', 'failure', { code: (error as NodeJS.ErrnoException).code ?? 'unknown' });
      ws.terminate();
    });
    send(ws, { type: 'kiosk', info: options.kioskInfo });
    send(ws, { type: 'view', view: runtime.view() });
    send(ws, { type: 'maintenance', view: options.maintenance.view() });
    ws.on('message', (data) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(String(data));
      } catch {
        return;
      }
      const message = uiMessageSchema.safeParse(parsed);
      if (!message.success) return; // the UI's list of events is closed; anything else is dropped
      if (message.data.type === 'heartbeat') lastHeartbeat = Date.now();
      else if (message.data.type === 'event') runtime.send(message.data.event);
      else options.maintenance.send(message.data.event);
    });
    ws.on('close', () => sockets.delete(ws));
  });
  const unsubscribers = [
    runtime.onView((view) => {
      for (const ws of sockets) send(ws, { type: 'view', view });
    }),
    options.maintenance.onView((view) => {
      for (const ws of sockets) send(ws, { type: 'maintenance', view });
    }),
  ];

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    port,
    async close() {
      for (const unsubscribe of unsubscribers) unsubscribe();
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
