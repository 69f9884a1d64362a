import {
  bulkDispatchSchema,
  caseActionRequestSchema,
  caseAssigneesSchema,
  caseDetailSchema,
  caseExportQuerySchema,
  caseListQuerySchema,
  caseListSchema,
  categoryListSchema,
  categorySchema,
  clientConfigSchema,
  createCaseSchema,
  createCategorySchema,
  csrfResponseSchema,
  gridDetailSchema,
  gridFeatureCollectionSchema,
  gridListSchema,
  healthSchema,
  inboxCountsSchema,
  inboxSchema,
  liveCaseEventSchema,
  loginRequestSchema,
  mapPointsQuerySchema,
  mapPointsSchema,
  meSchema,
  nearbyCasesQuerySchema,
  regionTreeSchema,
  staffListQuerySchema,
  staffPageSchema,
  statsBreakdownExportQuerySchema,
  statsBreakdownQuerySchema,
  statsBreakdownSchema,
  statsQuerySchema,
  statsSummarySchema,
  statsTrendQuerySchema,
  statsTrendSchema,
  updateCategorySchema,
  uploadSchema,
} from '@gridgov/shared';
import { z } from 'zod';
import { accountPaths } from './openapi-account';
import { adminGeoPaths } from './openapi-admin-geo';
import { adminStaffPaths } from './openapi-admin-staff';
import {
  csrfHeader,
  errorResponse,
  idParam,
  json,
  jsonBody,
  queryParameters,
  toJsonSchema,
} from './openapi-helpers';
import { completeOperations, sharedResponses, withRetryAfter } from './openapi-operations';

const authErrors = { '401': errorResponse('Not signed in'), '403': errorResponse('Outside your scope') };

const caseErrors = {
  ...authErrors,
  '404': errorResponse('No such case'),
  '409': errorResponse('Stale version: someone else changed the case'),
  '422': errorResponse('Impossible in this state, or a required input is missing'),
};
const fileResponse = (description: string) => ({
  description: `${description}. Streamed (chunked); X-Total-Count holds the number of rows to expect.`,
  headers: {
    'X-Total-Count': { schema: { type: 'integer' }, description: 'Rows in the file' },
    'Content-Disposition': { schema: { type: 'string' }, description: 'attachment; file name with the date' },
  },
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
});
const statsErrors = {
  ...authErrors,
  '400': errorResponse('Invalid window (to before from, more than 366 days) or filter'),
  '404': errorResponse('No such grid or village'),
};

/** The OpenAPI 3.1 description of the API, generated from the shared zod contract. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'GridGov API (网格化社会治理平台)', version: '0.1.0' },
    servers: [{ url: '/', description: 'This server' }],
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gridgov_session' } },
      responses: sharedResponses,
    },
    security: [{ session: [] }],
    paths: completeOperations({
      ...accountPaths,
      ...adminGeoPaths,
      '/api/health': {
        get: {
          summary: 'Liveness and migration state',
          security: [],
          responses: { '200': json(healthSchema, 'OK'), '503': errorResponse('Database unreachable') },
        },
      },
      '/api/openapi.json': {
        get: {
          summary: 'This document (OpenAPI 3.1)',
          security: [],
          responses: {
            '200': { description: 'OK', content: { 'application/json': { schema: { type: 'object' } } } },
          },
        },
      },
      '/api/config': {
        get: {
          summary: 'Runtime configuration for the web client',
          security: [],
          responses: { '200': json(clientConfigSchema, 'OK') },
        },
      },
      '/api/auth/csrf': {
        get: {
          summary: 'CSRF token (also set as the gridgov_csrf cookie)',
          security: [],
          responses: { '200': json(csrfResponseSchema, 'OK') },
        },
      },
      '/api/auth/login': {
        post: {
          summary: 'Sign in; sets the gridgov_session cookie',
          security: [],
          parameters: [csrfHeader],
          requestBody: jsonBody(loginRequestSchema),
          responses: {
            '200': json(meSchema, 'Signed in'),
            '400': errorResponse('Invalid body'),
            '401': errorResponse('Wrong username or password'),
            '403': errorResponse('CSRF token missing'),
            '429': withRetryAfter(errorResponse('Too many failures; see Retry-After')),
          },
        },
      },
      '/api/auth/logout': {
        post: {
          summary: 'Sign out',
          parameters: [csrfHeader],
          responses: { '204': { description: 'Signed out' }, '403': errorResponse('CSRF token missing') },
        },
      },
      '/api/me': {
        get: {
          summary: 'The signed-in person, roles and territorial scope',
          responses: { '200': json(meSchema, 'OK'), '401': errorResponse('Not signed in') },
        },
      },
      '/api/regions/tree': {
        get: {
          summary: 'Town → villages → grids in scope, with counts',
          responses: { '200': json(regionTreeSchema, 'OK'), ...authErrors },
        },
      },
      '/api/grids': {
        get: {
          summary: 'Grids in scope with village, worker and leader',
          parameters: [
            { name: 'villageId', in: 'query', required: false, schema: { type: 'string', format: 'uuid' } },
          ],
          responses: { '200': json(gridListSchema, 'OK'), ...authErrors },
        },
      },
      '/api/grids.geojson': {
        get: {
          summary: 'Grids in scope as a GeoJSON FeatureCollection',
          responses: {
            '200': {
              description: 'OK',
              content: {
                'application/geo+json': { schema: toJsonSchema(gridFeatureCollectionSchema, 'output') },
              },
            },
            ...authErrors,
          },
        },
      },
      '/api/grids/{id}': {
        get: {
          summary: 'One grid with its staff and assignment history',
          parameters: [idParam],
          responses: {
            '200': json(gridDetailSchema, 'OK'),
            ...authErrors,
            '404': errorResponse('No such grid'),
          },
        },
      },
      '/api/categories': {
        get: {
          summary: 'Case categories (two levels) with deadlines and extra fields',
          responses: { '200': json(categoryListSchema, 'OK'), '401': errorResponse('Not signed in') },
        },
        post: {
          summary: 'Create a category (admins)',
          parameters: [csrfHeader],
          requestBody: jsonBody(createCategorySchema),
          responses: {
            '201': json(categorySchema, 'Created'),
            '400': errorResponse('Invalid category'),
            ...authErrors,
            '409': errorResponse('The code exists'),
          },
        },
      },
      '/api/categories/{code}': {
        patch: {
          summary: 'Edit a category (admins); applies to cases accepted from now on',
          parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string' } }, csrfHeader],
          requestBody: jsonBody(updateCategorySchema),
          responses: {
            '200': json(categorySchema, 'Updated'),
            '400': errorResponse('Invalid change'),
            ...authErrors,
            '404': errorResponse('No such category'),
          },
        },
      },
      '/api/uploads': {
        post: {
          summary: 'Upload one photo (multipart field "file"; JPEG, PNG or WebP, checked by content)',
          parameters: [csrfHeader],
          requestBody: {
            required: true,
            content: {
              'multipart/form-data': {
                schema: {
                  type: 'object',
                  properties: { file: { type: 'string', format: 'binary' } },
                  required: ['file'],
                },
              },
            },
          },
          responses: {
            '201': json(uploadSchema, 'Stored'),
            '400': errorResponse('Not one file in field "file"'),
            '401': errorResponse('Not signed in'),
            '422': errorResponse('Not an acceptable image, or too large'),
            '429': errorResponse('Too many photos not yet attached to a case (details: pending, limit)'),
          },
        },
      },
      '/api/uploads/{id}': {
        get: {
          summary: 'The photo (re-encoded, without metadata)',
          parameters: [idParam],
          responses: {
            '200': { description: 'The image' },
            ...authErrors,
            '404': errorResponse('No such photo'),
          },
        },
      },
      '/api/uploads/{id}/thumb': {
        get: {
          summary: 'The photo’s thumbnail (WebP, at most 320 px)',
          parameters: [idParam],
          responses: {
            '200': { description: 'The image' },
            ...authErrors,
            '404': errorResponse('No such photo'),
          },
        },
      },
      '/api/inbox': {
        get: {
          summary:
            'The work inbox: what waits for the person (to accept, dispatch, verify …; their own work), with the first cases of each section',
          responses: {
            '200': json(inboxSchema, 'OK'),
            '401': errorResponse('Not signed in'),
          },
        },
      },
      '/api/inbox/counts': {
        get: {
          summary: 'The work inbox’s counts per section and the total of things to do (for the navigation)',
          responses: {
            '200': json(inboxCountsSchema, 'OK'),
            '401': errorResponse('Not signed in'),
          },
        },
      },
      '/api/cases': {
        get: {
          summary: 'Cases in scope, keyset-paged (pass nextCursor as cursor)',
          parameters: queryParameters(caseListQuerySchema),
          responses: {
            '200': json(caseListSchema, 'OK'),
            '400': errorResponse('Invalid filter or cursor'),
            '401': errorResponse('Not signed in'),
          },
        },
        post: {
          summary: 'Report a case (上报); the grid is found from the location',
          parameters: [
            csrfHeader,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'Retries with the same key return the same case',
              schema: { type: 'string' },
            },
          ],
          requestBody: jsonBody(createCaseSchema),
          responses: {
            '201': json(caseDetailSchema, 'Created'),
            '200': json(caseDetailSchema, 'The case created earlier with this Idempotency-Key'),
            '400': errorResponse('Invalid report'),
            '401': errorResponse('Not signed in'),
            '422': errorResponse('Unknown category, foreign photos, or the key was used for another report'),
          },
        },
      },
      '/api/cases/export': {
        get: {
          summary:
            'The case list (same scope and filters) as CSV (UTF-8 with BOM) or XLSX; grid leaders, town leaders and admins',
          parameters: queryParameters(caseExportQuerySchema),
          responses: {
            '200': fileResponse('The file'),
            '400': errorResponse('Invalid format or filter'),
            ...authErrors,
          },
        },
      },
      '/api/cases/nearby': {
        get: {
          summary: 'Possible duplicates: same category, open, within 50 m, last 14 days',
          parameters: queryParameters(nearbyCasesQuerySchema),
          responses: {
            '200': json(caseListSchema.pick({ items: true }), 'OK'),
            '401': errorResponse('Not signed in'),
          },
        },
      },
      '/api/cases/map-points': {
        get: {
          summary:
            'Located cases in scope for the map, newest first, as [id, lon, lat, status, escalated, overdue] tuples',
          parameters: queryParameters(mapPointsQuerySchema),
          responses: {
            '200': json(mapPointsSchema, 'OK'),
            '400': errorResponse('Invalid filter'),
            '401': errorResponse('Not signed in'),
          },
        },
      },
      '/api/events': {
        get: {
          summary:
            'Live case changes in scope (Server-Sent Events: `ready` once, then `case` per created or changed case, `resync` when changes may have been missed; comment heartbeats)',
          responses: {
            '200': {
              description: 'An endless text/event-stream; each `case` event carries this JSON',
              content: { 'text/event-stream': { schema: toJsonSchema(liveCaseEventSchema, 'output') } },
            },
            '401': errorResponse('Not signed in'),
          },
        },
      },
      '/api/cases/{id}': {
        get: {
          summary: 'One case with its timeline and the actions the caller may take',
          parameters: [idParam],
          responses: { '200': json(caseDetailSchema, 'OK'), ...caseErrors },
        },
      },
      '/api/cases/{id}/assignees': {
        get: {
          summary:
            'Who the case may be dispatched or reassigned to (its grid’s workers and leaders, its town’s leaders)',
          parameters: [idParam],
          responses: {
            '200': json(caseAssigneesSchema, 'OK'),
            '403': errorResponse('Outside your scope'),
            '404': errorResponse('No such case'),
          },
        },
      },
      '/api/cases/{id}/actions': {
        post: {
          summary: 'Take an action (accept, dispatch, feedback, verify, …) at a known version',
          parameters: [
            idParam,
            csrfHeader,
            {
              name: 'Idempotency-Key',
              in: 'header',
              required: false,
              description: 'A retry with the same key answers with the case as it is now, never acts twice',
              schema: { type: 'string' },
            },
          ],
          requestBody: jsonBody(caseActionRequestSchema),
          responses: { '200': json(caseDetailSchema, 'Done'), ...caseErrors },
        },
      },
      '/api/cases/bulk-dispatch': {
        post: {
          summary: 'Dispatch several cases to one person: all or none',
          parameters: [csrfHeader],
          requestBody: jsonBody(bulkDispatchSchema),
          responses: {
            '200': json(z.object({ items: z.array(caseDetailSchema) }), 'Dispatched: every case after'),
            ...caseErrors,
          },
        },
      },
      '/api/staff': {
        get: {
          summary: 'Staff directory in scope (paged)',
          parameters: queryParameters(staffListQuerySchema),
          responses: {
            '200': json(staffPageSchema, 'OK'),
            '400': errorResponse('Invalid filter'),
            ...authErrors,
            '404': errorResponse('No such village or grid'),
          },
        },
      },
      '/api/stats/breakdown/export': {
        get: {
          summary:
            'A ranking (breakdown rows, best on-time close rate first) as CSV or XLSX; grid leaders, town leaders and admins',
          parameters: queryParameters(statsBreakdownExportQuerySchema),
          responses: { '200': fileResponse('The file'), ...statsErrors },
        },
      },
      '/api/stats/summary': {
        get: {
          summary: 'Figures of the caller’s territory over a window of local days (at most 366)',
          parameters: queryParameters(statsQuerySchema),
          responses: { '200': json(statsSummarySchema, 'OK'), ...statsErrors },
        },
      },
      '/api/stats/breakdown': {
        get: {
          summary: 'Figures per village, grid (every grid, with population), worker or category',
          parameters: queryParameters(statsBreakdownQuerySchema),
          responses: { '200': json(statsBreakdownSchema, 'OK'), ...statsErrors },
        },
      },
      '/api/stats/trend': {
        get: {
          summary: 'Received, accepted, closed, on-time and escalated counts per day or week',
          parameters: queryParameters(statsTrendQuerySchema),
          responses: { '200': json(statsTrendSchema, 'OK'), ...statsErrors },
        },
      },
      ...adminStaffPaths,
    }),
  };
}
