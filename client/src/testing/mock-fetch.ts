import type { ErrorCode } from '@gridgov/shared';
import { vi } from 'vitest';

/** `body` is the decoded JSON body; `rawBody` what was passed to fetch (e.g. a FormData upload). */
export type MockRequest = {
  method: string;
  path: string;
  url: URL;
  headers: Headers;
  body: unknown;
  rawBody: unknown;
};
type Handler = (request: MockRequest) => Response | Promise<Response>;

export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...init.headers },
  });
}

export function errorResponse(
  status: number,
  code: ErrorCode,
  options: { message?: string; details?: unknown; headers?: Record<string, string> } = {},
): Response {
  const error = { code, message: options.message ?? code, details: options.details };
  return jsonResponse({ error }, { status, headers: options.headers });
}

/**
 * Replaces global fetch with a route table keyed "METHOD /path" (query string ignored). Unknown routes
 * answer 404 in the API's error shape, so a missing mock fails loudly instead of hanging.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const handler = routes[`${method} ${url.pathname}`];
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    const request = {
      method,
      path: url.pathname,
      url,
      headers: new Headers(init.headers),
      body,
      rawBody: init.body,
    };
    return handler ? handler(request) : errorResponse(404, 'not_found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The requests fetch received, in order, decoded for assertions. */
export function listRequests(fetchMock: ReturnType<typeof mockFetch>): MockRequest[] {
  return fetchMock.mock.calls.map(([input, init = {}]) => {
    const url = new URL(String(input), 'http://localhost');
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    return {
      method: init.method ?? 'GET',
      path: url.pathname,
      url,
      headers: new Headers(init.headers),
      body,
      rawBody: init.body,
    };
  });
}
