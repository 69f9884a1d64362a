// THE expectation table of the authorization matrix: every API route, how to probe it with a valid
// request, and the answer each actor must get for an object in their own grid, another grid of their
// town, and the other town. A route missing here fails the matrix test by name.
//
// Policy, from docs/decisions/004 (territorial scope), 008 (exports) and 010 (roster administration):
// - no session: 401 on everything but the public endpoints (health, config, OpenAPI, CSRF, sign-in/out);
// - reading one object outside the territory is 403, never a silent empty answer; so is a filter naming
//   a grid or village outside it where the filter selects people or figures (/staff, roster, stats; a
//   case list filter is not: people keep the cases they reported anywhere); import jobs are their
//   uploader's: anyone else's is 404 (hidden);
// - case actions follow the case machine (leaders of the case's grid or town; admins are not leaders);
// - the roster and the grids are written by administrators, for the towns their ADMIN role covers (the
//   mixed person, admin of A and town leader of B, reads B but writes only A); a boundary file naming
//   villages of another town is refused as a file problem (422, `unknown_village`);
// - categories and the working calendar serve the whole county: county administrators only.

import {
  get,
  importProbe,
  jobFor,
  newCategory,
  photoForm,
  type RouteExpectation,
  rosterFile,
  statsQuery,
} from './authz-probes';
import {
  type ActorName,
  acceptedCaseIn,
  freshGridsIn,
  freshPhone,
  personIn,
  pointIn,
  reportCaseIn,
  secondSession,
} from './authz-world';

type Row = Record<ActorName, string>;

// Named rows of the table, so each route's line says which policy it follows.
const PUBLIC: Row = {
  countyAdmin: 'ok',
  townAdmin: 'ok',
  townLeader: 'ok',
  gridLeader: 'ok',
  gridWorker: 'ok',
  patroller: 'ok',
  anonymous: 'ok',
  mixed: 'ok',
};
const SIGNED_IN: Row = { ...PUBLIC, anonymous: '401' };
/** Read one object / filter by one grid: the territory (county, town, led grids, own grid). */
const TERRITORY: Row = {
  countyAdmin: 'ok ok ok',
  townAdmin: 'ok ok 403',
  townLeader: 'ok ok 403',
  gridLeader: 'ok 403 403',
  gridWorker: 'ok 403 403',
  patroller: 'ok 403 403',
  anonymous: '401 401 401',
  mixed: 'ok ok ok',
};
/** Exports: leaders and administrators (decision 008), within the territory. */
const EXPORT_TERRITORY: Row = { ...TERRITORY, gridWorker: '403 403 403', patroller: '403 403 403' };
const EXPORTERS: Row = { ...SIGNED_IN, gridWorker: '403', patroller: '403' };
/** Reporting: any grid of the towns a person works in (decision 004). */
const REPORTING: Row = {
  countyAdmin: 'ok ok ok',
  townAdmin: 'ok ok 403',
  townLeader: 'ok ok 403',
  gridLeader: 'ok ok 403',
  gridWorker: 'ok ok 403',
  patroller: 'ok ok 403',
  anonymous: '401 401 401',
  mixed: 'ok ok ok',
};
/** Leaders' case actions: the leader of the case's grid or town leader of its town, nobody else. */
const CASE_LEADERS: Row = {
  countyAdmin: '403 403 403',
  townAdmin: '403 403 403',
  townLeader: 'ok ok 403',
  gridLeader: 'ok 403 403',
  gridWorker: '403 403 403',
  patroller: '403 403 403',
  anonymous: '401 401 401',
  mixed: '403 403 ok',
};
/** Roster and boundary administration pages: administrators and town leaders (decision 010). */
const ADMIN_READERS: Row = { ...SIGNED_IN, gridLeader: '403', gridWorker: '403', patroller: '403' };
const ADMIN_READ_TERRITORY: Row = {
  ...TERRITORY,
  gridLeader: '403 403 403',
  gridWorker: '403 403 403',
  patroller: '403 403 403',
};
/** Writes of the roster and of boundaries: the towns the admin role covers. */
const ADMIN_WRITE: Row = {
  countyAdmin: 'ok ok ok',
  townAdmin: 'ok ok 403',
  townLeader: '403 403 403',
  gridLeader: '403 403 403',
  gridWorker: '403 403 403',
  patroller: '403 403 403',
  anonymous: '401 401 401',
  mixed: 'ok ok 403',
};
const ADMINS: Row = { ...ADMIN_READERS, townLeader: '403' };
/** Import jobs: the uploader's own; another admin's job, even of the same town, is hidden. */
const OWN_JOB: Row = {
  ...ADMIN_WRITE,
  countyAdmin: 'ok 404 404',
  townAdmin: 'ok 404 404',
  mixed: 'ok 404 404',
};
const COUNTY_ADMIN: Row = {
  countyAdmin: 'ok',
  townAdmin: '403',
  townLeader: '403',
  gridLeader: '403',
  gridWorker: '403',
  patroller: '403',
  anonymous: '401',
  mixed: '403',
};

/** Own-password change with a wrong current password: every signed-in person gets 422, nobody else. */
const WRONG_CURRENT_PASSWORD: Row = {
  countyAdmin: '422',
  townAdmin: '422',
  townLeader: '422',
  gridLeader: '422',
  gridWorker: '422',
  patroller: '422',
  anonymous: '401',
  mixed: '422',
};
/** A wrong activation code is refused alike for everyone, signed in or not. */
const NOBODY: Row = {
  countyAdmin: '401',
  townAdmin: '401',
  townLeader: '401',
  gridLeader: '401',
  gridWorker: '401',
  patroller: '401',
  anonymous: '401',
  mixed: '401',
};

export const EXPECTATIONS: Record<string, RouteExpectation> = {
  // Public
  'GET /api/health': { objects: 'none', expect: PUBLIC, probe: get('/api/health') },
  'GET /api/config': { objects: 'none', expect: PUBLIC, probe: get('/api/config') },
  'GET /api/openapi.json': { objects: 'none', expect: PUBLIC, probe: get('/api/openapi.json') },
  'GET /api/auth/csrf': { objects: 'none', expect: PUBLIC, probe: get('/api/auth/csrf') },
  'POST /api/auth/login': {
    objects: 'none',
    expect: PUBLIC,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/auth/login',
      body: { username: p.world.a.patrollers[7]!.username, password: 'Test-password-1' },
      // A second session: signing in again ends the session the request carries.
      client: await secondSession(p.world, p.actor),
    }),
  },
  'POST /api/auth/logout': {
    objects: 'none',
    expect: PUBLIC,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/auth/logout',
      client: await secondSession(p.world, p.actor),
    }),
  },

  'POST /api/auth/activate': {
    objects: 'none',
    expect: NOBODY,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/auth/activate',
      // A username of its own per actor: wrong codes count against the sign-in throttle of that username.
      body: {
        username: `no-such-${p.actor.toLowerCase()}`,
        code: 'K7QM-3XPA-9TRW',
        newPassword: 'Matrix2026probe',
      },
    }),
  },
  'POST /api/auth/password': {
    objects: 'none',
    expect: WRONG_CURRENT_PASSWORD,
    // A wrong current password: the route is reached (not 401/403) without changing anyone's password.
    probe: async () => ({
      method: 'POST',
      path: '/api/auth/password',
      body: { currentPassword: 'not-the-password-1', newPassword: 'Matrix2026probe' },
    }),
  },

  // Signed in, scoped by the service
  'GET /api/me': { objects: 'none', expect: SIGNED_IN, probe: get('/api/me') },
  'GET /api/regions/tree': { objects: 'none', expect: SIGNED_IN, probe: get('/api/regions/tree') },
  'GET /api/grids': { objects: 'none', expect: SIGNED_IN, probe: get('/api/grids') },
  'GET /api/grids.geojson': { objects: 'none', expect: SIGNED_IN, probe: get('/api/grids.geojson') },
  'GET /api/grids/:id': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/grids/${p.world.grid(p.target).id}` }),
  },
  'GET /api/staff': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/staff?gridId=${p.world.grid(p.target).id}` }),
  },
  'GET /api/categories': { objects: 'none', expect: SIGNED_IN, probe: get('/api/categories') },
  'GET /api/events': {
    objects: 'none',
    expect: SIGNED_IN,
    probe: async () => ({ method: 'GET', path: '/api/events', isStream: true }),
  },

  // The work inbox: everyone's own, computed from the cases they lead or hold
  'GET /api/inbox': { objects: 'none', expect: SIGNED_IN, probe: get('/api/inbox') },
  'GET /api/inbox/counts': { objects: 'none', expect: SIGNED_IN, probe: get('/api/inbox/counts') },

  // Cases
  'GET /api/cases': { objects: 'none', expect: SIGNED_IN, probe: get('/api/cases') },
  'GET /api/cases/map-points': { objects: 'none', expect: SIGNED_IN, probe: get('/api/cases/map-points') },
  'GET /api/cases/nearby': {
    objects: 'none',
    expect: SIGNED_IN,
    probe: async (p) => {
      const { lon, lat } = pointIn(p.world, 'own');
      return {
        method: 'GET',
        path: `/api/cases/nearby?categoryCode=sanitation.garbage&lon=${lon}&lat=${lat}`,
      };
    },
  },
  'GET /api/cases/export': { objects: 'none', expect: EXPORTERS, probe: get('/api/cases/export?format=csv') },
  'GET /api/cases/:id': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/cases/${p.world.readCase[p.target].id}` }),
  },
  'GET /api/cases/:id/assignees': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/cases/${p.world.readCase[p.target].id}/assignees` }),
  },
  'POST /api/cases': {
    objects: 'grid',
    expect: REPORTING,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/cases',
      body: {
        categoryCode: 'sanitation.garbage',
        description: '权限矩阵上报',
        location: pointIn(p.world, p.target),
      },
    }),
  },
  'POST /api/cases/:id/actions': {
    objects: 'grid',
    expect: CASE_LEADERS,
    probe: async (p) => {
      const c = await reportCaseIn(p.world, p.target);
      return {
        method: 'POST',
        path: `/api/cases/${c.id}/actions`,
        body: { action: 'accept', version: c.version },
      };
    },
  },
  'POST /api/cases/bulk-dispatch': {
    objects: 'grid',
    expect: CASE_LEADERS,
    probe: async (p) => {
      const c = await acceptedCaseIn(p.world, p.target);
      const { town } = p.world.grid(p.target);
      // The grid's leader: eligible for the case, and never its current assignee (the worker).
      const assignee = p.target === 'sibling' ? town.leaders[1]! : town.leaders[0]!;
      return {
        method: 'POST',
        path: '/api/cases/bulk-dispatch',
        body: { assigneeId: assignee.id, cases: [{ id: c.id, version: c.version }], note: '矩阵' },
      };
    },
  },

  // Photos
  'POST /api/uploads': {
    objects: 'none',
    expect: SIGNED_IN,
    probe: async () => ({ method: 'POST', path: '/api/uploads', form: await photoForm() }),
  },
  'GET /api/uploads/:id': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/uploads/${p.world.readCase[p.target].photoId}` }),
  },
  'GET /api/uploads/:id/thumb': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/uploads/${p.world.readCase[p.target].photoId}/thumb`,
    }),
  },

  // Statistics
  'GET /api/stats/summary': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/stats/summary?${statsQuery(p)}` }),
  },
  'GET /api/stats/breakdown': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/stats/breakdown?by=category&${statsQuery(p)}` }),
  },
  'GET /api/stats/trend': {
    objects: 'grid',
    expect: TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/stats/trend?${statsQuery(p)}` }),
  },
  'GET /api/stats/breakdown/export': {
    objects: 'grid',
    expect: EXPORT_TERRITORY,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/stats/breakdown/export?by=category&format=csv&${statsQuery(p)}`,
    }),
  },

  // Roster administration (decision 010)
  'GET /api/admin/staff': {
    objects: 'grid',
    expect: ADMIN_READ_TERRITORY,
    probe: async (p) => ({ method: 'GET', path: `/api/admin/staff?gridId=${p.world.grid(p.target).id}` }),
  },
  'GET /api/admin/staff/export.xlsx': {
    objects: 'grid',
    expect: ADMIN_READ_TERRITORY,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/admin/staff/export.xlsx?villageId=${p.world.grid(p.target).villageId}`,
    }),
  },
  'GET /api/admin/coverage': { objects: 'none', expect: ADMIN_READERS, probe: get('/api/admin/coverage') },
  'GET /api/admin/audit': { objects: 'none', expect: ADMIN_READERS, probe: get('/api/admin/audit') },
  // Sign-in throttles: administrators, for the staff of the towns they administer (decision 016).
  'GET /api/admin/sign-in-throttles': {
    objects: 'none',
    expect: ADMINS,
    probe: get('/api/admin/sign-in-throttles'),
  },
  'POST /api/admin/sign-in-throttles/clear': {
    objects: 'none',
    expect: ADMINS,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/admin/sign-in-throttles/clear',
      body: { kind: 'username', key: p.world.a.patrollers[6]!.username },
    }),
  },
  'GET /api/admin/staff/:id': {
    objects: 'grid',
    expect: ADMIN_READ_TERRITORY,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}`,
    }),
  },
  'GET /api/admin/staff/:id/handover': {
    objects: 'grid',
    expect: ADMIN_READ_TERRITORY,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}/handover`,
    }),
  },
  'POST /api/admin/staff': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'POST',
      path: '/api/admin/staff',
      body: {
        name: '矩阵新人',
        phone: freshPhone(),
        username: `mx${freshPhone()}`,
        townId: p.world.grid(p.target).townId,
        roles: ['patroller'],
      },
    }),
  },
  'PATCH /api/admin/staff/:id': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'PATCH',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}`,
      body: { name: '矩阵改名' },
    }),
  },
  'POST /api/admin/staff/:id/disable': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'POST',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}/disable`,
    }),
  },
  'POST /api/admin/staff/:id/enable': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => {
      const person = await personIn(p.world, p.target);
      await p.world.app.db.prisma.staff.update({
        where: { id: person.id },
        data: { disabledAt: new Date() },
      });
      return { method: 'POST', path: `/api/admin/staff/${person.id}/enable` };
    },
  },
  'POST /api/admin/staff/:id/reset-password': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'POST',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}/reset-password`,
    }),
  },
  'PUT /api/admin/staff/:id/roles': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'PUT',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}/roles`,
      body: { roles: ['patroller', 'grid_leader'] },
    }),
  },
  'POST /api/admin/staff/:id/assignments': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'POST',
      path: `/api/admin/staff/${(await personIn(p.world, p.target, { withGrid: false })).id}/assignments`,
      body: { gridId: p.world.grid(p.target).id, role: 'patroller' },
    }),
  },
  'POST /api/admin/staff/:id/assignments/:assignmentId/end': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => {
      const person = await personIn(p.world, p.target);
      const assignment = await p.world.app.db.prisma.gridAssignment.findFirstOrThrow({
        where: { staffId: person.id },
        select: { id: true },
      });
      return { method: 'POST', path: `/api/admin/staff/${person.id}/assignments/${assignment.id}/end` };
    },
  },
  'POST /api/admin/staff/:id/handover': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => ({
      method: 'POST',
      path: `/api/admin/staff/${(await personIn(p.world, p.target)).id}/handover`,
      body: { status: 'on_leave', mode: 'grid_leader', note: '矩阵交接' },
    }),
  },
  'GET /api/admin/staff-imports/template.:format': {
    objects: 'none',
    expect: ADMINS,
    probe: get('/api/admin/staff-imports/template.csv'),
  },
  'POST /api/admin/staff-imports': {
    objects: 'none',
    expect: ADMINS,
    probe: async (p) => ({ method: 'POST', path: '/api/admin/staff-imports', form: await rosterFile(p) }),
  },
  'GET /api/admin/staff-imports/:id': {
    objects: 'grid',
    expect: OWN_JOB,
    probe: async (p) => ({ method: 'GET', path: `/api/admin/staff-imports/${(await jobFor(p)).id}` }),
  },
  'GET /api/admin/staff-imports/:id/problems.:format': {
    objects: 'grid',
    expect: OWN_JOB,
    probe: async (p) => ({
      method: 'GET',
      path: `/api/admin/staff-imports/${(await jobFor(p)).id}/problems.csv`,
    }),
  },
  'POST /api/admin/staff-imports/:id/commit': {
    objects: 'grid',
    expect: OWN_JOB,
    probe: async (p) => ({ method: 'POST', path: `/api/admin/staff-imports/${(await jobFor(p)).id}/commit` }),
  },

  // Grid boundaries
  'GET /api/admin/grids/export': {
    objects: 'none',
    expect: ADMIN_READERS,
    probe: get('/api/admin/grids/export'),
  },
  'POST /api/admin/grids/import/preview': {
    objects: 'grid',
    expect: {
      ...ADMIN_WRITE,
      townAdmin: 'ok ok outside',
      mixed: 'ok ok outside',
    },
    probe: async (p) => importProbe(p, '/api/admin/grids/import/preview'),
    classify: (res) =>
      res.status === 200 &&
      (res.body as { problems: { code: string }[] }).problems.some((x) => x.code === 'unknown_village')
        ? 'outside'
        : undefined,
  },
  'POST /api/admin/grids/import': {
    objects: 'grid',
    expect: { ...ADMIN_WRITE, townAdmin: 'ok ok 422', mixed: 'ok ok 422' },
    probe: async (p) => importProbe(p, '/api/admin/grids/import'),
  },
  'PATCH /api/admin/grids/:id': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => {
      const { grids } = await freshGridsIn(p.world, p.target);
      return { method: 'PATCH', path: `/api/admin/grids/${grids[0]!.id}`, body: { households: 7 } };
    },
  },
  'POST /api/admin/grids/:id/split': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => {
      const { grids, lon, lat } = await freshGridsIn(p.world, p.target);
      const x = lon + 0.0012;
      return {
        method: 'POST',
        path: `/api/admin/grids/${grids[0]!.id}/split`,
        body: {
          line: [
            [x, lat - 0.0005],
            [x, lat + 0.0025],
          ],
        },
      };
    },
  },
  'POST /api/admin/grids/merge': {
    objects: 'grid',
    expect: ADMIN_WRITE,
    probe: async (p) => {
      const { grids } = await freshGridsIn(p.world, p.target, 2);
      return {
        method: 'POST',
        path: '/api/admin/grids/merge',
        body: { keepId: grids[0]!.id, absorbId: grids[1]!.id },
      };
    },
  },

  // County-wide settings
  'POST /api/categories': {
    objects: 'none',
    expect: COUNTY_ADMIN,
    probe: async () => ({ method: 'POST', path: '/api/categories', body: newCategory() }),
  },
  'PATCH /api/categories/:code': {
    objects: 'none',
    expect: COUNTY_ADMIN,
    probe: async (p) => {
      const body = newCategory();
      const created = await p.world.clients.countyAdmin.post('/api/categories', body);
      if (created.status !== 201) throw new Error(`category setup failed: ${created.status}`);
      return { method: 'PATCH', path: `/api/categories/${body.code}`, body: { name: '矩阵改名' } };
    },
  },
  'GET /api/admin/calendar': { objects: 'none', expect: ADMIN_READERS, probe: get('/api/admin/calendar') },
  'PUT /api/admin/calendar/years/:year': {
    objects: 'none',
    expect: COUNTY_ADMIN,
    probe: async () => ({
      method: 'PUT',
      path: '/api/admin/calendar/years/2091',
      body: { holidays: [{ name: '矩阵', off: ['2091-10-02'], workdays: [] }] },
    }),
  },
  'PUT /api/admin/calendar/working-hours': {
    objects: 'none',
    expect: COUNTY_ADMIN,
    // The hours as they are: an allowed write changes nothing other test files could notice.
    probe: async (p) => ({
      method: 'PUT',
      path: '/api/admin/calendar/working-hours',
      body: {
        workingHours: (await p.world.clients.countyAdmin.get('/api/admin/calendar')).body.workingHours,
      },
    }),
  },
};
