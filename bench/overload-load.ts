// The load generator of bench/overload.ts, a process of its own (pinned to another core with taskset):
// autocannon with a JSON spec in argv[2]; prints one JSON result line. Latencies are kept per answer,
// so admitted requests (not 503) and shed ones (503) get their own percentiles.
import autocannon from 'autocannon';

export interface OverloadSpec {
  url: string;
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  /** Requests per second offered over all connections; absent = closed loop, as fast as answered. */
  rate?: number;
  timeoutSeconds: number;
}

export interface OverloadResult {
  seconds: number;
  answered: number;
  byStatus: Record<string, number>;
  errors: number;
  timeouts: number;
  admitted: { count: number; p50: number; p99: number; max: number };
  shed: { count: number; p50: number; p99: number; max: number };
}

function summarize(values: number[]) {
  const sorted = values.sort((a, b) => a - b);
  const at = (q: number) =>
    sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
  return {
    count: sorted.length,
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    max: Math.round(sorted.at(-1) ?? 0),
  };
}

const spec = JSON.parse(process.argv[2]!) as OverloadSpec;
const admitted: number[] = [];
const shed: number[] = [];
const byStatus: Record<string, number> = {};
const instance = autocannon(
  {
    url: spec.url,
    headers: spec.headers,
    connections: spec.connections,
    duration: spec.seconds,
    timeout: spec.timeoutSeconds,
    ...(spec.rate ? { overallRate: spec.rate } : {}),
  },
  (error, result) => {
    if (error) throw error;
    const output: OverloadResult = {
      seconds: result.duration,
      answered: admitted.length + shed.length,
      byStatus,
      errors: result.errors,
      timeouts: result.timeouts,
      admitted: summarize(admitted),
      shed: summarize(shed),
    };
    process.stdout.write(`${JSON.stringify(output)}\n`);
  },
);
instance.on('response', (_client: unknown, status: number, _bytes: number, ms: number) => {
  byStatus[status] = (byStatus[status] ?? 0) + 1;
  (status === 503 ? shed : admitted).push(ms);
});
