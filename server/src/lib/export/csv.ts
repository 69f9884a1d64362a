// CSV for spreadsheets: UTF-8 with a byte order mark (without it Excel reads Chinese as GBK and shows
// mojibake), CRLF line ends (RFC 4180), and text that a spreadsheet would run as a formula defused.

export type Cell = string | number | null;

export const UTF8_BOM = '\uFEFF';

/**
 * Cells starting with = + - @ (or a tab or carriage return, which some programs strip before looking)
 * are formulas to Excel, LibreOffice and Google Sheets: `=HYPERLINK(...)` in a case description would
 * run on the leader's computer. A leading apostrophe makes them plain text (OWASP "CSV injection").
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function toCsvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  const text = neutraliseFormula(cell);
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsvLine(cells: readonly Cell[]): string {
  return `${cells.map(toCsvCell).join(',')}\r\n`;
}
