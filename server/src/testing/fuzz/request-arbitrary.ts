// A fast-check arbitrary of whole requests for one documented operation: path parameters (real ids of
// the fixture, random ones, hostile text), query parameters and the JSON body, from the document.
import fc from 'fast-check';
import type { DocumentedOperation } from '../openapi-conformance';
import {
  type FuzzContext,
  hostileArbitrary,
  type JsonSchema,
  mutatedArbitrary,
  namedArbitrary,
  toJsonText,
  validArbitrary,
} from './schema-arbitrary';

export interface FuzzRequest {
  method: string;
  /** Path and query string, ready to send. */
  url: string;
  /** JSON text, or undefined for no body. */
  body?: string;
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

function pathParameterArbitrary(parameter: Parameter, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const schema = parameter.schema ?? { type: 'string' };
  const plausible: fc.Arbitrary<unknown>[] = [namedArbitrary(parameter.name, schema, ctx)];
  if (schema.format === 'uuid' && ctx.ids.length) plausible.push(fc.constantFrom(...ctx.ids));
  return fc.oneof(...plausible);
}

interface RequestBodyObject {
  content?: Record<string, { schema?: JsonSchema }>;
}

/** Whole bodies that are not what any JSON endpoint expects. */
const hostileBody = fc.oneof(
  fc.constantFrom('', 'null', '[]', '"text"', '12', '1e999', '{', '{"a":', '[{}]', '{"__proto__":{"x":1}}'),
  fc.jsonValue({ maxDepth: 3 }).map(toJsonText),
);

interface Parts {
  path: Record<string, unknown>;
  query: Record<string, unknown>;
  body: unknown;
}

/**
 * Requests for one operation: a quarter entirely plausible, the rest plausible but for one hostile
 * spot (one path or query parameter, one node of the body, an extra key, or the whole body), so that
 * a hostile value is not hidden behind the 400 of another.
 */
export function requestArbitrary(op: DocumentedOperation, ctx: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const operation = op.operation as unknown as { parameters?: Parameter[]; requestBody?: RequestBodyObject };
  const parameters = operation.parameters ?? [];
  const pathParams = parameters.filter((p) => p.in === 'path');
  const queryParams = parameters.filter((p) => p.in === 'query');
  const content = operation.requestBody?.content ?? {};
  const bodySchema =
    op.method === 'GET'
      ? undefined
      : (content['application/json'] ?? content['application/geo+json'])?.schema;

  const plausible: fc.Arbitrary<Parts> = fc.record({
    path: fc.record(Object.fromEntries(pathParams.map((p) => [p.name, pathParameterArbitrary(p, ctx)]))),
    query: fc.record(
      Object.fromEntries(queryParams.map((p) => [p.name, namedArbitrary(p.name, p.schema ?? {}, ctx)])),
      { requiredKeys: [] },
    ),
    body: bodySchema ? validArbitrary(bodySchema, ctx) : fc.constant(undefined),
  });
  type Mutation = { weight: number; arbitrary: fc.Arbitrary<(parts: Parts) => Parts> };
  const mutations: Mutation[] = [
    ...pathParams.map((p) => ({
      weight: 2,
      arbitrary: hostileArbitrary(p.schema ?? {}, p.name).map((bad) => (parts: Parts) => ({
        ...parts,
        path: { ...parts.path, [p.name]: bad },
      })),
    })),
    ...queryParams.map((p) => ({
      // Cursors and dates are where forged values have reached the database (issue 12).
      weight: /cursor|from|to|date/i.test(p.name) ? 3 : 1,
      arbitrary: hostileArbitrary(p.schema ?? {}, p.name).map((bad) => (parts: Parts) => ({
        ...parts,
        query: { ...parts.query, [p.name]: bad },
      })),
    })),
  ];
  if (bodySchema) {
    const arbitrary = mutatedArbitrary(bodySchema, ctx).map((bad) => (parts: Parts) => ({
      ...parts,
      body: bad,
    }));
    mutations.push({ weight: 6, arbitrary });
  }
  if (op.method !== 'GET') {
    const arbitrary = hostileBody.map((text) => (parts: Parts) => ({ ...parts, body: new RawBody(text) }));
    mutations.push({ weight: 1, arbitrary });
  }
  const parts = mutations.length
    ? fc.oneof(
        { weight: 1, arbitrary: plausible },
        {
          weight: 3,
          arbitrary: fc.tuple(plausible, fc.oneof(...mutations)).map(([valid, mutate]) => mutate(valid)),
        },
      )
    : plausible;
  return parts.map(({ path, query, body }) => {
    const filled = op.template.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeSegment(path[name]));
    const text = body === undefined ? undefined : body instanceof RawBody ? body.text : toJsonText(body);
    return { method: op.method, url: filled + buildQuery(query), body: text };
  });
}

/** A body sent as written, not as JSON of a value. */
class RawBody {
  constructor(readonly text: string) {}
}
