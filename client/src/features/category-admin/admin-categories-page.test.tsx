import type { Category, Me } from '@gridgov/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
// The page composes this feature; its read-only decision and URL state are what these tests check.
import { AdminCategoriesRoute } from '@/app/routes/admin-categories';
import { ME_QUERY_KEY } from '@/features/auth/api/get-me';
import { resetCsrfToken } from '@/lib/api-client';
import { loadAdminGeoTranslations } from '@/lib/i18n';
import { buildCategories, buildMe } from '@/testing/case.fixture';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';

const adminAt = (level: 'county' | 'town'): Me =>
  buildMe({
    roles: ['admin'],
    scope: { level, regionIds: ['region-1'], gridIds: [], homeGridId: null, bbox: null },
  });

/** The server's list lives in `categories`; a POST handler may change it like a concurrent admin would. */
function renderPage(
  me: Me,
  initialEntry = '/admin/categories',
  answerPost: (body: unknown, categories: Category[]) => Response = (body, categories) => {
    const created = { id: 'cat-new', isActive: true, ...(body as object) } as Category;
    categories.push(created);
    return jsonResponse(created, { status: 201 });
  },
) {
  const categories: Category[] = buildCategories();
  const fetchMock = mockFetch({
    'GET /api/me': () => jsonResponse(me),
    'GET /api/categories': () => jsonResponse({ items: categories }),
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    'POST /api/categories': ({ body }) => answerPost(body, categories),
  });
  const view = renderRoutes([{ path: '/admin/categories', Component: AdminCategoriesRoute }], {
    initialEntry,
  });
  return { ...view, fetchMock };
}

describe('categories admin page', () => {
  beforeAll(() => loadAdminGeoTranslations());
  beforeEach(() => resetCsrfToken());

  it('when a county admin creates a leaf, then the list refreshes, the new category is selected and a notice says so', async () => {
    const user = userEvent.setup();
    const { router } = renderPage(adminAt('county'), '/admin/categories?code=safety.light');

    await user.click(await screen.findByRole('button', { name: '新建类别' }));
    const form = screen.getByRole('form', { name: '新建类别' });
    expect(router.state.location.search).toContain('new=1');
    // The admin was looking at a leaf of 公共安全: the new leaf goes there unless changed.
    expect(within(form).getByRole('textbox', { name: '编码' })).toHaveValue('safety.');
    await user.type(within(form).getByRole('textbox', { name: '编码' }), 'manhole');
    await user.type(within(form).getByRole('textbox', { name: '中文名称' }), '井盖缺失');
    await user.type(within(form).getByRole('textbox', { name: '英文名称' }), 'Missing manhole cover');
    await user.click(within(form).getByRole('button', { name: '创建' }));

    expect(await screen.findByText('已新建类别“井盖缺失”（safety.manhole）。')).toBeInTheDocument();
    expect(router.state.location.search).toBe('?code=safety.manhole');
    expect(screen.getByRole('form', { name: '井盖缺失' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '井盖缺失' })).toHaveAttribute('aria-current', 'true');
    expect(screen.queryByRole('form', { name: '新建类别' })).not.toBeInTheDocument();
  });

  it('when the chosen group vanished meanwhile (422), then the list refreshes, the input stays and the group must be chosen again', async () => {
    const user = userEvent.setup();
    const { fetchMock } = renderPage(adminAt('county'), '/admin/categories?code=env', (_body, categories) => {
      // Another admin removed 环境卫生 and its leaves before this POST arrived.
      categories.splice(0, categories.length, ...categories.filter((c) => !c.code.startsWith('env')));
      return errorResponse(422, 'unprocessable', {
        message: 'The parent must be an existing top-level category',
      });
    });
    await user.click(await screen.findByRole('button', { name: '新建类别' }));
    const form = screen.getByRole('form', { name: '新建类别' });
    await user.type(within(form).getByRole('textbox', { name: '编码' }), 'smell');
    await user.type(within(form).getByRole('textbox', { name: '中文名称' }), '异味');
    await user.type(within(form).getByRole('textbox', { name: '英文名称' }), 'Bad smell');
    await user.click(within(form).getByRole('button', { name: '创建' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent(
      '所属大类 env 已不存在或不再是大类。列表已刷新，请重新选择所属大类。',
    );
    await waitFor(() => expect(screen.queryByRole('button', { name: '环境卫生' })).not.toBeInTheDocument());
    expect(within(form).getByRole('combobox', { name: '所属大类' })).toHaveValue('');
    expect(within(form).getByRole('textbox', { name: '编码' })).toHaveValue('env.smell');
    expect(within(form).getByRole('textbox', { name: '中文名称' })).toHaveValue('异味');

    await user.click(within(form).getByRole('button', { name: '创建' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('请选择所属大类。');
    expect(listRequests(fetchMock).filter((r) => r.method === 'POST')).toHaveLength(1);

    await user.selectOptions(within(form).getByRole('combobox', { name: '所属大类' }), 'safety');
    expect(within(form).getByRole('textbox', { name: '编码' })).toHaveValue('safety.smell');
  });

  it('when the admin cancels, then the form closes and the earlier selection is back', async () => {
    const user = userEvent.setup();
    const { router } = renderPage(adminAt('county'), '/admin/categories?code=env.water');
    await user.click(await screen.findByRole('button', { name: '新建类别' }));
    await user.click(screen.getByRole('button', { name: '取消' }));

    expect(router.state.location.search).toBe('?code=env.water');
    expect(screen.getByRole('form', { name: '污水外溢' })).toBeInTheDocument();
  });

  it('when a town-level admin (read-only) opens the page, then there is no create button, even with ?new in the URL', async () => {
    const { queryClient } = renderPage(adminAt('town'), '/admin/categories?code=env&new=1');

    expect(await screen.findByRole('form', { name: '环境卫生' })).toBeInTheDocument();
    // Until the signed-in user is known the page is read-only anyway: wait for it, or this proves nothing.
    await vi.waitFor(() => expect(queryClient.getQueryData(ME_QUERY_KEY)).toBeDefined());
    expect(screen.getByText('只读：只有管理员可以修改。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '新建类别' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '新建类别' })).not.toBeInTheDocument();
  });
});
