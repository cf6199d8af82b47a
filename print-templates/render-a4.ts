// The A4 engine: certificates + a template → one PDF, one page per certificate, so that an errand's
// certificates print as one job. Nothing here depends on which template it is given.

import PDFDocument from 'pdfkit';

import { parsedFont } from './bundled-fonts';
import type { CertificateDocumentData } from './certificate-document';
import { measureFieldsTable } from './fields-table';
import type { FontFace } from './font-faces';
import { drawIssuerStamp, specimenStampFace, stampBox } from './issuer-stamp-overlay';
import type { BlockContext, MeasuredBlock } from './measured-block';
import { type LayoutItem, type PageBox, layoutPage } from './page-layout';
import { ptFromMm } from './pdf-units';
import { placeholderValues } from './placeholders';
import { measureRuleBlock } from './rule-block';
import { measureSealQr } from './seal-qr';
import { drawSpecimenWatermark, specimenWatermarkFace } from './specimen-watermark';
import { type A4LaidOutBlock, type A4Template, a4HeightMm, a4WidthMm } from './template-schema';
import { measureTextBlock } from './text-block';

export interface RenderedPdf {
  pdf: Uint8Array;
  pages: number;
}

export interface RenderOptions {
  /** The printer prints black only: stamps are drawn black, whatever the template's ink. */
  monochrome?: boolean;
}

export async function renderCertificatesA4(
  certificates: readonly CertificateDocumentData[],
  template: A4Template,
  options: RenderOptions = {},
): Promise<RenderedPdf> {
  if (certificates.length === 0) throw new RangeError('renderCertificatesA4: no certificates');
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
      Title: [...new Set(certificates.map((c) => c.title))].join('、'),
      Subject: `${template.id} ${template.version}`,
      Creator: 'zuiduo-paoyici kiosk',
    },
  });
  const chunks: Uint8Array[] = [];
  doc.on('data', (chunk: Uint8Array) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    doc.on('end', resolve);
    doc.on('error', reject);
  });
  let pagesAdded = 0;
  doc.on('pageAdded', () => pagesAdded++);

  for (const face of facesUsed(template, certificates)) {
    // pdfkit 0.20 takes a parsed fontkit font here (see its changelog); its typings predate that.
    doc.registerFont(face, parsedFont(face) as unknown as PDFKit.Mixins.PDFFontSource);
  }
  for (const certificate of certificates) {
    doc.addPage();
    drawCertificatePage(doc, certificate, template, options);
  }
  doc.end();
  await ended;
  // A page pdfkit added by itself would put part of a certificate on a sheet of its own.
  if (pagesAdded !== certificates.length) throw new Error(`rendered ${pagesAdded} pages for ${certificates.length} certificates`);
  return { pdf: Buffer.concat(chunks), pages: pagesAdded };
}

function drawCertificatePage(
  doc: PDFKit.PDFDocument,
  certificate: CertificateDocumentData,
  template: A4Template,
  options: RenderOptions,
): void {
  const margins = template.page.marginsMm;
  const box: PageBox = {
    left: ptFromMm(margins.left),
    right: ptFromMm(a4WidthMm - margins.right),
    top: ptFromMm(margins.top),
    bottom: ptFromMm(a4HeightMm - margins.bottom),
  };
  const ctx: BlockContext = { doc, styles: template.styles, values: placeholderValues(certificate), seal: certificate.seal };
  const items: LayoutItem[] = template.blocks.flatMap((block, index) =>
    block.type === 'stamp'
      ? []
      : [
          {
            index,
            placement: block,
            measured: measureBlock(ctx, block, certificate, block.widthMm === undefined ? box.right - box.left : ptFromMm(block.widthMm)),
          },
        ],
  );
  // Layout first: a certificate that does not fit throws before anything is drawn.
  const positioned = layoutPage(items, box);
  drawFrame(doc, template);
  for (const { measured, x, y } of positioned) measured.draw(x, y);
  template.blocks.forEach((block, index) => {
    // The schema puts a stamp right after the block it lies over; no stamp from the trust list, none printed.
    const over = positioned.find((p) => p.index === index - 1);
    if (block.type !== 'stamp' || !certificate.stamp || !over) return;
    const ink = options.monochrome ? 'black' : block.ink;
    drawIssuerStamp(doc, certificate.stamp, stampBox(block, over), { ink, specimen: certificate.specimen === true });
  });
  if (certificate.specimen) drawSpecimenWatermark(doc);
}

function measureBlock(ctx: BlockContext, block: A4LaidOutBlock, certificate: CertificateDocumentData, widthPt: number): MeasuredBlock {
  switch (block.type) {
    case 'text':
      return measureTextBlock(ctx, block, widthPt);
    case 'fields':
      return measureFieldsTable(ctx, block, certificate.fields, widthPt);
    case 'seal':
      return measureSealQr(ctx, block, block.widthMm === undefined ? undefined : widthPt);
    case 'rule':
      return measureRuleBlock(ctx, block, widthPt);
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

function facesUsed(template: A4Template, certificates: readonly CertificateDocumentData[]): FontFace[] {
  const faces = new Set(Object.values(template.styles).map((style) => style.face));
  if (certificates.some((certificate) => certificate.specimen)) faces.add(specimenWatermarkFace).add(specimenStampFace);
  return [...faces];
}
