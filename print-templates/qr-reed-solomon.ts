// QR error correction codewords: the remainder of the data over the generator polynomial in GF(256) (0x11D),
// as qrcode's ReedSolomonEncoder computes it, but as one shift register on log tables. qrcode divides by
// slicing a new array for each data byte and calls GF.mul for every product, which is most of its codeword
// time in a fresh process. qr-reed-solomon.test.ts pins the codewords to qrcode's encoder.

interface FieldTables {
  /** α^i for i in 0 … 509, so that a sum of two logs needs no modulo; zeros above, where `zeroLog` lands. */
  exp: Uint8Array;
  /** log[0] is `zeroLog`: a product with zero then reads a zero from `exp` instead of taking a branch. */
  log: Uint16Array;
}

const zeroLog = 512;

let tables: FieldTables | undefined;

function fieldTables(): FieldTables {
  if (!tables) {
    const exp = new Uint8Array(2 * zeroLog);
    const log = new Uint16Array(256);
    log[0] = zeroLog;
    for (let i = 0, x = 1; i < 255; i++) {
      exp[i] = x;
      log[x] = i;
      x <<= 1;
      if (x & 0x100) x ^= 0x11d;
    }
    for (let i = 255; i < 510; i++) exp[i] = exp[i - 255]!;
    tables = { exp, log };
  }
  return tables;
}

/** The generator (x + α^0)(x + α^1)…(x + α^(degree-1)), its coefficients highest first (the first is 1). */
export function generatorPolynomial(degree: number): Uint8Array {
  const { exp, log } = fieldTables();
  let poly = new Uint8Array([1]);
  for (let i = 0; i < degree; i++) {
    const next = new Uint8Array(poly.length + 1);
    for (let j = 0; j < poly.length; j++) {
      next[j]! ^= poly[j]!;
      next[j + 1]! ^= exp[log[poly[j]!]! + i]!;
    }
    poly = next;
  }
  return poly;
}

/** The error correction codewords of one block (`generator.length - 1` of them), by long division in place. */
export function errorCorrection(data: Uint8Array, generator: Uint8Array): Uint8Array {
  const { exp, log } = fieldTables();
  const degree = generator.length - 1;
  const generatorLogs = new Uint16Array(degree);
  for (let i = 0; i < degree; i++) generatorLogs[i] = log[generator[i + 1]!]!;
  const dividend = new Uint8Array(data.length + degree);
  dividend.set(data);
  for (let k = 0; k < data.length; k++) {
    const factorLog = log[dividend[k]!]!;
    if (factorLog === zeroLog) continue;
    for (let i = 0, at = k + 1; i < degree; i++, at++) dividend[at]! ^= exp[generatorLogs[i]! + factorLog]!;
  }
  return dividend.subarray(data.length);
}
