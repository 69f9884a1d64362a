import type { Category } from '@gridgov/shared';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { loadAdminGeoTranslations } from '@/lib/i18n';
import { buildCategories } from '@/testing/case.fixture';
import { errorResponse, jsonResponse, listRequests, type MockRequest, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { CategoryCreateForm } from './category-create-form';

type Handler = (request: MockRequest) => Response | Promise<Response>;

function renderCreateForm(answerPost: Handler) {
  const fetchMock = mockFetch({
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    'POST /api/categories': answerPost,
  });
  const onCreated = vi.fn<(category: Category) => void>();
  renderRoutes([
    {
      path: '/',
      element: (
        <CategoryCreateForm
          categories={buildCategories()}
          initialParentCode="env"
          onCreated={onCreated}
          onCancel={() => undefined}
        />
      ),
    },
  ]);
  const form = screen.getByRole('form', { name: '新建类别' });
  return { fetchMock, onCreated, form, user: userEvent.setup() };
}

const posts = (fetchMock: ReturnType<typeof mockFetch>) =>
  listRequests(fetchMock).filter((request) => request.method === 'POST');

async function fillMinimalLeaf(user: ReturnType<typeof userEvent.setup>, form: HTMLElement) {
  await user.type(within(form).getByRole('textbox', { name: '编码' }), 'smell');
  await user.type(within(form).getByRole('textbox', { name: '中文名称' }), '异味');
  await user.type(within(form).getByRole('textbox', { name: '英文名称' }), 'Bad smell');
}

describe('category create form', () => {
  beforeAll(() => loadAdminGeoTranslations());
  beforeEach(() => resetCsrfToken());

  it('when an admin fills in a leaf with a department and an extra field, then the POST carries exactly that', async () => {
    const { fetchMock, onCreated, form, user } = renderCreateForm(({ body }) =>
      jsonResponse({ id: 'cat-new', isActive: true, ...(body as object) }, { status: 201 }),
    );
    const code = within(form).getByRole('textbox', { name: '编码' });
    expect(within(form).getByRole('combobox', { name: '层级' })).toHaveValue('leaf');
    expect(code).toHaveValue('env.');

    await user.selectOptions(within(form).getByRole('combobox', { name: '所属大类' }), 'safety');
    expect(code).toHaveValue('safety.');
    await user.type(code, 'manhole');
    await user.type(within(form).getByRole('textbox', { name: '中文名称' }), '井盖缺失');
    await user.type(within(form).getByRole('textbox', { name: '英文名称' }), 'Missing manhole cover');
    const amount = within(form).getByRole('spinbutton', { name: '处置期限' });
    await user.clear(amount);
    await user.type(amount, '4');
    await user.selectOptions(within(form).getByRole('combobox', { name: '单位' }), 'working_hours');
    await user.selectOptions(within(form).getByRole('combobox', { name: '默认优先级' }), 'high');
    await user.selectOptions(within(form).getByRole('combobox', { name: '默认处置人' }), 'department');
    await user.type(within(form).getByRole('textbox', { name: '部门名称' }), '镇城管办');
    await user.click(within(form).getByRole('button', { name: '添加字段' }));
    const field = within(form).getByTestId('extra-field');
    await user.type(within(field).getByRole('textbox', { name: '字段键（英文小写）' }), 'depth');
    await user.type(within(field).getByRole('textbox', { name: '中文标签' }), '深度');
    await user.type(within(field).getByRole('textbox', { name: '英文标签' }), 'Depth');
    await user.selectOptions(within(field).getByRole('combobox', { name: '类型' }), 'number');
    await user.click(within(field).getByRole('checkbox', { name: '必填' }));
    await user.click(within(form).getByRole('button', { name: '创建' }));

    await vi.waitFor(() => expect(onCreated).toHaveBeenCalledOnce());
    const [post] = posts(fetchMock);
    expect(post?.path).toBe('/api/categories');
    expect(post?.headers.get('X-CSRF-Token')).toBe('tok');
    expect(post?.body).toEqual({
      code: 'safety.manhole',
      parentCode: 'safety',
      name: '井盖缺失',
      nameEn: 'Missing manhole cover',
      sla: { unit: 'working_hours', amount: 4 },
      defaultPriority: 'high',
      defaultHandler: 'department',
      departmentName: '镇城管办',
      fields: [{ key: 'depth', label: '深度', labelEn: 'Depth', type: 'number', required: true }],
      isActive: true,
    });
    expect(onCreated.mock.calls[0]?.[0]).toMatchObject({ code: 'safety.manhole', name: '井盖缺失' });
  });

  it('when the admin makes a group, then the code has no prefix and no parent or extra fields are sent', async () => {
    const { fetchMock, form, user } = renderCreateForm(({ body }) =>
      jsonResponse({ id: 'cat-new', isActive: true, ...(body as object) }, { status: 201 }),
    );
    await user.selectOptions(within(form).getByRole('combobox', { name: '层级' }), 'group');
    const code = within(form).getByRole('textbox', { name: '编码' });
    expect(code).toHaveValue('');
    expect(within(form).queryByRole('combobox', { name: '所属大类' })).not.toBeInTheDocument();
    expect(within(form).queryByRole('button', { name: '添加字段' })).not.toBeInTheDocument();
    await user.type(code, 'roads');
    await user.type(within(form).getByRole('textbox', { name: '中文名称' }), '道路交通');
    await user.type(within(form).getByRole('textbox', { name: '英文名称' }), 'Roads');
    await user.click(within(form).getByRole('button', { name: '创建' }));

    await vi.waitFor(() => expect(posts(fetchMock)).toHaveLength(1));
    expect(posts(fetchMock)[0]?.body).toMatchObject({ code: 'roads', parentCode: null, fields: [] });
  });

  it.each([
    [409, 'conflict', '编码 env.smell 已被其他类别使用（可能刚被别人新建）。列表已刷新，请换一个编码。'],
    [422, 'unprocessable', '所属大类 env 已不存在或不再是大类。列表已刷新，请重新选择所属大类。'],
  ] as const)(
    'when the server answers %i, then its refusal is worded and the inputs stay',
    async (status, code, text) => {
      const { fetchMock, onCreated, form, user } = renderCreateForm(() =>
        errorResponse(status, code, { message: 'English server message' }),
      );
      await fillMinimalLeaf(user, form);
      await user.click(within(form).getByRole('button', { name: '创建' }));

      expect(await within(form).findByRole('alert')).toHaveTextContent(text);
      expect(screen.queryByText('English server message')).not.toBeInTheDocument();
      expect(posts(fetchMock)).toHaveLength(1);
      expect(onCreated).not.toHaveBeenCalled();
      expect(within(form).getByRole('textbox', { name: '编码' })).toHaveValue('env.smell');
      expect(within(form).getByRole('textbox', { name: '中文名称' })).toHaveValue('异味');
      expect(within(form).getByRole('textbox', { name: '英文名称' })).toHaveValue('Bad smell');
      expect(within(form).getByRole('button', { name: '创建' })).toBeEnabled();
    },
  );

  it('when the code breaks the rules or the names are missing, then nothing is sent and each problem is named', async () => {
    const { fetchMock, form, user } = renderCreateForm(() => errorResponse(500, 'internal'));
    const code = within(form).getByRole('textbox', { name: '编码' });
    await user.type(code, 'Smell');
    await user.click(within(form).getByRole('button', { name: '创建' }));

    const alert = await within(form).findByRole('alert');
    expect(alert).toHaveTextContent('编码须以小写英文字母开头');
    expect(alert).toHaveTextContent('请填写中文名称。');
    expect(alert).toHaveTextContent('请填写英文名称。');
    expect(code).toHaveAttribute('aria-invalid', 'true');

    await user.clear(code);
    await user.type(code, 'env.garbage');
    await user.click(within(form).getByRole('button', { name: '创建' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('编码 env.garbage 已存在，请换一个。');

    await user.clear(code);
    await user.type(code, 'safety.smell');
    await user.click(within(form).getByRole('button', { name: '创建' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('小类的编码须为“env.”后接名称');
    expect(posts(fetchMock)).toHaveLength(0);
  });
});
