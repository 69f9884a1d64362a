// Helpers for case API tests: a signed-in client per person, photos, and driving a case to a state.

import { TEST_PASSWORD, type TestTown } from '@gridgov/db/testing';
import type { HttpClient, TestApp } from '../../testing/test-app';
import { createJpeg } from '../uploads/test-images';

export async function signedIn(app: TestApp, username: string): Promise<HttpClient> {
  const client = app.client();
  await client.signIn(username, TEST_PASSWORD);
  return client;
}

export async function uploadPhoto(client: HttpClient): Promise<string> {
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(await createJpeg())], { type: 'image/jpeg' }), 'photo.jpg');
  const res = await client.postMultipart('/api/uploads', form);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id;
}

export async function report(
  client: HttpClient,
  town: TestTown,
  overrides: Record<string, unknown> = {},
  headers: Record<string, string> = {},
) {
  return client.post(
    '/api/cases',
    {
      categoryCode: 'sanitation.garbage',
      description: '村口垃圾堆放三天无人清理',
      location: town.pointIn(0, 0),
      ...overrides,
    },
    { headers },
  );
}

export async function act(client: HttpClient, caseId: string, body: Record<string, unknown>) {
  const current = await client.get(`/api/cases/${caseId}`);
  return client.post(`/api/cases/${caseId}/actions`, { version: current.body.version, ...body });
}
