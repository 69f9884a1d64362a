import type { z } from 'zod';
import { exportFormatSchema } from '../cases/case-export.schema';
import { statsBreakdownQuerySchema } from './stats.schema';

/** A ranking (the breakdown's rows, same window, filters and scope) as a file. */
export const statsBreakdownExportQuerySchema = statsBreakdownQuerySchema.extend({
  format: exportFormatSchema,
});
export type StatsBreakdownExportQuery = z.infer<typeof statsBreakdownExportQuerySchema>;
