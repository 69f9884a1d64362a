import type { ImportJob } from '@gridgov/shared';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAdminStaffTranslations } from '@/lib/i18n';
import { errorResponse, jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { ImportView } from './import-view';

beforeAll(() => loadAdminStaffTranslations());

const job = (overrides: Partial<ImportJob>): ImportJob => ({
  id: 'j1',
  status: 'invalid',
  fileName: 'roster.csv',
  totalRows: 2,
  processedRows: 2,
  problemCount: 1,
  problems: [
    { row: 3, column: '手机号', code: 'duplicate_phone_in_file', value: '13900000001', otherRow: 2 },
  ],
  createdCount: 0,
  message: null,
  createdAt: '2026-11-29T10:00:00.000Z',
  ...overrides,
});

const renderImport = (entry = '/admin/import?job=j1') =>
  renderRoutes([{ path: '/admin/import', Component: ImportView }], { initialEntry: entry });

describe('import view', () => {
  it('when the dry run found problems, then each shows with its row, a localized reason and the report links', async () => {
    mockFetch({ 'GET /api/admin/staff-imports/j1': () => jsonResponse(job({})) });
    renderImport();
    expect(await screen.findByText('发现问题')).toBeInTheDocument();
    const row = screen.getByRole('row', { name: /13900000001/ });
    expect(row).toHaveTextContent('3');
    expect(row).toHaveTextContent('手机号与文件中另一行重复（与第 2 行重复）');
    expect(screen.getByRole('link', { name: '下载问题清单（CSV）' })).toHaveAttribute(
      'href',
      '/api/admin/staff-imports/j1/problems.csv?lang=zh-CN',
    );
    expect(screen.queryByRole('button', { name: /导入/ })).not.toBeInTheDocument();
  });

  it('when the file is valid and committed, then each person’s activation code is shown once, with a download', async () => {
    let current = job({ status: 'valid', problems: [], problemCount: 0 });
    mockFetch({
      'GET /api/admin/staff-imports/j1': () => jsonResponse(current),
      'GET /api/auth/csrf': () => jsonResponse({ token: 't' }),
      'POST /api/admin/staff-imports/j1/commit': () => {
        current = job({ status: 'committed', problems: [], problemCount: 0, createdCount: 2 });
        return jsonResponse({
          job: job({ status: 'committing', problems: [] }),
          activationCodes: [
            { row: 2, name: '王五', username: '13900000001', code: 'K7QM-3XPA-9TRW' },
            { row: 3, name: '赵六', username: 'zhao6', code: 'M2NP-8QRS-4TVW' },
          ],
          activationExpiresAt: '2027-01-06T02:00:00.000Z',
        });
      },
    });
    renderImport();
    await userEvent.setup().click(await screen.findByRole('button', { name: '导入 2 人' }));
    expect(await screen.findByText('已创建 2 个账号。', {}, { timeout: 3000 })).toBeInTheDocument();
    expect(screen.getAllByTestId('activation-code').map((c) => c.textContent)).toEqual([
      'K7QM-3XPA-9TRW',
      'M2NP-8QRS-4TVW',
    ]);
    expect(screen.getByRole('row', { name: /赵六/ })).toHaveTextContent('zhao6');
    expect(screen.getByText(/2027-01-06 前有效/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下载激活码表（CSV）' })).toBeInTheDocument();
  });

  it('when the upload is refused for its encoding, then the reason is explained in Chinese', async () => {
    const fetchMock = mockFetch({
      'GET /api/auth/csrf': () => jsonResponse({ token: 't' }),
      'POST /api/admin/staff-imports': () =>
        errorResponse(422, 'unprocessable', { details: { reason: 'encoding' } }),
    });
    renderImport('/admin/import');
    const user = userEvent.setup();
    await user.upload(screen.getByLabelText(/名单文件/), new File(['x'], 'a.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: '上传并检查' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('文件编码无法识别');
    expect(fetchMock.mock.calls.at(-1)?.[1]?.body).toBeInstanceOf(FormData);
  });
});
