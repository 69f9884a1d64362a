import { createStaff, createTestTown, TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpClient, startTestApp, type TestApp } from '../../../testing/test-app';
import { createJpeg } from '../../uploads/test-images';

let app: TestApp;
let town: TestTown;
let admin: HttpClient;

beforeAll(async () => {
  app = await startTestApp();
  town = await createTestTown(app.db.prisma);
  admin = app.client();
  await admin.signIn(town.admin.username, TEST_PASSWORD);
});
afterAll(() => app?.close());

const HEADER = '姓名,手机号,用户名,角色,所属村,网格编码,是否党员';
// Each test file run gets its own block of fake numbers (the PostgreSQL pass shares one database).
const block = String(Math.floor(Math.random() * 900) + 100);
let seq = 0;
const phone = () => `15${block}${String(++seq).padStart(6, '0')}`;

function upload(client: HttpClient, bytes: Uint8Array | Buffer, name = 'roster.csv') {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  return client.postMultipart('/api/admin/staff-imports', form);
}

async function waitForJob(client: HttpClient, id: string) {
  for (let i = 0; i < 600; i++) {
    const res = await client.get(`/api/admin/staff-imports/${id}`);
    if (!['validating', 'committing'].includes(res.body.status)) return res.body;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('import did not finish');
}

async function checkCsv(text: string) {
  const res = await upload(admin, Buffer.from(text, 'utf8'));
  expect(res.status).toBe(202);
  return waitForJob(admin, res.body.id);
}

const village = () => `测试村1`;
const grid = (v: number, g: number) => town.grids[v]![g]!.code;
const staffCount = () => app.db.prisma.staff.count();

describe('files that are not rosters', () => {
  it('when the file is an image, a ZIP, an old .xls, empty or headerless, then 422 with a clear reason and no job', async () => {
    const jobsBefore = await app.db.prisma.staffImportJob.count();
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8]);
    const xls = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const cases: [Buffer, string, RegExp][] = [
      [await createJpeg(), 'roster.csv', /JPEG/],
      [zip, 'roster.xlsx', /not a readable \.xlsx/],
      [xls, 'roster.xls', /\.xls/],
      [Buffer.alloc(0), 'roster.csv', /empty/],
      [Buffer.from('name,phone\nA,1\n'), 'roster.csv', /missing columns 姓名, 手机号, 角色, 所属村/],
      [Buffer.from([0x41, 0x00, 0x01, 0x02, 0x0a, 0x42]), 'roster.csv', /binary/],
    ];
    for (const [bytes, name, message] of cases) {
      const res = await upload(admin, bytes, name);
      expect(res.status, name).toBe(422);
      expect(res.body.error.message).toMatch(message);
    }
    expect(await app.db.prisma.staffImportJob.count()).toBe(jobsBefore);
  });

  it('when the bytes are neither UTF-8 nor GBK, then 422 about the encoding', async () => {
    const bytes = Buffer.concat([Buffer.from(`${HEADER}\n`), Buffer.from([0x41, 0xff, 0x42, 0x0a])]);
    const res = await upload(admin, bytes);
    expect(res.status).toBe(422);
    expect(res.body.error.details.reason).toBe('encoding');
  });

  it('when there is no file or it is in the wrong field, then 400', async () => {
    const form = new FormData();
    form.append('other', new Blob(['x']), 'a.csv');
    expect((await admin.postMultipart('/api/admin/staff-imports', form)).status).toBe(400);
  });

  it('when a town leader or worker uploads, then 403; no session 401', async () => {
    const leader = app.client();
    await leader.signIn(town.townLeader.username, TEST_PASSWORD);
    expect((await upload(leader, Buffer.from(HEADER))).status).toBe(403);
    expect((await upload(app.client(), Buffer.from(HEADER), 'x.csv')).status).toBe(401);
  });
});

describe('dry run', () => {
  it('when rows have problems, then every one is reported by row and column, and the report downloads', async () => {
    const dup = phone();
    const csv = [
      HEADER,
      `张三,${dup},,巡防员,${village()},${grid(0, 0)},是`,
      `李四,${dup},,巡防员,${village()},${grid(0, 0)},否`,
      `"=HYPERLINK(""http://evil"",""点我"")",${phone()},,巡防员,${village()},${grid(0, 0)},`,
      `王五,12345,,巡防员,${village()},${grid(0, 0)},`,
      `赵六,${phone()},,皇帝,不存在村,999,也许`,
      `钱七,${town.patrollers[0]!.phone},,网格员,测试村2,${grid(1, 1)},`,
      `孙八,${phone()},,巡防员,${village()},${grid(1, 0)},`,
      `,${phone()},,网格长,${village()},,`,
    ].join('\n');
    const job = await checkCsv(csv);
    expect(job.status).toBe('invalid');
    const byRow = (row: number) =>
      job.problems.filter((p: { row: number }) => p.row === row).map((p: { code: string }) => p.code);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual(['duplicate_phone_in_file']);
    expect(job.problems.find((p: { row: number }) => p.row === 3).otherRow).toBe(2);
    expect(byRow(4)).toEqual(['formula']);
    expect(byRow(5)).toEqual(['bad_phone']);
    expect(byRow(6).sort()).toEqual(['bad_party', 'bad_role', 'unknown_grid', 'unknown_village']);
    expect(byRow(7).sort()).toEqual(['grid_has_worker', 'phone_exists']);
    expect(byRow(8)).toEqual(['grid_not_in_village']);
    expect(byRow(9).sort()).toEqual(['grid_count', 'required']);

    const report = await admin.get(`/api/admin/staff-imports/${job.id}/problems.csv`);
    expect(report.status).toBe(200);
    expect(report.body).toContain('手机号与文件中另一行重复（第2行）');
    // The formula is shown as text and neutralised for spreadsheets.
    expect(report.body).toContain(`"'=HYPERLINK(""http://evil"",""点我"")"`);
    const english = await admin.get(`/api/admin/staff-imports/${job.id}/problems.xlsx?lang=en`);
    expect(english.headers.get('content-type')).toContain('spreadsheetml');
    // An invalid job cannot be committed.
    expect((await admin.post(`/api/admin/staff-imports/${job.id}/commit`)).status).toBe(409);
  });

  it('when an XLSX cell holds a formula, then the row is refused as a formula', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(HEADER.split(','));
    sheet.addRow([
      '公式',
      { formula: 'HYPERLINK("http://evil","x")', result: 'x' },
      '',
      '巡防员',
      village(),
      grid(0, 0),
      '否',
    ]);
    sheet.addRow(['正常', phone(), '', '巡防员', village(), grid(0, 0), '否']);
    const res = await upload(admin, Buffer.from(await workbook.xlsx.writeBuffer()), 'roster.xlsx');
    const job = await waitForJob(admin, res.body.id);
    expect(job.problems).toEqual([
      { row: 2, column: '手机号', code: 'formula', value: '=HYPERLINK("http://evil","x")' },
    ]);
  });

  it('when the CSV is GBK (Excel on Chinese Windows) or UTF-8 with BOM, then the Chinese reads correctly', async () => {
    const csv = `${HEADER}\r\n周九,${phone()},,巡防员,${village()},${grid(0, 0)},是\r\n`;
    for (const bytes of [
      iconv.encode(csv, 'gbk'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]),
    ]) {
      const res = await upload(admin, bytes);
      expect(res.status).toBe(202);
      const job = await waitForJob(admin, res.body.id);
      expect(job.status).toBe('valid');
      expect(job.totalRows).toBe(1);
    }
  });

  it('when another admin asks for my job, then 404', async () => {
    const res = await upload(admin, Buffer.from(`${HEADER}\n`));
    expect(res.status).toBe(422);
    const job = await checkCsv(`${HEADER}\n吴十,${phone()},,巡防员,${village()},${grid(0, 0)},否`);
    const other = await createStaff(app.db.prisma, { regionId: town.townId, roles: [{ role: 'admin' }] });
    const client = app.client();
    await client.signIn(other.username, TEST_PASSWORD);
    expect((await client.get(`/api/admin/staff-imports/${job.id}`)).status).toBe(404);
    expect((await client.post(`/api/admin/staff-imports/${job.id}/commit`)).status).toBe(404);
  });
});

describe('commit', () => {
  it('when a valid file is committed, then everyone is created, audited, and activates with their own one-time code', async () => {
    const worker = phone();
    const job = await checkCsv(
      [
        HEADER,
        `新网格员,${worker},,网格员,${village()},${createdGridCode()},否`,
        `新网格长,${phone()},newleader${block},网格长,${village()},${grid(0, 0)};${grid(0, 1)},是`,
      ].join('\n'),
    );
    expect(job.status).toBe('valid');
    const res = await admin.post(`/api/admin/staff-imports/${job.id}/commit`);
    expect(res.status).toBe(202);
    const done = await waitForJob(admin, job.id);
    expect(done.status).toBe('committed');
    expect(done.createdCount).toBe(2);
    // One code per person, never one password for many; the account has no password until activated.
    const sheet = res.body.activationCodes as { row: number; name: string; username: string; code: string }[];
    expect(sheet.map((s) => s.name)).toEqual(['新网格员', '新网格长']);
    expect(new Set(sheet.map((s) => s.code)).size).toBe(2);
    expect(sheet[0]!.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(res.body).not.toHaveProperty('initialPassword');
    const code = sheet.find((s) => s.username === worker)!.code;
    expect((await app.client().post('/api/auth/login', { username: worker, password: code })).status).toBe(
      401,
    );
    const otherCode = sheet.find((s) => s.username !== worker)!.code;
    const wrong = await app
      .client()
      .post('/api/auth/activate', { username: worker, code: otherCode, newPassword: 'Shijiao2026ok' });
    expect(wrong.status).toBe(401);
    const weak = await app
      .client()
      .post('/api/auth/activate', { username: worker, code, newPassword: '12345' });
    expect(weak.status).toBe(400);
    const me = app.client();
    // Typed the way people do: lower case, no dashes.
    const activated = await me.post('/api/auth/activate', {
      username: worker,
      code: code.replace(/-/g, '').toLowerCase(),
      newPassword: 'Shijiao2026ok',
    });
    expect(activated.status).toBe(200);
    expect(activated.body.mustChangePassword).toBe(false);
    const again = await app
      .client()
      .post('/api/auth/activate', { username: worker, code, newPassword: 'Another2026ok' });
    expect(again.status).toBe(401);
    expect(
      (await app.client().post('/api/auth/login', { username: worker, password: 'Shijiao2026ok' })).status,
    ).toBe(200);
    const profile = await me.get('/api/me');
    expect(profile.body.roles).toEqual(['grid_worker']);
    expect(profile.body.scope.homeGridId).toBe(freeGrid!.id);
    const leader = await app.db.prisma.staff.findUniqueOrThrow({
      where: { username: `newleader${block}` },
      select: { isPartyMember: true, assignments: { select: { role: true } } },
    });
    expect(leader.isPartyMember).toBe(true);
    expect(leader.assignments).toHaveLength(2);
    expect(
      await app.db.prisma.auditLog.count({
        where: { action: 'staff.import', after: { path: ['importId'], equals: job.id } },
      }),
    ).toBe(2);
    // Committing twice is refused.
    expect((await admin.post(`/api/admin/staff-imports/${job.id}/commit`)).status).toBe(409);
  });

  it('when the roster changed after the dry run, then the commit writes nothing and reports the row', async () => {
    const taken = phone();
    const job = await checkCsv(
      [
        HEADER,
        `甲,${phone()},,巡防员,${village()},${grid(0, 0)},`,
        `乙,${taken},,巡防员,${village()},${grid(0, 0)},`,
      ].join('\n'),
    );
    await createStaff(app.db.prisma, { regionId: town.townId, phone: taken });
    const before = await staffCount();
    await admin.post(`/api/admin/staff-imports/${job.id}/commit`);
    const done = await waitForJob(admin, job.id);
    expect(done.status).toBe('invalid');
    expect(done.problems).toEqual([{ row: 3, column: '手机号', code: 'phone_exists', value: taken }]);
    expect(await staffCount()).toBe(before);
  });

  it('when the database fails midway, then nothing is half-written', async () => {
    const job = await checkCsv(
      [
        HEADER,
        `丙,${phone()},,巡防员,${village()},${grid(0, 0)},`,
        `丁,${phone()},,巡防员,${village()},${grid(0, 0)},`,
      ].join('\n'),
    );
    // Sabotage the second row: its grid vanishes, so its assignment insert fails after the staff rows went in.
    const stored = await app.db.prisma.staffImportJob.findUniqueOrThrow({
      where: { id: job.id },
      select: { rows: true },
    });
    const rows = stored.rows as { gridIds: string[] }[];
    rows[1]!.gridIds = ['00000000-0000-7000-8000-000000000000'];
    await app.db.prisma.staffImportJob.update({ where: { id: job.id }, data: { rows } });
    const [staff, roles, assignments, audits] = await Promise.all([
      staffCount(),
      app.db.prisma.staffRole.count(),
      app.db.prisma.gridAssignment.count(),
      app.db.prisma.auditLog.count({ where: { action: 'staff.import' } }),
    ]);
    await admin.post(`/api/admin/staff-imports/${job.id}/commit`);
    const done = await waitForJob(admin, job.id);
    expect(done.status).toBe('failed');
    expect(done.message).toBeTruthy();
    expect(await staffCount()).toBe(staff);
    expect(await app.db.prisma.staffRole.count()).toBe(roles);
    expect(await app.db.prisma.gridAssignment.count()).toBe(assignments);
    expect(await app.db.prisma.auditLog.count({ where: { action: 'staff.import' } })).toBe(audits);
  });

  it('when 10,000 rows are imported, then progress is reported and all of them are created in one go', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('名单');
    sheet.addRow(HEADER.split(','));
    const big = `13${block}`;
    for (let i = 0; i < 10_000; i++) {
      sheet.addRow([
        `巡防${i}`,
        `${big}${String(i).padStart(6, '0')}`,
        '',
        '巡防员',
        village(),
        grid(0, i % 2),
        i % 3 ? '否' : '是',
      ]);
    }
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // Building the workbook kept this process (and the in-process server) busy for seconds: let the
    // server close idle keep-alive sockets before the upload, instead of racing it (ECONNRESET).
    await new Promise((resolve) => setTimeout(resolve, 100));
    const res = await upload(admin, bytes, '巡防员名单.xlsx');
    expect(res.status).toBe(202);
    expect(res.body.totalRows).toBe(10_000);
    expect(res.body.fileName).toBe('巡防员名单.xlsx');
    const job = await waitForJob(admin, res.body.id);
    expect(job.status).toBe('valid');
    expect(job.processedRows).toBe(10_000);
    const before = await staffCount();
    await admin.post(`/api/admin/staff-imports/${job.id}/commit`);
    const done = await waitForJob(admin, job.id);
    expect(done.status).toBe('committed');
    expect(await staffCount()).toBe(before + 10_000);
  }, 240_000);
});

describe('template', () => {
  it('when the template is downloaded, then it has the Chinese columns and the admin’s grid codes', async () => {
    const csv = await admin.get('/api/admin/staff-imports/template.csv');
    expect(csv.body.replace(/^\uFEFF/, '').trim()).toBe(HEADER);
    const xlsx = await fetch(`${app.url}/api/admin/staff-imports/template.xlsx`, {
      headers: { cookie: `gridgov_session=${admin.cookie('gridgov_session')}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets[0]!.getRow(1).values).toEqual([undefined, ...HEADER.split(',')]);
    const codes = workbook.worksheets[2]!.getColumn(3).values;
    expect(codes).toContain(grid(1, 1));
  });

  it('when someone administers one town and only leads another, then the template lists only the first’s grids', async () => {
    const led = await createTestTown(app.db.prisma);
    const mixed = await createStaff(app.db.prisma, {
      regionId: town.townId,
      roles: [{ role: 'admin' }, { role: 'town_leader', regionId: led.townId }],
    });
    const client = app.client();
    await client.signIn(mixed.username, TEST_PASSWORD);
    const xlsx = await fetch(`${app.url}/api/admin/staff-imports/template.xlsx`, {
      headers: { cookie: `gridgov_session=${client.cookie('gridgov_session')}` },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    const codes = workbook.worksheets[2]!.getColumn(3).values;
    expect(codes).toContain(grid(1, 1));
    expect(codes).not.toContain(led.grids[0]![0]!.code);
  });
});

// A grid of the test town freed of its worker for the commit test.
let freeGrid: { id: string; code: string } | undefined;
function createdGridCode(): string {
  return freeGrid!.code;
}
beforeAll(async () => {
  freeGrid = town.grids[0]![1]!;
  await app.db.prisma.gridAssignment.updateMany({
    where: { gridId: freeGrid.id, role: 'grid_worker', endedAt: null },
    data: { endedAt: new Date() },
  });
  // …and village 0's two grids of their leader, for the new leader the commit test imports (one
  // leader per grid).
  await app.db.prisma.gridAssignment.updateMany({
    where: { gridId: { in: town.grids[0]!.map((g) => g.id) }, role: 'grid_leader', endedAt: null },
    data: { endedAt: new Date() },
  });
});
