import {
  ACTION_RULES,
  CASE_TEXT_LIMITS,
  type CaseAction,
  type CaseActionRequest,
  type CaseDetail,
  caseActionRequestSchema,
} from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CharacterCount } from '@/components/ui/character-count';
import { formatDateTime, toTownDateTime, toTownInputValue } from '@/lib/china-time';
import { findCaseByNumber } from '../api/find-case-by-number';
import { usePhotoUploads } from '../hooks/use-photo-uploads';
import { describeCaseError } from '../utils/describe-case-error';
import { AssigneeSelect } from './assignee-select';
import { PhotoPicker } from './photo-picker';

type ActionFormProps = {
  action: CaseAction;
  caseDetail: CaseDetail;
  isPending: boolean;
  onSubmit: (request: CaseActionRequest) => void;
  onCancel: () => void;
};

const NOTE_HINTS = {
  reject: 'caseActions.noteHints.reject',
  feedback: 'caseActions.noteHints.feedback',
  return: 'caseActions.noteHints.return',
  suspend: 'caseActions.noteHints.suspend',
  request_extension: 'caseActions.noteHints.request_extension',
  reject_extension: 'caseActions.noteHints.reject_extension',
  escalate: 'caseActions.noteHints.escalate',
  cancel: 'caseActions.noteHints.cancel',
} as const satisfies Partial<Record<CaseAction, string>>;

const isCaseId = (value: string) => caseActionRequestSchema.shape.duplicateOfId.safeParse(value).success;

/** Exactly the inputs ACTION_RULES[action].needs asks for; confirm stays disabled until they are given. */
export function ActionForm({ action, caseDetail, isPending, onSubmit, onCancel }: ActionFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const needs = ACTION_RULES[action].needs;
  const [note, setNote] = useState('');
  const [assigneeId, setAssigneeId] = useState('');
  const [deadline, setDeadline] = useState('');
  const [duplicateRef, setDuplicateRef] = useState('');
  const [formError, setFormError] = useState<string | null>(null);
  const [isResolving, setIsResolving] = useState(false);
  const photos = usePhotoUploads();
  // Typed as `YYYY-MM-DD HH:mm` in China time: a native datetime picker speaks the browser's language
  // and clock (AM/PM) and the device's zone (issue 13).
  const deadlineValue = toTownDateTime(deadline.trim().replace(/\s+/, 'T'));
  const actionName = t(`caseAction.${action}`);

  // What still stands between the person and 确认, said next to the (disabled) button (issue 13).
  const missing = [
    needs.assignee && assigneeId === '' && t('caseActions.missing.assignee'),
    needs.deadline && deadlineValue === null && t('caseActions.missing.deadline'),
    needs.duplicateOf && duplicateRef.trim() === '' && t('caseActions.missing.duplicateOf'),
    needs.note && note.trim().length === 0 && t('caseActions.missing.note'),
    needs.photos && photos.photoIds.length === 0 && t('caseActions.missing.photos'),
  ].filter((item): item is string => typeof item === 'string');
  const noteTooLong = needs.note && note.trim().length > CASE_TEXT_LIMITS.note;
  const isComplete = missing.length === 0 && !photos.isUploading && !noteTooLong;
  const blocker = photos.isUploading
    ? t('caseActions.waitForPhotos')
    : missing.length > 0
      ? t('caseActions.missingHint', { missing: missing.join(t('refusals.listSeparator')) })
      : null;

  async function resolveDuplicateId(): Promise<string | null> {
    const value = duplicateRef.trim();
    if (isCaseId(value)) return value;
    setIsResolving(true);
    try {
      return (await findCaseByNumber(value))?.id ?? null;
    } finally {
      setIsResolving(false);
    }
  }

  async function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!isComplete || isPending) return;
    setFormError(null);
    let duplicateOfId: string | undefined;
    if (needs.duplicateOf) {
      let resolved: string | null;
      try {
        resolved = await resolveDuplicateId();
      } catch (error) {
        setFormError(describeCaseError(error, t));
        return;
      }
      if (!resolved || resolved === caseDetail.id) {
        setFormError(t('caseActions.duplicateNotFound', { number: duplicateRef.trim() }));
        return;
      }
      duplicateOfId = resolved;
    }
    const request = caseActionRequestSchema.safeParse({
      action,
      version: caseDetail.version,
      note: needs.note ? note.trim() : undefined,
      assigneeId: needs.assignee ? assigneeId : undefined,
      photoIds: needs.photos ? photos.photoIds : undefined,
      deadline: needs.deadline ? (deadlineValue ?? undefined) : undefined,
      duplicateOfId,
    });
    if (!request.success) {
      setFormError(t('caseActions.invalid'));
      return;
    }
    onSubmit(request.data);
  }

  const noteHint = action in NOTE_HINTS ? t(NOTE_HINTS[action as keyof typeof NOTE_HINTS]) : undefined;
  const minDeadline = toTownInputValue(
    new Date(Math.max(Date.now(), caseDetail.deadline ? Date.parse(caseDetail.deadline) : 0)),
  ).replace('T', ' ');

  return (
    <form
      className="action-form"
      id={`${id}-form`}
      aria-label={actionName}
      onSubmit={handleSubmit}
      noValidate
    >
      {action === 'approve_extension' && caseDetail.pendingExtension && (
        <p className="action-context">
          {t('caseActions.requestedDeadline', {
            time: formatDateTime(caseDetail.pendingExtension.deadline),
            note: caseDetail.pendingExtension.note,
          })}
        </p>
      )}
      {Object.values(needs).every((isNeeded) => !isNeeded) && action !== 'approve_extension' && (
        <p className="action-context">{t('caseActions.confirmHint', { action: actionName })}</p>
      )}
      {needs.assignee && (
        <AssigneeSelect
          id={`${id}-assignee`}
          label={t('caseActions.assignee')}
          gridId={caseDetail.grid.id}
          caseId={caseDetail.id}
          value={assigneeId}
          onChange={setAssigneeId}
          excludeId={action === 'reassign' ? caseDetail.assignee?.id : null}
        />
      )}
      {needs.deadline && (
        <div className="field">
          <label htmlFor={`${id}-deadline`}>{t('caseActions.deadline')}</label>
          <input
            id={`${id}-deadline`}
            value={deadline}
            inputMode="numeric"
            autoComplete="off"
            placeholder={minDeadline}
            aria-describedby={`${id}-deadline-format`}
            aria-invalid={deadline.trim() !== '' && deadlineValue === null ? true : undefined}
            onChange={(event) => setDeadline(event.target.value)}
          />
          <p className="field-hint" id={`${id}-deadline-format`}>
            {t('caseActions.deadlineFormat')}
          </p>
          {caseDetail.deadline && (
            <p className="field-hint">
              {t('caseActions.currentDeadline', { time: formatDateTime(caseDetail.deadline) })}
            </p>
          )}
        </div>
      )}
      {needs.duplicateOf && (
        <div className="field">
          <label htmlFor={`${id}-duplicate`}>{t('caseActions.duplicateOf')}</label>
          <input
            id={`${id}-duplicate`}
            value={duplicateRef}
            autoCapitalize="characters"
            spellCheck={false}
            placeholder={t('caseActions.duplicatePlaceholder')}
            onChange={(event) => setDuplicateRef(event.target.value)}
          />
        </div>
      )}
      {needs.note && (
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('caseActions.note')}</label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={3}
            placeholder={noteHint}
            onChange={(event) => setNote(event.target.value)}
            aria-invalid={noteTooLong ? true : undefined}
            aria-describedby={`${id}-note-count`}
          />
          <CharacterCount id={`${id}-note-count`} value={note} max={CASE_TEXT_LIMITS.note} />
        </div>
      )}
      {needs.photos && (
        <PhotoPicker
          id={`${id}-photos`}
          label={t('caseActions.photos')}
          hint={t('caseActions.photosHint')}
          uploads={photos}
        />
      )}
      {blocker && (
        <p id={`${id}-blocker`} className="field-hint action-blocker">
          {blocker}
        </p>
      )}
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className="action-form-buttons">
        <button
          type="submit"
          className="button button-primary"
          disabled={!isComplete || isPending || isResolving}
          aria-describedby={blocker ? `${id}-blocker` : undefined}
        >
          {isPending || isResolving ? t('caseActions.submitting') : t('caseActions.confirm')}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t('caseActions.cancel')}
        </button>
      </div>
    </form>
  );
}
