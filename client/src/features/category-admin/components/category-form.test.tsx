import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { loadAdminGeoTranslations } from '@/lib/i18n';
import { buildCategories } from '@/testing/case.fixture';
import { jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { CategoryForm } from './category-form';

describe('category edit form', () => {
  beforeAll(() => loadAdminGeoTranslations());
  beforeEach(() => resetCsrfToken());

  it('when a whole number of working days is saved, then the browser lets the form through and the PATCH is sent', async () => {
    const category = buildCategories().find((c) => c.code === 'env.water')!;
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
      'PATCH /api/categories/env.water': ({ body }) => jsonResponse({ ...category, ...(body as object) }),
    });
    renderRoutes([{ path: '/', element: <CategoryForm category={category} isReadOnly={false} /> }]);
    const user = userEvent.setup();
    const form = screen.getByRole('form', { name: '污水外溢' });
    const amount = within(form).getByRole('spinbutton', { name: '处置期限' });
    expect(amount).toBeValid();
    await user.clear(amount);
    await user.type(amount, '5');
    await user.click(within(form).getByRole('button', { name: '保存' }));

    await vi.waitFor(() =>
      expect(listRequests(fetchMock).find((r) => r.method === 'PATCH')?.body).toMatchObject({
        sla: { unit: 'working_days', amount: 5 },
        departmentName: null,
      }),
    );
    expect(await within(form).findByRole('status')).toHaveTextContent('已保存');
  });
});
