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
