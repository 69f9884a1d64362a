import type { CaseDetail } from '@gridgov/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { buildCaseDetail, buildCaseSummary, buildStaffItem, buildUpload, IDS } from '@/testing/case.fixture';
import { errorResponse, jsonResponse, listRequests, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { useCase } from '../api/get-case';
import { CaseActionsPanel } from './case-actions-panel';

function PanelHarness() {
  const { id = '' } = useParams();
  const caseQuery = useCase(id);
  return caseQuery.data ? <CaseActionsPanel caseDetail={caseQuery.data} /> : null;
}

const CASE_PATH = `/api/cases/${IDS.case1}`;
const ACTIONS_PATH = `${CASE_PATH}/actions`;

function renderPanel(detail: CaseDetail, routes: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    [`GET ${CASE_PATH}`]: () => jsonResponse(detail),
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    ...routes,
  });
  renderRoutes([{ path: '/cases/:id', Component: PanelHarness }], { initialEntry: `/cases/${IDS.case1}` });
  return fetchMock;
}

async function findPanel() {
  return within(await screen.findByRole('region', { name: '办理' }));
}

describe('case actions panel', () => {
  beforeEach(() => resetCsrfToken());

  it('when the case allows some actions, then exactly those are offered, by their Chinese names', async () => {
    renderPanel(
      buildCaseDetail({
        status: 'in_progress',
        allowedActions: ['feedback', 'request_extension', 'suspend'],
      }),
    );

    const panel = await findPanel();

    expect(panel.getAllByRole('button').map((button) => button.textContent)).toEqual([
      '提交反馈',
      '申请延期',
      '挂起',
    ]);
  });

  it('when feedback is chosen, then it asks for a note and a photo only, and confirm waits for both', async () => {
    const user = userEvent.setup();
    const upload = buildUpload();
    const fetchMock = renderPanel(
      buildCaseDetail({ status: 'in_progress', version: 7, allowedActions: ['feedback'] }),
      {
        'POST /api/uploads': () => jsonResponse(upload, { status: 201 }),
        [`POST ${ACTIONS_PATH}`]: () =>
          jsonResponse(buildCaseDetail({ status: 'handled', version: 8, allowedActions: [] })),
      },
    );
    const panel = await findPanel();

    await user.click(panel.getByRole('button', { name: '提交反馈' }));

    const confirm = panel.getByRole('button', { name: '确认' });
    expect(panel.getByRole('textbox', { name: '处理说明' })).toBeInTheDocument();
    expect(panel.getByLabelText('处置照片')).toHaveAttribute('type', 'file');
    expect(panel.queryByRole('combobox')).not.toBeInTheDocument();
    expect(confirm).toBeDisabled();
    // A disabled button alone does not say why: the hint beside it does, and is tied to it.
    expect(confirm).toHaveAccessibleDescription('还需填写处理说明、上传至少 1 张处置照片，才能确认');

    await user.type(panel.getByRole('textbox', { name: '处理说明' }), '已清理完毕');
    expect(confirm).toBeDisabled();
    expect(confirm).toHaveAccessibleDescription('还需上传至少 1 张处置照片，才能确认');
    await user.upload(
      panel.getByLabelText('处置照片'),
      new File(['jpeg'], 'after.jpg', { type: 'image/jpeg' }),
    );
    await panel.findByText('已上传');
    expect(confirm).toBeEnabled();
    expect(confirm).not.toHaveAccessibleDescription();
    await user.click(confirm);

    expect(await panel.findByRole('status')).toHaveTextContent('已完成：提交反馈');
    const sent = listRequests(fetchMock).find((request) => request.path === ACTIONS_PATH);
    expect(sent?.body).toEqual({ action: 'feedback', version: 7, note: '已清理完毕', photoIds: [upload.id] });
    const uploadRequest = listRequests(fetchMock).find((request) => request.path === '/api/uploads');
    expect(uploadRequest?.rawBody).toBeInstanceOf(FormData);
    expect((uploadRequest?.rawBody as FormData | undefined)?.get('file')).toBeInstanceOf(File);
  });

  it('when dispatch is chosen, then only the assignee is asked for, from exactly the people the case may be given to', async () => {
    const user = userEvent.setup();
    const fetchMock = renderPanel(buildCaseDetail({ status: 'accepted', allowedActions: ['dispatch'] }), {
      [`GET /api/cases/${IDS.case1}/assignees`]: () => {
        const { id, name, roles } = buildStaffItem();
        return jsonResponse({ items: [{ id, name, roles }] });
      },
      [`POST ${ACTIONS_PATH}`]: () => jsonResponse(buildCaseDetail({ status: 'dispatched' })),
    });
    const panel = await findPanel();

    await user.click(panel.getByRole('button', { name: '派遣' }));
    const assignee = await panel.findByRole('combobox', { name: '处置人员' });
    await waitFor(() => expect(assignee).toBeEnabled());

    expect(panel.queryByRole('textbox')).not.toBeInTheDocument();
    expect(panel.getByRole('button', { name: '确认' })).toBeDisabled();
    await user.selectOptions(assignee, '张伟（网格员）');
    await user.click(panel.getByRole('button', { name: '确认' }));

    await panel.findByText('已完成：派遣');
    const requests = listRequests(fetchMock);
    expect(requests.some((request) => request.path === `/api/cases/${IDS.case1}/assignees`)).toBe(true);
    expect(requests.find((request) => request.path === ACTIONS_PATH)?.body).toEqual({
      action: 'dispatch',
      version: 3,
      assigneeId: IDS.worker,
    });
  });

  it('when a case is marked as a duplicate by its number, then the number is looked up and its id is sent', async () => {
    const user = userEvent.setup();
    const original = buildCaseSummary({ id: IDS.case2, number: 'SJ-20250530-0007' });
    const fetchMock = renderPanel(
      buildCaseDetail({ status: 'reported', allowedActions: ['accept', 'mark_duplicate'] }),
      {
        'GET /api/cases': () => jsonResponse({ items: [original], nextCursor: null }),
        [`POST ${ACTIONS_PATH}`]: () => jsonResponse(buildCaseDetail({ status: 'cancelled' })),
      },
    );
    const panel = await findPanel();

    await user.click(panel.getByRole('button', { name: '标记重复' }));
    expect(panel.queryByRole('textbox', { name: '处理说明' })).not.toBeInTheDocument();
    await user.type(panel.getByRole('textbox', { name: '重复的事件编号' }), 'sj-20250530-0007');
    await user.click(panel.getByRole('button', { name: '确认' }));

    await panel.findByText('已完成：标记重复');
    const requests = listRequests(fetchMock);
    expect(requests.find((request) => request.path === '/api/cases')?.url.searchParams.get('q')).toBe(
      'sj-20250530-0007',
    );
    expect(requests.find((request) => request.path === ACTIONS_PATH)?.body).toEqual({
      action: 'mark_duplicate',
      version: 3,
      duplicateOfId: IDS.case2,
    });
  });

  it('when an extension is typed as China time, then the deadline sent carries +08:00 whatever the device zone', async () => {
    const user = userEvent.setup();
    const fetchMock = renderPanel(
      buildCaseDetail({
        status: 'in_progress',
        deadline: '2026-06-01T09:00:00.000Z',
        allowedActions: ['request_extension'],
      }),
      { [`POST ${ACTIONS_PATH}`]: () => jsonResponse(buildCaseDetail()) },
    );
    const panel = await findPanel();

    await user.click(panel.getByRole('button', { name: '申请延期' }));
    const deadline = panel.getByRole('textbox', { name: '延期至' });
    expect((deadline as HTMLInputElement).type).toBe('text');
    await user.type(deadline, '2099-06-03 17:30');
    await user.type(panel.getByRole('textbox', { name: '处理说明' }), '等待配件');
    await user.click(panel.getByRole('button', { name: '确认' }));

    await panel.findByText('已完成：申请延期');
    const sent = listRequests(fetchMock).find((request) => request.path === ACTIONS_PATH)?.body;
    expect(sent).toMatchObject({ action: 'request_extension', deadline: '2099-06-03T17:30:00+08:00' });
  });

  it('when someone else acted first (409), then the user is told and the case is loaded again', async () => {
    const user = userEvent.setup();
    let caseLoads = 0;
    renderPanel(buildCaseDetail(), {
      [`GET ${CASE_PATH}`]: () => {
        caseLoads += 1;
        return jsonResponse(
          caseLoads === 1
            ? buildCaseDetail({ status: 'reported', allowedActions: ['accept', 'reject'] })
            : buildCaseDetail({ status: 'accepted', version: 4, allowedActions: ['dispatch'] }),
        );
      },
      [`POST ${ACTIONS_PATH}`]: () => errorResponse(409, 'conflict', { message: 'Stale version' }),
    });
    const panel = await findPanel();

    await user.click(panel.getByRole('button', { name: '受理立案' }));
    await user.click(panel.getByRole('button', { name: '确认' }));

    expect(await panel.findByRole('alert')).toHaveTextContent('此事件已被他人更新，已刷新');
    expect(await panel.findByRole('button', { name: '派遣' })).toBeInTheDocument();
    expect(panel.queryByRole('button', { name: '受理立案' })).not.toBeInTheDocument();
    expect(caseLoads).toBe(2);
  });
});
