// A fast-check arbitrary of whole requests for one documented operation: path parameters (real ids of
// the fixture, random ones, hostile text), query parameters and the JSON body, from the document.
import fc from 'fast-check';
import type { DocumentedOperation } from '../openapi-conformance';
import {
  type FuzzContext,
  hostileArbitrary,
  type JsonSchema,
  schemaArbitrary,
  toJsonText,
} from './schema-arbitrary';

export interface FuzzRequest {
  method: string;
  /** Path and query string, ready to send. */
  url: string;
  /** JSON text, or undefined for no body. */
  body?: string;
}

export interface RequestFuzzContext extends FuzzContext {
  /** Values for path parameters that are not uuids (category codes …), by parameter name. */
  pathValues: Record<string, string[]>;
}

interface Parameter {
  name: string;
  in: string;
  schema?: JsonSchema;
}

/** Node refuses request lines past ~16 KB with its own 431: one value, encoded, stays below ~4 KB. */
const MAX_URL_VALUE = 400;

/** encodeURIComponent, but lone surrogates (which it refuses) go out as the bytes of CESU-8. */
function encodeSegment(value: unknown): string {
  const text = (typeof value === 'object' && value !== null ? toJsonText(value) : String(value)).slice(
    0,
    MAX_URL_VALUE,
  );
  try {
    return encodeURIComponent(text);
  } catch {
    return [...text]
      .map((ch) => {
        try {
          return encodeURIComponent(ch);
        } catch {
          return '%ED%A0%80';
        }
      })
      .join('');
  }
}

function queryText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'object' ? toJsonText(value) : String(value);
}

function buildQuery(values: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(values)) {
    const list = Array.isArray(value) ? value : [value];
    for (const item of list) parts.push(`${encodeURIComponent(name)}=${encodeSegment(queryText(item))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

function pathParameterArbitrary(parameter: Parameter, ctx: RequestFuzzContext): fc.Arbitrary<unknown> {
  const schema = parameter.schema ?? { type: 'string' };
  const known = ctx.pathValues[parameter.name] ?? [];
  const plausible: fc.Arbitrary<unknown>[] = [schemaArbitrary(schema, ctx)];
  if (known.length) plausible.push(fc.constantFrom(...known));
  if (schema.format === 'uuid' && ctx.ids.length) plausible.push(fc.constantFrom(...ctx.ids));
  return fc.oneof(
    { weight: 4, arbitrary: fc.oneof(...plausible) },
    { weight: 1, arbitrary: hostileArbitrary(schema) },
  );
}

interface RequestBodyObject {
  content?: Record<string, { schema?: JsonSchema }>;
}

function bodyArbitrary(requestBody: RequestBodyObject | undefined, ctx: FuzzContext) {
  const content = requestBody?.content ?? {};
  const media = content['application/json'] ?? content['application/geo+json'];
  const wholeBodyHostile = fc.oneof(
    fc.constantFrom('', 'null', '[]', '"text"', '12', '{', '{"a":', '[{}]', '{"__proto__":{"x":1}}'),
    fc.jsonValue({ maxDepth: 3 }).map(toJsonText),
  );
  if (!media?.schema) {
    // No body documented: usually none, sometimes one anyway.
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(undefined) },
      { weight: 1, arbitrary: wholeBodyHostile },
    );
  }
  return fc.oneof(
    { weight: 6, arbitrary: schemaArbitrary(media.schema, ctx).map(toJsonText) },
    { weight: 1, arbitrary: wholeBodyHostile },
  );
}

/** Requests for one operation. */
export function requestArbitrary(
  op: DocumentedOperation,
  ctx: RequestFuzzContext,
): fc.Arbitrary<FuzzRequest> {
  const operation = op.operation as unknown as { parameters?: Parameter[]; requestBody?: RequestBodyObject };
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const pathArb = fc.record(
    Object.fromEntries(pathParams.map((p) => [p.name, pathParameterArbitrary(p, ctx)])),
  );
  const queryArb = fc.record(
    Object.fromEntries(queryParams.map((p) => [p.name, schemaArbitrary(p.schema ?? {}, ctx)])),
    { requiredKeys: [] },
  );
  const body = op.method === 'GET' ? fc.constant(undefined) : bodyArbitrary(operation.requestBody, ctx);
  return fc.tuple(pathArb, queryArb, body).map(([path, query, body]) => {
    const filled = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeSegment(path[name]));
    return { method: op.method, url: filled + buildQuery(query), body };
  });
}
