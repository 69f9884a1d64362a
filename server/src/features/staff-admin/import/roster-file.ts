// Reading an uploaded roster file into rows of strings. The type is decided by the bytes, never by
// the file name: XLSX is a ZIP container; anything else must be text (UTF-8 with or without BOM,
// UTF-16 with BOM, or GBK/GB18030 as Excel on Chinese Windows writes CSV).
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { AppError } from '../../../lib/errors';

export const MAX_IMPORT_ROWS = 20_000;

export interface RawSheet {
  header: string[];
  /** Data rows (the header excluded); each cell a string, `FORMULA_MARK` + text for formula cells. */
  rows: string[][];
}

/** Formula cells are kept as a marked value so the row check can name them. */
export const FORMULA_MARK = '\u0000formula:';

const refuse = (message: string, details?: unknown) => new AppError('unprocessable', message, details);

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b);

function refuseKnownBinary(bytes: Buffer): void {
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0])) {
    throw refuse('Old Excel (.xls) files are not supported: save the file as .xlsx or CSV', {
      reason: 'xls',
    });
  }
  const binaries: [string, number[]][] = [
    ['PDF', [0x25, 0x50, 0x44, 0x46]],
    ['PNG', [0x89, 0x50, 0x4e, 0x47]],
    ['JPEG', [0xff, 0xd8, 0xff]],
    ['GIF', [0x47, 0x49, 0x46, 0x38]],
    ['gzip', [0x1f, 0x8b]],
    ['RAR', [0x52, 0x61, 0x72, 0x21]],
    ['7z', [0x37, 0x7a, 0xbc, 0xaf]],
  ];
  for (const [name, magic] of binaries) {
    if (startsWith(bytes, magic)) {
      throw refuse(`This is a ${name} file, not a spreadsheet: upload .xlsx or .csv`, {
        reason: 'not_sheet',
      });
    }
  }
}

/** Decodes CSV bytes: BOM first, then strict UTF-8, then GB18030 (a superset of GBK). */
export function decodeText(bytes: Buffer): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return strictUtf8(bytes.subarray(3));
  if (startsWith(bytes, [0xff, 0xfe])) return iconv.decode(bytes.subarray(2), 'utf16le');
  if (startsWith(bytes, [0xfe, 0xff])) return iconv.decode(bytes.subarray(2), 'utf16be');
  try {
    return strictUtf8(bytes);
  } catch {
    const text = iconv.decode(bytes, 'gb18030');
    if (text.includes('\uFFFD')) {
      throw refuse('The file is neither valid UTF-8 nor GBK text: save it again as CSV (UTF-8) or .xlsx', {
        reason: 'encoding',
      });
    }
    return text;
  }
}

function strictUtf8(bytes: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse('The file claims UTF-8 but contains invalid bytes', { reason: 'encoding' });
  }
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

function refuseBinaryText(text: string): void {
  // Control characters other than tab, CR and LF do not occur in a CSV a person saved.
  if (hasControlCharacters(text.slice(0, 65_536))) {
    throw refuse('This does not look like a spreadsheet (binary content): upload .xlsx or .csv', {
      reason: 'not_sheet',
    });
  }
}

function splitSheet(table: string[][]): RawSheet {
  const nonEmpty = table.filter((r) => r.some((c) => c.trim() !== ''));
  if (nonEmpty.length === 0) throw refuse('The file is empty', { reason: 'empty' });
  const [header, ...rows] = nonEmpty as [string[], ...string[][]];
  if (rows.length === 0) throw refuse('The file has a header but no rows', { reason: 'empty' });
  if (rows.length > MAX_IMPORT_ROWS) {
    throw refuse(`Too many rows: at most ${MAX_IMPORT_ROWS} per file`, { maxRows: MAX_IMPORT_ROWS });
  }
  return { header: header.map((h) => h.trim()), rows };
}

export function parseCsv(bytes: Buffer): RawSheet {
  const text = decodeText(bytes);
  refuseBinaryText(text);
  let table: string[][];
  try {
    table = parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw refuse(`The CSV cannot be read: ${(error as Error).message.slice(0, 200)}`, { reason: 'csv' });
  }
  return splitSheet(table);
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('formula' in value || 'sharedFormula' in value) {
      const v = value as { formula?: string; sharedFormula?: string };
      return `${FORMULA_MARK}=${v.formula ?? v.sharedFormula ?? ''}`;
    }
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function parseXlsx(bytes: Buffer): Promise<RawSheet> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse('The file is a ZIP archive but not a readable .xlsx workbook', { reason: 'not_sheet' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw refuse('The workbook has no worksheet', { reason: 'empty' });
  if (sheet.rowCount > MAX_IMPORT_ROWS + 1) {
    throw refuse(`Too many rows: at most ${MAX_IMPORT_ROWS} per file`, { maxRows: MAX_IMPORT_ROWS });
  }
  const table: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = [];
    for (let c = 1; c <= Math.min(row.cellCount, 50); c++) cells.push(cellText(row.getCell(c).value));
    table.push(cells);
  });
  return splitSheet(table);
}

/** Reads an uploaded file whatever its name says. */
export async function readRosterFile(bytes: Buffer): Promise<RawSheet> {
  if (bytes.length === 0) throw refuse('The file is empty', { reason: 'empty' });
  refuseKnownBinary(bytes);
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return parseXlsx(bytes);
  return parseCsv(bytes);
}
