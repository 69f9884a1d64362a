// Checks a live answer against the OpenAPI document (issue 12): the status is documented for the
// operation the request matched (by path template), and a JSON body validates against its schema.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { buildOpenApiDocument } from '../features/openapi/openapi';

interface MediaType {
  schema?: object;
}
interface ResponseObject {
  $ref?: string;
  content?: Record<string, MediaType>;
}
interface Operation {
  operationId: string;
  responses: Record<string, ResponseObject>;
}
export interface DocumentedOperation {
  method: string;
  template: string;
  operation: Operation;
}

const document = buildOpenApiDocument() as unknown as {
  paths: Record<string, Record<string, Operation>>;
  components: { responses: Record<string, ResponseObject> };
};

function templatePattern(template: string): RegExp {
  const literals = template.split(/\{[^}]+\}/).map((part) => part.replace(/[.*+?^$()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${literals.join('[^/]+')}$`);
}

const operations = Object.entries(document.paths).flatMap(([template, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    method: method.toUpperCase(),
    template,
    operation,
    pattern: templatePattern(template),
    // A literal path wins over a template: /api/cases/export before /api/cases/{id}.
    params: (template.match(/\{/g) ?? []).length,
  })),
);

/** Every documented operation, for suites generated from the document. */
export const documentedOperations: DocumentedOperation[] = operations.map(
  ({ method, template, operation }) => ({
    method,
    template,
    operation,
  }),
);
export const openApiDocument = document;

/** The operation a request goes to, or undefined when the document has none for it. */
export function findOperation(method: string, url: string): DocumentedOperation | undefined {
  const path = url.split('?')[0]!;
  return operations
    .filter((o) => o.method === method.toUpperCase() && o.pattern.test(path))
    .sort((a, b) => a.params - b.params)[0];
}

function resolveResponse(response: ResponseObject): ResponseObject {
  if (!response.$ref) return response;
  const name = response.$ref.replace('#/components/responses/', '');
  const target = document.components.responses[name];
  if (!target) throw new Error(`Unresolvable response reference ${response.$ref}`);
  return target;
}

const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true });
addFormats(ajv);
const validators = new Map<object, ValidateFunction>();

function validatorOf(schema: object): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    const { $schema: _ignored, ...rest } = schema as { $schema?: string };
    validate = ajv.compile(rest);
    validators.set(schema, validate);
  }
  return validate;
}

export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: unknown;
}

/** Why the answer disagrees with the document, or undefined when it conforms. */
export function findOpenApiMismatch(exchange: Exchange): string | undefined {
  const { method, url, status, contentType, body } = exchange;
  const where = `${method} ${url.length > 300 ? `${url.slice(0, 300)}…` : url} answered ${status}`;
  if (!url.startsWith('/api/')) return undefined; // the web client's pages and assets
  const found = findOperation(method, url);
  if (!found) {
    return `${where}, but the OpenAPI document has no operation for it (pass { undocumented: true } for a deliberate probe)`;
  }
  const { operation, template } = found;
  const documented = operation.responses[String(status)] ?? operation.responses[`${String(status)[0]}XX`];
  if (!documented) {
    return `${where}, a status ${method} ${template} (${operation.operationId}) does not document (it lists ${Object.keys(operation.responses).join(', ')}); body ${JSON.stringify(body).slice(0, 300)}`;
  }
  const response = resolveResponse(documented);
  const mediaType = contentType.split(';')[0]!.trim();
  if (!mediaType || (typeof body === 'string' && body === '')) return undefined;
  const content = response.content ?? {};
  const media = content[mediaType];
  if (!media) {
    if (!mediaType.includes('json') && Object.keys(content).length === 0) return undefined; // e.g. an image
    return `${where} with ${mediaType}, but ${operation.operationId} documents ${Object.keys(content).join(', ') || 'no body'} for ${status}`;
  }
  if (!mediaType.includes('json') || !media.schema) return undefined;
  const validate = validatorOf(media.schema);
  if (validate(body)) return undefined;
  const errors = (validate.errors ?? [])
    .slice(0, 5)
    .map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`)
    .join('; ');
  return `${where}: the body does not match the schema of ${operation.operationId} ${status}: ${errors}; body ${JSON.stringify(body).slice(0, 300)}`;
}

/** Throws (failing the test that made the request) when the answer disagrees with the document. */
export function assertMatchesOpenApi(exchange: Exchange): void {
  const mismatch = findOpenApiMismatch(exchange);
  if (mismatch) throw new Error(`OpenAPI mismatch: ${mismatch}`);
}
