// OpenAPI paths of the roster administration, import, coverage check and audit log (issue 6).
import {
  assignGridSchema,
  auditPageSchema,
  auditQuerySchema,
  coverageQuerySchema,
  coverageReportSchema,
  createdStaffSchema,
  createStaffSchema,
  handoverPreviewSchema,
  handoverResultSchema,
  handoverSchema,
  importCommitResponseSchema,
  importJobSchema,
  initialPasswordSchema,
  rosterPageSchema,
  rosterQuerySchema,
  setRolesSchema,
  staffDetailSchema,
  updateStaffSchema,
} from '@gridgov/shared';
import {
  jsonBody as body,
  csrfHeader as csrf,
  errorResponse as error,
  json,
  uuidPathParameter as path,
  queryParameters as query,
} from './openapi-helpers';

const readErrors = {
  '401': error('Not signed in'),
  '403': error('Not an admin or town leader, or outside scope'),
};
const writeErrors = {
  '400': error('Invalid request'),
  '401': error('Not signed in'),
  '403': error('Only admins of the person’s town may change the roster'),
  '404': error('No such person'),
  '409': error('Conflicts with the roster (username, phone, grid worker)'),
  '422': error('Not allowed in this state'),
};
const csvOrXlsx = (description: string) => ({
  description,
  content: {
    'text/csv': { schema: { type: 'string' } },
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
});
const xlsx = (description: string) => ({
  description,
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: { type: 'string', format: 'binary' },
    },
  },
});
const staffChange = (summary: string) => ({
  post: {
    summary,
    parameters: [path('id'), csrf],
    responses: { '200': json(staffDetailSchema, 'The person after the change'), ...writeErrors },
  },
});

export const adminStaffPaths = {
  '/api/admin/staff': {
    get: {
      summary: 'Roster in scope, with filters (admins and town leaders)',
      parameters: query(rosterQuerySchema),
      responses: {
        '200': json(rosterPageSchema, 'OK'),
        '400': error('Invalid filter'),
        ...readErrors,
        '404': error('No such grid or village (filter)'),
      },
    },
    post: {
      summary: 'Create a person; answers the initial password once',
      parameters: [csrf],
      requestBody: body(createStaffSchema),
      responses: { '201': json(createdStaffSchema, 'Created'), ...writeErrors },
    },
  },
  '/api/admin/staff/export.xlsx': {
    get: {
      summary: 'The roster (same filters) as XLSX',
      parameters: query(rosterQuerySchema),
      responses: { '200': xlsx('Roster'), ...readErrors, '404': error('No such grid or village (filter)') },
    },
  },
  '/api/admin/staff/{id}': {
    get: {
      summary: 'One person with the whole grid assignment history',
      parameters: [path('id')],
      responses: { '200': json(staffDetailSchema, 'OK'), ...readErrors, '404': error('No such person') },
    },
    patch: {
      summary: 'Edit name, phone, party membership, or bring back to active',
      parameters: [path('id'), csrf],
      requestBody: body(updateStaffSchema),
      responses: { '200': json(staffDetailSchema, 'Changed'), ...writeErrors },
    },
  },
  '/api/admin/staff/{id}/disable': staffChange('Disable the account (its sessions end)'),
  '/api/admin/staff/{id}/enable': staffChange('Enable the account again'),
  '/api/admin/staff/{id}/reset-password': {
    post: {
      summary: 'New random password, answered once; sessions end',
      parameters: [path('id'), csrf],
      responses: { '200': json(initialPasswordSchema, 'The new password'), ...writeErrors },
    },
  },
  '/api/admin/staff/{id}/roles': {
    put: {
      summary: 'Set the roles held for the person’s town; dropping a grid role ends its grids',
      parameters: [path('id'), csrf],
      requestBody: body(setRolesSchema),
      responses: { '200': json(staffDetailSchema, 'Changed'), ...writeErrors },
    },
  },
  '/api/admin/staff/{id}/assignments': {
    post: {
      summary: 'Assign a grid in a role (one active worker per grid)',
      parameters: [path('id'), csrf],
      requestBody: body(assignGridSchema),
      responses: { '201': json(staffDetailSchema, 'The person with the new assignment'), ...writeErrors },
    },
  },
  '/api/admin/staff/{id}/assignments/{assignmentId}/end': {
    post: {
      summary: 'End an assignment (kept in the history)',
      parameters: [path('id'), path('assignmentId'), csrf],
      responses: { '200': json(staffDetailSchema, 'Ended'), ...writeErrors },
    },
  },
  '/api/admin/staff/{id}/handover': {
    get: {
      summary: 'Open cases and grids of a person, with each grid’s leader',
      parameters: [path('id')],
      responses: { '200': json(handoverPreviewSchema, 'OK'), ...readErrors },
    },
    post: {
      summary: 'Departure or leave: reassign open cases and grids in one transaction',
      parameters: [path('id'), csrf],
      requestBody: body(handoverSchema),
      responses: { '200': json(handoverResultSchema, 'Handed over'), ...writeErrors },
    },
  },
  '/api/admin/staff-imports/template.{format}': {
    get: {
      summary: 'Import template (csv or xlsx, Chinese columns)',
      parameters: [
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['csv', 'xlsx'] } },
      ],
      responses: { '200': csvOrXlsx('Template'), ...readErrors },
    },
  },
  '/api/admin/staff-imports': {
    post: {
      summary: 'Upload a roster file (multipart field "file"); its rows are checked in the background',
      parameters: [csrf],
      requestBody: {
        required: true,
        content: {
          'multipart/form-data': {
            schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } } },
          },
        },
      },
      responses: {
        '202': json(importJobSchema, 'Checking'),
        '400': error('Not one file in the field "file"'),
        '422': error('Not a spreadsheet, unreadable encoding, missing columns, too many rows or too large'),
        ...readErrors,
      },
    },
  },
  '/api/admin/staff-imports/{id}': {
    get: {
      summary: 'Progress and problems of an import',
      parameters: [path('id')],
      responses: {
        '200': json(importJobSchema, 'OK'),
        ...readErrors,
        '404': error('No such import of yours'),
      },
    },
  },
  '/api/admin/staff-imports/{id}/problems.{format}': {
    get: {
      summary: 'Every problem of the dry run, one line each (csv or xlsx; ?lang=zh-CN|en)',
      parameters: [
        path('id'),
        { name: 'format', in: 'path', required: true, schema: { type: 'string', enum: ['csv', 'xlsx'] } },
      ],
      responses: { '200': csvOrXlsx('Report'), ...readErrors, '404': error('No such import of yours') },
    },
  },
  '/api/admin/staff-imports/{id}/commit': {
    post: {
      summary: 'Create every row in one transaction (or none); answers the initial password once',
      parameters: [path('id'), csrf],
      responses: {
        '202': json(importCommitResponseSchema, 'Committing'),
        ...readErrors,
        '409': error('Not checked and valid'),
      },
    },
  },
  '/api/admin/coverage': {
    get: {
      summary:
        'Coverage check: grids without a worker, overloaded leaders, too few patrollers, people in no grid',
      parameters: query(coverageQuerySchema),
      responses: { '200': json(coverageReportSchema, 'OK'), ...readErrors },
    },
  },
  '/api/admin/audit': {
    get: {
      summary: 'Audit log in scope, newest first (keyset pagination with cursor)',
      parameters: query(auditQuerySchema),
      responses: {
        '200': json(auditPageSchema, 'OK'),
        '400': error('Invalid filter or cursor'),
        ...readErrors,
      },
    },
  },
};
