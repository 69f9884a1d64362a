import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import {
  buildCaseDetail,
  buildCaseSummary,
  buildCategories,
  buildMe,
  buildStaffItem,
  IDS,
} from '@/testing/case.fixture';
import { jsonResponse, listRequests, type MockRequest, mockFetch } from '@/testing/mock-fetch';
import { buildRegionTree } from '@/testing/region-tree.fixture';
import { renderRoutes } from '@/testing/render-route';
import { CasesRoute } from './cases';

type Handler = (request: MockRequest) => Response | Promise<Response>;

function renderCaseList(initialEntry: string, routes: Record<string, Handler> = {}) {
  const fetchMock = mockFetch({
    'GET /api/me': () => jsonResponse(buildMe()),
    'GET /api/categories': () => jsonResponse({ items: buildCategories() }),
    'GET /api/regions/tree': () => jsonResponse(buildRegionTree()),
    'GET /api/cases': () => jsonResponse({ items: [buildCaseSummary()], nextCursor: null }),
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    ...routes,
  });
  return { fetchMock, ...renderRoutes([{ path: '/cases', Component: CasesRoute }], { initialEntry }) };
}

const caseListQueries = (fetchMock: ReturnType<typeof mockFetch>) =>
  listRequests(fetchMock)
    .filter((request) => request.path === '/api/cases')
    .map((request) => request.url.searchParams);

describe('case list', () => {
  beforeEach(() => resetCsrfToken());

  it('when the URL holds filters, then the controls show them and the request carries them', async () => {
    const { fetchMock } = renderCaseList(
      '/cases?status=reported,handled&categoryCode=safety.light&overdue=true&q=路灯&sort=deadline_asc&from=2025-06-01',
    );

    expect(await screen.findByRole('link', { name: 'SJ-20250601-0001' })).toHaveAttribute(
      'href',
      `/cases/${IDS.case1}`,
    );
    const query = caseListQueries(fetchMock)[0];
    expect(query?.get('status')).toBe('reported,handled');
    expect(query?.get('categoryCode')).toBe('safety.light');
    expect(query?.get('overdue')).toBe('true');
    expect(query?.get('q')).toBe('路灯');
    expect(query?.get('sort')).toBe('deadline_asc');
    expect(query?.get('from')).toBe('2025-06-01');
    expect(query?.has('escalated')).toBe(false);
    expect(screen.getByRole('searchbox', { name: '关键词' })).toHaveValue('路灯');
    expect(screen.getByRole('combobox', { name: '排序' })).toHaveValue('deadline_asc');
    expect(screen.getByRole('combobox', { name: '事件类型' })).toHaveValue('safety.light');
    expect(screen.getByRole('checkbox', { name: '仅看超期未办结' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '待受理' })).toBeChecked();
    expect(screen.getByRole('checkbox', { name: '待核查' })).toBeChecked();
    expect(screen.getByLabelText('上报日期从')).toHaveValue('2025-06-01');
  });

  it('when a filter is changed, then it is written to the URL and the list is asked for again', async () => {
    const { fetchMock, router } = renderCaseList('/cases?q=路灯');
    const user = userEvent.setup();
    await screen.findByRole('link', { name: 'SJ-20250601-0001' });

    await user.click(screen.getByRole('checkbox', { name: '仅看督办' }));
    await user.click(screen.getByRole('checkbox', { name: '处置中' }));
    await user.selectOptions(screen.getByRole('combobox', { name: '村（社区）' }), '沙浦村');

    await waitFor(() => expect(caseListQueries(fetchMock).at(-1)?.get('villageId')).toBe('v2'));
    const params = new URLSearchParams(router.state.location.search);
    expect(Object.fromEntries(params)).toEqual({
      q: '路灯',
      escalated: 'true',
      status: 'in_progress',
      villageId: 'v2',
    });
    expect(caseListQueries(fetchMock).at(-1)?.get('escalated')).toBe('true');

    await user.click(screen.getByRole('button', { name: '清除全部筛选' }));
    await waitFor(() => expect(router.state.location.search).toBe(''));
  });

  it('when there are more cases, then "load more" fetches the next page with the cursor', async () => {
    const second = buildCaseSummary({ id: IDS.case2, number: 'SJ-20250601-0002' });
    const { fetchMock } = renderCaseList('/cases', {
      'GET /api/cases': (request) =>
        jsonResponse(
          request.url.searchParams.get('cursor') === 'next-1'
            ? { items: [second], nextCursor: null }
            : { items: [buildCaseSummary()], nextCursor: 'next-1' },
        ),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('button', { name: '加载更多' }));

    expect(await screen.findByRole('link', { name: 'SJ-20250601-0002' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'SJ-20250601-0001' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '加载更多' })).not.toBeInTheDocument();
    expect(caseListQueries(fetchMock).map((query) => query.get('cursor'))).toEqual([null, 'next-1']);
  });

  it('when a leader selects accepted cases, then they are dispatched together with their versions', async () => {
    const dispatched = buildCaseSummary({ id: IDS.case2, number: 'SJ-20250601-0002', status: 'dispatched' });
    const { fetchMock } = renderCaseList('/cases', {
      'GET /api/cases': () => jsonResponse({ items: [buildCaseSummary(), dispatched], nextCursor: null }),
      'GET /api/staff': () => jsonResponse({ items: [buildStaffItem()], total: 1, page: 1, pageSize: 100 }),
      'POST /api/cases/bulk-dispatch': () =>
        jsonResponse({ items: [buildCaseDetail({ status: 'dispatched', version: 4 })] }),
    });
    const user = userEvent.setup();

    await user.click(await screen.findByRole('checkbox', { name: '选择事件 SJ-20250601-0001' }));
    // Only accepted cases can be dispatched.
    expect(screen.queryByRole('checkbox', { name: '选择事件 SJ-20250601-0002' })).not.toBeInTheDocument();
    const bar = within(screen.getByRole('form', { name: '批量派遣' }));
    const assignee = bar.getByRole('combobox', { name: '处置人员' });
    await waitFor(() => expect(assignee).toBeEnabled());
    await user.selectOptions(assignee, '张伟（网格员）');
    await user.type(bar.getByRole('textbox', { name: '派遣说明（选填）' }), '今天处理');
    await user.click(bar.getByRole('button', { name: '批量派遣' }));

    expect(await screen.findByText('已派遣 1 件事件')).toBeInTheDocument();
    const sent = listRequests(fetchMock).find((request) => request.path === '/api/cases/bulk-dispatch');
    expect(sent?.body).toEqual({
      assigneeId: IDS.worker,
      cases: [{ id: IDS.case1, version: 3 }],
      note: '今天处理',
    });
  });

  it('when a grid worker looks at the list, then rows cannot be selected for dispatch and there is no 选择 column', async () => {
    renderCaseList('/cases', { 'GET /api/me': () => jsonResponse(buildMe({ roles: ['grid_worker'] })) });

    await screen.findByRole('link', { name: 'SJ-20250601-0001' });
    await waitFor(() => expect(screen.queryByRole('checkbox', { name: /选择事件/ })).not.toBeInTheDocument());
    expect(screen.queryByRole('columnheader', { name: '选择' })).not.toBeInTheDocument();
  });

  it('when a leader has no accepted case in the list, then there is no empty 选择 column; with one, there is', async () => {
    let items = [buildCaseSummary({ status: 'dispatched' })];
    const { queryClient } = renderCaseList('/cases', {
      'GET /api/cases': () => jsonResponse({ items, nextCursor: null }),
    });

    await screen.findByRole('link', { name: 'SJ-20250601-0001' });
    expect(screen.getAllByRole('columnheader').map((cell) => cell.textContent)).not.toContain('选择');

    items = [buildCaseSummary({ status: 'accepted' })];
    await queryClient.invalidateQueries();
    expect(await screen.findByRole('columnheader', { name: '选择' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: '选择事件 SJ-20250601-0001' })).toBeInTheDocument();
  });
});
