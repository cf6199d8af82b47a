// The document's streams (page content, embedded font subsets, their ToUnicode maps) compressed with zlib's
// fastest level rather than pdfkit's default 6: about half the compression time of a certificate for
// about 2 KB more PDF (issue 9 §7 allows 40 KB; a certificate is near 31 KB). pdfkit has no option for it, so
// each stream object of this one document deflates itself before pdfkit finalizes it, and tells pdfkit it is
// done (pdfkit then writes the bytes as they are, with the FlateDecode filter it already recorded).

import { deflateSync } from 'node:zlib';

/** What of pdfkit 0.20's PDFReference this touches. */
interface StreamObject {
  compress: boolean;
  buffer: Uint8Array[];
  finalize(): void;
}

const level = 1;

export function compressStreamsFast(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as { ref(data?: object): StreamObject };
  const ref = internals.ref.bind(doc);
  internals.ref = (data?: object) => {
    const object = ref(data);
    const finalize = object.finalize.bind(object);
    object.finalize = () => {
      if (object.compress && object.buffer.length > 0) {
        object.buffer = [deflateSync(Buffer.concat(object.buffer), { level })];
        object.compress = false;
      }
      finalize();
    };
    return object;
  };
}
