// A desktop GA 467 ID card reader, byte for byte: it answers the host's frames on a serial port (the far end of
// a socat pty pair) or on any byte sink, with cards from the synthetic population, and misbehaves on demand:
// replies split into odd pieces, paced at the wire speed of the configured baud, noise before a reply,
// corrupted checksums, a reply that stops mid-frame, a failing SAM. Unplugging is the pty pair's stop().

import { SerialPort } from 'serialport';
import { Ga467FrameParser, toHostCommand } from '../../device-drivers/id-reader/ga467-frame';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import { testCitizens } from '../../scripts/synthetic-population';
import { encodeCardText, syntheticPhoto, type CardOnChip } from './ga467-card-encoder';

/** An old foreign permanent-resident card (I): 15-character number, no check digit. Invented. */
export const oldForeignPermanentResidentCard: CardOnChip = {
  cardType: 'foreign-permanent-resident-2017',
  name: '史密斯',
  englishName: 'SMITH, JOHN WILLIAM',
  sex: 'male',
  birthDate: '1990-01-01',
  idNumber: 'USA330619900101',
  nationality: 'USA',
  validFrom: '2016-05-01',
  validTo: '2026-05-01',
};

/** Every card kind the reader knows, from the synthetic population. */
export function emulatorCards(): Record<'resident' | 'minority' | 'longTerm' | 'hmt' | 'foreign2023' | 'foreign2017', CardOnChip> {
  const byKey = (key: string) => testCitizens.find((c) => c.key === key)!.card;
  return {
    resident: byKey('zhang-san'),
    minority: byKey('ayiguli'),
    longTerm: byKey('wang-wu'),
    hmt: byKey('chan-tai-man'),
    foreign2023: byKey('anna-schmidt'),
    foreign2017: oldForeignPermanentResidentCard,
  };
}

export type ReaderCommand = 'resetSam' | 'samStatus' | 'readSamId' | 'find' | 'select' | 'read' | 'other';

export interface IdReaderEmulatorOptions {
  /** Pace replies at this line speed (10 bits a byte); without it bytes go out as fast as the pty takes them. */
  pacedBaudRate?: number;
  /** The card's radio time before a read reply starts. */
  cardReadMs?: number;
}

export const SAM_ID = Uint8Array.from({ length: 16 }, (_, i) => 0x10 + i);

type OnReader =
  | { kind: 'card'; text: Uint8Array; photo: Uint8Array; fresh: boolean; selected: boolean }
  | { kind: 'unreadable'; fresh: boolean; selected: boolean };

export class IdReaderEmulator {
  /** Commands received, by kind: tests check that a card is read once. */
  readonly received: Record<ReaderCommand, number> = { resetSam: 0, samStatus: 0, readSamId: 0, find: 0, select: 0, read: 0, other: 0 };
  /** Replies split into random small pieces with short gaps (persistent). */
  split = false;
  /** Random bytes before every reply (persistent). */
  noisy = false;
  /** SW3 the SAM answers with (0x90 when healthy, 0x60/0x66 when failing). */
  samStatusWord = 0x90;

  private readonly parser = new Ga467FrameParser({ minLength: 3 });
  private onReader: OnReader | null = null;
  private port: SerialPort | null = null;
  private sink: ((bytes: Uint8Array) => void) | null = null;
  private sending: Promise<void> = Promise.resolve();
  private oneShot: { command: ReaderCommand; trouble: 'corruptChecksum' | 'bogusFrameFirst' | 'silentMidFrame' | 'noAnswer' }[] = [];
  private random = 12345;

  constructor(private readonly options: IdReaderEmulatorOptions = {}) {}

  // ---- wiring ----

  /** Opens the emulator's end of a pty pair. */
  async attach(path: string): Promise<void> {
    await this.detach(); // a port left from before an unplug may still be spinning on its dead tty
    const port = new SerialPort({ path, baudRate: this.options.pacedBaudRate ?? 115200, autoOpen: false });
    await new Promise<void>((resolve, reject) => port.open((error) => (error ? reject(error) : resolve())));
    port.on('data', (chunk: Buffer) => this.receive(new Uint8Array(chunk)));
    port.on('error', () => {});
    port.on('close', () => {
      if (this.port === port) this.port = null;
    });
    this.port = port;
    this.parser.reset();
  }

  /** For unit tests without a pty: replies go to `sink`. */
  connect(sink: (bytes: Uint8Array) => void): void {
    this.sink = sink;
  }

  async detach(): Promise<void> {
    const port = this.port;
    this.port = null;
    if (port?.isOpen) await new Promise<void>((resolve) => port.close(() => resolve()));
  }

  get attached(): boolean {
    return this.port?.isOpen ?? false;
  }

  // ---- the card on the reader ----

  placeCard(card: CardOnChip | Omit<IdCard, 'photo'>): void {
    this.onReader = { kind: 'card', text: encodeCardText(card), photo: syntheticPhoto(), fresh: true, selected: false };
  }

  /** A card whose text block is given as raw bytes (a damaged chip, an unknown layout). */
  placeRawCard(text: Uint8Array): void {
    this.onReader = { kind: 'card', text, photo: syntheticPhoto(), fresh: true, selected: false };
  }

  placeUnreadableCard(): void {
    this.onReader = { kind: 'unreadable', fresh: true, selected: false };
  }

  liftCard(): void {
    this.onReader = null;
  }

  // ---- misbehaviour on demand (one-shot, for the next reply to `command`) ----

  corruptNextChecksum(command: ReaderCommand): void {
    this.oneShot.push({ command, trouble: 'corruptChecksum' });
  }

  /** A frame with a bad checksum goes out just before the real reply. */
  bogusFrameBeforeNext(command: ReaderCommand): void {
    this.oneShot.push({ command, trouble: 'bogusFrameFirst' });
  }

  /** Sends the first half of the next reply, then nothing more of it. */
  fallSilentMidFrame(command: ReaderCommand): void {
    this.oneShot.push({ command, trouble: 'silentMidFrame' });
  }

  ignoreNext(command: ReaderCommand): void {
    this.oneShot.push({ command, trouble: 'noAnswer' });
  }

  /** Resolves when everything queued so far has gone out. */
  drained(): Promise<void> {
    return this.sending;
  }

  // ---- the protocol ----

  receive(bytes: Uint8Array): void {
    for (const event of this.parser.push(bytes)) {
      if (!event.ok) {
        if (event.error.type === 'checksum') this.reply('other', frame(0x10)); // checksum error in the host's frame
        continue;
      }
      const command = toHostCommand(event.value);
      if (command) this.answer(command.cmd, command.para);
    }
  }

  private answer(cmd: number, para: number): void {
    const card = this.onReader;
    const key = (cmd << 8) | para;
    switch (key) {
      case 0x10ff:
        return this.reply('resetSam', frame(this.samStatusWord));
      case 0x11ff:
        return this.reply('samStatus', frame(this.samStatusWord));
      case 0x12ff:
        return this.reply('readSamId', this.samStatusWord === 0x90 ? frame(0x90, SAM_ID) : frame(this.samStatusWord));
      case 0x2001:
        if (this.samStatusWord !== 0x90) return this.reply('find', frame(this.samStatusWord));
        return this.reply('find', card?.fresh ? frame(0x9f, new Uint8Array(4)) : frame(0x80));
      case 0x2002:
        if (!card?.fresh) return this.reply('select', frame(0x81));
        card.selected = true;
        return this.reply('select', frame(0x90, Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8)));
      case 0x3001:
      case 0x3010: {
        if (!card?.fresh || !card.selected) return this.reply('read', frame(0x41));
        card.fresh = false; // read, or failed: halted until lifted and placed again
        card.selected = false;
        if (card.kind === 'unreadable') return this.reply('read', frame(0x41));
        const withFingerprint = para === 0x10;
        const lengths = withFingerprint ? [0x01, 0x00, 0x04, 0x00, 0x00, 0x00] : [0x01, 0x00, 0x04, 0x00];
        return this.reply('read', frame(0x90, Uint8Array.of(...lengths, ...card.text, ...card.photo)), this.options.cardReadMs);
      }
      default:
        return this.reply('other', frame(0x21));
    }
  }

  private reply(command: ReaderCommand, bytes: Uint8Array, delayMs = 0): void {
    this.received[command]++;
    const index = this.oneShot.findIndex((t) => t.command === command);
    const trouble = index >= 0 ? this.oneShot.splice(index, 1)[0]!.trouble : null;
    if (trouble === 'noAnswer') return;
    const pieces: Uint8Array[] = [];
    if (this.noisy) pieces.push(this.randomBytes(1 + (this.nextRandom() % 12)));
    if (trouble === 'bogusFrameFirst') {
      const bogus = frame(0x90, Uint8Array.of(9, 9, 9, 9, 9, 9, 9, 9));
      bogus[bogus.length - 1]! ^= 0x5a;
      pieces.push(bogus);
    }
    if (trouble === 'corruptChecksum') {
      const corrupted = bytes.slice();
      corrupted[corrupted.length - 1]! ^= 0xff;
      pieces.push(corrupted);
    } else if (trouble === 'silentMidFrame') {
      pieces.push(bytes.subarray(0, Math.floor(bytes.length / 2)));
    } else {
      pieces.push(bytes);
    }
    const out = concat(pieces);
    this.sending = this.sending.then(async () => {
      if (delayMs > 0) await sleep(delayMs);
      await this.transmit(out);
    });
  }

  /** Puts bytes on the line: whole, split at random, and/or at the pace of the configured baud. */
  private async transmit(bytes: Uint8Array): Promise<void> {
    const baud = this.options.pacedBaudRate;
    const started = performance.now();
    let sent = 0;
    while (sent < bytes.length) {
      const size = this.split ? 1 + (this.nextRandom() % 40) : baud ? 16 : bytes.length;
      const piece = bytes.subarray(sent, sent + size);
      if (baud) {
        // Each piece leaves when its last bit would have: 10 bits a byte, measured from the first.
        const due = started + ((sent + piece.length) * 10 * 1000) / baud;
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
      } else if (this.split && sent > 0) {
        await sleep(this.nextRandom() % 3);
      }
      await this.write(piece);
      sent += piece.length;
    }
  }

  private write(bytes: Uint8Array): Promise<void> {
    if (this.sink) {
      this.sink(bytes.slice());
      return Promise.resolve();
    }
    const port = this.port;
    if (!port?.isOpen) return Promise.resolve(); // unplugged: the bytes go nowhere
    return new Promise((resolve) => port.write(Buffer.from(bytes), () => resolve()));
  }

  private nextRandom(): number {
    this.random = (Math.imul(this.random, 1103515245) + 12345) >>> 0;
    return this.random >>> 8;
  }

  private randomBytes(count: number): Uint8Array {
    return Uint8Array.from({ length: count }, () => this.nextRandom() & 0xff);
  }
}

/** An answer frame, built here independently of the driver's encoder. */
function frame(sw3: number, data: Uint8Array = new Uint8Array(0)): Uint8Array {
  const length = 3 + data.length + 1;
  const bytes = Uint8Array.of(0xaa, 0xaa, 0xaa, 0x96, 0x69, length >> 8, length & 0xff, 0x00, 0x00, sw3, ...data, 0);
  let check = 0;
  for (let i = 5; i < bytes.length - 1; i++) check ^= bytes[i]!;
  bytes[bytes.length - 1] = check;
  return bytes;
}

function concat(pieces: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const piece of pieces) {
    out.set(piece, offset);
    offset += piece.length;
  }
  return out;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
