import {
  clientConfigSchema,
  csrfResponseSchema,
  errorBodySchema,
  gridDetailSchema,
  gridFeatureCollectionSchema,
  gridListSchema,
  healthSchema,
  loginRequestSchema,
  meSchema,
  regionTreeSchema,
  staffListQuerySchema,
  staffPageSchema,
} from '@gridgov/shared';
import { z } from 'zod';

type Schema = z.ZodType;

const toJson = (schema: Schema) => z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
const json = (schema: Schema, description: string) => ({
  description,
  content: { 'application/json': { schema: toJson(schema) } },
});
const errorResponse = (description: string) => json(errorBodySchema, description);
const authErrors = { '401': errorResponse('Not signed in'), '403': errorResponse('Outside your scope') };

function queryParameters(schema: z.ZodObject) {
  const jsonSchema = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
  };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }));
}

const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };
const csrfHeader = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };

/** The OpenAPI 3.1 description of the API, generated from the shared zod contract. */
export function buildOpenApiDocument() {
  return {
    openapi: '3.1.0',
    info: { title: 'GridGov API (网格化社会治理平台)', version: '0.1.0' },
    components: {
      securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'gridgov_session' } },
    },
    security: [{ session: [] }],
    paths: {
      '/api/health': {
        get: {
          summary: 'Liveness and migration state',
          security: [],
          responses: { '200': json(healthSchema, 'OK'), '503': errorResponse('Database unreachable') },
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
          requestBody: {
            required: true,
            content: { 'application/json': { schema: toJson(loginRequestSchema) } },
          },
          responses: {
            '200': json(meSchema, 'Signed in'),
            '400': errorResponse('Invalid body'),
            '401': errorResponse('Wrong username or password'),
            '403': errorResponse('CSRF token missing'),
            '429': errorResponse('Too many failures; see Retry-After'),
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
              content: { 'application/geo+json': { schema: toJson(gridFeatureCollectionSchema) } },
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
      '/api/staff': {
        get: {
          summary: 'Staff directory in scope (paged)',
          parameters: queryParameters(staffListQuerySchema),
          responses: {
            '200': json(staffPageSchema, 'OK'),
            '400': errorResponse('Invalid filter'),
            ...authErrors,
          },
        },
      },
    },
  };
}
