// OpenAPI paths of grid boundary, category and calendar administration (issue 6), spread into openapi.ts.
import {
  calendarAdminSchema,
  calendarYearInputSchema,
  gridImportResultSchema,
  gridUpdateResultSchema,
  mergeGridsSchema,
  regridResultSchema,
  splitGridSchema,
  updateGridSchema,
  workingHoursInputSchema,
} from '@gridgov/shared';
import { csrfHeader, errorResponse as error, idParam, json, jsonBody } from './openapi-helpers';

const yearParam = { name: 'year', in: 'path', required: true, schema: { type: 'integer', minimum: 2000 } };
const readErrors = { '401': error('Not signed in'), '403': error('Not an administrator or town leader') };
const writeErrors = {
  '400': error('Invalid body'),
  '401': error('Not signed in'),
  '403': error('Not an administrator of this area, or CSRF token missing'),
  '404': error('No such grid'),
  '422': error('Refused: invalid geometry, overlap, not neighbours… (details say which)'),
};
const featureCollectionBody = {
  required: true,
  description: 'RFC 7946 FeatureCollection; properties code (15 digits), name, village_code (12 digits)',
  content: {
    'application/geo+json': { schema: { type: 'object' } },
    'application/json': { schema: { type: 'object' } },
  },
};

export const adminGeoPaths = {
  '/api/admin/grids/export': {
    get: {
      summary: 'All grids in scope as GeoJSON (code, name, village_code, area_sqm, households, population)',
      responses: {
        '200': {
          description: 'FeatureCollection',
          content: { 'application/geo+json': { schema: { type: 'object' } } },
        },
        ...readErrors,
      },
    },
  },
  '/api/admin/grids/import/preview': {
    post: {
      summary: 'Dry run of a grid boundary import: every problem with its location; nothing is written',
      parameters: [csrfHeader],
      requestBody: featureCollectionBody,
      responses: { '200': json(gridImportResultSchema, 'Report'), ...writeErrors },
    },
  },
  '/api/admin/grids/import': {
    post: {
      summary:
        'Import grid boundaries: creates and updates all grids of the file, or none (422 with problems)',
      parameters: [csrfHeader],
      requestBody: featureCollectionBody,
      responses: { '200': json(gridImportResultSchema, 'Imported'), ...writeErrors },
    },
  },
  '/api/admin/grids/{id}': {
    patch: {
      summary:
        'Edit a grid: boundary (no overlaps, valid rings; open cases now in another grid move there), name, households, population',
      parameters: [idParam, csrfHeader],
      requestBody: jsonBody(updateGridSchema),
      responses: { '200': json(gridUpdateResultSchema, 'Updated grid and the cases moved'), ...writeErrors },
    },
  },
  '/api/admin/grids/{id}/split': {
    post: {
      summary: 'Split a grid along a line; open cases in the new piece move there (timeline event)',
      parameters: [idParam, csrfHeader],
      requestBody: jsonBody(splitGridSchema),
      responses: { '200': json(regridResultSchema, 'Split'), ...writeErrors },
    },
  },
  '/api/admin/grids/merge': {
    post: {
      summary: 'Merge two neighbouring grids of a village; cases and staff move to the kept grid',
      parameters: [csrfHeader],
      requestBody: jsonBody(mergeGridsSchema),
      responses: { '200': json(regridResultSchema, 'Merged'), ...writeErrors },
    },
  },
  '/api/admin/calendar': {
    get: {
      summary: 'Working hours, the holiday / 调休 arrangement of every year, and years still missing',
      responses: { '200': json(calendarAdminSchema, 'OK'), ...readErrors },
    },
  },
  '/api/admin/calendar/years/{year}': {
    put: {
      summary: 'Enter or replace one year’s holiday notice (applies to deadlines set from now on)',
      parameters: [yearParam, csrfHeader],
      requestBody: jsonBody(calendarYearInputSchema),
      responses: { '200': json(calendarAdminSchema, 'Saved'), ...writeErrors },
    },
  },
  '/api/admin/calendar/working-hours': {
    put: {
      summary: 'Set the daily working periods (applies to deadlines set from now on)',
      parameters: [csrfHeader],
      requestBody: jsonBody(workingHoursInputSchema),
      responses: { '200': json(calendarAdminSchema, 'Saved'), ...writeErrors },
    },
  },
};
