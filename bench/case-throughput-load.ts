// The closed-loop load generator of bench/case-throughput.ts, run in a worker thread so that the
// client's own work (fetch, parsing) does not share the event loop with the servers it measures.
import { Agent, request as httpRequest } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

/** `fetch` (Node's undici, keep-alive by default) or node:http with a keep-alive agent (a lighter client). */
export type LoadClient = 'fetch' | 'http';

export interface LoadSpec {
  label: string;
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  /** Each request gets `Idempotency-Key: <prefix>-<worker>-<n>`. */
  idempotencyPrefix?: string;
  expectStatus: number;
  client: LoadClient;
  concurrency: number;
  warmUpSeconds: number;
  seconds: number;
}

export type LoadMessage =
  | { type: 'window-start' }
  | { type: 'window-end' }
  | { type: 'done'; completed: number; seconds: number; latenciesMs: Float64Array }
  | { type: 'failed'; message: string };

/** One request never waits longer than this, so a stuck server cannot hang the benchmark. */
const REQUEST_TIMEOUT_MS = 30_000;

interface Reply {
  status: number;
  body: Buffer;
}

type Send = (headers: Record<string, string>) => Promise<Reply>;

function fetchSender(spec: LoadSpec): Send {
  return async (headers) => {
    const response = await fetch(spec.url, {
      method: spec.method,
      headers,
      body: spec.body,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    // Read the whole body: that is part of the work, and it frees the kept-alive connection.
    return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  };
}

function httpSender(spec: LoadSpec, agent: Agent): Send {
  const body = spec.body === undefined ? undefined : Buffer.from(spec.body);
  return (headers) =>
    new Promise<Reply>((resolve, reject) => {
      const req = httpRequest(
        spec.url,
        {
          method: spec.method,
          agent,
          timeout: REQUEST_TIMEOUT_MS,
          headers: body ? { ...headers, 'content-length': String(body.length) } : headers,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer in ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(body);
    });
}

async function run(spec: LoadSpec, port: NonNullable<typeof parentPort>): Promise<void> {
  let stopped = false;
  let failure: string | undefined;
  port.on('message', (message: unknown) => {
    if (message === 'stop') {
      stopped = true;
      failure ??= 'stopped';
    }
  });
  const warmUpEnd = performance.now() + spec.warmUpSeconds * 1000;
  const end = warmUpEnd + spec.seconds * 1000;
  // Tell the main thread when the window opens and closes, so it can measure its own busy time.
  const timers = [
    setTimeout(
      () => port.postMessage({ type: 'window-start' } satisfies LoadMessage),
      spec.warmUpSeconds * 1000,
    ),
    setTimeout(() => port.postMessage({ type: 'window-end' } satisfies LoadMessage), end - performance.now()),
  ];
  const agent = new Agent({ keepAlive: true, maxSockets: spec.concurrency });
  const send = spec.client === 'http' ? httpSender(spec, agent) : fetchSender(spec);
  const latencies: number[] = [];
  let completed = 0;

  async function loop(worker: number): Promise<void> {
    for (let n = 0; !stopped && failure === undefined; n++) {
      const start = performance.now();
      if (start >= end) return;
      const headers = spec.idempotencyPrefix
        ? { ...spec.headers, 'idempotency-key': `${spec.idempotencyPrefix}-${worker}-${n}` }
        : spec.headers;
      const reply = await send(headers);
      const finish = performance.now();
      if (reply.status !== spec.expectStatus) {
        const text = reply.body.toString('utf8').slice(0, 300);
        failure ??= `${spec.label}: expected ${spec.expectStatus}, got ${reply.status}: ${text}`;
        return;
      }
      // Throughput counts the requests that finished inside the window.
      if (finish >= warmUpEnd && finish <= end) {
        completed++;
        latencies.push(finish - start);
      }
    }
  }

  const results = await Promise.allSettled(Array.from({ length: spec.concurrency }, (_, i) => loop(i)));
  for (const timer of timers) clearTimeout(timer);
  agent.destroy();
  for (const result of results) {
    if (result.status === 'rejected') failure ??= `${spec.label}: ${String(result.reason)}`;
  }
  if (failure !== undefined) {
    port.postMessage({ type: 'failed', message: failure } satisfies LoadMessage);
    return;
  }
  const latenciesMs = Float64Array.from(latencies);
  port.postMessage({ type: 'done', completed, seconds: spec.seconds, latenciesMs } satisfies LoadMessage, [
    latenciesMs.buffer,
  ]);
}

if (parentPort) {
  const port = parentPort;
  run(workerData as LoadSpec, port).catch((error: unknown) => {
    port.postMessage({ type: 'failed', message: String(error) } satisfies LoadMessage);
  });
}
