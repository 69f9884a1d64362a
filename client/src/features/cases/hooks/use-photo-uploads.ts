import type { Upload } from '@gridgov/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { createUuid } from '@/lib/uuid';
import { uploadPhoto } from '../api/upload-photo';

/** The contract's limit on photos per report or action. */
export const MAX_PHOTOS = 9;

export type PhotoUploadItem = {
  key: string;
  name: string;
  /** A local preview, shown at once, before (and whether or not) the upload succeeds. */
  previewUrl: string | null;
  status: 'uploading' | 'done' | 'failed';
  upload: Upload | null;
  error: unknown;
};

function createPreviewUrl(file: File): string | null {
  return typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null;
}

function revokePreviewUrl(url: string | null): void {
  if (url && typeof URL.revokeObjectURL === 'function') URL.revokeObjectURL(url);
}

/** Uploads each photo as soon as it is chosen, one request per file, each with its own state. */
export function usePhotoUploads() {
  const [items, setItems] = useState<PhotoUploadItem[]>([]);
  const [skippedCount, setSkippedCount] = useState(0);
  const files = useRef(new Map<string, File>());
  const controllers = useRef(new Map<string, AbortController>());
  const itemsRef = useRef(items);
  itemsRef.current = items;

  const update = useCallback((key: string, changes: Partial<PhotoUploadItem>) => {
    setItems((current) => current.map((item) => (item.key === key ? { ...item, ...changes } : item)));
  }, []);

  const start = useCallback(
    (key: string, file: File) => {
      const controller = new AbortController();
      controllers.current.set(key, controller);
      update(key, { status: 'uploading', error: null });
      uploadPhoto(file, { signal: controller.signal }).then(
        (upload) => update(key, { status: 'done', upload }),
        (error: unknown) => {
          if (!controller.signal.aborted) update(key, { status: 'failed', error });
        },
      );
    },
    [update],
  );

  const addFiles = useCallback(
    (chosen: Iterable<File>) => {
      const room = MAX_PHOTOS - itemsRef.current.length;
      const all = [...chosen];
      const accepted = all.slice(0, Math.max(0, room));
      setSkippedCount(all.length - accepted.length);
      const added = accepted.map((file) => {
        const key = createUuid();
        files.current.set(key, file);
        return {
          key,
          name: file.name,
          previewUrl: createPreviewUrl(file),
          status: 'uploading',
          upload: null,
          error: null,
        } as const;
      });
      setItems((current) => [...current, ...added]);
      for (const item of added) start(item.key, files.current.get(item.key)!);
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
      if (file) start(key, file);
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

  const photoIds = items.flatMap((item) => (item.upload ? [item.upload.id] : []));
  const isUploading = items.some((item) => item.status === 'uploading');
  return { items, photoIds, isUploading, skippedCount, addFiles, remove, retry };
}

export type PhotoUploads = ReturnType<typeof usePhotoUploads>;
