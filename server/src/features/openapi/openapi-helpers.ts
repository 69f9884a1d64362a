// Building blocks of the OpenAPI description, shared by openapi.ts and the admin path modules: JSON
// Schemas come from the shared zod contract (responses as the server writes them, request bodies and
// query strings as a client may send them).
import { errorBodySchema } from '@gridgov/shared';
import { z } from 'zod';

/** The JSON Schema of a zod schema: `output` for what the server writes, `input` for what it accepts. */
export const toJsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' });

/** A JSON response. */
export const json = (schema: z.ZodType, description: string) => ({
  description,
  content: { 'application/json': { schema: toJsonSchema(schema, 'output') } },
});

/** A required JSON request body. */
export const jsonBody = (schema: z.ZodType) => ({
  required: true,
  content: { 'application/json': { schema: toJsonSchema(schema, 'input') } },
});

/** An error response in the shared error shape. */
export const errorResponse = (description: string) => json(errorBodySchema, description);

/** One optional query parameter per property of the schema. */
export function queryParameters(schema: z.ZodObject) {
  const jsonSchema = toJsonSchema(schema, 'input') as { properties?: Record<string, unknown> };
  return Object.entries(jsonSchema.properties ?? {}).map(([name, s]) => ({
    name,
    in: 'query',
    required: false,
    schema: s,
  }));
}

/** A UUID path parameter. */
export const uuidPathParameter = (name: string) => ({
  name,
  in: 'path',
  required: true,
  schema: { type: 'string', format: 'uuid' },
});

export const idParam = uuidPathParameter('id');
export const csrfHeader = { name: 'X-CSRF-Token', in: 'header', required: true, schema: { type: 'string' } };
