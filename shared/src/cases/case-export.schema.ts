import { z } from 'zod';
import { caseListQuerySchema } from './case-api.schema';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS);

/**
 * Response header with the number of rows an export will hold, counted before the first byte is sent,
 * so the client can show a percentage while the body streams in.
 */
export const EXPORT_ROW_COUNT_HEADER = 'X-Total-Count';

/** The case list's filters (same scope, same meaning) without paging, plus the file format. */
export const caseExportQuerySchema = caseListQuerySchema
  .omit({ cursor: true, limit: true })
  .extend({ format: exportFormatSchema });
export type CaseExportQuery = z.infer<typeof caseExportQuerySchema>;
