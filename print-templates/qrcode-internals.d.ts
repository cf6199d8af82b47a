// qrcode 1.5.4's internal modules, which ship no types. The seal's symbol is built from qrcode's own segments,
// versions, tables and Reed-Solomon encoder, so that only the placement and the mask choice are ours
// (qr-mask-choice.ts; qr-mask-choice.test.ts pins the result to QRCode.create).
declare module 'qrcode/lib/core/error-correction-level.js' {
  export interface ErrorCorrectionLevel {
    readonly bit: number;
  }
  const levels: {
    readonly L: ErrorCorrectionLevel;
    readonly M: ErrorCorrectionLevel;
    readonly Q: ErrorCorrectionLevel;
    readonly H: ErrorCorrectionLevel;
  };
  export default levels;
}

declare module 'qrcode/lib/core/segments.js' {
  import type { QRCodeSegment } from 'qrcode';
  export interface Segment {
    readonly mode: { readonly bit: number };
    getLength(): number;
    write(buffer: { put(value: number, length: number): void }): void;
  }
  const segments: {
    fromArray(array: readonly (string | QRCodeSegment)[]): Segment[];
    fromString(data: string, version: number): Segment[];
    rawSplit(data: string): Segment[];
  };
  export default segments;
}

declare module 'qrcode/lib/core/version.js' {
  import type { ErrorCorrectionLevel } from 'qrcode/lib/core/error-correction-level.js';
  import type { Segment } from 'qrcode/lib/core/segments.js';
  const version: {
    getBestVersionForData(segments: Segment[], level: ErrorCorrectionLevel): number | undefined;
    getEncodedBits(version: number): number;
    getCapacity(version: number, level: ErrorCorrectionLevel, mode: { readonly bit: number }): number;
  };
  export default version;
}

declare module 'qrcode/lib/core/mode.js' {
  interface Mode {
    readonly bit: number;
  }
  const mode: {
    readonly NUMERIC: Mode;
    readonly ALPHANUMERIC: Mode;
    readonly BYTE: Mode;
    readonly KANJI: Mode;
    getCharCountIndicator(mode: Mode, version: number): number;
  };
  export default mode;
}

declare module 'qrcode/lib/core/utils.js' {
  const utils: { getSymbolSize(version: number): number; getSymbolTotalCodewords(version: number): number };
  export default utils;
}

declare module 'qrcode/lib/core/error-correction-code.js' {
  import type { ErrorCorrectionLevel } from 'qrcode/lib/core/error-correction-level.js';
  const code: {
    getBlocksCount(version: number, level: ErrorCorrectionLevel): number;
    getTotalCodewordsCount(version: number, level: ErrorCorrectionLevel): number;
  };
  export default code;
}

declare module 'qrcode/lib/core/reed-solomon-encoder.js' {
  export default class ReedSolomonEncoder {
    constructor(degree: number);
    encode(data: Uint8Array): Uint8Array;
  }
}

declare module 'qrcode/lib/core/format-info.js' {
  import type { ErrorCorrectionLevel } from 'qrcode/lib/core/error-correction-level.js';
  const formatInfo: { getEncodedBits(level: ErrorCorrectionLevel, mask: number): number };
  export default formatInfo;
}

declare module 'qrcode/lib/core/alignment-pattern.js' {
  const alignment: { getPositions(version: number): [number, number][] };
  export default alignment;
}

declare module 'qrcode/lib/core/bit-matrix.js' {
  import type { BitMatrix } from 'qrcode';
  const BitMatrixClass: new (size: number) => BitMatrix;
  export default BitMatrixClass;
}

declare module 'qrcode/lib/core/mask-pattern.js' {
  import type { BitMatrix } from 'qrcode';
  const maskPattern: {
    getPenaltyN1(matrix: BitMatrix): number;
    getPenaltyN2(matrix: BitMatrix): number;
    getPenaltyN3(matrix: BitMatrix): number;
    getPenaltyN4(matrix: BitMatrix): number;
  };
  export default maskPattern;
}
