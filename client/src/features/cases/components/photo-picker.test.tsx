import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetCsrfToken } from '@/lib/api-client';
import { buildUpload } from '@/testing/case.fixture';
import { buildClientConfig } from '@/testing/client-config.fixture';
import { errorResponse, jsonResponse, listRequests, type MockRequest, mockFetch } from '@/testing/mock-fetch';
import { renderRoutes } from '@/testing/render-route';
import { usePhotoUploads } from '../hooks/use-photo-uploads';
import { PhotoPicker } from './photo-picker';

function PickerHarness() {
  const uploads = usePhotoUploads();
  return <PhotoPicker id="photos" label="现场照片" hint="最多 9 张。" uploads={uploads} />;
}

type UploadAnswer = (request: MockRequest) => Response | Promise<Response>;

function renderPicker(answerUpload: UploadAnswer) {
  const fetchMock = mockFetch({
    'GET /api/config': () => jsonResponse(buildClientConfig()),
    'GET /api/auth/csrf': () => jsonResponse({ token: 'tok' }),
    'POST /api/uploads': answerUpload,
  });
  renderRoutes([{ path: '/', Component: PickerHarness }]);
  return fetchMock;
}

const png = (name: string) => new File(['png'], name, { type: 'image/png' });
const uploadsSent = (fetchMock: ReturnType<typeof mockFetch>) =>
  listRequests(fetchMock).filter((request) => request.path === '/api/uploads');
const uploadedName = (request: MockRequest) => ((request.rawBody as FormData).get('file') as File).name;

describe('photo picker', () => {
  beforeEach(() => resetCsrfToken());

  it('when a file that is not an image is chosen, then it says why, offers no retry, can be removed and takes none of the nine places', async () => {
    let count = 0;
    const fetchMock = renderPicker(() =>
      jsonResponse(buildUpload({ id: crypto.randomUUID() }), { status: 201 }),
    );
    const user = userEvent.setup({ applyAccept: false });
    const input = await screen.findByLabelText('现场照片');

    await user.upload(input, new File(['%PDF'], 'notes.pdf', { type: 'application/pdf' }));

    const list = within(screen.getByRole('list', { name: '已选择的照片' }));
    expect(await list.findByRole('alert')).toHaveTextContent('notes.pdf未添加：这不是照片文件');
    expect(list.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    expect(list.queryByRole('img')).not.toBeInTheDocument();
    expect(uploadsSent(fetchMock)).toHaveLength(0);
    expect(screen.getByText(/（0\/9 张）/)).toBeInTheDocument();

    // Nine real photos still fit beside the refused file.
    await user.upload(
      input,
      Array.from({ length: 9 }, () => png(`p${++count}.png`)),
    );
    expect(await screen.findAllByText('已上传')).toHaveLength(9);
    expect(screen.getByText(/（9\/9 张）/)).toBeInTheDocument();
    expect(screen.queryByText(/张照片未添加/)).not.toBeInTheDocument();
    expect(input).toBeDisabled();

    await user.click(list.getByRole('button', { name: '移除照片 1' }));
    expect(screen.queryByText(/notes\.pdf/)).not.toBeInTheDocument();
    expect(list.getAllByRole('listitem')).toHaveLength(9);
  });

  it('when the server refuses the file itself, then the reason is shown without a retry and the place is free again', async () => {
    const fetchMock = renderPicker(() =>
      errorResponse(422, 'unprocessable', { details: { reason: 'image_damaged' } }),
    );
    const user = userEvent.setup();

    await user.upload(await screen.findByLabelText('现场照片'), png('broken.png'));

    const item = within(screen.getByRole('list', { name: '已选择的照片' }));
    expect(await item.findByRole('alert')).toHaveTextContent('未添加：图片已损坏或不完整');
    expect(item.queryByRole('button', { name: '重试' })).not.toBeInTheDocument();
    expect(item.getByRole('button', { name: '移除照片 1' })).toBeInTheDocument();
    expect(screen.getByText(/（0\/9 张）/)).toBeInTheDocument();
    expect(uploadsSent(fetchMock)).toHaveLength(1);
  });

  it('when the upload fails on the network, then the photo is kept for the outbox, and retry sends the same photo again', async () => {
    let attempts = 0;
    const fetchMock = renderPicker(() => {
      attempts += 1;
      if (attempts === 1) throw new TypeError('Failed to fetch');
      return jsonResponse(buildUpload(), { status: 201 });
    });
    const user = userEvent.setup();

    await user.upload(await screen.findByLabelText('现场照片'), png('scene.png'));

    const item = within(screen.getByRole('list', { name: '已选择的照片' }));
    expect(await item.findByText('暂未上传：联网后随表单自动发送')).toBeInTheDocument();
    expect(screen.getByText(/（1\/9 张）/)).toBeInTheDocument();
    await user.click(item.getByRole('button', { name: '重试' }));
    expect(await item.findByText('已上传')).toBeInTheDocument();
    expect(uploadsSent(fetchMock).map(uploadedName)).toEqual(['scene.png', 'scene.png']);
  });
});
