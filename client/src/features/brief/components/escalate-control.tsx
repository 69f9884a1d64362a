import { CASE_TEXT_LIMITS } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCount, isOverLimit } from '@/components/ui/character-count';

type EscalateControlProps = {
  caseNumber: string;
  /** Sends the escalation (督办) with the note; rejects with the API error. */
  onEscalate: (note: string) => Promise<unknown>;
  isPending: boolean;
  /** Shown under the form after a failure. */
  errorText: string | null;
};

/** A 督办 button that opens a short form for the required note. */
export function EscalateControl({ caseNumber, onEscalate, isPending, errorText }: EscalateControlProps) {
  const { t } = useTranslation();
  const noteId = useId();
  const [isOpen, setIsOpen] = useState(false);
  const [note, setNote] = useState('');
  const [isDone, setIsDone] = useState(false);
  const isNoteTooLong = isOverLimit(note, CASE_TEXT_LIMITS.note);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!note.trim() || isNoteTooLong) return;
    try {
      await onEscalate(note.trim());
      setIsDone(true);
      setIsOpen(false);
    } catch {
      // errorText, from the mutation, says what went wrong; the form stays open to retry.
    }
  }

  if (isDone) {
    return (
      <p className="brief-escalate-done" role="status">
        {t('brief.escalateDone', { number: caseNumber })}
      </p>
    );
  }
  if (!isOpen) {
    return (
      <button
        type="button"
        className="button brief-escalate"
        aria-label={`${t('brief.escalate')} ${caseNumber}`}
        onClick={() => setIsOpen(true)}
      >
        {t('brief.escalate')}
      </button>
    );
  }
  return (
    <form className="brief-escalate-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={noteId}>{t('brief.escalateNote')}</label>
      <textarea
        id={noteId}
        required
        rows={2}
        value={note}
        onChange={(e) => setNote(e.target.value)}
        aria-invalid={isNoteTooLong ? true : undefined}
        aria-describedby={`${noteId}-count`}
      />
      <CharacterCount id={`${noteId}-count`} value={note} max={CASE_TEXT_LIMITS.note} />
      <div className="brief-escalate-buttons">
        <button
          type="submit"
          className="button button-primary"
          disabled={isPending || !note.trim() || isNoteTooLong}
        >
          {t('brief.escalateSubmit')}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setIsOpen(false)}>
          {t('brief.escalateCancel')}
        </button>
      </div>
      {errorText && (
        <p className="form-error" role="alert">
          {t('brief.escalateFailed', { reason: errorText })}
        </p>
      )}
    </form>
  );
}
