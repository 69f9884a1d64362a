import type { Upload } from '@gridgov/shared';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isApiError } from '@/lib/api-client';
import { getClientConfigQueryOptions } from '@/lib/client-config';
import { createUuid } from '@/lib/uuid';
import { uploadPhoto } from '../api/upload-photo';
import { checkShrunkPhoto, type PhotoRejection, planPhotoUpload } from '../utils/photo-preparation';
import { shrinkPhoto } from '../utils/shrink-photo';

/** The contract's limit on photos per report or action. */
export const MAX_PHOTOS = 9;

export type PhotoUploadItem = {
  key: string;
  name: string;
  /** A local preview, shown at once, before (and whether or not) the upload succeeds. */
  previewUrl: string | null;
  /**
   * preparing: being shrunk on the phone; failed: the upload did not get through and may on a retry
   * (network, busy server); rejected: this file can never be a photo of the case (type, size, damage);
   * deferred: no network, so it is kept on the phone and goes with the report through the outbox.
   */
  status: 'preparing' | 'uploading' | 'done' | 'failed' | 'rejected' | 'deferred';
  upload: Upload | null;
  /** The server's error, for failed and server-rejected items. */
  error: unknown;
  /** Why the phone itself refused the file, before sending it. */
  rejection: PhotoRejection | null;
};

function createPreviewUrl(file: File): string | null {
  // Only images get a preview: anything else would show as a broken picture.
  if (file.type !== '' && !file.type.startsWith('image/')) return null;
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
}

function revokePreviewUrl(url: string | null): void {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

/** The server refused the file itself (type, size, damage): sending it again cannot help. */
export function isFileRefusal(error: unknown): boolean {
  return isApiError(error) && [400, 413, 415, 422].includes(error.status);
}

function isNetworkError(error: unknown): boolean {
  return isApiError(error) && error.code === 'network';
}

/** Rejected files stay on screen with their reason but take none of the nine places. */
export function countsTowardLimit(item: PhotoUploadItem): boolean {
  return item.status !== 'rejected';
}

/**
 * Shrinks each photo on the phone when it is over the server's limit, then uploads it at once, one
 * request per file, each with its own state.
 */
export function usePhotoUploads() {
  const queryClient = useQueryClient();
  const [items, setItems] = useState<PhotoUploadItem[]>([]);
  const [skippedCount, setSkippedCount] = useState(0);
  const files = useRef(new Map<string, File>());
  const controllers = useRef(new Map<string, AbortController>());
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const update = useCallback((key: string, changes: Partial<PhotoUploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }, []);

  /** The file as the server will accept it, or why it cannot be; null limits (config unreachable): as is. */
  const prepare = useCallback(
    async (key: string, file: File, signal: AbortSignal): Promise<File | PhotoRejection> => {
      const limits = await queryClient
        .fetchQuery(getClientConfigQueryOptions())
        .then((config) => config.uploads)
        .catch(() => null);
      if (!limits) return file;
      const plan = planPhotoUpload(file, limits);
      if (plan.kind === 'reject') return plan.reason;
      if (plan.kind === 'as-is') return file;
      update(key, { status: 'preparing' });
      try {
        const shrunk = await shrinkPhoto(file, plan, signal);
        return checkShrunkPhoto(shrunk, limits) ?? shrunk;
      } catch {
        // The browser could not decode it (a damaged file, a format this phone cannot read).
        return 'image_unreadable';
      }
    },
    [queryClient, update],
  );

  const start = useCallback(
    async (key: string, original: File) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      update(key, { status: 'uploading', error: null, rejection: null });
      const prepared = await prepare(key, original, controller.signal);
      if (controller.signal.aborted) return;
      if (typeof prepared === 'string') return update(key, { status: 'rejected', rejection: prepared });
      // A retry sends the shrunk file again instead of shrinking the original a second time.
      files.current.set(key, prepared);
      // Offline, the shrunk photo waits on the phone; the outbox uploads it later (decision 025).
      if (!navigator.onLine) return update(key, { status: 'deferred' });
      update(key, { status: 'uploading' });
      try {
        const upload = await uploadPhoto(prepared, { signal: controller.signal });
        update(key, { status: 'done', upload });
      } catch (error) {
        if (!controller.signal.aborted)
          update(key, {
            status: isFileRefusal(error) ? 'rejected' : isNetworkError(error) ? 'deferred' : 'failed',
            error,
          });
      }
    },
    [update, prepare],
  );

  const addFiles = useCallback(
    (chosen: Iterable<File>) => {
      const room = MAX_PHOTOS - itemsRef.current.filter(countsTowardLimit).length;
      const all = [...chosen];
      const accepted = all.slice(0, Math.max(0, room));
      setSkippedCount(all.length - accepted.length);
      const added: PhotoUploadItem[] = accepted.map((file) => {
        const key = createUuid();
        files.current.set(key, file);
        return {
          key,
          name: file.name,
          previewUrl: createPreviewUrl(file),
          status: 'uploading',
          upload: null,
          error: null,
          rejection: null,
        };
      });
      setItems((current) => [...current, ...added]);
      for (const item of added) void start(item.key, files.current.get(item.key)!);
    },
    [start],
  );

  const remove = useCallback((key: string) => {
    controllers.current.get(key)?.abort();
    controllers.current.delete(key);
    files.current.delete(key);
    revokePreviewUrl(itemsRef.current.find((item) => item.key === key)?.previewUrl ?? null);
    setItems((current) => current.filter((item) => item.key !== key));
    setSkippedCount(0);
  }, []);

  const retry = useCallback(
    (key: string) => {
      const file = files.current.get(key);
      if (file) void start(key, file);
    },
    [start],
  );

  // Leaving the form stops unfinished uploads and frees the previews.
  useEffect(
    () => () => {
      for (const controller of controllers.current.values()) controller.abort();
      for (const item of itemsRef.current) revokePreviewUrl(item.previewUrl);
    },
    [],
  );

  /** A draft restored: its photos go through the same steps as freshly chosen ones. */
  const getFiles = useCallback(
    (statuses: readonly PhotoUploadItem['status'][]) =>
      itemsRef.current.flatMap((item) => {
        const file = statuses.includes(item.status) ? files.current.get(item.key) : undefined;
        return file ? [file] : [];
      }),
    [],
  );

  const photoIds = items.flatMap((item) => (item.upload ? [item.upload.id] : []));
  /** Photos kept on the phone for the outbox: no network, or an upload that did not get through. */
  const hasUnsent = items.some((item) => item.status === 'deferred' || item.status === 'failed');
  const isUploading = items.some((item) => item.status === 'uploading' || item.status === 'preparing');
  const countedCount = items.filter(countsTowardLimit).length;
  return {
    items,
    photoIds,
    isUploading,
    hasUnsent,
    countedCount,
    skippedCount,
    addFiles,
    remove,
    retry,
    getFiles,
  };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
