// How the authorization matrix probes: the request types and the builders of valid requests that the
// expectation table (authz-expectations.ts) uses.
import { createJpeg } from '../../features/uploads/test-images';
import type { HttpClient, HttpResponse } from '../test-app';
import {
  type ActorName,
  freshGridsIn,
  freshPhone,
  importJobOf,
  type Target,
  type World,
} from './authz-world';

/** The outcome classes: 2xx, the refusals, and `outside` (a 200 preview reporting the file's villages unknown). */
export type Outcome = 'ok' | '401' | '403' | '404' | '422' | 'outside';

export interface ProbeContext {
  world: World;
  actor: ActorName;
  target: Target;
  client: HttpClient;
}

export interface ProbeRequest {
  method: string;
  path: string;
  body?: unknown;
  form?: FormData;
  /** Server-Sent Events: only the status is read, then the stream is dropped. */
  isStream?: boolean;
  /** A client other than the actor's own: a second session of the same person. */
  client?: HttpClient;
}

export interface RouteExpectation {
  /** `grid`: probed with an object in each target; `none`: one probe per actor. */
  objects: 'grid' | 'none';
  /** Per actor: one outcome, or three (own sibling foreign) for `grid` routes. */
  expect: Record<ActorName, string>;
  probe: (p: ProbeContext) => Promise<ProbeRequest>;
  /** Maps a response to its outcome class when the status alone does not say it. */
  classify?: (res: HttpResponse) => Outcome | undefined;
}

export const get = (path: string) => async (): Promise<ProbeRequest> => ({ method: 'GET', path });
export const statsQuery = (p: ProbeContext) =>
  `from=${p.world.today}&to=${p.world.today}&gridId=${p.world.grid(p.target).id}`;

/** The job a probe reads: the actor's own (town A's admin's for non-admins), another admin's, town B's. */
export async function jobFor(p: ProbeContext) {
  const { world } = p;
  const isAdmin = ['countyAdmin', 'townAdmin', 'mixed'].includes(p.actor);
  const owner =
    p.target === 'own'
      ? isAdmin
        ? world.staff[p.actor as 'countyAdmin' | 'townAdmin' | 'mixed'].id
        : world.a.admin.id
      : p.target === 'sibling'
        ? world.otherAdminId
        : world.b.admin.id;
  return importJobOf(world, owner);
}

export async function rosterFile(p: ProbeContext): Promise<FormData> {
  const g = p.world.grid(p.target);
  const csv = `姓名,手机号,用户名,角色,所属村,网格编码,是否党员\n矩阵,${freshPhone()},,巡防员,${g.villageCode},${g.code},否\n`;
  const form = new FormData();
  form.append('file', new Blob([csv], { type: 'text/csv' }), 'roster.csv');
  return form;
}

let categorySeq = 0;
export function newCategory() {
  return {
    code: `other.authz${Date.now().toString(36)}${++categorySeq}`,
    parentCode: 'other',
    name: '矩阵类别',
    nameEn: 'Matrix category',
    sla: { unit: 'working_days', amount: 2 },
    defaultPriority: 'normal',
    defaultHandler: 'grid_worker',
  };
}

/** A boundary file renaming a fresh grid of the target village, its polygon unchanged. */
export async function importProbe(p: ProbeContext, path: string): Promise<ProbeRequest> {
  const { grids, lon, lat } = await freshGridsIn(p.world, p.target);
  const g = p.world.grid(p.target);
  const ring = [
    [lon, lat],
    [lon + 0.002, lat],
    [lon + 0.002, lat + 0.002],
    [lon, lat + 0.002],
    [lon, lat],
  ];
  return {
    method: 'POST',
    path,
    body: {
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { code: grids[0]!.code, name: '矩阵导入改名', village_code: g.villageCode },
          geometry: { type: 'Polygon', coordinates: [ring] },
        },
      ],
    },
  };
}

/** A JPEG upload form. */
export async function photoForm(): Promise<FormData> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await createJpeg())], { type: 'image/jpeg' }), 'p.jpg');
  return form;
}
