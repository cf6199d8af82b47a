// The UI's one link to the agent: a WebSocket that reconnects with backoff and beats every 5 s.
// The agent owns the session; this module only carries views in and events out. When the link drops,
// the last view is forgotten at once, so a citizen's data never outlives the connection that brought it.

import type { MaintenanceEvent } from '../maintenance/maintenance-events';
import type { MaintenanceView } from '../maintenance/maintenance-view';
import type { AgentMessage, KioskInfo, SessionView } from '../session/session-view';
import type { UiEvent, UiMessage } from '../session/ui-events';

export type ConnectionStatus =
  | 'connecting' // first attempt, or link open but no view yet
  | 'open' // a view is on screen
  | 'down'; // the agent cannot be reached: the out-of-service page

export interface ConnectionState {
  status: ConnectionStatus;
  view: SessionView | null;
  info: KioskInfo | null;
  /** What staff see (or why their code was refused); null whenever staff are not at the kiosk. */
  maintenance: MaintenanceView | null;
}

/** The parts of the browser WebSocket this module uses, so tests can inject a fake. */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((ev: unknown) => void) | null;
  onclose: ((ev: unknown) => void) | null;
  onerror: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  send(data: string): void;
  close(): void;
}
export type SocketFactory = (url: string) => SocketLike;

export interface ConnectionOptions {
  url: string;
  createSocket?: SocketFactory;
  heartbeatMs?: number;
  /** First retry delay; doubles on each failure up to maxBackoffMs. */
  initialBackoffMs?: number;
  maxBackoffMs?: number;
}

const OPEN = 1; // WebSocket.OPEN, spelled out because the fake in tests has no static constants

/** ws://host/ws or wss://host/ws on the page's own origin. */
export function agentSocketUrl(location: { protocol: string; host: string }): string {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return `${scheme}://${location.host}/ws`;
}

export class AgentConnection {
  private readonly url: string;
  private readonly createSocket: SocketFactory;
  private readonly heartbeatMs: number;
  private readonly initialBackoffMs: number;
  private readonly maxBackoffMs: number;

  private socket: SocketLike | null = null;
  private heartbeat: ReturnType<typeof setInterval> | null = null;
  private retry: ReturnType<typeof setTimeout> | null = null;
  private backoffMs: number;
  private stopped = false;
  private state: ConnectionState = { status: 'connecting', view: null, info: null, maintenance: null };
  private readonly listeners = new Set<(state: ConnectionState) => void>();

  constructor(options: ConnectionOptions) {
    this.url = options.url;
    this.createSocket = options.createSocket ?? ((url) => new WebSocket(url) as unknown as SocketLike);
    this.heartbeatMs = options.heartbeatMs ?? 5_000;
    this.initialBackoffMs = options.initialBackoffMs ?? 500;
    this.maxBackoffMs = options.maxBackoffMs ?? 10_000;
    this.backoffMs = this.initialBackoffMs;
  }

  get current(): ConnectionState {
    return this.state;
  }

  /** Calls the listener now and on every change; returns the unsubscribe function. */
  subscribe(listener: (state: ConnectionState) => void): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.open();
  }

  stop(): void {
    this.stopped = true;
    this.clearTimers();
    const socket = this.socket;
    this.socket = null;
    if (socket) {
      socket.onclose = null;
      socket.close();
    }
  }

  /** Sends a user event; dropped silently while the link is down (the out-of-service page has no buttons). */
  sendEvent(event: UiEvent): void {
    this.send({ type: 'event', event });
  }

  /** Sends a maintenance event (keypad, tests, service); dropped while the link is down, like sendEvent. */
  sendMaintenance(event: MaintenanceEvent): void {
    this.send({ type: 'maintenance', event });
  }

  private send(message: UiMessage): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(message));
  }

  private open(): void {
    let socket: SocketLike;
    try {
      socket = this.createSocket(this.url);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      this.backoffMs = this.initialBackoffMs;
      this.setState({ status: 'connecting', view: null, maintenance: null });
      this.heartbeat = setInterval(() => this.send({ type: 'heartbeat' }), this.heartbeatMs);
    };
    socket.onmessage = (ev) => this.receive(ev.data);
    // An error is always followed by close; close alone drives the retry.
    socket.onerror = () => undefined;
    socket.onclose = () => {
      if (this.socket !== socket) return;
      this.socket = null;
      this.clearTimers();
      this.setState({ status: 'down', view: null, maintenance: null });
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delay = this.backoffMs;
    this.backoffMs = Math.min(this.backoffMs * 2, this.maxBackoffMs);
    this.retry = setTimeout(() => {
      this.retry = null;
      this.open();
    }, delay);
  }

  private receive(data: unknown): void {
    const message = parseAgentMessage(data);
    if (!message) return; // not ours to interpret; the agent is the authority and will send again
    if (message.type === 'view') this.setState({ status: 'open', view: message.view });
    else if (message.type === 'kiosk') this.setState({ info: message.info });
    else if (message.type === 'maintenance') this.setState({ maintenance: message.view });
  }

  private clearTimers(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    if (this.retry) clearTimeout(this.retry);
    this.heartbeat = null;
    this.retry = null;
  }

  private setState(patch: Partial<ConnectionState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }
}

/** A shallow check: the agent is trusted, but a half-written frame must not crash the renderer. */
export function parseAgentMessage(data: unknown): AgentMessage | null {
  if (typeof data !== 'string') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return null;
  }
  if (typeof parsed !== 'object' || parsed === null) return null;
  const message = parsed as { type?: unknown; view?: unknown; info?: unknown };
  if (message.type === 'maintenance' && (message.view === null || (isObject(message.view) && typeof message.view.stage === 'string'))) {
    return parsed as AgentMessage;
  }
  if (message.type === 'view' && isObject(message.view) && typeof message.view.screen === 'string') {
    return parsed as AgentMessage;
  }
  if (message.type === 'kiosk' && isObject(message.info)) return parsed as AgentMessage;
  return null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
