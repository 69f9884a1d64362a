// The answers every operation shares, added to the paths in one pass (issue 12): an operationId from
// one table (a new route without an entry fails the build of the document, so its test fails), the
// 400/401/403/404 that the middleware and validation give every operation of a kind, and the 503 of
// load shedding on every database-bound operation. An entry an operation already lists is kept.
import { errorResponse } from './openapi-helpers';

const OPERATION_IDS: Record<string, string> = {
  'GET /api/health': 'getHealth',
  'GET /api/config': 'getClientConfig',
  'GET /api/openapi.json': 'getOpenApiDocument',
  'GET /api/auth/csrf': 'getCsrfToken',
  'POST /api/auth/login': 'signIn',
  'POST /api/auth/logout': 'signOut',
  'POST /api/auth/activate': 'activateAccount',
  'POST /api/auth/password': 'changeOwnPassword',
  'GET /api/admin/sign-in-throttles': 'listSignInThrottles',
  'POST /api/admin/sign-in-throttles/clear': 'clearSignInThrottle',
  'GET /api/me': 'getMe',
  'GET /api/regions/tree': 'getRegionTree',
  'GET /api/grids': 'listGrids',
  'GET /api/grids.geojson': 'getGridsGeoJson',
  'GET /api/grids/{id}': 'getGrid',
  'GET /api/categories': 'listCategories',
  'POST /api/categories': 'createCategory',
  'PATCH /api/categories/{code}': 'updateCategory',
  'POST /api/uploads': 'createUpload',
  'GET /api/uploads/{id}': 'getUpload',
  'GET /api/uploads/{id}/thumb': 'getUploadThumbnail',
  'GET /api/inbox': 'getInbox',
  'GET /api/inbox/counts': 'getInboxCounts',
  'GET /api/cases': 'listCases',
  'POST /api/cases': 'reportCase',
  'GET /api/cases/export': 'exportCases',
  'GET /api/cases/nearby': 'findNearbyCases',
  'GET /api/cases/map-points': 'listCaseMapPoints',
  'GET /api/events': 'streamLiveEvents',
  'GET /api/cases/{id}': 'getCase',
  'GET /api/cases/{id}/assignees': 'listCaseAssignees',
  'POST /api/cases/{id}/actions': 'takeCaseAction',
  'POST /api/cases/bulk-dispatch': 'dispatchCases',
  'GET /api/staff': 'listStaff',
  'GET /api/stats/summary': 'getStatsSummary',
  'GET /api/stats/breakdown': 'getStatsBreakdown',
  'GET /api/stats/breakdown/export': 'exportStatsBreakdown',
  'GET /api/stats/trend': 'getStatsTrend',
  'GET /api/admin/grids/export': 'exportGrids',
  'POST /api/admin/grids/import/preview': 'previewGridImport',
  'POST /api/admin/grids/import': 'importGrids',
  'PATCH /api/admin/grids/{id}': 'updateGrid',
  'POST /api/admin/grids/{id}/split': 'splitGrid',
  'POST /api/admin/grids/merge': 'mergeGrids',
  'GET /api/admin/calendar': 'getCalendar',
  'PUT /api/admin/calendar/years/{year}': 'setCalendarYear',
  'PUT /api/admin/calendar/working-hours': 'setWorkingHours',
  'GET /api/admin/staff': 'listRoster',
  'POST /api/admin/staff': 'createStaffMember',
  'GET /api/admin/staff/export.xlsx': 'exportRoster',
  'GET /api/admin/staff/{id}': 'getStaffDetail',
  'PATCH /api/admin/staff/{id}': 'updateStaffMember',
  'POST /api/admin/staff/{id}/disable': 'disableStaffMember',
  'POST /api/admin/staff/{id}/enable': 'enableStaffMember',
  'POST /api/admin/staff/{id}/reset-password': 'resetStaffPassword',
  'PUT /api/admin/staff/{id}/roles': 'setStaffRoles',
  'POST /api/admin/staff/{id}/assignments': 'assignStaffGrid',
  'POST /api/admin/staff/{id}/assignments/{assignmentId}/end': 'endStaffAssignment',
  'GET /api/admin/staff/{id}/handover': 'previewHandover',
  'POST /api/admin/staff/{id}/handover': 'handOverStaff',
  'GET /api/admin/staff-imports/template.{format}': 'getImportTemplate',
  'POST /api/admin/staff-imports': 'startRosterImport',
  'GET /api/admin/staff-imports/{id}': 'getImportJob',
  'GET /api/admin/staff-imports/{id}/problems.{format}': 'getImportProblems',
  'POST /api/admin/staff-imports/{id}/commit': 'commitRosterImport',
  'GET /api/admin/coverage': 'getCoverageReport',
  'GET /api/admin/audit': 'listAuditEntries',
};

/** Answered without the database: load shedding never refuses them. Health keeps its own 503. */
const NOT_DATABASE_BOUND = new Set([
  'GET /api/health',
  'GET /api/config',
  'GET /api/openapi.json',
  'GET /api/auth/csrf',
]);

const RETRY_AFTER = {
  description: 'Seconds to wait before trying again',
  schema: { type: 'integer', minimum: 0 },
};

/** Shared responses, referenced from the operations as `#/components/responses/<name>`. */
export const sharedResponses = {
  Overloaded: {
    description: 'The instance is saturated (load shedding); try again after Retry-After seconds',
    headers: { 'Retry-After': RETRY_AFTER },
    content: {
      'application/json': {
        schema: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['code', 'message'],
              properties: { code: { const: 'overloaded' }, message: { type: 'string' } },
            },
          },
        },
      },
    },
  },
  ValidationFailed: errorResponse(
    'Invalid request: malformed JSON, or a body, query or path value the contract refuses (details name the fields)',
  ),
  Unauthenticated: errorResponse('Not signed in'),
  CsrfOrForbidden: errorResponse('CSRF token missing or invalid, or not allowed to do this'),
  PasswordChangeRequired: errorResponse(
    'password_change_required: signed in with a password an administrator handed out; choose a new one first (POST /api/auth/password), or not allowed to do this',
  ),
  NotFound: errorResponse('No such object (or not one the caller may see)'),
};

/** The Retry-After header an error response carries (429 of sign-in, 503). */
export const withRetryAfter = <T extends object>(response: T) => ({
  ...response,
  headers: { 'Retry-After': RETRY_AFTER },
});

const ref = (name: keyof typeof sharedResponses) => ({ $ref: `#/components/responses/${name}` });

interface Operation {
  operationId?: string;
  security?: unknown[];
  parameters?: { in: string; name: string }[];
  requestBody?: unknown;
  responses: Record<string, unknown>;
}

const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;

/** Adds operationIds and the shared answers to every operation, in place; returns the paths. */
export function completeOperations<T extends Record<string, object>>(paths: T): T {
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      const key = `${method.toUpperCase()} ${path}`;
      const operationId = OPERATION_IDS[key];
      if (!operationId) throw new Error(`No operationId for ${key}: add it to OPERATION_IDS`);
      const isMutation = method !== 'get';
      const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
      const takesInput =
        isMutation || (operation.parameters ?? []).some((p) => p.in === 'query' || p.in === 'path');
      const defaults: Record<string, unknown> = {
        ...(takesInput ? { '400': ref('ValidationFailed') } : {}),
        ...(isPublic ? {} : { '401': ref('Unauthenticated') }),
        // Signed in with an admin's password, every operation but a few answers 403 until it is changed.
        ...(isPublic ? {} : { '403': ref('PasswordChangeRequired') }),
        ...(isMutation ? { '403': ref('CsrfOrForbidden') } : {}),
        ...(path.includes('{') ? { '404': ref('NotFound') } : {}),
        ...(NOT_DATABASE_BOUND.has(key) ? {} : { '503': ref('Overloaded') }),
      };
      const responses = { ...defaults, ...operation.responses };
      operation.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)),
      );
      // operationId first: it is what a reader and a code generator look for.
      (item as Record<string, Operation>)[method] = { operationId, ...operation };
    }
  }
  return paths;
}
