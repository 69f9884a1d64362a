import type { StaffDetail } from '@gridgov/shared';
import { screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdminStaffTranslations } from '@/lib/i18n';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { StaffDetailView } from './staff-detail-view';

beforeAll(() => loadAdminStaffTranslations());

const person = (canEditAccount: boolean): StaffDetail => ({
  id: '0190a0a0-0000-7000-8000-0000000000a1',
  name: '邻镇巡防员',
  username: 'pt_visit',
  phone: '13800000001',
  roles: ['patroller'],
  status: 'active',
  isPartyMember: false,
  isDisabled: false,
  regionId: '0190a0a0-0000-7000-8000-0000000000b2',
  grids: [],
  village: null,
  createdAt: '2026-12-01T00:00:00.000Z',
  canEditAccount,
  history: [],
});

function renderPerson(canEditAccount: boolean) {
  mockFetch({
    'GET /api/admin/staff/0190a0a0-0000-7000-8000-0000000000a1': () => jsonResponse(person(canEditAccount)),
  });
  renderRoutes(
    [{ path: '/admin/staff/:id', Component: () => <StaffDetailView staffId={person(false).id} canWrite /> }],
    { initialEntry: `/admin/staff/${person(false).id}` },
  );
}

describe('staff detail: whose account it is', () => {
  it('when the person belongs to another town, then the admin reads the account, is told why, and gets no account actions', async () => {
    renderPerson(false);
    expect(await screen.findByText(/此人的账号属于其他镇/)).toBeInTheDocument();
    expect(screen.getByText('13800000001')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '重置密码' })).toBeNull();
    expect(screen.queryByRole('button', { name: '停用账号' })).toBeNull();
    expect(screen.queryByRole('textbox', { name: '姓名' })).toBeNull();
  });

  it('when the person belongs to a town the admin administers, then the account can be edited', async () => {
    renderPerson(true);
    expect(await screen.findByRole('button', { name: '重置密码' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '停用账号' })).toBeInTheDocument();
    expect(screen.queryByText(/此人的账号属于其他镇/)).toBeNull();
  });
});
