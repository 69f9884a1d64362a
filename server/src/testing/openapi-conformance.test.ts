import { describe, expect, it } from 'vitest';
import { findOpenApiMismatch, findOperation } from './openapi-conformance';

const json = 'application/json; charset=utf-8';
const problem = { error: { code: 'not_found', message: 'Case not found' } };

describe('OpenAPI conformance check', () => {
  it('when a literal path and a template both match, then the literal operation is chosen', () => {
    expect(findOperation('GET', '/api/cases/export?format=csv')?.operation.operationId).toBe('exportCases');
    expect(
      findOperation('GET', '/api/cases/0190a1b2-0000-7000-8000-000000000000')?.operation.operationId,
    ).toBe('getCase');
    expect(findOperation('GET', '/api/admin/staff-imports/template.csv')?.operation.operationId).toBe(
      'getImportTemplate',
    );
  });

  it('when the status is not documented for the operation, then the mismatch names method, path and status', () => {
    const mismatch = findOpenApiMismatch({
      method: 'GET',
      url: '/api/me',
      status: 409,
      contentType: json,
      body: { error: { code: 'conflict', message: 'x' } },
    });
    expect(mismatch).toMatch(
      /^GET \/api\/me answered 409, a status GET \/api\/me \(getMe\) does not document/,
    );
  });

  it('when a JSON body breaks the documented schema, then the mismatch says where', () => {
    const mismatch = findOpenApiMismatch({
      method: 'GET',
      url: '/api/cases/0190a1b2-0000-7000-8000-000000000000',
      status: 404,
      contentType: json,
      body: { error: { code: 'no_such_code', message: 'x' } },
    });
    expect(mismatch).toContain('/error/code must be equal to one of the allowed values');
  });

  it('when the answer is documented, or outside the API, then there is no mismatch', () => {
    const url = '/api/cases/0190a1b2-0000-7000-8000-000000000000';
    expect(
      findOpenApiMismatch({ method: 'GET', url, status: 404, contentType: json, body: problem }),
    ).toBeUndefined();
    expect(
      findOpenApiMismatch({
        method: 'GET',
        url: '/map',
        status: 200,
        contentType: 'text/html',
        body: '<html>',
      }),
    ).toBeUndefined();
  });

  it('when a database-bound operation is shed, then its documented 503 is the shared Overloaded answer', () => {
    const overloaded = { error: { code: 'overloaded', message: 'Busy, try again shortly' } };
    const exchange = { method: 'GET', url: '/api/cases', status: 503, contentType: json, body: overloaded };
    expect(findOpenApiMismatch(exchange)).toBeUndefined();
    expect(findOperation('GET', '/api/config')?.operation.responses['503']).toBeUndefined();
  });

  it('when a path is not in the document, then that is a mismatch unless the caller marks it undocumented', () => {
    expect(
      findOpenApiMismatch({ method: 'GET', url: '/api/nope', status: 404, contentType: json, body: problem }),
    ).toContain('{ undocumented: true }');
  });
});
