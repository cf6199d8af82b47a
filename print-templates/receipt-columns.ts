// Columns on a receipt printer: in Chinese mode every character beyond ASCII prints double width (24 dots),
// ASCII single (12 dots); 48 columns of normal text across 80 mm paper, half as many when large.

export function columnsOfChar(char: string): 1 | 2 {
  return (char.codePointAt(0) ?? 0) > 0x7f ? 2 : 1;
}

/** Where the printer itself breaks a line: every `columns` columns, wherever that falls. */
export function hardRows(text: string, columns: number): string[] {
  const rows: string[] = [];
  let row = '';
  let used = 0;
  for (const char of text) {
    const width = columnsOfChar(char);
    if (used + width > columns && row !== '') {
      rows.push(row);
      row = '';
      used = 0;
    }
    row += char;
    used += width;
  }
  rows.push(row);
  return rows;
}

/**
 * A line broken into rows of at most `columns` before the printer does it, between words: at a space (dropped)
 * or beside a double-width character (Chinese breaks anywhere). A word longer than a row is broken hard.
 */
export function wrapToColumns(text: string, columns: number): string[] {
  // An ASCII word, a run of spaces, or one double-width character.
  const tokens = text.match(/[^ \u0080-\u{10ffff}]+| +|[\u0080-\u{10ffff}]/gu) ?? [];
  const rows: string[] = [];
  let row = '';
  let used = 0;
  const breakRow = () => {
    rows.push(row.trimEnd());
    row = '';
    used = 0;
  };
  for (const token of tokens) {
    const width = Array.from(token).reduce((sum, char) => sum + columnsOfChar(char), 0);
    if (used + width <= columns) {
      row += token;
      used += width;
    } else if (token.startsWith(' ')) {
      breakRow();
    } else if (width <= columns) {
      if (row.trim() !== '') breakRow();
      row = token;
      used = width;
    } else {
      const pieces = hardRows(row + token, columns);
      row = pieces.pop() ?? '';
      used = Array.from(row).reduce((sum, char) => sum + columnsOfChar(char), 0);
      rows.push(...pieces);
    }
  }
  if (row !== '' || rows.length === 0) rows.push(row.trimEnd());
  return rows;
}
