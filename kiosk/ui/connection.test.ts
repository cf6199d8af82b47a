import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pinView } from './fixtures/maintenance-views';
import { viewsByScreen } from './fixtures/session-views';
import { AgentConnection, agentSocketUrl, parseAgentMessage, type ConnectionState, type SocketLike } from './connection';

class FakeSocket implements SocketLike {
  static all: FakeSocket[] = [];
  readyState = 0;
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  readonly sent: string[] = [];
  constructor(readonly url: string) {
    FakeSocket.all.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  // Test side
  accept() {
    this.readyState = 1;
    this.onopen?.({});
  }
  drop() {
    this.readyState = 3;
    this.onerror?.({});
    this.onclose?.({});
  }
  deliver(message: unknown) {
    this.onmessage?.({ data: typeof message === 'string' ? message : JSON.stringify(message) });
  }
}

const latest = () => FakeSocket.all.at(-1)!;

describe('AgentConnection', () => {
  let states: ConnectionState[];
  let connection: AgentConnection;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.all = [];
    states = [];
    connection = new AgentConnection({
      url: 'ws://kiosk.local/ws',
      createSocket: (url) => new FakeSocket(url),
      initialBackoffMs: 500,
      maxBackoffMs: 4_000,
    });
    connection.subscribe((s) => states.push(s));
    connection.start();
  });
  afterEach(() => {
    connection.stop();
    vi.useRealTimers();
  });

  it('builds the socket URL from the page origin', () => {
    expect(agentSocketUrl({ protocol: 'http:', host: 'localhost:8080' })).toBe('ws://localhost:8080/ws');
    expect(agentSocketUrl({ protocol: 'https:', host: 'kiosk' })).toBe('wss://kiosk/ws');
  });

  it('is "connecting" until the first view, then open', () => {
    expect(connection.current.status).toBe('connecting');
    latest().accept();
    expect(connection.current.status).toBe('connecting');
    latest().deliver({ type: 'kiosk', info: { kioskId: 'K1', devPanel: true, testCards: [], servicePoints: [] } });
    expect(connection.current.info?.kioskId).toBe('K1');
    latest().deliver({ type: 'view', view: viewsByScreen.home });
    expect(connection.current.status).toBe('open');
    expect(connection.current.view?.screen).toBe('home');
  });

  it('sends a heartbeat every 5 s while open', () => {
    latest().accept();
    vi.advanceTimersByTime(15_000);
    expect(latest().sent.map((s) => JSON.parse(s))).toEqual([{ type: 'heartbeat' }, { type: 'heartbeat' }, { type: 'heartbeat' }]);
  });

  it('sends events wrapped as UiMessage, and drops them while down', () => {
    connection.sendEvent({ type: 'START' });
    expect(latest().sent).toHaveLength(0);
    latest().accept();
    connection.sendEvent({ type: 'START' });
    expect(JSON.parse(latest().sent[0]!)).toEqual({ type: 'event', event: { type: 'START' } });
  });

  it('goes down, forgets the view and reconnects with doubling backoff', () => {
    latest().accept();
    latest().deliver({ type: 'view', view: viewsByScreen.preview });
    latest().drop();
    expect(connection.current).toMatchObject({ status: 'down', view: null });

    // 500 ms, then 1 s, then 2 s, then capped at 4 s.
    const delays = [500, 1_000, 2_000, 4_000, 4_000];
    for (const delay of delays) {
      const before = FakeSocket.all.length;
      vi.advanceTimersByTime(delay - 1);
      expect(FakeSocket.all.length).toBe(before);
      vi.advanceTimersByTime(1);
      expect(FakeSocket.all.length).toBe(before + 1);
      latest().drop();
    }

    // A success resets the backoff, and the next view brings the screen back.
    vi.advanceTimersByTime(4_000);
    latest().accept();
    latest().deliver({ type: 'view', view: viewsByScreen.home });
    expect(connection.current.status).toBe('open');
    latest().drop();
    const before = FakeSocket.all.length;
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all.length).toBe(before + 1);
  });

  it('stops beating when the link drops', () => {
    const first = latest();
    first.accept();
    first.drop();
    vi.advanceTimersByTime(10_000);
    expect(first.sent).toHaveLength(0);
  });

  it('retries when the socket cannot even be constructed', () => {
    let fail = true;
    const c = new AgentConnection({
      url: 'ws://x/ws',
      createSocket: (url) => {
        if (fail) throw new Error('refused');
        return new FakeSocket(url);
      },
    });
    const before = FakeSocket.all.length;
    c.start();
    fail = false;
    vi.advanceTimersByTime(500);
    expect(FakeSocket.all.length).toBe(before + 1);
    c.stop();
  });

  it('keeps the last maintenance view, forgets it when the agent says null or the link drops', () => {
    latest().accept();
    latest().deliver({ type: 'view', view: viewsByScreen.staff });
    latest().deliver({ type: 'maintenance', view: pinView });
    expect(connection.current.maintenance).toEqual(pinView);
    latest().deliver({ type: 'maintenance', view: null });
    expect(connection.current.maintenance).toBeNull();
    latest().deliver({ type: 'maintenance', view: pinView });
    latest().drop();
    expect(connection.current).toMatchObject({ status: 'down', view: null, maintenance: null });
  });

  it('ignores a maintenance frame without a stage', () => {
    latest().accept();
    latest().deliver({ type: 'maintenance', view: { staffId: 'x' } });
    latest().deliver({ type: 'maintenance' });
    expect(connection.current.maintenance).toBeNull();
  });

  it('sends maintenance events wrapped as UiMessage, and drops them while down', () => {
    connection.sendMaintenance({ type: 'LEAVE' });
    expect(latest().sent).toHaveLength(0);
    latest().accept();
    connection.sendMaintenance({ type: 'PIN', pin: '2468' });
    expect(JSON.parse(latest().sent[0]!)).toEqual({ type: 'maintenance', event: { type: 'PIN', pin: '2468' } });
  });

  it('ignores frames it cannot read', () => {
    latest().accept();
    latest().deliver('not json');
    latest().deliver({ type: 'view' });
    latest().deliver({ type: 'other', view: {} });
    expect(connection.current.status).toBe('connecting');
    expect(parseAgentMessage(42)).toBeNull();
  });
});
