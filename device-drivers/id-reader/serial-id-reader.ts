// The real ID card reader: GA 467 frames over an injected byte transport (a serial port in the field).
// Owns timing: find-card polling, one command at a time with a response timeout, resynchronisation after
// garbage or silence, and reopening the port with exponential backoff after an unplug.

import { abortableDelay } from '../abortable-delay';
import { fail, type DeviceResult } from '../device-result';
import { EventHub } from '../event-hub';
import { doublingBackoff, Reconnector } from '../reconnect-with-backoff';
import { type Result, err, ok } from '../result';
import { SerialTransport, type ByteTransport } from '../serial-transport';
import { Ga467FrameParser, Ga467Status, encodeCommand, toReply, type Ga467CommandName, type Ga467Reply } from './ga467-frame';
import { TEXT_BLOCK_LENGTH, decodeTextBlock } from './ga467-text-block';
import type { IdCard } from './id-card';
import type { IdReader, IdReaderEvents, IdReaderStatus } from './id-reader';
import { validateCard } from './validate-card';

export interface SerialIdReaderConfig {
  path: string;
  baudRate: number;
}

export interface SerialIdReaderOptions {
  /** Line speed, for timeouts that scale with wire time. */
  baudRate?: number;
  /** Pause between "find card" polls; the protocol wants ≥ 300 ms. */
  pollMs?: number;
  /** Answer deadline for short commands (find, select, SAM). */
  commandTimeoutMs?: number;
  /** Answer deadline for the read: the card's radio time plus the wire time of the longest reply. */
  readTimeoutMs?: number;
  /** After a corrupt frame, how long a quiet line means "that was the answer". */
  quietAfterCorruptFrameMs?: number;
  /** Reopening after an unplug: first delay, doubled up to the maximum. */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
}

/** Why a command got no usable answer. */
type ExchangeFailure = 'noDevice' | 'noReply' | 'silentMidFrame' | 'checksum';

/** The result of one command/answer exchange, before it means anything to a citizen. */
type Exchange = Result<Ga467Reply, ExchangeFailure>;

interface Waiter {
  accepts: (reply: Ga467Reply) => boolean;
  sawCorruptFrame: boolean;
  onBytes: () => void;
  finish: (exchange: Exchange) => void;
}

/** Wire time of `bytes` at `baudRate` (8N1: 10 bits a byte), in ms. */
export function wireTimeMs(bytes: number, baudRate: number): number {
  return (bytes * 10 * 1000) / baudRate;
}

/** Built from the configuration file's `{ path, baudRate }`. */
export function createSerialIdReader(config: SerialIdReaderConfig, options: SerialIdReaderOptions = {}): SerialIdReader {
  // Readers powered from the modem lines want them high.
  const transport = new SerialTransport({ path: config.path, baudRate: config.baudRate, modemLines: { dtr: true, rts: true } });
  return new SerialIdReader(transport, { baudRate: config.baudRate, ...options });
}

export class SerialIdReader implements IdReader {
  readonly kind = 'id-reader' as const;
  private readonly hub = new EventHub<IdReaderEvents>();
  readonly events = this.hub;

  private device: IdReaderStatus['device'] = 'starting';
  /** Whether a fresh card lies on the reader; shown only while the reader works. */
  private media: IdReaderStatus['media'] = 'notPresent';
  /** Why the device is in hardwareError, for staff: never personal data. */
  private problem = '';
  private readonly parser = new Ga467FrameParser();
  private waiter: Waiter | null = null;
  /** One command on the wire at a time. */
  private queue: Promise<unknown> = Promise.resolve();
  /** Present between open() and close(); aborting it stops the reconnect loop. */
  private lifetime: AbortController | null = null;
  private readonly reconnector: Reconnector;

  private readonly pollMs: number;
  private readonly commandTimeoutMs: number;
  private readonly readTimeoutMs: number;
  private readonly quietAfterCorruptFrameMs: number;

  constructor(
    private readonly transport: ByteTransport,
    options: SerialIdReaderOptions = {},
  ) {
    const baudRate = options.baudRate ?? 115200;
    this.pollMs = options.pollMs ?? 300;
    this.commandTimeoutMs = options.commandTimeoutMs ?? 500 + wireTimeMs(64, baudRate);
    this.readTimeoutMs = options.readTimeoutMs ?? 2500 + wireTimeMs(2400, baudRate);
    // Generous: USB bridges deliver in bursts and a busy host reads late; too short turns a good reply that
    // follows a corrupt one into a failed read.
    this.quietAfterCorruptFrameMs = options.quietAfterCorruptFrameMs ?? Math.max(150, wireTimeMs(64, baudRate));
    this.reconnector = new Reconnector({
      backoff: doublingBackoff(options.reconnectInitialMs ?? 50, options.reconnectMaxMs ?? 2000),
      attempt: (signal) => this.reconnectOnce(signal),
    });
    transport.events.on('data', (chunk) => this.onData(chunk));
    transport.events.on('closed', () => this.onClosed());
  }

  status(): IdReaderStatus {
    return this.device === 'online' ? { device: 'online', media: this.media } : { device: this.device, media: 'notPresent' };
  }

  /** Resolves after the first attempt to reach the reader; if it is absent, keeps trying in the background. */
  async open(): Promise<void> {
    if (this.lifetime) return;
    const lifetime = (this.lifetime = new AbortController());
    const state = await this.connectOnce();
    if (await this.closedMeanwhile(lifetime.signal)) return;
    this.applyConnection(state);
    if (state !== 'online') this.reconnect();
  }

  async close(): Promise<void> {
    this.lifetime?.abort();
    this.lifetime = null;
    this.waiter?.finish(err('noDevice'));
    await this.transport.close();
    this.parser.reset();
    this.setStatus({ device: 'offline', media: 'notPresent' });
  }

  /** The adapter's reset: resets the reader's SAM. */
  reset(): Promise<DeviceResult<void>> {
    return this.resetSam();
  }

  async resetSam(): Promise<DeviceResult<void>> {
    const exchange = await this.command('resetSam', this.commandTimeoutMs * 2);
    const result = this.expectSuccess(exchange, 'reset SAM');
    if (result.ok && this.device === 'hardwareError') this.setStatus({ device: 'online' });
    return result;
  }

  async samStatus(): Promise<DeviceResult<void>> {
    return this.expectSuccess(await this.command('samStatus', this.commandTimeoutMs), 'SAM status');
  }

  /** The SAM's 16-byte id as hex: opaque, for diagnostics. */
  async readSamId(): Promise<DeviceResult<string>> {
    const exchange = await this.command('readSamId', this.commandTimeoutMs, (r) => r.sw3 !== Ga467Status.success || r.data.length === 16);
    const result = this.expectSuccess(exchange, 'read SAM id');
    if (!result.ok) return result;
    return exchange.ok ? ok(Buffer.from(exchange.value.data).toString('hex')) : fail('hardwareError');
  }

  /** Polls for a fresh card, then selects and reads it once. A read card is halted: never read twice. */
  async readCard(signal: AbortSignal): Promise<DeviceResult<IdCard>> {
    for (;;) {
      if (signal.aborted) return canceled();
      if (this.device === 'hardwareError') return fail('hardwareError', this.problem, 'reader not ready');
      if (!this.transport.isOpen) return fail('noDevice', 'unplugged', 'reader not connected');

      const found = await untilAborted(this.command('findCard', this.commandTimeoutMs, hasDataLength(Ga467Status.findSuccess, 4)), signal);
      if (found === 'aborted') return canceled();
      if (!found.ok && found.error !== 'checksum') return exchangeFailure(found.error);
      if (found.ok && isSamFailure(found.value.sw3)) return this.samFailure(found.value.sw3);

      if (found.ok && found.value.sw3 === Ga467Status.findSuccess) {
        this.cardFound();
        const selected = await untilAborted(
          this.command('selectCard', this.commandTimeoutMs, hasDataLength(Ga467Status.success, 8)),
          signal,
        );
        if (selected === 'aborted') return canceled();
        if (!selected.ok && selected.error !== 'checksum') return exchangeFailure(selected.error);
        if (selected.ok && selected.value.sw3 === Ga467Status.success) {
          const read = this.command('readTextAndPhoto', this.readTimeoutMs, (r) => r.sw3 !== Ga467Status.success || r.data.length >= 4);
          const answered = await untilAborted(read, signal);
          this.setStatus({ media: 'notPresent' }); // read or failed, the card is now halted
          if (answered === 'aborted') return canceled();
          return this.cardFromRead(answered);
        }
        // select failed (card lifted, bad contact) or its answer was garbled: look again
      } else if (found.ok && found.value.sw3 === Ga467Status.noCard) {
        this.setStatus({ media: 'notPresent' }); // no card, or a halted one
      }
      await abortableDelay(this.pollMs, signal);
    }
  }

  // ---- reading ----

  private cardFound(): void {
    if (this.media === 'present') return;
    this.setStatus({ media: 'present' });
    this.hub.emit('mediaDetected', {});
  }

  private cardFromRead(read: Exchange): DeviceResult<IdCard> {
    if (!read.ok) {
      if (read.error === 'checksum') return fail('invalidData', 'checksum', 'card data arrived corrupted');
      return exchangeFailure(read.error);
    }
    const { sw3, data } = read.value;
    if (isSamFailure(sw3)) return this.samFailure(sw3);
    if (sw3 !== Ga467Status.success) return fail('invalidData', statusCode(sw3), `reader answered ${hex(sw3)} to the read`);
    const textLength = (data[0]! << 8) | data[1]!;
    const photoLength = (data[2]! << 8) | data[3]!;
    if (textLength !== TEXT_BLOCK_LENGTH || data.length !== 4 + textLength + photoLength) {
      return fail('invalidData', 'replyLength', 'read reply lengths do not add up');
    }
    const decoded = decodeTextBlock(data.subarray(4, 4 + textLength));
    if (!decoded.ok) {
      const field = 'field' in decoded.error ? ` (${decoded.error.field})` : '';
      return fail('invalidData', decoded.error.type, `text block: ${decoded.error.type}${field}`);
    }
    return validateCard({ ...decoded.value, photo: data.slice(4 + textLength) });
  }

  private samFailure(sw3: number): DeviceResult<never> {
    this.problem = statusCode(sw3);
    this.setStatus({ device: 'hardwareError', media: 'notPresent' });
    this.reconnect(); // re-probes the SAM with backoff until it is well again
    return fail('hardwareError', this.problem, `reader answered ${hex(sw3)}: SAM not working`);
  }

  private expectSuccess(exchange: Exchange, what: string): DeviceResult<void> {
    if (!exchange.ok) return exchangeFailure(exchange.error);
    const { sw3 } = exchange.value;
    if (sw3 === Ga467Status.success) return ok(undefined);
    return fail('hardwareError', statusCode(sw3), `${what}: reader answered ${hex(sw3)}`);
  }

  // ---- the wire ----

  private command(name: Ga467CommandName, timeoutMs: number, accepts: (reply: Ga467Reply) => boolean = () => true): Promise<Exchange> {
    const run = this.queue.then(() => this.exchange(name, timeoutMs, accepts));
    this.queue = run.catch(() => {});
    return run;
  }

  private async exchange(name: Ga467CommandName, timeoutMs: number, accepts: (reply: Ga467Reply) => boolean): Promise<Exchange> {
    if (!this.transport.isOpen) return err('noDevice');
    const answer = new Promise<Exchange>((resolve) => {
      let quietTimer: NodeJS.Timeout | undefined;
      const deadline = setTimeout(() => {
        // Resynchronise: whatever half-frame is held will never complete.
        const midFrame = this.parser.pending > 0;
        this.parser.reset();
        waiter.finish(err(waiter.sawCorruptFrame ? 'checksum' : midFrame ? 'silentMidFrame' : 'noReply'));
      }, timeoutMs);
      const waiter: Waiter = {
        accepts,
        sawCorruptFrame: false,
        onBytes: () => {
          if (!waiter.sawCorruptFrame) return;
          clearTimeout(quietTimer);
          quietTimer = setTimeout(() => waiter.finish(err('checksum')), this.quietAfterCorruptFrameMs);
        },
        finish: (exchange) => {
          if (this.waiter !== waiter) return;
          this.waiter = null;
          clearTimeout(deadline);
          clearTimeout(quietTimer);
          resolve(exchange);
        },
      };
      this.waiter = waiter;
    });
    const written = await this.transport.write(encodeCommand(name));
    if (!written.ok) this.waiter?.finish(err('noDevice'));
    return answer;
  }

  private onData(chunk: Uint8Array): void {
    for (const event of this.parser.push(chunk)) {
      const waiter = this.waiter;
      if (!waiter) continue; // nobody asked: a late answer to a command that timed out
      if (event.ok) {
        const reply = toReply(event.value);
        if (reply && waiter.accepts(reply)) waiter.finish(ok(reply));
      } else if (event.error.type === 'checksum') {
        waiter.sawCorruptFrame = true;
      }
      // noise and impossible lengths: the parser has already skipped to the next preamble
    }
    this.waiter?.onBytes();
  }

  // ---- connection ----

  private onClosed(): void {
    this.waiter?.finish(err('noDevice'));
    this.parser.reset();
    if (!this.lifetime) return; // we closed it
    this.setStatus({ device: 'noDevice', media: 'notPresent' });
    this.reconnect();
  }

  /** Opens the port if needed and asks the SAM how it is. */
  private async connectOnce(): Promise<'online' | 'noDevice' | 'hardwareError'> {
    if (!this.transport.isOpen) {
      const opened = await this.transport.open();
      if (!opened.ok) return 'noDevice';
      this.parser.reset();
    }
    const probe = await this.samStatus();
    if (probe.ok) return 'online';
    if (probe.error.code === 'noDevice') return 'noDevice';
    this.problem = probe.error.errorCode ?? probe.error.code;
    return 'hardwareError';
  }

  private applyConnection(state: 'online' | 'noDevice' | 'hardwareError'): void {
    if (state === 'online') this.problem = '';
    this.setStatus(state === 'online' ? { device: 'online' } : { device: state, media: 'notPresent' });
  }

  /** Tries again with backoff until the reader is online or the driver is closed. */
  private reconnect(): void {
    if (this.lifetime) void this.reconnector.start(this.lifetime.signal);
  }

  private async reconnectOnce(lifetime: AbortSignal): Promise<boolean> {
    const state = await this.connectOnce();
    if (await this.closedMeanwhile(lifetime)) return false;
    this.applyConnection(state);
    return state === 'online';
  }

  /** close() ran while the port was being opened: leave nothing open behind it. */
  private async closedMeanwhile(lifetime: AbortSignal): Promise<boolean> {
    if (!lifetime.aborted) return false;
    if (!this.lifetime) await this.transport.close();
    return true;
  }

  /** Changes status and announces only the fields that changed. */
  private setStatus(next: Partial<IdReaderStatus>): void {
    const changed: Partial<IdReaderStatus> = {};
    if (next.device !== undefined && next.device !== this.device) changed.device = this.device = next.device;
    if (next.media !== undefined && next.media !== this.media) changed.media = this.media = next.media;
    if (Object.keys(changed).length > 0) this.hub.emit('statusChanged', changed);
  }
}

/** Accepts the success status only with `length` data bytes, any other status with none (no stale answers). */
function hasDataLength(successStatus: number, length: number): (reply: Ga467Reply) => boolean {
  return (reply) => (reply.sw3 === successStatus ? reply.data.length === length : reply.data.length === 0);
}

function isSamFailure(sw3: number): boolean {
  return sw3 === Ga467Status.samSelfTestFailed || sw3 === Ga467Status.samNotAuthorised;
}

function exchangeFailure(failure: ExchangeFailure): DeviceResult<never> {
  switch (failure) {
    case 'noDevice':
      return fail('noDevice', 'unplugged', 'reader not connected');
    case 'noReply':
      return fail('timeOut', 'noReply', 'reader did not answer');
    case 'silentMidFrame':
      return fail('timeOut', 'silentMidFrame', 'reader fell silent in the middle of a frame');
    case 'checksum':
      return fail('hardwareError', 'checksum', 'reader answer arrived corrupted');
  }
}

const STATUS_CODES: Readonly<Record<number, string>> = Object.fromEntries(
  Object.entries(Ga467Status).map(([name, value]) => [value, name]),
);

function statusCode(sw3: number): string {
  return STATUS_CODES[sw3] ?? `status${hex(sw3)}`;
}

function hex(byte: number): string {
  return byte.toString(16).toUpperCase().padStart(2, '0');
}

function canceled(): DeviceResult<never> {
  return fail('canceled', undefined, 'read canceled');
}

/** Stops waiting when the signal aborts; the command itself still completes, keeping the line in step. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T | 'aborted'> {
  if (signal.aborted) return Promise.resolve('aborted');
  return new Promise((resolve) => {
    const onAbort = () => resolve('aborted');
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then((value) => {
      signal.removeEventListener('abort', onAbort);
      resolve(value);
    });
  });
}
