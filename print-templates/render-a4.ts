// The A4 engine: pages of data + a template → one PDF, one page per certificate (or packet cover, or test
// page), so that an errand's certificates print as one job. Nothing here depends on which template it is given.
// A certificate's issuer stamp and specimen marking come with its page's data, from the trust list only.

import type { Font } from 'fontkit';
import PDFDocument from 'pdfkit';

import { blockShown } from './block-condition';
import { parsedFont } from './bundled-fonts';
import type { CertificateDocumentData } from './certificate-document';
import { measureFieldsTable } from './fields-table';
import { isBundledFace } from './font-faces';
import { measureImageBlock } from './image-block';
import { drawIssuerStamp, specimenStampFace, stampBox } from './issuer-stamp-overlay';
import type { BlockContext, MeasuredBlock } from './measured-block';
import { type SheetPiece, flowOntoSheets, layoutPieces } from './page-flow';
import type { PageBox } from './page-layout';
import { ptFromMm } from './pdf-units';
import { placeholderValues } from './placeholders';
import { measureRuleBlock } from './rule-block';
import { measureSealQr } from './seal-qr';
import { drawSpecimenWatermark, specimenWatermarkFace } from './specimen-watermark';
import { writeStringsNatively } from './native-string-bytes';
import { compressStreamsFast } from './stream-compression';
import { type A4LaidOutBlock, type A4Template, a4HeightMm, a4WidthMm } from './template-schema';
import { measureTextBlock } from './text-block';

export interface RenderedPdf {
  pdf: Uint8Array;
  pages: number;
}

/** One page's data, whatever the template's kind. */
export interface A4PageData {
  /** For the PDF's metadata: a document title, never personal data. */
  title: string;
  /** Placeholder values; page numbers are added by the engine. */
  values: Readonly<Record<string, string>>;
  fields: ReadonlyArray<{ label: string; value: string }>;
  seal?: string;
  /** A certificate's issuer stamp, from the trust-list entry that verified it (never from a template). */
  stamp?: CertificateDocumentData['stamp'];
  /** Verified under a `test` trust list: every sheet carries the specimen watermark, and the stamp `样本`. */
  specimen?: boolean;
}

export interface A4RenderOptions {
  /** The PNG images of the template's bundle, by path; a template without images needs none. */
  images?: ReadonlyMap<string, Uint8Array>;
  /** The fonts of the template's bundle (parsed, see bundle-fonts.ts), by the face name its manifest gives. */
  fonts?: ReadonlyMap<string, Font>;
  /** The printer prints black only: stamps are drawn black, whatever the template's ink. */
  monochrome?: boolean;
}

export async function renderCertificatesA4(
  certificates: readonly CertificateDocumentData[],
  template: A4Template,
  options: A4RenderOptions = {},
): Promise<RenderedPdf> {
  if (certificates.length === 0) throw new RangeError('renderCertificatesA4: no certificates');
  return renderA4Pages(certificates.map(certificatePage), template, options);
}

export function certificatePage(certificate: CertificateDocumentData): A4PageData {
  return {
    title: certificate.title,
    values: placeholderValues(certificate),
    fields: certificate.fields,
    seal: certificate.seal,
    stamp: certificate.stamp ?? null,
    specimen: certificate.specimen === true,
  };
}

export async function renderA4Pages(
  pages: readonly A4PageData[],
  template: A4Template,
  options: A4RenderOptions = {},
): Promise<RenderedPdf> {
  return renderA4Sections([{ pages, template }], options);
}

/** Pages printed with one template: a job's sections each keep their own template. */
export interface A4Section {
  pages: readonly A4PageData[];
  template: A4Template;
}

/**
 * One PDF of several sections, each drawn with its own template (a 一件事 packet: the cover, then each certificate
 * with its type's template); page numbers run through the whole job.
 */
export async function renderA4Sections(sections: readonly A4Section[], options: A4RenderOptions = {}): Promise<RenderedPdf> {
  if (!sections.some((section) => section.pages.length > 0)) throw new RangeError('renderA4Sections: no pages');
  const doc = new PDFDocument({
    size: [ptFromMm(a4WidthMm), ptFromMm(a4HeightMm)],
    // The engine places everything itself; zero margins keep pdfkit from breaking pages on its own.
    margin: 0,
    autoFirstPage: false,
    // No default font: pdfkit would otherwise load Helvetica's metrics for every document; styles set the font.
    font: '',
    pdfVersion: '1.7',
    lang: 'zh-CN',
    displayTitle: true,
    info: {
      // Shown by viewers and printer queues: certificate titles only, never the holder.
      Title: [...new Set(sections.flatMap((section) => section.pages.map((page) => page.title)))].join('、'),
      Subject: [...new Set(sections.map(({ template }) => `${template.id} ${template.version}`))].join('、'),
      Creator: 'zuiduo-paoyici kiosk',
    },
  });
  compressStreamsFast(doc);
  writeStringsNatively(doc);
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let pagesAdded = 0;
  doc.on('pageAdded', () => pagesAdded++);

  const faces = new Set(sections.flatMap(({ template, pages }) => facesUsed(template, pages)));
  for (const face of faces) {
    const font = isBundledFace(face) ? parsedFont(face) : options.fonts?.get(face);
    if (!font) throw new Error(`the template's face "${face}" is neither bundled nor a font of its bundle`);
    // pdfkit 0.20 takes a parsed fontkit font here (see its changelog); its typings predate that.
    doc.registerFont(face, font as unknown as PDFKit.Mixins.PDFFontSource);
  }
  const images = options.images ?? new Map<string, Uint8Array>();
  // Measuring needs a page; the sheets are all planned before any is drawn, as page numbers need their count.
  doc.addPage();
  const sheets = sections.flatMap(({ pages, template }) => {
    const box = contentBox(template);
    return pages.flatMap((page) => {
      const ctx = pageContext(doc, template, page, images, { pageNumber: '99', pageCount: '99' });
      // A stamp takes no room: it is laid over the block before it once that block is placed.
      const pieces = template.blocks.flatMap((block, index) =>
        block.type !== 'stamp' && blockShown(block, ctx.values) ? [{ index, block, fields: page.fields }] : [],
      );
      const measure = (piece: SheetPiece) => measureBlock(ctx, piece.block, piece.fields, blockWidth(piece.block, box));
      const planned = template.page.overflow === 'continue' ? flowOntoSheets(pieces, measure, box) : [pieces];
      return planned.map((sheet) => ({ page, sheet, template, box }));
    });
  });
  sheets.forEach(({ page, sheet, template, box }, i) => {
    if (i > 0) doc.addPage();
    const ctx = pageContext(doc, template, page, images, { pageNumber: String(i + 1), pageCount: String(sheets.length) });
    // Layout first: a page that does not fit throws before it is drawn.
    const positioned = layoutPieces(sheet, (piece) => measureBlock(ctx, piece.block, piece.fields, blockWidth(piece.block, box)), box);
    drawFrame(doc, template);
    for (const { measured, x, y } of positioned) measured.draw(x, y);
    template.blocks.forEach((block, index) => {
      // The schema puts a stamp right after the block it lies over; no stamp from the trust list, none printed.
      const over = positioned.find((p) => p.index === index - 1);
      if (block.type !== 'stamp' || !page.stamp || !over) return;
      const ink = options.monochrome ? 'black' : block.ink;
      drawIssuerStamp(doc, page.stamp, stampBox(block, over), { ink, specimen: page.specimen === true });
    });
    if (page.specimen) drawSpecimenWatermark(doc);
  });
  doc.end();
  await ended;
  // A page pdfkit added by itself would put part of a certificate on a sheet of its own.
  if (pagesAdded !== sheets.length) throw new Error(`rendered ${pagesAdded} pages for ${sheets.length} sheets`);
  return { pdf: Buffer.concat(chunks), pages: pagesAdded };
}

type Fields = A4PageData['fields'];

function pageContext(
  doc: PDFKit.PDFDocument,
  template: A4Template,
  page: A4PageData,
  images: ReadonlyMap<string, Uint8Array>,
  numbers: { pageNumber: string; pageCount: string },
): BlockContext {
  return { doc, styles: template.styles, values: { ...page.values, ...numbers }, seal: page.seal, images };
}

function contentBox(template: A4Template): PageBox {
  const margins = template.page.marginsMm;
  return {
    left: ptFromMm(margins.left),
    right: ptFromMm(a4WidthMm - margins.right),
    top: ptFromMm(margins.top),
    bottom: ptFromMm(a4HeightMm - margins.bottom),
  };
}

function blockWidth(block: A4LaidOutBlock, box: PageBox): number {
  return block.widthMm === undefined ? box.right - box.left : ptFromMm(block.widthMm);
}

function measureBlock(ctx: BlockContext, block: A4LaidOutBlock, fields: Fields, widthPt: number): MeasuredBlock {
  switch (block.type) {
    case 'text':
      return measureTextBlock(ctx, block, widthPt);
    case 'fields':
      return measureFieldsTable(ctx, block, fields, widthPt);
    case 'seal':
      return measureSealQr(ctx, block, block.widthMm === undefined ? undefined : widthPt);
    case 'rule':
      return measureRuleBlock(ctx, block, widthPt);
    case 'image':
      return measureImageBlock(ctx, block);
    default:
      return block satisfies never;
  }
}

function drawFrame(doc: PDFKit.PDFDocument, template: A4Template): void {
  const frame = template.page.frame;
  if (!frame) return;
  const line = (insetMm: number, thicknessPt: number) => {
    const inset = ptFromMm(insetMm);
    doc.rect(inset, inset, ptFromMm(a4WidthMm) - 2 * inset, ptFromMm(a4HeightMm) - 2 * inset);
    doc.lineWidth(thicknessPt).strokeColor(frame.color).stroke();
  };
  doc.save();
  line(frame.insetMm, frame.thicknessPt);
  if (frame.innerGapMm !== undefined) line(frame.insetMm + frame.innerGapMm, frame.innerThicknessPt ?? frame.thicknessPt / 2);
  doc.restore();
}

function facesUsed(template: A4Template, pages: readonly A4PageData[]): string[] {
  const faces = new Set(Object.values(template.styles).map((style) => style.face));
  if (pages.some((page) => page.specimen)) faces.add(specimenWatermarkFace).add(specimenStampFace);
  return [...faces];
}
