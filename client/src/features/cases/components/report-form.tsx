import {
  CASE_PRIORITIES,
  CASE_TEXT_LIMITS,
  type CaseDetail,
  type CasePriority,
  type Category,
  type CreateCase,
  type LonLat,
} from '@gridgov/shared';
import { type FormEvent, type ReactNode, useCallback, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CharacterCount, isOverLimit } from '@/components/ui/character-count';
import { buildCasePath } from '@/config/paths';
import { isApiError } from '@/lib/api-client';
import { useNearbyCases } from '../api/get-nearby-cases';
import { useGeolocation } from '../hooks/use-geolocation';
import { usePhotoUploads } from '../hooks/use-photo-uploads';
import { useReportDraft } from '../hooks/use-report-draft';
import { useReportOutbox } from '../hooks/use-report-outbox';
import { useReportSubmit } from '../hooks/use-report-submit';
import { findCategory } from '../utils/categories';
import { describeCaseError, readExistingCaseId } from '../utils/describe-case-error';
import { createEmptyDraft, type ReportDraft, type ReportErrors, validateReport } from '../utils/report-draft';
import { CategoryOptions } from './category-options';
import { DraftOffer } from './draft-offer';
import { ExtraFields } from './extra-fields';
import { type GridChoice, LocationFields } from './location-fields';
import { NearbyCasesNotice } from './nearby-cases-notice';
import { OnBehalfFields } from './on-behalf-fields';
import { PhotoPicker } from './photo-picker';

export type LocationMapProps = {
  location: LonLat | null;
  gridId: string | null;
  onPick: (location: LonLat) => void;
};

type ReportFormProps = {
  categories: readonly Category[];
  grids: readonly GridChoice[];
  defaultGridId: string | null;
  /** The grid containing a point, from the grid boundaries the route loaded; null outside all of them. */
  findGridAt: (location: LonLat) => string | null;
  /** The map picker, composed by the route (Leaflet lives in the map feature). */
  renderMap: (props: LocationMapProps) => ReactNode;
  onCreated: (detail: CaseDetail) => void;
  /** No network: the report waits in the outbox (decision 025). */
  onQueued: () => void;
};

/** Phone-first report form, validated with the same shared schema as the server before it is sent. */
export function ReportForm({
  categories,
  grids,
  defaultGridId,
  findGridAt,
  renderMap,
  onCreated,
  onQueued,
}: ReportFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const [draft, setDraft] = useState<ReportDraft>(() => createEmptyDraft(defaultGridId));
  const [errors, setErrors] = useState<ReportErrors>({});
  const [pinGrid, setPinGrid] = useState<'matched' | 'outside' | null>(null);
  const [isDuplicateAcknowledged, setIsDuplicateAcknowledged] = useState(false);
  const [needsDuplicateDecision, setNeedsDuplicateDecision] = useState(false);
  const [duplicateDecisionRequest, setDuplicateDecisionRequest] = useState(0);
  const [formError, setFormError] = useState<string | null>(null);
  const photos = usePhotoUploads();
  const geolocation = useGeolocation();
  const emptyDraft = useMemo(() => createEmptyDraft(defaultGridId), [defaultGridId]);
  const savedDraft = useReportDraft({ draft, emptyDraft, photos, onRestore: setDraft });
  const outbox = useReportOutbox(photos);
  const { queue } = outbox;
  const { finish } = savedDraft;
  const queueReport = useCallback(
    async (input: CreateCase, idempotencyKey?: string) => {
      if (!(await queue(input, idempotencyKey))) return;
      await finish();
      onQueued();
    },
    [queue, finish, onQueued],
  );
  const handleCreated = useCallback(
    (detail: CaseDetail) => {
      void finish();
      onCreated(detail);
    },
    [finish, onCreated],
  );
  const report = useReportSubmit(handleCreated, queueReport);
  const category = findCategory(categories, draft.categoryCode);
  const isDescriptionTooLong = isOverLimit(draft.description, CASE_TEXT_LIMITS.description);
  const nearbyQuery = useNearbyCases(
    category && draft.location ? { categoryCode: category.code, location: draft.location } : null,
  );
  const nearbyCases = nearbyQuery.data ?? [];

  function update(changes: Partial<ReportDraft>) {
    setDraft((current) => ({ ...current, ...changes }));
  }

  function changePlace(changes: Partial<ReportDraft>) {
    // Another place or category asks the duplicate question afresh.
    setIsDuplicateAcknowledged(false);
    setNeedsDuplicateDecision(false);
    update(changes);
  }

  function pickLocation(location: LonLat) {
    const gridId = findGridAt(location);
    setPinGrid(gridId ? 'matched' : 'outside');
    changePlace(gridId ? { location, gridId } : { location });
    setErrors((current) => ({ ...current, location: undefined }));
  }

  function submitReport(isAcknowledged: boolean) {
    setFormError(null);
    if (photos.isUploading) return setFormError(t('report.errors.photosPending'));
    const result = validateReport(draft, category, photos.photoIds);
    setErrors(result.errors ?? {});
    if (!result.input) return setFormError(t('report.errors.summary'));
    if (nearbyCases.length > 0 && !isAcknowledged) {
      setNeedsDuplicateDecision(true);
      setDuplicateDecisionRequest((count) => count + 1);
      return;
    }
    // No network, or photos that could not go up: the whole report waits in the outbox instead.
    if (!navigator.onLine || photos.hasUnsent) return void queueReport(result.input);
    report.submit(result.input);
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submitReport(isDuplicateAcknowledged);
  }

  const queueError = outbox.problem
    ? outbox.problem.kind === 'full'
      ? t('report.errors.outboxFull', { limit: outbox.problem.limitMb })
      : t('report.errors.outboxUnavailable')
    : null;
  const submitError = formError ?? queueError ?? (report.error ? describeReportError(report.error) : null);
  const isBusy = report.isPending || outbox.isQueueing;
  const existingCaseId = formError ? null : readExistingCaseId(report.error);

  function describeReportError(error: Error): string {
    return isApiError(error) && error.code === 'network'
      ? t('report.errors.network')
      : describeCaseError(error, t);
  }

  return (
    <form className="report-form" onSubmit={handleSubmit} noValidate aria-busy={isBusy}>
      {savedDraft.offered && (
        <DraftOffer
          savedAt={savedDraft.offered.savedAt}
          onRestore={savedDraft.restore}
          onDiscard={savedDraft.discard}
        />
      )}
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('report.category')}</label>
        <select
          id={`${id}-category`}
          value={draft.categoryCode}
          onChange={(event) => {
            const next = findCategory(categories, event.target.value);
            changePlace({
              categoryCode: event.target.value,
              priority: next?.defaultPriority ?? null,
              extra: {},
            });
          }}
          aria-invalid={errors.categoryCode ? true : undefined}
          aria-describedby={errors.categoryCode ? `${id}-category-error` : undefined}
        >
          <option value="">{t('report.chooseCategory')}</option>
          <CategoryOptions categories={categories} />
        </select>
        {errors.categoryCode && (
          <p id={`${id}-category-error`} className="form-error">
            {t(errors.categoryCode)}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('report.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={4}
          value={draft.description}
          placeholder={t('report.descriptionHint')}
          onChange={(event) => update({ description: event.target.value })}
          aria-invalid={errors.description || isDescriptionTooLong ? true : undefined}
          aria-describedby={
            errors.description ? `${id}-description-count ${id}-description-error` : `${id}-description-count`
          }
        />
        <CharacterCount
          id={`${id}-description-count`}
          value={draft.description}
          max={CASE_TEXT_LIMITS.description}
        />
        {errors.description && (
          <p id={`${id}-description-error`} className="form-error">
            {t(errors.description)}
          </p>
        )}
      </div>
      {category && category.fields.length > 0 && (
        <ExtraFields
          idPrefix={`${id}-extra`}
          fields={category.fields}
          values={draft.extra}
          errors={errors.extra}
          onChange={(key, value) => update({ extra: { ...draft.extra, [key]: value } })}
        />
      )}
      <LocationFields
        idPrefix={id}
        location={draft.location}
        gridId={draft.gridId}
        grids={grids}
        pinGrid={pinGrid}
        geolocation={geolocation.state}
        error={errors.location ? t(errors.location) : null}
        map={renderMap({
          location: draft.location,
          gridId: draft.gridId || null,
          onPick: (location) => {
            // A tap supersedes whatever the position request said (an error, an accuracy).
            geolocation.reset();
            pickLocation(location);
          },
        })}
        onLocate={() => geolocation.locate(pickLocation)}
        onClearLocation={() => {
          setPinGrid(null);
          geolocation.reset();
          changePlace({ location: null });
        }}
        onGridChange={(gridId) => {
          setPinGrid(null);
          update({ gridId });
        }}
      />
      <NearbyCasesNotice
        cases={nearbyCases}
        needsDecision={needsDuplicateDecision}
        decisionRequest={duplicateDecisionRequest}
        isAcknowledged={isDuplicateAcknowledged}
        isSubmitting={report.isPending}
        onContinue={() => {
          setIsDuplicateAcknowledged(true);
          setNeedsDuplicateDecision(false);
          submitReport(true);
        }}
      />
      <div className="field">
        <label htmlFor={`${id}-address`}>{t('report.address')}</label>
        <input
          id={`${id}-address`}
          value={draft.address}
          placeholder={t('report.addressPlaceholder')}
          onChange={(event) => update({ address: event.target.value })}
          aria-invalid={isOverLimit(draft.address, CASE_TEXT_LIMITS.address) ? true : undefined}
          aria-describedby={`${id}-address-count`}
        />
        <CharacterCount id={`${id}-address-count`} value={draft.address} max={CASE_TEXT_LIMITS.address} />
        {errors.address && <p className="form-error">{t(errors.address)}</p>}
      </div>
      <div className="field">
        <label htmlFor={`${id}-priority`}>{t('report.priority')}</label>
        <select
          id={`${id}-priority`}
          value={draft.priority ?? category?.defaultPriority ?? 'normal'}
          onChange={(event) => update({ priority: event.target.value as CasePriority })}
        >
          {CASE_PRIORITIES.map((priority) => (
            <option key={priority} value={priority}>
              {t(`casePriority.${priority}`)}
            </option>
          ))}
        </select>
      </div>
      <PhotoPicker
        id={`${id}-photos`}
        label={t('report.photos')}
        hint={t('report.photosHint')}
        uploads={photos}
        error={errors.photos ? t(errors.photos) : null}
      />
      <OnBehalfFields idPrefix={id} draft={draft} errors={errors} onChange={update} />
      <div className="report-submit">
        <p className="form-error" role="alert">
          {submitError}
          {existingCaseId ? (
            <>
              {' '}
              <Link to={buildCasePath(existingCaseId)}>{t('report.openExisting')}</Link>
            </>
          ) : null}
        </p>
        <button type="submit" className="button button-primary button-block" disabled={isBusy}>
          {isBusy ? t('report.submitting') : t('report.submit')}
        </button>
      </div>
    </form>
  );
}
