// The authorization matrix (issue 12): every API route read from the running app's router stack and
// cross-checked against the OpenAPI document, every actor, objects of their own grid, another grid of
// their town and the other town; the expected answers come from one table (authz-expectations.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app';
import { buildOpenApiDocument } from '../../features/openapi/openapi';
import { SESSION_COOKIE } from '../../lib/cookies';
import { type HttpClient, type HttpResponse, startTestApp, type TestApp } from '../test-app';
import { EXPECTATIONS } from './authz-expectations';
import type { Outcome, ProbeRequest, RouteExpectation } from './authz-probes';
import {
  ACTORS,
  type ActorName,
  buildWorld,
  personIn,
  TARGETS,
  type Target,
  type World,
} from './authz-world';
import { listApiRoutes, listOpenApiOperations, type RouteKey, toOpenApiPath } from './route-table';

let app: TestApp;
let world: World;
let routes: RouteKey[];

beforeAll(async () => {
  app = await startTestApp();
  // The same factory the server runs; its router stack is the source of truth for what exists.
  routes = listApiRoutes(createApp(app.ctx));
  world = await buildWorld(app);
}, 120_000);
afterAll(() => app?.close());

const asOpenApi = (route: string) => {
  const [method, path] = route.split(' ') as [string, string];
  return `${method} ${toOpenApiPath(path)}`;
};

/** The status of a Server-Sent Events response, without waiting for the stream to end. */
async function streamStatus(client: HttpClient, path: string): Promise<HttpResponse> {
  const controller = new AbortController();
  const session = client.cookie(SESSION_COOKIE);
  const res = await fetch(app.url + path, {
    headers: session ? { cookie: `${SESSION_COOKIE}=${session}` } : {},
    signal: controller.signal,
  });
  const isJson = (res.headers.get('content-type') ?? '').includes('json');
  const body = isJson ? await res.json() : null;
  controller.abort();
  return { status: res.status, headers: res.headers, body };
}

async function send(client: HttpClient, request: ProbeRequest): Promise<HttpResponse> {
  if (request.isStream) return streamStatus(client, request.path);
  if (request.form) return client.postMultipart(request.path, request.form);
  return client.request(
    request.method,
    request.path,
    request.body === undefined ? {} : { body: request.body },
  );
}

function classify(entry: RouteExpectation, res: HttpResponse): Outcome | string {
  const custom = entry.classify?.(res);
  if (custom) return custom;
  return res.status >= 200 && res.status < 300 ? 'ok' : String(res.status);
}

function expectedOutcome(entry: RouteExpectation, actor: ActorName, target: Target | null): string {
  const cells = entry.expect[actor].split(' ');
  if (entry.objects === 'none') return cells[0]!;
  if (cells.length !== 3) throw new Error(`expected three outcomes (own sibling foreign) for ${actor}`);
  return cells[TARGETS.indexOf(target!)]!;
}

describe('authorization matrix', () => {
  it('when the router stack and the OpenAPI document are compared, then neither holds a route the other lacks', () => {
    const documented = listOpenApiOperations(buildOpenApiDocument() as never);
    // Every served route is described, the document itself included.
    const served = routes.map(asOpenApi);
    expect(routes.length).toBeGreaterThan(50);
    expect(served.filter((r) => !documented.includes(r))).toEqual([]);
    expect(documented.filter((r) => !served.includes(r))).toEqual([]);
  });

  it('when the routes are looked up in the expectation table, then every route has an entry and every entry a route', () => {
    expect(routes.filter((r) => !(r in EXPECTATIONS)).map((r) => `no expectation for ${r}`)).toEqual([]);
    expect(Object.keys(EXPECTATIONS).filter((r) => !routes.includes(r as RouteKey))).toEqual([]);
    for (const [route, entry] of Object.entries(EXPECTATIONS)) {
      for (const actor of ACTORS) {
        const cells = entry.expect[actor]?.split(' ') ?? [];
        expect(cells.length, `${route} ${actor}`).toBe(entry.objects === 'none' ? 1 : 3);
      }
    }
  });

  it('when every actor calls every route on objects of their grid, their town and the other town, then each answer is the table’s', async () => {
    // The no-change check can see a change: an allowed roster edit moves the fingerprint.
    const person = await personIn(world, 'own');
    const unchanged = await fingerprint();
    const edit = await world.clients.townAdmin.request('PATCH', `/api/admin/staff/${person.id}`, {
      body: { name: '指纹' },
    });
    expect(edit.status).toBe(200);
    expect(await fingerprint()).not.toBe(unchanged);

    const mismatches: string[] = [];
    const outcomes = new Map<string, number>();
    let probes = 0;
    let refusedWrites = 0;
    const spent = new Map<string, number>();
    for (const route of routes) {
      const entry = EXPECTATIONS[route];
      if (!entry) continue; // reported by the test above
      const started = performance.now();
      for (const actor of ACTORS) {
        for (const target of entry.objects === 'none' ? [null] : TARGETS) {
          const client = world.clients[actor];
          const request = await entry.probe({ world, actor, target: target ?? 'own', client });
          const want = expectedOutcome(entry, actor, target);
          const isRefusedWrite = request.method !== 'GET' && want !== 'ok';
          const before = isRefusedWrite ? await fingerprint() : null;
          const res = await send(request.client ?? client, request);
          const got = classify(entry, res);
          probes++;
          outcomes.set(got, (outcomes.get(got) ?? 0) + 1);
          const name = `${route} ${actor}${target ? ` ${target}` : ''}`;
          if (got !== want) {
            const code = (res.body as { error?: { code?: string } } | null)?.error?.code ?? '';
            mismatches.push(`${name}: want ${want}, got ${got} ${code}`);
          } else if (before) {
            refusedWrites++;
            const after = await fingerprint();
            if (after !== before)
              mismatches.push(`${name}: refused (${got}) but changed ${before} → ${after}`);
          }
        }
      }
      spent.set(route, Math.round(performance.now() - started));
    }
    await waitForImportJobs();
    const summary = {
      routes: routes.length,
      actors: ACTORS.length,
      probes,
      refusedWritesCheckedUnchanged: refusedWrites,
      outcomes: Object.fromEntries([...outcomes].sort()),
      slowestRoutesMs: Object.fromEntries([...spent].sort((x, y) => y[1] - x[1]).slice(0, 5)),
    };
    console.info(`authorization matrix: ${JSON.stringify(summary)}`);
    expect(mismatches).toEqual([]);
    expect(outcomes.get('ok')).toBeGreaterThan(0);
    expect(outcomes.get('403')).toBeGreaterThan(0);
  }, 600_000);
});

/**
 * What a write in the two towns leaves behind: every roster and boundary change is audited in its own
 * transaction, every case change is an event, posts and grids are rows. A refused write changes none.
 */
async function fingerprint(): Promise<string> {
  const [a, b, county] = [world.a.townId, world.b.townId, world.a.countyId];
  // One statement: this runs twice for each of the ~340 refused writes.
  const [row] = await app.db.prisma.$queryRaw<Record<string, bigint>[]>`
    SELECT
      (SELECT count(*) FROM "AuditLog" WHERE "townId" IN (${a}::uuid, ${b}::uuid, ${county}::uuid)) AS audit,
      (SELECT count(*) FROM "CaseEvent" e JOIN "Case" c ON c.id = e."caseId"
        WHERE c."townId" IN (${a}::uuid, ${b}::uuid)) AS events,
      (SELECT count(*) FROM "Case" WHERE "townId" IN (${a}::uuid, ${b}::uuid)) AS cases,
      (SELECT count(*) FROM "Grid" WHERE "townId" IN (${a}::uuid, ${b}::uuid)) AS grids,
      (SELECT count(*) FROM "GridAssignment" ga JOIN "Grid" g ON g.id = ga."gridId"
        WHERE ga."endedAt" IS NULL AND g."townId" IN (${a}::uuid, ${b}::uuid)) AS posts,
      (SELECT count(*) FROM "Staff" WHERE "regionId" IN (${a}::uuid, ${b}::uuid)
        AND status = 'active' AND "disabledAt" IS NULL) AS staff`;
  return Object.values(row!).join('/');
}

/** Roster files uploaded by the probes are checked in the background: let them finish before closing. */
async function waitForImportJobs(): Promise<void> {
  const actorIds = [world.staff.countyAdmin.id, world.staff.townAdmin.id, world.staff.mixed.id];
  for (let i = 0; i < 200; i++) {
    const busy = await app.db.prisma.staffImportJob.count({
      where: { actorId: { in: actorIds }, status: { in: ['validating', 'committing'] } },
    });
    if (busy === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
