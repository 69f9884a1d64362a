import type { AddressInfo } from 'node:net';
import type { Database } from '@gridgov/db';
import { ensureReferenceData, readMigrationList } from '@gridgov/db';
import { createApp } from '../app';
import { type Config, loadConfig } from '../lib/config';
import { type AppContext, createAppContext } from '../lib/context';
import { createCaseEventBus } from '../lib/events';
import { createLogger } from '../lib/logger';
import { assertMatchesOpenApi, type Exchange } from './openapi-conformance';
import { openTestDatabase } from './test-database';

export interface TestApp {
  url: string;
  db: Database;
  ctx: AppContext;
  /** A new browser-like client with its own cookie jar. */
  client: (options?: { headers?: Record<string, string> }) => HttpClient;
  close: () => Promise<void>;
}

/** The real app over HTTP on an ephemeral port, against a real database. */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { databaseUrl?: string } = {},
): Promise<TestApp> {
  const databaseUrl = options.databaseUrl ?? (process.env.TEST_DATABASE_URL || undefined);
  const db = await openTestDatabase(databaseUrl);
  await ensureReferenceData(db.prisma);
  // Every test client comes from 127.0.0.1 and PostgreSQL runs share one database: only tests
  // about the address limit set it low.
  const config: Config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: (process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent',
    SEED_DEMO: 'false',
    LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
    // Tests send bursts on purpose (concurrency, idempotency): only the load-shedding tests shed.
    MAX_CONCURRENT_REQUESTS: '10000',
    MAX_QUEUED_REQUESTS: '100000',
    MAX_EVENT_LOOP_DELAY_MS: '0',
    ...env,
  });
  const migrationNames = (await readMigrationList()).migrationDirectories.map((d) => d.path);
  const logger = createLogger(config);
  const events = await createCaseEventBus({
    databaseUrl,
    logger,
  });
  const ctx = createAppContext(db, {
    config,
    logger,
    migrationNames,
    events,
  });
  const server = createApp(ctx).listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    db,
    ctx,
    // Every answer a test receives is checked against the OpenAPI document.
    client: (options) => new HttpClient(url, options?.headers, assertMatchesOpenApi),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await events.close();
      await db.close();
    },
  };
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface RequestOptions {
  headers?: Record<string, string>;
  csrf?: boolean;
  /** A deliberate request outside the OpenAPI document (a wrong path probe): its answer is not checked. */
  undocumented?: boolean;
}

/**
 * A tiny fetch client that keeps cookies and sends the CSRF token like the web client does. With
 * `checkResponse`, every answer goes through it (test apps pass the OpenAPI conformance check).
 */
export class HttpClient {
  private readonly cookies = new Map<string, string>();
  private csrfToken: string | undefined;

  constructor(
    private readonly baseUrl: string,
    private readonly extraHeaders: Record<string, string> = {},
    private readonly checkResponse?: (exchange: Exchange) => void,
  ) {}

  private check(method: string, path: string, options: RequestOptions, response: HttpResponse): void {
    if (!this.checkResponse || options.undocumented) return;
    const contentType = response.headers.get('content-type') ?? '';
    this.checkResponse({ method, url: path, status: response.status, contentType, body: response.body });
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  async request<T = any>(
    method: string,
    path: string,
    options: RequestOptions & { body?: unknown } = {},
  ): Promise<HttpResponse<T>> {
    const isMutation = method !== 'GET' && method !== 'HEAD';
    if (isMutation && options.csrf !== false && !this.csrfToken) {
      this.csrfToken = (await this.request<{ token: string }>('GET', '/api/auth/csrf')).body.token;
    }
    const headers: Record<string, string> = { ...this.extraHeaders, ...options.headers };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (isMutation && options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(this.baseUrl + path, {
      method,
      headers,
      body:
        options.body === undefined
          ? undefined
          : typeof options.body === 'string'
            ? options.body
            : JSON.stringify(options.body),
      redirect: 'manual',
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
      // Like the web client: a token handed out (at sign-in it rotates) is the one to send from now on.
      if (name === 'gridgov_csrf' && value) this.csrfToken = decodeURIComponent(value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') ?? '';
    const body = (type.includes('json') && text ? JSON.parse(text) : text) as T;
    const answer = { status: response.status, headers: response.headers, body };
    this.check(method, path, options, answer);
    return answer;
  }

  get<T = any>(path: string, options: RequestOptions = {}) {
    return this.request<T>('GET', path, options);
  }

  post<T = any>(path: string, body?: unknown, options: RequestOptions = {}) {
    return this.request<T>('POST', path, { ...options, body });
  }

  /** POST multipart/form-data; fetch sets the boundary, so no content-type header of our own. */
  async postMultipart<T = any>(
    path: string,
    form: FormData,
    options: RequestOptions = {},
  ): Promise<HttpResponse<T>> {
    if (options.csrf !== false && !this.csrfToken) {
      this.csrfToken = (await this.request<{ token: string }>('GET', '/api/auth/csrf')).body.token;
    }
    const headers: Record<string, string> = { ...this.extraHeaders };
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (options.csrf !== false && this.csrfToken) headers['x-csrf-token'] = this.csrfToken;
    const response = await fetch(this.baseUrl + path, { method: 'POST', headers, body: form });
    const text = await response.text();
    const isJson = (response.headers.get('content-type') ?? '').includes('json') && text;
    const answer = {
      status: response.status,
      headers: response.headers,
      body: (isJson ? JSON.parse(text) : text) as T,
    };
    this.check('POST', path, options, answer);
    return answer;
  }

  async signIn(username: string, password: string) {
    const response = await this.post('/api/auth/login', { username, password });
    if (response.status !== 200)
      throw new Error(`sign-in as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
    return response;
  }
}
