// Files we hand out (template, problem report, roster export). Cells that a spreadsheet would read as
// a formula are prefixed with an apostrophe (OWASP CSV injection advice).
import ExcelJS from 'exceljs';

export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string): string {
  const safe = neutraliseCell(value);
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** UTF-8 with BOM, CRLF: what Excel on Windows opens without garbling Chinese. */
export function toCsv(header: string[], rows: string[][]): Buffer {
  const lines = [header, ...rows].map((r) => r.map(csvField).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export async function toXlsx(
  sheets: { name: string; header: string[]; rows: string[][]; widths?: number[] }[],
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'GridGov';
  for (const s of sheets) {
    const sheet = workbook.addWorksheet(s.name);
    sheet.columns = s.header.map((h, i) => ({ header: h, width: s.widths?.[i] ?? 16 }));
    sheet.getRow(1).font = { bold: true };
    // Strings stay strings in XLSX (never formulas), so no apostrophes are needed here.
    for (const row of s.rows) sheet.addRow(row);
    // Phone numbers and codes are text, not numbers (no 1.38E+10).
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cell.numFmt = '@';
      });
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const CSV_MIME = 'text/csv; charset=utf-8';
