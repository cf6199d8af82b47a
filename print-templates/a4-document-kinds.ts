// What an A4 template prints: a certificate, the cover of a 一件事 packet, or a printer's test page. Each
// kind has its own placeholders, the ones a template of that kind must print, and the blocks it may hold:
// only a certificate carries a seal.

import { placeholderNames, requiredPlaceholders } from './placeholders';

export const a4DocumentKinds = ['certificate', 'packet', 'testPage'] as const;
export type A4DocumentKind = (typeof a4DocumentKinds)[number];

/** Filled on every page of every kind: "第 {pageNumber} 页 共 {pageCount} 页". */
export const pagePlaceholderNames = ['pageNumber', 'pageCount'] as const;

export const packetPlaceholderNames = ['errandName', 'holderName', 'certificateCount', 'printedDate', 'kioskId'] as const;
export const testPagePlaceholderNames = ['kioskId', 'printerUri', 'printedAt'] as const;

export interface A4DocumentRules {
  placeholders: readonly string[];
  /** Printed by a block that is always shown, or the template is refused. */
  required: readonly string[];
  /** How many `fields` and `seal` blocks a template of this kind has. */
  fieldsBlocks: { min: number; max: number };
  sealBlocks: { min: number; max: number };
}

export const a4DocumentRules: Record<A4DocumentKind, A4DocumentRules> = {
  certificate: {
    placeholders: [...placeholderNames, ...pagePlaceholderNames],
    required: requiredPlaceholders,
    fieldsBlocks: { min: 1, max: 1 },
    sealBlocks: { min: 1, max: 1 },
  },
  packet: {
    placeholders: [...packetPlaceholderNames, ...pagePlaceholderNames],
    required: ['errandName', 'holderName', 'certificateCount'],
    // The table of the packet's certificates: title and number.
    fieldsBlocks: { min: 1, max: 1 },
    sealBlocks: { min: 0, max: 0 },
  },
  testPage: {
    placeholders: [...testPagePlaceholderNames, ...pagePlaceholderNames],
    required: ['printedAt'],
    fieldsBlocks: { min: 0, max: 1 },
    sealBlocks: { min: 0, max: 0 },
  },
};
