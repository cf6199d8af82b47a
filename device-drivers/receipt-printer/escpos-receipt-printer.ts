// The real receipt printer: ESC/POS over a serial port. Owns the timing: real-time status before and after every
// job, idle polling for events, and reopening the port with backoff when it goes away. Never resends a job.

import { abortableDelay } from '../abortable-delay';
import { fail, type DeviceResult } from '../device-result';
import { EventHub } from '../event-hub';
import { doublingBackoff, Reconnector } from '../reconnect-with-backoff';
import { err, ok } from '../result';
import { SerialTransport, type ByteTransport } from '../serial-transport';
import { DISABLE_AUTOMATIC_STATUS_BACK, INITIALISE, concatBytes, encodeReceipt } from './escpos-encoder';
import {
  afterJobProblem,
  decodeRealtimeStatus,
  printBlocker,
  scanStatusReply,
  STATUS_QUERIES,
  statusQueryBytes,
  toReceiptPrinterStatus,
  type EscPosStatus,
  type StatusQuery,
} from './escpos-status';
import type { Receipt, ReceiptPrinter, ReceiptPrinterEvents, ReceiptPrinterStatus } from './receipt-printer';

export interface EscPosReceiptPrinterOptions {
  path: string;
  baudRate: number;
  /** Wait for each real-time status byte; no reply in time means no printer. */
  statusTimeoutMs?: number;
  /** Status polling while idle, so paper and cover changes become events. */
  pollIntervalMs?: number;
  /** Reopen delays after the port goes away: doubling from `initial` up to `max`. */
  reopenDelayMs?: { initial: number; max: number };
  /** After the last byte has left: time for the printer to print and cut before the status says how it went. */
  jobSettleMs?: number;
  /** The byte pipe; a serial port on `path` unless given (tests). */
  transport?: ByteTransport;
}

const DEFAULTS = {
  statusTimeoutMs: 500,
  pollIntervalMs: 3_000,
  reopenDelayMs: { initial: 250, max: 8_000 },
  jobSettleMs: 1_500,
} as const;

const NO_DEVICE: ReceiptPrinterStatus = { device: 'noDevice', paper: 'unknown', media: 'unknown' };
/** Bytes kept while waiting for a reply; more is a babbling line, not a printer. */
const MAX_BUFFERED = 256;

type QueryOutcome = { kind: 'reply'; byte: number } | { kind: 'timeout' } | { kind: 'lost' };

export function createEscPosReceiptPrinter(options: EscPosReceiptPrinterOptions): ReceiptPrinter {
  return new EscPosReceiptPrinter(options);
}

export class EscPosReceiptPrinter implements ReceiptPrinter {
  readonly kind = 'receipt-printer' as const;
  private readonly hub = new EventHub<ReceiptPrinterEvents>();
  readonly events = this.hub;

  private readonly transport: ByteTransport;
  private readonly statusTimeoutMs: number;
  private readonly pollIntervalMs: number;
  private readonly jobSettleMs: number;
  private readonly baudRate: number;

  private current: ReceiptPrinterStatus = { device: 'starting', paper: 'unknown', media: 'unknown' };
  private received: number[] = [];
  private wakeReader: (() => void) | null = null;
  /** One conversation with the printer at a time: a poll never interleaves with a job. */
  private queue: Promise<unknown> = Promise.resolve();
  private printing = false;
  private running = false;
  private readonly reconnector: Reconnector;
  /** Why the port last failed to open, for staff; no content, only the system's reason. */
  private openFailure: string | null = null;
  private pollTimer: NodeJS.Timeout | null = null;
  private stopped = new AbortController();

  constructor(options: EscPosReceiptPrinterOptions) {
    // No DTR/RTS: many adapters (and every pty) refuse them, and an ESC/POS printer does not need them.
    this.transport = options.transport ?? new SerialTransport({ path: options.path, baudRate: options.baudRate });
    this.statusTimeoutMs = options.statusTimeoutMs ?? DEFAULTS.statusTimeoutMs;
    this.pollIntervalMs = options.pollIntervalMs ?? DEFAULTS.pollIntervalMs;
    const reopenDelayMs = options.reopenDelayMs ?? DEFAULTS.reopenDelayMs;
    this.reconnector = new Reconnector({
      backoff: doublingBackoff(reopenDelayMs.initial, reopenDelayMs.max),
      attempt: () => this.connect(),
      // Looking for a printer alone must not keep a command-line process alive.
      wait: (ms, signal) => abortableDelay(ms, signal, { unref: true }),
    });
    this.jobSettleMs = options.jobSettleMs ?? DEFAULTS.jobSettleMs;
    this.baudRate = options.baudRate;
    this.transport.events.on('data', (chunk) => this.receive(chunk));
    // Only a port that went away without close(): unplugged, powered off, USB reset.
    this.transport.events.on('closed', ({ unplugged }) => {
      if (unplugged) this.portLost();
    });
  }

  status(): ReceiptPrinterStatus {
    return { ...this.current };
  }

  /** Resolves once the first attempt is over; an absent printer is a status (noDevice), not an exception. */
  async open(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.stopped = new AbortController();
    if (!(await this.connect())) this.reopen();
  }

  async close(): Promise<void> {
    this.running = false;
    this.stopped.abort();
    this.stopPolling();
    await this.queue.catch(() => undefined);
    await this.transport.close();
    this.update(NO_DEVICE);
  }

  async print(receipt: Receipt): Promise<DeviceResult<void>> {
    // Bad content is refused before the printer is touched.
    const job = encodeReceipt(receipt);
    if (!job.ok) return job;
    if (this.printing) return fail('deviceNotReady', 'busy', 'a receipt is already printing');
    this.printing = true;
    try {
      return await this.exclusive(() => this.printJob(job.value));
    } finally {
      this.printing = false;
    }
  }

  async reset(): Promise<DeviceResult<void>> {
    return this.exclusive(async () => {
      if (!this.transport.isOpen) return this.notConnected();
      const written = await this.transport.write(concatBytes([INITIALISE, DISABLE_AUTOMATIC_STATUS_BACK]));
      if (!written.ok) return written;
      const status = await this.refreshStatus();
      return status.ok ? ok(undefined) : status;
    });
  }

  /** The decoded DLE EOT 1–4 replies, for the maintenance command line. */
  async readRealtimeStatus(): Promise<DeviceResult<EscPosStatus>> {
    return this.exclusive(() => this.refreshStatus());
  }

  // ---- the job ----

  private notConnected<T>(): DeviceResult<T> {
    return fail('noDevice', 'notConnected', this.openFailure ?? 'receipt printer not connected');
  }

  private async printJob(bytes: Uint8Array): Promise<DeviceResult<void>> {
    if (!this.transport.isOpen) return this.notConnected();
    const before = await this.refreshStatus();
    if (!before.ok) return before;
    const blocker = printBlocker(before.value);
    if (blocker) return err(blocker);

    const current = this.current;
    if (current.paper !== 'unknown') this.update({ ...current, device: 'busy' });
    const written = await this.transport.write(bytes);
    if (!written.ok) {
      this.update(NO_DEVICE);
      return fail(
        'noDevice',
        'outcomeUnknown',
        'connection lost while sending the job: it may or may not print; do not resend without asking',
      );
    }
    // A USB printer (or a pty) drains at once while the job is still on its way: a status query sent now would
    // queue behind it on the wire. Wait the line time too; on a real UART it only adds a little.
    const lineMs = Math.ceil((bytes.length * 10 * 1000) / this.baudRate);
    await abortableDelay(lineMs + this.jobSettleMs, this.stopped.signal);

    const after = await this.refreshStatus();
    if (!after.ok) {
      return fail(
        after.error.code,
        'outcomeUnknown',
        'no status after the job: it may or may not have printed; do not resend without asking',
      );
    }
    const problem = afterJobProblem(after.value);
    return problem ? err(problem) : ok(undefined);
  }

  // ---- status ----

  /** DLE EOT 1..4, one at a time: a reply carries no n, so only its order says which query it answers. */
  private async refreshStatus(): Promise<DeviceResult<EscPosStatus>> {
    if (!this.transport.isOpen) return this.notConnected();
    const replies: number[] = [];
    for (const n of STATUS_QUERIES) {
      const outcome = await this.query(n);
      if (outcome.kind !== 'reply') {
        this.update(NO_DEVICE);
        return outcome.kind === 'timeout'
          ? fail('noDevice', 'noStatusReply', `no reply to DLE EOT ${n} within ${this.statusTimeoutMs} ms`)
          : fail('noDevice', 'portLost', 'serial port lost');
      }
      replies.push(outcome.byte);
    }
    const decoded = decodeRealtimeStatus(replies);
    // Cannot fail: every byte passed the same check in scanStatusReply. Kept as a value all the same.
    if (!decoded.ok) {
      this.update(NO_DEVICE);
      return decoded;
    }
    this.update(toReceiptPrinterStatus(decoded.value));
    return decoded;
  }

  private async query(n: StatusQuery): Promise<QueryOutcome> {
    this.received = []; // anything earlier is noise or a reply that came too late for its query
    const written = await this.transport.write(statusQueryBytes(n));
    if (!written.ok) return { kind: 'lost' };
    const deadline = performance.now() + this.statusTimeoutMs;
    for (;;) {
      const { reply, consumed } = scanStatusReply(this.received);
      this.received.splice(0, consumed);
      if (reply !== null) return { kind: 'reply', byte: reply };
      if (!this.transport.isOpen) return { kind: 'lost' };
      const left = deadline - performance.now();
      if (left <= 0) return { kind: 'timeout' };
      await this.nextChunk(left);
    }
  }

  private nextChunk(timeoutMs: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs);
      this.wakeReader = done;
      // eslint-disable-next-line @typescript-eslint/no-this-alias -- done() is hoisted so setTimeout can name it first.
      const self = this;
      function done() {
        clearTimeout(timer);
        if (self.wakeReader === done) self.wakeReader = null;
        resolve();
      }
    });
  }

  private receive(chunk: Uint8Array): void {
    for (const byte of chunk) this.received.push(byte);
    if (this.received.length > MAX_BUFFERED) this.received.splice(0, this.received.length - MAX_BUFFERED);
    this.wakeReader?.();
  }

  /** Emits only what changed; paper going low or out is also a paperThreshold event. */
  private update(next: ReceiptPrinterStatus): void {
    const previous = this.current;
    this.current = { ...next };
    const changed: Partial<ReceiptPrinterStatus> = {};
    if (next.device !== previous.device) changed.device = next.device;
    if (next.paper !== previous.paper) changed.paper = next.paper;
    if (next.media !== previous.media) changed.media = next.media;
    if (Object.keys(changed).length === 0) return;
    this.hub.emit('statusChanged', changed);
    if (changed.paper === 'low' || changed.paper === 'out') this.hub.emit('paperThreshold', { paper: changed.paper });
  }

  // ---- connection ----

  /** Opens the port and reads the status; false when the port cannot be opened. */
  private async connect(): Promise<boolean> {
    const opened = await this.transport.open();
    if (!this.running) {
      if (opened.ok) await this.transport.close(); // closed while opening
      return false;
    }
    if (!opened.ok) {
      this.openFailure = opened.error.description ?? opened.error.errorCode ?? 'cannot open the port';
      this.update(NO_DEVICE);
      return false;
    }
    this.openFailure = null;
    await this.exclusive(async () => {
      await this.transport.write(DISABLE_AUTOMATIC_STATUS_BACK);
      await this.refreshStatus();
    });
    this.schedulePoll();
    return true;
  }

  private portLost(): void {
    this.update(NO_DEVICE);
    this.wakeReader?.();
    if (!this.running) return;
    this.stopPolling();
    this.reopen();
  }

  /** Reopens the port with backoff until the printer is back or the driver is closed. */
  private reopen(): void {
    if (this.running) void this.reconnector.start(this.stopped.signal);
  }

  private schedulePoll(): void {
    if (!this.running || this.pollTimer) return;
    this.pollTimer = setTimeout(() => {
      this.pollTimer = null;
      if (!this.running || !this.transport.isOpen) return;
      // A job checks status itself; a poll behind it would only repeat that.
      const poll = this.printing ? Promise.resolve() : this.exclusive(() => this.refreshStatus());
      void poll.then(() => this.schedulePoll());
    }, this.pollIntervalMs);
    this.pollTimer.unref();
  }

  private stopPolling(): void {
    if (this.pollTimer) clearTimeout(this.pollTimer);
    this.pollTimer = null;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work, work);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
