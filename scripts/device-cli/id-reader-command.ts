// `npm run device -- id-reader <read | status | reset-sam | sam-id> --port PATH [--baud N] [--reveal]`
// Talks to a GA 467 reader on its own. Names and numbers are masked unless --reveal; the photo is never shown.

import { parseArgs } from 'node:util';
import type { IdCard } from '../../device-drivers/id-reader/id-card';
import { idReaderUsable } from '../../device-drivers/id-reader/id-reader';
import { maskAddress, maskBirthDate, maskIdNumber, maskName } from '../../kiosk/privacy/mask';
import { createSerialIdReader, type SerialIdReader } from '../../device-drivers/id-reader/serial-id-reader';
import { samState } from '../../kiosk/diagnostics/sam-state';
import { CliFailure, deviceFailure, printJson } from './cli-output';

const COMMANDS = ['read', 'status', 'reset-sam', 'sam-id'] as const;
type Command = (typeof COMMANDS)[number];
const BAUD_RATES = [115200, 57600, 38400, 19200, 9600];
/** How long `read` waits for a card to be placed. */
const READ_WAIT_MS = 30_000;

export async function runIdReaderCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      port: { type: 'string' },
      baud: { type: 'string', default: '115200' },
      reveal: { type: 'boolean', default: false },
    },
  });
  const command = positionals[0];
  if (!isCommand(command)) throw new CliFailure(`id-reader: expected one of ${COMMANDS.join(', ')}`, 2);
  if (!values.port) throw new CliFailure('id-reader: --port PATH is required (e.g. /dev/ttyUSB0)', 2);
  const baudRate = Number(values.baud);
  if (!BAUD_RATES.includes(baudRate)) throw new CliFailure(`id-reader: --baud must be one of ${BAUD_RATES.join(', ')}`, 2);

  const reader = createSerialIdReader({ path: values.port, baudRate });
  try {
    await reader.open();
    const status = reader.status();
    if (status.device === 'noDevice') throw new CliFailure(`id-reader: no reader at ${values.port} (the port cannot be opened)`);
    if (command === 'status') {
      printJson({ port: values.port, baudRate, ...status, sam: await samState(reader) });
      return;
    }
    if (!idReaderUsable(status))
      throw new CliFailure(`id-reader: the reader at ${values.port} is not ready (${status.device}); try reset-sam`);
    await runCommand(command, reader, values.reveal);
  } finally {
    await reader.close();
  }
}

async function runCommand(command: Exclude<Command, 'status'>, reader: SerialIdReader, reveal: boolean): Promise<void> {
  switch (command) {
    case 'read': {
      process.stderr.write(`Place a card on the reader (waiting ${READ_WAIT_MS / 1000} s)…\n`);
      const result = await reader.readCard(AbortSignal.timeout(READ_WAIT_MS));
      if (!result.ok) {
        if (result.error.code === 'canceled') throw new CliFailure('id-reader: no card was placed in time');
        throw deviceFailure('id-reader read', result.error);
      }
      printJson(cardForDisplay(result.value, reveal));
      return;
    }
    case 'reset-sam': {
      const result = await reader.resetSam();
      if (!result.ok) throw deviceFailure('id-reader reset-sam', result.error);
      printJson({ reset: 'ok' });
      return;
    }
    case 'sam-id': {
      const result = await reader.readSamId();
      if (!result.ok) throw deviceFailure('id-reader sam-id', result.error);
      printJson({ samId: result.value });
      return;
    }
  }
}

/** The card as an engineer may see it: personal fields masked unless revealed, the photo as a length. */
export function cardForDisplay(card: IdCard, reveal: boolean): Record<string, unknown> {
  const { photo, ...fields } = card;
  const shown: Record<string, unknown> = { ...fields, photoBytes: photo.length };
  if (reveal) return shown;
  shown.name = maskName(card.name);
  if (card.englishName !== undefined) shown.englishName = maskName(card.englishName);
  shown.idNumber = maskIdNumber(card.idNumber);
  if (card.passNumber !== undefined) shown.passNumber = maskIdNumber(card.passNumber);
  // The birth date is inside the ID number that was just masked; the address is as personal as the name.
  shown.birthDate = maskBirthDate(card.birthDate);
  if (card.address !== undefined) shown.address = maskAddress(card.address);
  return shown;
}

function isCommand(value: string | undefined): value is Command {
  return (COMMANDS as readonly (string | undefined)[]).includes(value);
}
