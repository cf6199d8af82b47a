// The codes a receiver hands the verify-seal command: the scanned text itself (either form), or a PNG photo
// or a PDF print of the paper, whose QR codes zbarimg reads (a PDF's pages drawn by pdftoppm first).

import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { err, ok, type Result } from '../../device-drivers/result';

const run = promisify(execFile);

export type InputKind = 'text' | 'png' | 'pdf';

export interface ScannedCodes {
  kind: InputKind;
  codes: string[];
}

/** zbarimg says "no symbol found" with exit status 4. */
const ZBAR_NOTHING_FOUND = 4;
/** Enough for modules of 0.5 mm (about 6 pixels each). */
const PDF_DPI = '300';

export async function readScannedCodes(input: string): Promise<Result<ScannedCodes, string>> {
  if (input.startsWith('KQ1:') || /^https?:\/\//i.test(input)) return ok({ kind: 'text', codes: [input] });
  let head: Buffer;
  try {
    head = (await readFile(input)).subarray(0, 8);
  } catch {
    return err('the input is neither a KQ1 text, a URL, nor a readable file');
  }
  if (head.equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return withKind('png', await qrCodesIn([input]));
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return withKind('pdf', await qrCodesInPdf(input));
  return err('the file is neither a PNG image nor a PDF');
}

function withKind(kind: InputKind, codes: Result<string[], string>): Result<ScannedCodes, string> {
  if (!codes.ok) return codes;
  if (codes.value.length === 0) return err(`no QR code found in the ${kind.toUpperCase()}`);
  return ok({ kind, codes: codes.value });
}

async function qrCodesIn(images: string[]): Promise<Result<string[], string>> {
  try {
    const { stdout } = await run('zbarimg', ['--quiet', '--raw', '-Sdisable', '-Sqrcode.enable', ...images], { encoding: 'utf8' });
    return ok(stdout.split('\n').filter((line) => line.length > 0));
  } catch (error) {
    const failure = error as { code?: unknown };
    if (failure.code === ZBAR_NOTHING_FOUND) return ok([]);
    return err(failure.code === 'ENOENT' ? 'zbarimg is not installed (Debian: zbar-tools)' : 'zbarimg could not read the image');
  }
}

async function qrCodesInPdf(pdf: string): Promise<Result<string[], string>> {
  const dir = await mkdtemp(join(tmpdir(), 'verify-seal-'));
  try {
    try {
      await run('pdftoppm', ['-r', PDF_DPI, '-png', pdf, join(dir, 'page')]);
    } catch (error) {
      return err(
        (error as { code?: unknown }).code === 'ENOENT'
          ? 'pdftoppm is not installed (Debian: poppler-utils)'
          : 'pdftoppm could not read the PDF',
      );
    }
    const pages = (await readdir(dir)).filter((name) => name.endsWith('.png')).sort();
    return pages.length === 0 ? ok([]) : await qrCodesIn(pages.map((name) => join(dir, name)));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
