import { beforeEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import {
  ApiError,
  api,
  buildLoginPath,
  CSRF_HEADER,
  parseRetryAfter,
  resetCsrfToken,
  setUnauthorizedHandler,
} from './api-client';

describe('api-client', () => {
  const onUnauthorized = vi.fn();

  beforeEach(() => {
    resetCsrfToken();
    onUnauthorized.mockReset();
    setUnauthorizedHandler(onUnauthorized);
  });

  it('when a POST is sent, then the CSRF token is fetched once and sent as a header on every mutation', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok-1' }),
      'POST /api/things': () => jsonResponse({ ok: true }),
    });

    await api.post('/api/things', { name: 'a' });
    await api.post('/api/things', { name: 'b' });

    const requests = listRequests(fetchMock);
    expect(requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/things',
      'POST /api/things',
    ]);
    expect(requests[1]?.headers.get(CSRF_HEADER)).toBe('tok-1');
    expect(requests[2]?.headers.get(CSRF_HEADER)).toBe('tok-1');
    expect(requests[1]?.body).toEqual({ name: 'a' });
    expect(fetchMock.mock.calls[1]?.[1]?.credentials).toBe('same-origin');
  });

  it('when sign-in hands back a rotated CSRF token, then the next mutation sends that one without a refetch', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'anonymous' }),
      'POST /api/auth/login': () =>
        jsonResponse({ id: 'me' }, { headers: { [CSRF_HEADER]: 'bound-to-session' } }),
      'POST /api/things': () => jsonResponse({ ok: true }),
    });

    await api.post('/api/auth/login', { username: 'u', password: 'p' });
    await api.post('/api/things', {});

    const requests = listRequests(fetchMock);
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/auth/csrf',
      'POST /api/auth/login',
      'POST /api/things',
    ]);
    expect(requests[2]?.headers.get(CSRF_HEADER)).toBe('bound-to-session');
  });

  it('when the body is FormData, then it is sent as multipart with the CSRF token and no JSON content type', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok-1' }),
      'POST /api/uploads': () => jsonResponse({ id: 'u1' }, { status: 201 }),
    });
    const form = new FormData();
    form.append('file', new File(['x'], 'photo.jpg', { type: 'image/jpeg' }));

    await expect(api.post('/api/uploads', form)).resolves.toEqual({ id: 'u1' });

    const upload = listRequests(fetchMock)[1];
    expect(upload?.rawBody).toBe(form);
    expect(upload?.headers.get(CSRF_HEADER)).toBe('tok-1');
    expect(upload?.headers.has('Content-Type')).toBe(false);
  });

  it('when extra headers are given, then they are sent alongside the JSON body', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok-1' }),
      'POST /api/things': () => jsonResponse({ ok: true }),
    });

    await api.post('/api/things', { a: 1 }, { headers: { 'Idempotency-Key': 'key-1' } });

    const request = listRequests(fetchMock)[1];
    expect(request?.headers.get('Idempotency-Key')).toBe('key-1');
    expect(request?.headers.get('Content-Type')).toBe('application/json');
  });

  it('when a GET is sent, then no CSRF token is fetched or sent', async () => {
    const fetchMock = mockFetch({ 'GET /api/grids': () => jsonResponse({ items: [] }) });

    await expect(api.get('/api/grids')).resolves.toEqual({ items: [] });

    const requests = listRequests(fetchMock);
    expect(requests).toHaveLength(1);
    expect(requests[0]?.headers.has(CSRF_HEADER)).toBe(false);
  });

  it('when the server rejects the CSRF token, then a fresh token is fetched and the request retried once', async () => {
    let tokenCount = 0;
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: `tok-${++tokenCount}` }),
      'POST /api/things': (request) =>
        request.headers.get(CSRF_HEADER) === 'tok-2'
          ? jsonResponse({ ok: true })
          : errorResponse(403, 'csrf_failed'),
    });

    await expect(api.post('/api/things', {})).resolves.toEqual({ ok: true });

    expect(listRequests(fetchMock).map((request) => request.path)).toEqual([
      '/api/auth/csrf',
      '/api/things',
      '/api/auth/csrf',
      '/api/things',
    ]);
  });

  it('when the retried request is rejected again, then the error surfaces without a third attempt', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/things': () => errorResponse(403, 'csrf_failed'),
    });

    await expect(api.post('/api/things', {})).rejects.toMatchObject({ status: 403, code: 'csrf_failed' });
    expect(listRequests(fetchMock).filter((request) => request.path === '/api/things')).toHaveLength(2);
  });

  it('when the server answers with the error shape, then an ApiError carries status, code, message and details', async () => {
    mockFetch({
      'GET /api/staff': () =>
        errorResponse(400, 'validation_failed', { message: 'Bad query', details: [{ path: 'page' }] }),
    });

    const error = await api.get('/api/staff').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 400,
      code: 'validation_failed',
      message: 'Bad query',
      details: [{ path: 'page' }],
    });
  });

  it('when the server throttles, then retryAfter holds the Retry-After seconds', async () => {
    mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'POST /api/auth/login': () =>
        errorResponse(429, 'too_many_requests', { headers: { 'Retry-After': '42' } }),
    });

    await expect(api.post('/api/auth/login', {}, { isAuthProbe: true })).rejects.toMatchObject({
      status: 429,
      code: 'too_many_requests',
      retryAfter: 42,
    });
  });

  it('when the body is not the error shape, then the code is derived from the status', async () => {
    mockFetch({ 'GET /api/grids': () => new Response('<html>Bad gateway</html>', { status: 502 }) });

    await expect(api.get('/api/grids')).rejects.toMatchObject({ status: 502, code: 'internal' });
  });

  it('when fetch itself fails, then an ApiError with code "network" is thrown', async () => {
    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));

    await expect(api.get('/api/grids')).rejects.toMatchObject({ status: 0, code: 'network' });
  });

  it('when a request gets a 401, then the user is sent to the login page', async () => {
    mockFetch({ 'GET /api/grids': () => errorResponse(401, 'unauthenticated') });

    await expect(api.get('/api/grids')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('when an auth probe gets a 401, then the caller handles it and no redirect happens', async () => {
    mockFetch({ 'GET /api/me': () => errorResponse(401, 'unauthenticated') });

    await expect(api.get('/api/me', { isAuthProbe: true })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('when query parameters are given, then empty ones are left out of the URL', async () => {
    const fetchMock = mockFetch({ 'GET /api/staff': () => jsonResponse({ items: [] }) });

    await api.get('/api/staff', { query: { role: 'patroller', status: null, q: '', page: 2 } });

    expect(listRequests(fetchMock)[0]?.url.search).toBe('?role=patroller&page=2');
  });
});

describe('buildLoginPath', () => {
  it('when the user was on a page, then the login path carries it as ?next=', () => {
    expect(buildLoginPath({ pathname: '/hierarchy', search: '?view=staff' })).toBe(
      '/login?next=%2Fhierarchy%3Fview%3Dstaff',
    );
  });

  it('when the user was on the home page or the login page, then no back-link is added', () => {
    expect(buildLoginPath({ pathname: '/', search: '' })).toBe('/login');
    expect(buildLoginPath({ pathname: '/login', search: '?next=%2F' })).toBe('/login');
  });
});

describe('parseRetryAfter', () => {
  it('when given seconds or an HTTP date, then it returns whole seconds to wait', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Wed, 01 Jan 2025 00:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
