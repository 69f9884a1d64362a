// Streams a table (a header and pages of rows) to an HTTP response as CSV or XLSX, one page at a time,
// waiting for the socket to drain so a slow client never makes rows pile up in memory.
import type { ExportFormat } from '@gridgov/shared';
import { EXPORT_ROW_COUNT_HEADER } from '@gridgov/shared';
import ExcelJS from 'exceljs';
import type { Response } from 'express';
import type { Logger } from '../logger';
import { type Cell, toCsvLine, UTF8_BOM } from './csv';

export interface ExportColumn {
  header: string;
  /** Column width in characters (XLSX only). */
  width: number;
}

export interface TableExport {
  /** File name without extension, e.g. `事件-2026-11-29`. */
  baseName: string;
  sheetName: string;
  columns: readonly ExportColumn[];
  /** How many rows will come, counted before streaming starts (sent as X-Total-Count). */
  total: number;
  pages: AsyncIterable<Cell[][]>;
}

const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** ASCII fallback plus the RFC 5987 UTF-8 name, so Chinese file names survive every browser. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** Resolves when the socket wants more, or when it is gone (then the caller sees `close` and stops). */
function drained(res: Response): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off('drain', done);
      res.off('close', done);
      resolve();
    };
    res.on('drain', done);
    res.on('close', done);
  });
}

async function writeRespectingBackpressure(res: Response, chunk: string): Promise<void> {
  if (!res.write(chunk) && !res.destroyed) await drained(res);
}

async function waitForDrain(res: Response): Promise<void> {
  if (res.writableNeedDrain && !res.destroyed) await drained(res);
}

interface Sink {
  writeRows(rows: Cell[][]): Promise<void>;
  finish(): Promise<void>;
}

function createCsvSink(res: Response, columns: readonly ExportColumn[]): Sink {
  let isStarted = false;
  return {
    async writeRows(rows) {
      const head = isStarted ? '' : UTF8_BOM + toCsvLine(columns.map((c) => c.header));
      isStarted = true;
      await writeRespectingBackpressure(res, head + rows.map(toCsvLine).join(''));
    },
    async finish() {
      if (!isStarted)
        await writeRespectingBackpressure(res, UTF8_BOM + toCsvLine(columns.map((c) => c.header)));
      res.end();
    },
  };
}

function createXlsxSink(res: Response, table: TableExport): Sink {
  // Streaming writer: each committed row is serialised into the zip that pipes to the response;
  // inline strings instead of a shared-string table, which would have to stay in memory to the end.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: res,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(table.sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = table.columns.map((c, i) => ({ header: c.header, key: String(i), width: c.width }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  return {
    async writeRows(rows) {
      // Strings stay strings in XLSX (never formulas), so no neutralising is needed here.
      for (const row of rows) sheet.addRow(row).commit();
      await waitForDrain(res);
    },
    async finish() {
      sheet.commit();
      await workbook.commit();
    },
  };
}

/**
 * Sends the export. Errors before the first byte reach the error middleware as usual; after it, the
 * only honest signal left is to cut the connection, so the client sees a failed download, never a
 * silently truncated file.
 */
export async function streamTableExport(
  res: Response,
  format: ExportFormat,
  table: TableExport,
  logger: Logger,
): Promise<void> {
  let isClosed = false;
  res.once('close', () => {
    isClosed = true;
  });
  res.status(200);
  res.setHeader('Content-Type', CONTENT_TYPES[format]);
  res.setHeader('Content-Disposition', contentDisposition(`${table.baseName}.${format}`));
  res.setHeader(EXPORT_ROW_COUNT_HEADER, String(table.total));
  res.setHeader('Access-Control-Expose-Headers', EXPORT_ROW_COUNT_HEADER);
  res.setHeader('Cache-Control', 'no-store');
  const sink = format === 'csv' ? createCsvSink(res, table.columns) : createXlsxSink(res, table);
  try {
    for await (const rows of table.pages) {
      // The browser went away: stop reading the database.
      if (isClosed) return;
      await sink.writeRows(rows);
    }
    if (!isClosed) await sink.finish();
  } catch (error) {
    if (!res.headersSent) {
      // Nothing sent yet (the first page failed): let the error middleware answer in the usual shape.
      for (const name of ['Content-Type', 'Content-Disposition', EXPORT_ROW_COUNT_HEADER])
        res.removeHeader(name);
      throw error;
    }
    logger.error({ err: error }, 'export failed while streaming');
    res.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}
