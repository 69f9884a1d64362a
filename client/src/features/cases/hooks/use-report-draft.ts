import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteDraft, loadDraft, type OutboxDraft, saveDraft, toDraftFiles } from '@/lib/outbox/drafts';
import type { ReportDraft } from '../utils/report-draft';
import type { PhotoUploads } from './use-photo-uploads';

const DRAFT_KEY = 'report';
const SAVE_DELAY_MS = 500;

/** Photos worth keeping in a draft: everything but the files the phone or the server refused. */
const KEPT_PHOTOS = ['preparing', 'uploading', 'done', 'deferred', 'failed'] as const;

/**
 * The report being typed is saved on the phone as the person types, photos included (issue 14); opening
 * the form again offers it back. Nothing is saved while an earlier draft is on offer, so answering
 * that offer never loses either.
 */
export function useReportDraft({
  draft,
  emptyDraft,
  photos,
  onRestore,
}: {
  draft: ReportDraft;
  emptyDraft: ReportDraft;
  photos: PhotoUploads;
  onRestore: (draft: ReportDraft) => void;
}) {
  const [offered, setOffered] = useState<OutboxDraft | null>(null);
  const [isSettled, setIsSettled] = useState(false);
  const isFinished = useRef(false);
  const { getFiles, addFiles, items } = photos;

  useEffect(() => {
    let isCurrent = true;
    loadDraft(DRAFT_KEY)
      .then((saved) => {
        if (!isCurrent) return;
        if (saved) setOffered(saved);
        else setIsSettled(true);
      })
      // No IndexedDB (a private window on some phones): the form works, without drafts.
      .catch(() => isCurrent && setIsSettled(true));
    return () => {
      isCurrent = false;
    };
  }, []);

  useEffect(() => {
    if (!isSettled) return;
    const timer = setTimeout(() => {
      if (isFinished.current) return;
      const files = getFiles(KEPT_PHOTOS);
      const isEmpty = files.length === 0 && JSON.stringify(draft) === JSON.stringify(emptyDraft);
      void (isEmpty ? deleteDraft(DRAFT_KEY) : saveDraft(DRAFT_KEY, draft, files)).catch(() => undefined);
    }, SAVE_DELAY_MS);
    return () => clearTimeout(timer);
    // items: a photo added, shrunk or removed changes what is saved.
  }, [isSettled, draft, emptyDraft, getFiles, items]);

  const restore = useCallback(() => {
    if (!offered) return;
    onRestore({ ...emptyDraft, ...(offered.data as Partial<ReportDraft>) });
    addFiles(toDraftFiles(offered));
    setOffered(null);
    setIsSettled(true);
  }, [offered, onRestore, emptyDraft, addFiles]);

  const discard = useCallback(() => {
    setOffered(null);
    setIsSettled(true);
    void deleteDraft(DRAFT_KEY).catch(() => undefined);
  }, []);

  /** Sent or queued: the draft has done its job. */
  const finish = useCallback(async () => {
    isFinished.current = true;
    await deleteDraft(DRAFT_KEY).catch(() => undefined);
  }, []);

  return { offered, restore, discard, finish };
}
