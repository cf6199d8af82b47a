// Splits one page of data into sheets when the template lets long content flow on (`page.overflow:
// "continue"`): the flow rows that do not fit above the bottom blocks move to a further sheet, a fields table
// splits between its rows, and every sheet repeats the bottom blocks (the footer, its page number). A row that
// does not fit even on an empty sheet is refused, as a template that refuses overflow refuses any.

import type { MeasuredBlock } from './measured-block';
import { type LayoutItem, type PageBox, PageLayoutError, type Positioned, layoutPage } from './page-layout';
import type { A4LaidOutBlock } from './template-schema';

type Fields = ReadonlyArray<{ label: string; value: string }>;

/** A block as it goes on one sheet; a fields table carries the rows that sheet holds. */
export interface SheetPiece {
  index: number;
  block: A4LaidOutBlock;
  fields: Fields;
}

export type MeasurePiece = (piece: SheetPiece) => MeasuredBlock;

export function layoutPieces(pieces: readonly SheetPiece[], measure: MeasurePiece, box: PageBox): Positioned[] {
  const items: LayoutItem[] = pieces.map((piece) => ({ index: piece.index, placement: piece.block, measured: measure(piece) }));
  return layoutPage(items, box);
}

/** The sheets one page of data needs: each the flow pieces it holds followed by the bottom pieces. */
export function flowOntoSheets(pieces: readonly SheetPiece[], measure: MeasurePiece, box: PageBox): SheetPiece[][] {
  const fits = (sheet: readonly SheetPiece[]) => {
    try {
      layoutPieces(sheet, measure, box);
      return true;
    } catch (error) {
      if (error instanceof PageLayoutError) return false;
      throw error;
    }
  };
  if (fits(pieces)) return [[...pieces]];

  const bottom = pieces.filter((piece) => piece.block.anchor === 'bottom');
  const sheets: SheetPiece[][] = [];
  let current: SheetPiece[] = [];
  const rows = flowRows(pieces.filter((piece) => piece.block.anchor === 'flow'));
  while (rows.length > 0) {
    const row = rows.shift() ?? [];
    if (fits([...current, ...row, ...bottom])) {
      current.push(...row);
      continue;
    }
    const [table] = row;
    if (row.length === 1 && table?.block.type === 'fields' && table.fields.length > 1) {
      const rowsThatFit = largestFittingCount(table.fields.length - 1, (n) =>
        fits([...current, { ...table, fields: table.fields.slice(0, n) }, ...bottom]),
      );
      if (rowsThatFit > 0) {
        sheets.push([...current, { ...table, fields: table.fields.slice(0, rowsThatFit) }, ...bottom]);
        current = [];
        // The rest of the table continues at the top of the next sheet, without the space above it.
        rows.unshift([
          { ...table, block: { ...table.block, spaceBeforeMm: 0, minTopMm: undefined }, fields: table.fields.slice(rowsThatFit) },
        ]);
        continue;
      }
    }
    // Nothing before it on this sheet: it cannot fit on any; layout says why.
    if (current.length === 0) layoutPieces([...row, ...bottom], measure, box);
    sheets.push([...current, ...bottom]);
    current = [];
    rows.unshift(row);
  }
  sheets.push([...current, ...bottom]);
  return sheets;
}

function flowRows(pieces: readonly SheetPiece[]): SheetPiece[][] {
  const rows: SheetPiece[][] = [];
  for (const piece of pieces) {
    const last = rows[rows.length - 1];
    if (piece.block.besidePrevious && last) last.push(piece);
    else rows.push([piece]);
  }
  return rows;
}

/** The largest n in 0…max for which `fits(n)` holds, `fits` holding for every smaller n too. */
function largestFittingCount(max: number, fits: (n: number) => boolean): number {
  let low = 0;
  let high = max;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  return low;
}
