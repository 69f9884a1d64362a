import type { ErrorCode } from '@gridgov/shared';
import { browserLocation } from './browser-location';
import { noteAnswerTime } from './pwa-state';

/** Anything with a zod-like `parse`; kept structural so this module does not pull zod into the entry chunk. */
export type ResponseParser<T> = { parse: (data: unknown) => T };

export type QueryValue = string | number | boolean | null | undefined;

export type RequestOptions<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Sent as JSON, except FormData, which goes as multipart with the browser's boundary. */
  body?: unknown;
  /** Extra request headers, e.g. `Idempotency-Key`. */
  headers?: Record<string, string>;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Validates the response body against the shared contract. */
  schema?: ResponseParser<T>;
  /** Auth probes (GET /api/me, the login itself) handle 401 themselves instead of leaving the page. */
  isAuthProbe?: boolean;
};

export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode | 'network' | 'unknown';
  readonly details: unknown;
  /** Seconds from a Retry-After header (429/503), when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(init: {
    status: number;
    code: ApiError['code'];
    message: string;
    details?: unknown;
    retryAfter?: number;
  }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
    this.retryAfter = init.retryAfter;
  }
}

export const CSRF_HEADER = 'X-CSRF-Token';
const CSRF_PATH = '/api/auth/csrf';
const MUTATING_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

let csrfToken: Promise<string> | null = null;
let handleUnauthorized: () => void = redirectToLogin;

/** Lets the app route 401s through its router (no full reload) and drop cached user data. */
export function setUnauthorizedHandler(handler: () => void): void {
  handleUnauthorized = handler;
}

/** Forget the CSRF token, e.g. after sign-out; the next mutation fetches a fresh one. */
export function resetCsrfToken(): void {
  csrfToken = null;
}

export function buildLoginPath(location: Pick<Location, 'pathname' | 'search'> = window.location): string {
  const next = `${location.pathname}${location.search}`;
  if (location.pathname === '/login' || next === '/') return '/login';
  return `/login?${new URLSearchParams({ next }).toString()}`;
}

function redirectToLogin(): void {
  if (window.location.pathname === '/login') return;
  browserLocation.assign(buildLoginPath());
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}

export async function apiRequest<T>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const isMutation = MUTATING_METHODS.has(method);
  let response = await send(path, options, isMutation ? await getCsrfToken() : null);
  if (isMutation && response.status === 403 && (await readErrorCode(response)) === 'csrf_failed') {
    resetCsrfToken();
    response = await send(path, options, await getCsrfToken());
  }
  // Sign-in rotates the token (it is bound to the new session): use the one handed back.
  const rotated = response.ok ? response.headers.get(CSRF_HEADER) : null;
  if (rotated) csrfToken = Promise.resolve(rotated);
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401 && !options.isAuthProbe) handleUnauthorized();
    throw error;
  }
  if (response.status === 204) return undefined as T;
  if (method === 'GET') noteAnswerTime(response.headers.get('Date'));
  const data: unknown = await response.json();
  return options.schema ? options.schema.parse(data) : (data as T);
}

/**
 * For bodies that are not JSON (file downloads read as a stream): the response once it is known to be
 * a success; failures become the same typed ApiError, and 401 signs out, as with `apiRequest`.
 */
export async function apiFetch(
  path: string,
  options: Pick<RequestOptions<unknown>, 'query' | 'signal' | 'headers'> = {},
): Promise<Response> {
  const response = await send(path, { ...options, method: 'GET' }, null);
  if (!response.ok) {
    const error = await toApiError(response);
    if (error.status === 401) handleUnauthorized();
    throw error;
  }
  return response;
}

export const api = {
  get: <T>(path: string, options?: Omit<RequestOptions<T>, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'GET' }),
  post: <T>(path: string, body?: unknown, options?: Omit<RequestOptions<T>, 'method' | 'body'>) =>
    apiRequest<T>(path, { ...options, method: 'POST', body }),
};

async function send(path: string, options: RequestOptions<unknown>, csrf: string | null): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  const isMultipart = options.body instanceof FormData;
  // Multipart: the browser must set Content-Type itself, with the boundary it generates.
  if (options.body !== undefined && !isMultipart) headers['Content-Type'] = 'application/json';
  if (csrf) headers[CSRF_HEADER] = csrf;
  try {
    return await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: encodeBody(options.body),
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network', message: 'Network request failed', details: cause });
  }
}

function encodeBody(body: unknown): BodyInit | undefined {
  if (body === undefined) return undefined;
  return body instanceof FormData ? body : JSON.stringify(body);
}

export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

function getCsrfToken(): Promise<string> {
  if (!csrfToken) {
    csrfToken = fetchCsrfToken().catch((error: unknown) => {
      csrfToken = null;
      throw error;
    });
  }
  return csrfToken;
}

async function fetchCsrfToken(): Promise<string> {
  const response = await send(CSRF_PATH, { method: 'GET' }, null);
  if (!response.ok) throw await toApiError(response);
  const data = (await response.json()) as { token?: unknown };
  if (typeof data.token !== 'string') {
    throw new ApiError({ status: response.status, code: 'unknown', message: 'Malformed CSRF response' });
  }
  return data.token;
}

async function readErrorCode(response: Response): Promise<string | undefined> {
  const body = await readErrorBody(response.clone());
  return body?.code;
}

type ErrorPayload = { code: string; message: string; details?: unknown };

async function readErrorBody(response: Response): Promise<ErrorPayload | null> {
  try {
    const data = (await response.json()) as { error?: Partial<ErrorPayload> } | null;
    const error = data?.error;
    if (error && typeof error.code === 'string' && typeof error.message === 'string') {
      return { code: error.code, message: error.message, details: error.details };
    }
  } catch {
    // Not JSON (a proxy error page, an empty body): fall through to a status-based error.
  }
  return null;
}

async function toApiError(response: Response): Promise<ApiError> {
  const body = await readErrorBody(response);
  return new ApiError({
    status: response.status,
    code: (body?.code as ErrorCode | undefined) ?? codeFromStatus(response.status),
    message: body?.message ?? `HTTP ${response.status}`,
    details: body?.details,
    retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
  });
}

function codeFromStatus(status: number): ApiError['code'] {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'too_many_requests';
  if (status >= 500) return 'internal';
  return 'unknown';
}

export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000));
}
