// fast-check arbitraries generated from the JSON Schemas of the OpenAPI document (issue 12): values a
// client would plausibly send, mixed at every level with hostile ones (control characters, lone
// surrogates, huge strings, dates PostgreSQL cannot hold, non-finite numbers, wrong types, extra keys).
import fc from 'fast-check';

export interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  default?: unknown;
}

/** A number JSON cannot carry (1e999 parses to Infinity): serialized by `toJsonText` as raw text. */
export class RawJsonNumber {
  constructor(readonly text: string) {}
  toJSON() {
    return `\u0001raw:${this.text}\u0001`;
  }
  toString() {
    return this.text;
  }
}

/** JSON text of a generated value, with RawJsonNumber tokens written as bare numbers. */
export const toJsonText = (value: unknown) =>
  JSON.stringify(value).replace(/"\\u0001raw:([^"\\]+)\\u0001"/g, '$1');

/** The context a generator needs: real ids of the fixture for uuid-shaped values. */
export interface FuzzContext {
  ids: string[];
  /** Real values of the fixture by property or parameter name (category codes, years …). */
  valuesByName: Record<string, unknown[]>;
}

/** A plausible value for a named property: a real one of the fixture now and then. */
export function namedArbitrary(name: string, schema: JsonSchema, ctx: FuzzContext, depth = 0) {
  const known = ctx.valuesByName[name] ?? [];
  const generated = validArbitrary(schema, ctx, depth);
  return known.length ? fc.oneof(fc.constantFrom(...known), generated) : generated;
}

// NUL most often: PostgreSQL refuses it in text (issue 12).
const CONTROL = fc.oneof(
  { weight: 3, arbitrary: fc.constant('\u0000') },
  {
    weight: 2,
    arbitrary: fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007f', '\u0085', '\u2028', '\ufeff'),
  },
);
const LONE_SURROGATE = fc.constantFrom('\ud800', '\udfff', 'a\ud83d', '\ude00b');

/** Dates at and past the edges of what JavaScript and PostgreSQL hold. */
const EDGE_DATES = [
  '0000-01-01',
  '0001-01-01',
  '1900-01-01',
  '1969-12-31',
  '9999-12-31',
  '275760-09-13',
  '+275760-09-13',
  '-000001-01-01',
  '2025-02-30',
  '2025-13-01',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '+275760-09-13T00:00:00.000Z',
  '2025-01-01T25:61:61Z',
];

/** Base64 cursors that decode to something plausible but forged. */
const FORGED_CURSORS = [
  '{"at":"0000-01-01T00:00:00Z","id":"00000000-0000-0000-0000-000000000000"}',
  '{"at":"275760-09-13T00:00:00Z","id":"x"}',
  '{"createdAt":"9999-12-31T23:59:59Z","id":"\\u0000"}',
  '["2025-01-01",1e308]',
  '{"at":null,"id":null}',
  '{}',
  'not json',
  '\u0000\u0000',
].flatMap((text) => [Buffer.from(text).toString('base64'), Buffer.from(text).toString('base64url')]);

const hostileString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 8 }), CONTROL, fc.string({ maxLength: 8 }))
      .map(([a, c, b]) => a + c + b),
  },
  { weight: 2, arbitrary: fc.constantFrom(...EDGE_DATES) },
  { weight: 2, arbitrary: fc.constantFrom(...FORGED_CURSORS) },
  { weight: 1, arbitrary: fc.tuple(fc.string({ maxLength: 8 }), LONE_SURROGATE).map(([a, s]) => a + s) },
  { weight: 1, arbitrary: fc.integer({ min: 256, max: 20_000 }).map((n) => 'x'.repeat(n)) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 2_000 }).map((n) => '网格'.repeat(n)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '\t\n',
      "'; DROP TABLE x; --",
      '%00',
      '../../etc/passwd',
      '<script>',
      'null',
      'NaN',
    ),
  },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 20 }) },
);

const hostileNumber: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    new RawJsonNumber('1e999'),
    new RawJsonNumber('-1e999'),
    new RawJsonNumber('123456789012345678901234567890'),
    1e308,
    -1e308,
    Number.MAX_SAFE_INTEGER + 2,
    -0,
    0.5,
    -1,
    2_147_483_648,
    5e-324,
  ),
  fc.double(),
);

/** Anything but what the schema asks for. */
const wrongType: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  hostileNumber,
  hostileString,
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 4 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), { maxKeys: 3 }),
);

function typesOf(schema: JsonSchema): string[] {
  if (Array.isArray(schema.type)) return schema.type;
  if (schema.type) return [schema.type];
  if (schema.properties) return ['object'];
  if (schema.items) return ['array'];
  return [];
}

function stringArbitrary(schema: JsonSchema, ctx: FuzzContext): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 40, Math.max(minLength, 40));
  switch (schema.format) {
    case 'uuid':
      return ctx.ids.length ? fc.oneof(fc.constantFrom(...ctx.ids), fc.uuid()) : fc.uuid();
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString().slice(0, 10));
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((d) => d.toISOString());
    case 'email':
      return fc.emailAddress();
  }
  if (schema.pattern) {
    try {
      return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length <= 200);
    } catch {
      // A pattern JavaScript cannot compile: fall through to plain strings.
    }
  }
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

function numberArbitrary(schema: JsonSchema, isInteger: boolean): fc.Arbitrary<number> {
  const min = schema.minimum ?? schema.exclusiveMinimum ?? -1_000;
  const max = schema.maximum ?? schema.exclusiveMaximum ?? Math.max(min + 1_000, 1_000);
  const safeMin = Math.max(min, -1e9);
  const safeMax = Math.min(max, 1e9);
  if (isInteger) return fc.integer({ min: Math.ceil(safeMin), max: Math.floor(safeMax) });
  return fc.double({ min: safeMin, max: safeMax, noNaN: true, noDefaultInfinity: true });
}

function objectArbitrary(schema: JsonSchema, ctx: FuzzContext, depth: number) {
  const properties = schema.properties ?? {};
  const shape = Object.fromEntries(
    Object.entries(properties).map(([name, s]) => [name, namedArbitrary(name, s, ctx, depth + 1)]),
  );
  const required = (schema.required ?? []).filter((name) => name in properties);
  return fc.record(shape, { requiredKeys: required });
}

/** Plausible values for the schema: what a well-behaved (if unusual) client sends. */
export function validArbitrary(schema: JsonSchema, ctx: FuzzContext, depth = 0): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches?.length) return fc.oneof(...branches.map((b) => validArbitrary(b, ctx, depth)));
  if (schema.allOf?.length) return validArbitrary(schema.allOf[0]!, ctx, depth);
  const types = typesOf(schema);
  if (!types.length) return fc.jsonValue({ maxDepth: 2 });
  return fc.oneof(
    ...types.map((type): fc.Arbitrary<unknown> => {
      switch (type) {
        case 'string':
          return stringArbitrary(schema, ctx);
        case 'integer':
          return numberArbitrary(schema, true);
        case 'number':
          return numberArbitrary(schema, false);
        case 'boolean':
          return fc.boolean();
        case 'null':
          return fc.constant(null);
        case 'array': {
          if (schema.prefixItems)
            return fc.tuple(...schema.prefixItems.map((s) => validArbitrary(s, ctx, depth + 1)));
          const minLength = schema.minItems ?? 0;
          const maxLength = Math.max(minLength, Math.min(schema.maxItems ?? 4, 4));
          const items = schema.items
            ? validArbitrary(schema.items, ctx, depth + 1)
            : fc.jsonValue({ maxDepth: 1 });
          return fc.array(items, { minLength, maxLength });
        }
        default:
          return depth > 6 ? fc.constant({}) : objectArbitrary(schema, ctx, depth);
      }
    }),
  );
}

const DATE_LIKE = /(^|[^a-z])(from|to|date|day|at|since|until)$|At$|From$|To$/;

/**
 * A hostile value in the place of this schema: right type with poisoned content, or the wrong type.
 * With the property's name, cursors get forged cursors and date-like fields impossible dates.
 */
export function hostileArbitrary(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (/cursor/i.test(name)) return fc.oneof(fc.constantFrom(...FORGED_CURSORS), hostileString);
  if (schema.format === 'date' || schema.format === 'date-time' || DATE_LIKE.test(name)) {
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...EDGE_DATES) },
      { weight: 1, arbitrary: hostileString },
    );
  }
  const types = typesOf(schema);
  const sameType: fc.Arbitrary<unknown>[] = [];
  if (types.includes('string') || schema.format || schema.pattern) sameType.push(hostileString);
  if (types.includes('integer') || types.includes('number')) sameType.push(hostileNumber);
  if (types.includes('object')) sameType.push(fc.constant([{}]), fc.constant([]));
  if (types.includes('array'))
    sameType.push(fc.constant({ 0: 'x', length: 1 }), fc.array(wrongType, { maxLength: 3 }));
  return sameType.length
    ? fc.oneof({ weight: 3, arbitrary: fc.oneof(...sameType) }, { weight: 1, arbitrary: wrongType })
    : wrongType;
}

/** Extra keys a contract does not know, put beside the known ones. */
export const EXTRA_KEYS = ['__proto__', 'constructor', 'extra', 'id', 'version', 'createdAt'];

/** Where a hostile value can go: every node of the schema (object properties, first array item). */
export interface SchemaNode {
  path: (string | number)[];
  schema: JsonSchema;
}

export function schemaNodes(schema: JsonSchema, path: (string | number)[] = [], depth = 0): SchemaNode[] {
  const nodes: SchemaNode[] = [{ path, schema }];
  if (depth > 5) return nodes;
  const branches = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])];
  for (const branch of branches) nodes.push(...schemaNodes(branch, path, depth + 1).slice(1));
  for (const [name, child] of Object.entries(schema.properties ?? {}))
    nodes.push(...schemaNodes(child, [...path, name], depth + 1));
  if (schema.items) nodes.push(...schemaNodes(schema.items, [...path, 0], depth + 1));
  for (const [i, child] of (schema.prefixItems ?? []).entries())
    nodes.push(...schemaNodes(child, [...path, i], depth + 1));
  return nodes;
}

/** A copy of `value` with `replacement` at `path`, creating the containers on the way. */
export function setAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (!path.length) return replacement;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...value] : [];
    list[head] = setAt(list[head], rest, replacement);
    return list;
  }
  const object = typeof value === 'object' && value !== null && !Array.isArray(value) ? { ...value } : {};
  Object.defineProperty(object, head!, {
    value: setAt((object as Record<string, unknown>)[head!], rest, replacement),
    enumerable: true,
    writable: true,
    configurable: true,
  });
  return object;
}

/** A plausible value with one hostile spot: the wrong or poisoned value at one node, or an extra key. */
export function mutatedArbitrary(schema: JsonSchema, ctx: FuzzContext): fc.Arbitrary<unknown> {
  const nodes = schemaNodes(schema);
  const objectNodes = nodes.filter((n) => n.schema.properties);
  return fc.tuple(validArbitrary(schema, ctx), fc.constantFrom(...nodes)).chain(([value, node]) => {
    const name = String(node.path.at(-1) ?? '');
    const poisoned = hostileArbitrary(node.schema, name).map((bad) => setAt(value, node.path, bad));
    if (!objectNodes.length) return poisoned;
    const withExtraKey = fc
      .tuple(fc.constantFrom(...objectNodes), fc.constantFrom(...EXTRA_KEYS), wrongType)
      .map(([target, key, bad]) => setAt(value, [...target.path, key], bad));
    return fc.oneof({ weight: 5, arbitrary: poisoned }, { weight: 1, arbitrary: withExtraKey });
  });
}
