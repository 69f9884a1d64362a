// Form drafts (a report being typed, with its photos) kept in the outbox database, so a reload, a
// closed tab or a dead battery loses nothing; wiped with the outbox at sign-out.
import { type OutboxDraft, openOutboxDb } from './outbox-db';

export type { OutboxDraft };

export async function saveDraft(key: string, data: unknown, photos: readonly File[], now = new Date()) {
  const db = await openOutboxDb();
  await db.put('drafts', {
    key,
    savedAt: now.toISOString(),
    data,
    photos: photos.map((file) => ({
      name: file.name,
      type: file.type,
      blob: new Blob([file], { type: file.type }),
    })),
  });
}

export async function loadDraft(key: string): Promise<OutboxDraft | null> {
  const db = await openOutboxDb();
  return (await db.get('drafts', key)) ?? null;
}

export async function deleteDraft(key: string): Promise<void> {
  const db = await openOutboxDb();
  await db.delete('drafts', key);
}

/** The draft's photos as files again, for the photo picker. */
export function toDraftFiles(draft: OutboxDraft): File[] {
  return draft.photos.map((photo) => new File([photo.blob], photo.name, { type: photo.type }));
}
