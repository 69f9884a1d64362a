// A Server-Sent Events client for API tests: reads GET /api/events as a browser's EventSource would.
import type { HttpClient } from './test-app';

export interface StreamEvent {
  event: string;
  data: string;
}

export interface EventStream {
  status: number;
  headers: Headers;
  events: StreamEvent[];
  /** Comment lines seen (heartbeats). */
  comments: number;
  /** Resolves when the server ends the stream. */
  ended: Promise<void>;
  /** The first event (already received or yet to come) that matches, or a rejection after `timeoutMs`. */
  waitFor: (match: (event: StreamEvent) => boolean, timeoutMs?: number) => Promise<StreamEvent>;
  close: () => void;
}

export async function openEventStream(
  baseUrl: string,
  client: HttpClient | null,
  path = '/api/events',
): Promise<EventStream> {
  const controller = new AbortController();
  const session = client?.cookie('gridgov_session');
  const response = await fetch(baseUrl + path, {
    headers: { accept: 'text/event-stream', ...(session ? { cookie: `gridgov_session=${session}` } : {}) },
    signal: controller.signal,
  });
  const waiters = new Set<() => void>();
  const stream: EventStream = {
    status: response.status,
    headers: response.headers,
    events: [],
    comments: 0,
    ended: Promise.resolve(),
    waitFor: (match, timeoutMs = 2_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const found = stream.events.find(match);
          if (!found) return false;
          clearTimeout(timer);
          waiters.delete(check);
          resolve(found);
          return true;
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(stream.events)}`));
        }, timeoutMs);
        if (!check()) waiters.add(check);
      }),
    close: () => controller.abort(),
  };
  if (!response.body || !response.headers.get('content-type')?.startsWith('text/event-stream')) {
    stream.ended = response.text().then(() => undefined);
    return stream;
  }
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  stream.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end = buffer.indexOf('\n\n');
        while (end >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          end = buffer.indexOf('\n\n');
          let event = 'message';
          const data: string[] = [];
          let isComment = false;
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) isComment = true;
            else if (line.startsWith('event: ')) event = line.slice(7);
            else if (line.startsWith('data: ')) data.push(line.slice(6));
          }
          if (isComment) stream.comments += 1;
          if (data.length) stream.events.push({ event, data: data.join('\n') });
          for (const waiter of [...waiters]) waiter();
        }
      }
    } catch (error) {
      if ((error as Error).name !== 'AbortError') throw error;
    }
  })();
  return stream;
}

export const caseEventsOf = (stream: EventStream) =>
  stream.events.filter((e) => e.event === 'case').map((e) => JSON.parse(e.data) as { caseId: string });
