// Text of a PDF as poppler's pdftotext extracts it: the proof that a printed document's words are real text.

import { execFileSync } from 'node:child_process';

/** `raw`: in the order the content stream draws it, which keeps diagonal text (a watermark) in sequence. */
export function pdfText(file: string, options: { raw?: boolean } = {}): string {
  try {
    return execFileSync('pdftotext', [options.raw ? '-raw' : '-layout', file, '-'], { encoding: 'utf8' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error('pdftotext is missing: run the tests with "npm test", which installs poppler-utils');
    throw error;
  }
}
