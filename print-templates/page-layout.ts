// Places measured blocks on a page: rows of side-by-side blocks, `flow` rows from the top margin down,
// `bottom` rows from the bottom margin up. Refuses, rather than prints, a page whose blocks would overlap.

import type { MeasuredBlock } from './measured-block';
import { mmFromPt, ptFromMm } from './pdf-units';
import type { A4LaidOutBlock } from './template-schema';

type Placement = Pick<A4LaidOutBlock, 'spaceBeforeMm' | 'minTopMm' | 'boxAlign' | 'besidePrevious' | 'anchor'>;

export interface LayoutItem {
  /** The block's index in the template, for messages. */
  index: number;
  placement: Placement;
  measured: MeasuredBlock;
}

export interface PageBox {
  /** Page and content edges, in points from the page's top-left. */
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface Positioned {
  index: number;
  measured: MeasuredBlock;
  x: number;
  y: number;
}

/** A certificate that cannot be laid out on one page. Messages carry geometry only, never certificate text. */
export class PageLayoutError extends Error {
  override name = 'PageLayoutError';
}

const tolerancePt = 0.01;

export function layoutPage(items: readonly LayoutItem[], box: PageBox): Positioned[] {
  const rowsOf = (anchor: Placement['anchor']) => {
    const rows: LayoutItem[][] = [];
    for (const item of items) {
      if (item.placement.anchor !== anchor) continue;
      const last = rows[rows.length - 1];
      if (item.placement.besidePrevious && last) last.push(item);
      else rows.push([item]);
    }
    return rows;
  };
  const positioned: Positioned[] = [];
  const place = (item: LayoutItem, y: number) => {
    const { index, measured, placement } = item;
    const free = box.right - box.left - measured.widthPt;
    const x = box.left + (placement.boxAlign === 'left' ? 0 : placement.boxAlign === 'center' ? free / 2 : free);
    positioned.push({ index, measured, x, y });
  };

  let flowBottom = box.top;
  for (const row of rowsOf('flow')) {
    const rowTop = Math.max(flowBottom, ...row.map((item) => ptFromMm(item.placement.minTopMm ?? 0)));
    for (const item of row) {
      const y = rowTop + ptFromMm(item.placement.spaceBeforeMm);
      place(item, y);
      flowBottom = Math.max(flowBottom, y + item.measured.heightPt);
    }
  }

  let bottomTop = box.bottom;
  for (const row of rowsOf('bottom').reverse()) {
    const rowHeight = Math.max(...row.map((item) => ptFromMm(item.placement.spaceBeforeMm) + item.measured.heightPt));
    bottomTop -= rowHeight;
    for (const item of row) place(item, bottomTop + ptFromMm(item.placement.spaceBeforeMm));
  }

  if (flowBottom > bottomTop + tolerancePt) {
    throw new PageLayoutError(
      `content does not fit on one page: it runs to ${mmFromPt(flowBottom).toFixed(1)} mm, the bottom blocks start at ${mmFromPt(bottomTop).toFixed(1)} mm`,
    );
  }
  checkNoOverlap(positioned, box);
  return positioned;
}

function checkNoOverlap(positioned: readonly Positioned[], box: PageBox): void {
  const rect = (p: Positioned) => ({ x0: p.x, x1: p.x + p.measured.widthPt, y0: p.y, y1: p.y + p.measured.heightPt });
  positioned.forEach((p, i) => {
    const a = rect(p);
    if (a.x0 < box.left - tolerancePt || a.x1 > box.right + tolerancePt) {
      throw new PageLayoutError(`blocks[${p.index}] is ${mmFromPt(a.x1 - a.x0).toFixed(1)} mm wide and does not fit between the margins`);
    }
    positioned.slice(i + 1).forEach((q) => {
      const b = rect(q);
      const overlap = a.x0 < b.x1 - tolerancePt && b.x0 < a.x1 - tolerancePt && a.y0 < b.y1 - tolerancePt && b.y0 < a.y1 - tolerancePt;
      if (overlap)
        throw new PageLayoutError(
          `blocks[${p.index}] and blocks[${q.index}] overlap near ${mmFromPt(Math.max(a.y0, b.y0)).toFixed(1)} mm from the top`,
        );
    });
  });
}
