// A serial barcode scanner on the far end of a socat pty pair. A pty delivers whatever is written at once and
// whole, so the emulator makes the timing itself: codes split across writes, bytes paced at the baud rate, line
// noise, silence, and a cable pulled out and plugged back in.

import iconv from 'iconv-lite';
import { SerialPort } from 'serialport';
import { SERIAL_TERMINATORS, type SerialTerminator } from '../../device-drivers/code-scanner/serial-line-framer';
import type { ScanEncoding } from '../../device-drivers/code-scanner/scanned-code-decoder';
import { openPtyPair, type PtyPair } from '../support/pty-pair';

export interface SerialScanOptions {
  /** Overrides the emulator's terminator for this code (a scanner set differently from the driver). */
  terminator?: SerialTerminator | null;
  /** Write the code in pieces of these sizes (the rest in one last piece), `gapMs` apart. */
  pieces?: number[];
  gapMs?: number;
  /** Pace every byte as a UART at this baud would (10 bits a byte, 8N1). */
  paceBaud?: number;
}

export interface SerialScannerEmulator {
  /** The path the driver under test opens. */
  readonly devicePath: string;
  /** Sends one code as a scanner does: AIM id and data in the scanner's encoding, then the terminator. */
  scan(text: string, options?: SerialScanOptions & { aimId?: string }): Promise<void>;
  /** Raw bytes, exactly as given. */
  write(bytes: Uint8Array, options?: SerialScanOptions): Promise<void>;
  /** Random bytes with no terminator: a noisy line. */
  noise(length: number): Promise<void>;
  /** Sends nothing for a while. */
  silence(ms: number): Promise<void>;
  /** The cable is pulled: the device path disappears and the driver's port sees EIO. */
  disconnect(): Promise<void>;
  /** Plugged back in at the same path. */
  reconnect(): Promise<void>;
  close(): Promise<void>;
}

export async function startSerialScannerEmulator(
  options: { terminator?: SerialTerminator; encoding?: ScanEncoding; baudRate?: number } = {},
): Promise<SerialScannerEmulator> {
  const terminator = options.terminator ?? 'CR';
  const encoding = options.encoding ?? 'utf-8';
  const baudRate = options.baudRate ?? 9600;
  const pair: PtyPair = await openPtyPair({ name: 'scanner' });
  let port = await openPort(pair.emulatorPath, baudRate);

  async function write(bytes: Uint8Array, scanOptions: SerialScanOptions = {}): Promise<void> {
    const pieces = cut(bytes, scanOptions.pieces ?? (scanOptions.paceBaud ? [] : [bytes.length]), scanOptions.paceBaud !== undefined);
    for (const [index, piece] of pieces.entries()) {
      if (index > 0 && scanOptions.gapMs) await delay(scanOptions.gapMs);
      await writeAndDrain(port, piece);
      if (scanOptions.paceBaud) await delay((piece.length * 10 * 1000) / scanOptions.paceBaud);
    }
  }

  return {
    devicePath: pair.devicePath,

    async scan(text, scanOptions = {}) {
      const body = encoding === 'gbk' ? new Uint8Array(iconv.encode(text, 'gbk')) : new TextEncoder().encode(text);
      const aim = new TextEncoder().encode(scanOptions.aimId ?? '');
      const end = scanOptions.terminator === null ? new Uint8Array(0) : SERIAL_TERMINATORS[scanOptions.terminator ?? terminator];
      await write(Buffer.concat([aim, body, end]), scanOptions);
    },

    write,

    async noise(length) {
      // Bytes that are not terminators, so the noise can only end by the driver's timeout.
      const bytes = Uint8Array.from({ length }, () => 0x20 + Math.floor(Math.random() * 0xd0));
      await writeAndDrain(port, bytes);
    },

    silence: delay,

    async disconnect() {
      await closeQuietly(port);
      await pair.stop();
    },

    async reconnect() {
      await pair.start();
      port = await openPort(pair.emulatorPath, baudRate);
    },

    async close() {
      await closeQuietly(port);
      await pair.dispose();
    },
  };
}

/** Pieces of the given sizes then the rest; with pacing and no sizes, one byte at a time. */
function cut(bytes: Uint8Array, sizes: number[], byteByByte: boolean): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  let offset = 0;
  for (const size of sizes) {
    if (offset >= bytes.length) break;
    pieces.push(bytes.subarray(offset, offset + size));
    offset += size;
  }
  if (byteByByte) for (; offset < bytes.length; offset++) pieces.push(bytes.subarray(offset, offset + 1));
  else if (offset < bytes.length) pieces.push(bytes.subarray(offset));
  return pieces;
}

function openPort(path: string, baudRate: number): Promise<SerialPort> {
  return new Promise((resolve, reject) => {
    const port = new SerialPort({ path, baudRate, autoOpen: false });
    port.on('error', () => {}); // the far end vanishing is part of the tests
    port.open((error) => (error ? reject(error) : resolve(port)));
  });
}

function writeAndDrain(port: SerialPort, bytes: Uint8Array): Promise<void> {
  return new Promise((resolve, reject) => {
    port.write(Buffer.from(bytes));
    port.drain((error) => (error ? reject(error) : resolve()));
  });
}

function closeQuietly(port: SerialPort): Promise<void> {
  if (!port.isOpen) return Promise.resolve();
  return new Promise((resolve) => port.close(() => resolve()));
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
