import type { AuditEntry } from '@gridgov/shared';
import { render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdminStaffTranslations } from '@/lib/i18n';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { AuditChange } from './audit-change';
import { AuditView } from './audit-view';

beforeAll(() => loadAdminStaffTranslations());

const entry = (overrides: Partial<AuditEntry>): AuditEntry => ({
  id: 'e1',
  at: '2026-11-29T02:00:00.000Z',
  actorId: 'a1',
  actorName: '王管理',
  action: 'staff.update',
  entity: 'staff',
  entityId: 's1',
  townId: 't1',
  before: null,
  after: null,
  ip: '10.0.0.1',
  summary: '张三: edited',
  ...overrides,
});

describe('audit change', () => {
  it('when a name changed and the phone did not, then the row shows one line for 姓名 with both values', async () => {
    mockFetch({
      'GET /api/admin/audit': () =>
        jsonResponse({
          items: [
            entry({
              before: { name: '张三', phone: '13800000001' },
              after: { name: '张三丰', phone: '13800000001' },
            }),
          ],
          nextCursor: null,
        }),
    });
    renderRoutes([{ path: '/admin/audit', Component: AuditView }], { initialEntry: '/admin/audit' });

    const row = await screen.findByRole('row', { name: /王管理/ });
    const lines = within(row).getAllByRole('listitem');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveTextContent('姓名：张三→张三丰');
    expect(within(lines[0]!).getByText('张三').tagName).toBe('DEL');
    expect(within(lines[0]!).getByText('张三丰').tagName).toBe('INS');
    expect(row).not.toHaveTextContent('手机号');
    expect(row).not.toHaveTextContent('13800000001');
  });

  it('when a person was created, then only the new values show, with codes and booleans in Chinese', () => {
    render(
      <AuditChange
        entity="staff"
        before={null}
        after={{ name: '李四', isPartyMember: true, roles: ['grid_leader', 'grid_worker'] }}
      />,
    );
    const lines = screen.getAllByRole('listitem');
    expect(lines.map((line) => line.textContent)).toEqual([
      '姓名：李四',
      '是否党员：是',
      '角色：网格长、网格员',
    ]);
    expect(screen.queryByText('→')).not.toBeInTheDocument();
    expect(document.querySelector('del')).toBeNull();
  });

  it('when a grid assignment ended, then only the old values show, struck through', () => {
    render(<AuditChange entity="staff" before={{ gridCode: 'G001', role: 'grid_worker' }} after={null} />);
    expect(screen.getAllByRole('listitem').map((line) => line.textContent)).toEqual([
      '网格编码：G001',
      '职务：网格员',
    ]);
    expect(screen.getByText('G001').tagName).toBe('DEL');
    expect(document.querySelector('ins')).toBeNull();
  });

  it('when a grid was renamed, then the field reads 网格名称 and unknown fields keep their key', () => {
    render(
      <AuditChange
        entity="grid"
        before={{ name: '一网格', extra: 1 }}
        after={{ name: '东区一网格', extra: 2 }}
      />,
    );
    expect(screen.getAllByRole('listitem').map((line) => line.textContent)).toEqual([
      '网格名称：一网格→东区一网格',
      'extra：1→2',
    ]);
  });

  it('when a value is cut, then its full text is in the title', () => {
    const note = '交'.repeat(150);
    render(<AuditChange entity="staff" before={null} after={{ note }} />);
    const value = screen.getByText(`${'交'.repeat(120)}…`);
    expect(value).toHaveAttribute('title', note);
  });

  it('when nothing changed, then nothing is rendered', () => {
    const { container } = render(<AuditChange entity="staff" before={null} after={null} />);
    expect(container).toBeEmptyDOMElement();
  });
});

describe('audit log in the town’s words (issue 13)', () => {
  it('when a category was edited, then the action, values and name read as Chinese and the code is set apart', async () => {
    mockFetch({
      'GET /api/admin/audit': () =>
        jsonResponse({
          items: [
            entry({
              action: 'category.update',
              entity: 'category',
              entityId: 'facilities.streetlight',
              summary: 'facilities.streetlight 路灯损坏',
              before: {
                sla: { unit: 'working_days', amount: 3 },
                defaultPriority: 'normal',
                isActive: true,
                fields: [{ key: 'pole', label: '灯杆编号', type: 'text' }],
              },
              after: {
                sla: { unit: 'working_hours', amount: 1 },
                defaultPriority: 'high',
                isActive: false,
                fields: [],
              },
            }),
          ],
          nextCursor: null,
        }),
    });
    renderRoutes([{ path: '/admin/audit', Component: AuditView }], { initialEntry: '/admin/audit' });

    const row = await screen.findByRole('row', { name: /王管理/ });
    const text = row.textContent ?? '';
    expect(within(row).getByText('修改事件分类')).toBeTruthy();
    expect(within(row).getByText('编码 facilities.streetlight')).toHaveProperty(
      'className',
      'muted audit-code',
    );
    for (const shown of ['路灯损坏', '3 个工作日', '1 个工作小时', '一般', '紧急', '是', '否', '灯杆编号']) {
      expect(text).toContain(shown);
    }
    expect(text).not.toContain('category.update');
    expect(text).not.toMatch(/[{}[\]"]/);
  });

  it('when values are ids and instants, then ids are shortened and labelled and times are China time', () => {
    render(
      <AuditChange
        entity="staff"
        before={null}
        after={{
          colleagueId: '3f2b9c1e-0000-4000-8000-000000000001',
          lockedUntil: '2026-12-07T16:30:00.000Z',
        }}
      />,
    );

    expect(screen.getByText('编号 3f2b9c1e…')).toBeTruthy();
    expect(screen.getByText('2026-12-08 00:30')).toBeTruthy();
  });

  it('when the server records an action, then it has a name in Chinese and in English', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { dirname, join } = await import('node:path');
    const { fileURLToPath } = await import('node:url');
    // jsdom replaces URL, so the path is built from the file's own path string.
    const root = join(dirname(fileURLToPath(import.meta.url)), '../../../../../server/src');
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts'),
    );
    const actions = new Set<string>();
    for (const file of files) {
      const source = readFileSync(join(root, file), 'utf8');
      for (const match of source.matchAll(/'((?:auth|staff|grid|category|calendar|setting)\.[a-z_]+)'/g)) {
        actions.add(match[1] ?? '');
      }
    }
    const { adminStaffZhCN } = await import('@/locales/admin-staff.zh-CN');
    const { adminStaffEn } = await import('@/locales/admin-staff.en');

    expect(actions.size).toBeGreaterThan(20);
    const key = (action: string) => action.replace('.', '_');
    const missing = [...actions].filter(
      (action) =>
        !(key(action) in adminStaffZhCN.adminStaff.audit.actions) ||
        !(key(action) in adminStaffEn.adminStaff.audit.actions),
    );
    expect(missing).toEqual([]);
  });
});

describe('audit of a handover', () => {
  it('when grid posts and cases were handed over, then roles are named and cases listed by number', () => {
    render(
      <AuditChange
        entity="staff"
        before={{ grids: ['grid_worker:G001'] }}
        after={{ cases: [{ number: '2026-001421', assigneeId: '3f2b9c1e-0000-4000-8000-000000000001' }] }}
      />,
    );

    expect(screen.getByText('网格员 G001')).toBeInTheDocument();
    expect(screen.getByText('2026-001421')).toBeInTheDocument();
  });
});
