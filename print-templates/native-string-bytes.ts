// pdfkit 0.20 turns each string it writes — every content-stream operator, every object's dictionary — into
// bytes with a JavaScript loop, a character at a time, keeping each UTF-16 unit's low byte (its
// fromBinaryString). Node's latin1 encoding does exactly that, natively: in a fresh process, before the JIT has
// warmed up, the loop is a few milliseconds of a certificate's first render. The bytes written are the same
// (native-string-bytes.test.ts).

/** What of pdfkit 0.20's PDFDocument and PDFReference this touches. */
interface Writable {
  write(chunk: string | Uint8Array): void;
}
interface DocumentInternals {
  _write(data: string | Uint8Array): void;
  ref(data?: object): Writable;
}

const bytesOf = (text: string) => Buffer.from(`${text}\n`, 'latin1');

export function writeStringsNatively(doc: PDFKit.PDFDocument): void {
  const internals = doc as unknown as DocumentInternals;
  const write = internals._write.bind(doc);
  internals._write = (data) => write(typeof data === 'string' ? bytesOf(data) : data);
  const ref = internals.ref.bind(doc);
  internals.ref = (data?: object) => {
    const object = ref(data);
    const writeObject = object.write.bind(object);
    object.write = (chunk) => writeObject(typeof chunk === 'string' ? bytesOf(chunk) : chunk);
    return object;
  };
}
