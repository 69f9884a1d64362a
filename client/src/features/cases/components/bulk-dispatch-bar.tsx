import { CASE_TEXT_LIMITS } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCount, isOverLimit } from '@/components/ui/character-count';
import { useBulkDispatch } from '../api/bulk-dispatch';
import { describeCaseError, isConflictError } from '../utils/describe-case-error';
import { AssigneeSelect } from './assignee-select';

type BulkDispatchBarProps = {
  cases: { id: string; version: number }[];
  /** The one grid all selected cases share, to offer its staff first; null when they differ. */
  gridId: string | null;
  onClear: () => void;
  onDispatched: (count: number) => void;
};

/** Appears while leaders have accepted cases selected; dispatches them all to one person, or none. */
export function BulkDispatchBar({ cases, gridId, onClear, onDispatched }: BulkDispatchBarProps) {
  const { t } = useTranslation();
  const id = useId();
  const [assigneeId, setAssigneeId] = useState('');
  const [note, setNote] = useState('');
  const dispatchMutation = useBulkDispatch();
  const isNoteTooLong = isOverLimit(note, CASE_TEXT_LIMITS.note);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!assigneeId || isNoteTooLong) return;
    dispatchMutation.mutate(
      { assigneeId, cases, note: note.trim() || undefined },
      { onSuccess: (result) => onDispatched(result.items.length) },
    );
  }

  return (
    <form className="bulk-bar" aria-label={t('bulkDispatch.label')} onSubmit={handleSubmit}>
      <p className="bulk-bar-count" aria-live="polite">
        {t('bulkDispatch.selected', { count: cases.length })}
      </p>
      <AssigneeSelect
        id={`${id}-assignee`}
        label={t('bulkDispatch.assignee')}
        gridId={gridId}
        value={assigneeId}
        onChange={setAssigneeId}
      />
      <div className="field field-grow">
        <label htmlFor={`${id}-note`}>{t('bulkDispatch.note')}</label>
        <input
          id={`${id}-note`}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={isNoteTooLong ? true : undefined}
          aria-describedby={`${id}-note-count`}
        />
        <CharacterCount id={`${id}-note-count`} value={note} max={CASE_TEXT_LIMITS.note} />
      </div>
      <div className="bulk-bar-buttons">
        <button
          type="submit"
          className="button button-primary"
          disabled={!assigneeId || isNoteTooLong || dispatchMutation.isPending}
        >
          {dispatchMutation.isPending ? t('bulkDispatch.submitting') : t('bulkDispatch.submit')}
        </button>
        <button type="button" className="button" onClick={onClear}>
          {t('bulkDispatch.clearSelection')}
        </button>
      </div>
      {dispatchMutation.isError && (
        <p className="form-error bulk-bar-error" role="alert">
          {isConflictError(dispatchMutation.error)
            ? t('bulkDispatch.conflict')
            : describeCaseError(dispatchMutation.error, t)}
        </p>
      )}
    </form>
  );
}
