import type { ImportCommitResponse, ImportJob } from '@gridgov/shared';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { FileButton } from '@/components/ui/file-button';
import { buildProblemReportUrl, useCommitImport, useImportJob, useUploadRoster } from '../api/imports';
import { describeAdminError } from '../utils/describe-admin-error';
import { ActivationSheet } from './activation-sheet';

/** Upload → dry run with progress and per-row problems → commit all rows at once. */
export function ImportView() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [params, setParams] = useSearchParams();
  const jobId = params.get('job');
  const upload = useUploadRoster();
  const job = useImportJob(jobId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('file') as HTMLInputElement | null;
    const file = input?.files?.[0];
    if (!file) return;
    upload.mutate(file, { onSuccess: (created) => setParams({ job: created.id }) });
  }

  return (
    <div className="admin-import">
      <section className="admin-card">
        <h2 className="admin-card-title">{t('adminStaff.import.step1')}</h2>
        <p>{t('adminStaff.import.templateHint')}</p>
        <div className="admin-actions">
          <a className="button" href="/api/admin/staff-imports/template.xlsx" download>
            {t('adminStaff.import.templateXlsx')}
          </a>
          <a className="button" href="/api/admin/staff-imports/template.csv" download>
            {t('adminStaff.import.templateCsv')}
          </a>
        </div>
      </section>
      <form className="admin-card admin-form" onSubmit={submit}>
        <h2 className="admin-card-title">{t('adminStaff.import.step2')}</h2>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t('adminStaff.import.file')}</label>
          <FileButton id={`${id}-file`} name="file" accept=".xlsx,.csv,text/csv" />
        </div>
        <button type="submit" className="button button-primary" disabled={upload.isPending}>
          {t('adminStaff.import.check')}
        </button>
        {upload.isError && (
          <p className="notice notice-error" role="alert">
            {describeAdminError(upload.error, t, i18n.language)}
          </p>
        )}
      </form>
      {jobId && job.isError && <ErrorState error={job.error} />}
      {job.data && <JobPanel key={job.data.id} job={job.data} />}
    </div>
  );
}

function JobPanel({ job }: { job: ImportJob }) {
  const { t, i18n } = useTranslation();
  const commit = useCommitImport(job.id);
  // Shown once: kept only in this component's memory, never in the URL or storage.
  const [sheet, setSheet] = useState<ImportCommitResponse | null>(null);
  const isRunning = job.status === 'validating' || job.status === 'committing';
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';

  return (
    <section className="admin-card" aria-live="polite" aria-busy={isRunning}>
      <h2 className="admin-card-title">
        {t('adminStaff.import.step3')} · {job.fileName}
      </h2>
      <p>
        <span className={`import-status import-status-${job.status}`}>
          {t(`adminStaff.import.status.${job.status}`)}
        </span>
      </p>
      {job.status === 'validating' && (
        <label className="import-progress">
          {t('adminStaff.import.progress', { done: job.processedRows, total: job.totalRows })}
          <progress value={job.processedRows} max={Math.max(1, job.totalRows)} />
        </label>
      )}
      {job.status === 'committing' && <progress aria-label={t('adminStaff.import.status.committing')} />}
      {job.message && <p className="notice notice-error">{t('adminStaff.import.changedSince')}</p>}
      {job.status === 'invalid' && (
        <>
          <p role="alert">
            {t('adminStaff.import.problemCount', { count: job.problemCount, rows: job.totalRows })}
          </p>
          <div className="admin-actions">
            <a className="button" href={buildProblemReportUrl(job.id, 'xlsx', lang)} download>
              {t('adminStaff.import.reportXlsx')}
            </a>
            <a className="button" href={buildProblemReportUrl(job.id, 'csv', lang)} download>
              {t('adminStaff.import.reportCsv')}
            </a>
          </div>
          <ProblemTable job={job} />
        </>
      )}
      {job.status === 'valid' && (
        <>
          <p>{t('adminStaff.import.ready', { count: job.totalRows })}</p>
          <button
            type="button"
            className="button button-primary"
            disabled={commit.isPending}
            onClick={() => commit.mutate(undefined, { onSuccess: setSheet })}
          >
            {t('adminStaff.import.commit', { count: job.totalRows })}
          </button>
        </>
      )}
      {commit.isError && (
        <p className="notice notice-error" role="alert">
          {describeAdminError(commit.error, t, i18n.language)}
        </p>
      )}
      {job.status === 'committed' && (
        <p role="status">{t('adminStaff.import.created', { count: job.createdCount })}</p>
      )}
      {job.status === 'failed' && <p className="notice notice-error">{t('adminStaff.import.failed')}</p>}
      {sheet && job.status !== 'failed' && job.status !== 'invalid' && (
        <ActivationSheet rows={sheet.activationCodes} expiresAt={sheet.activationExpiresAt} />
      )}
    </section>
  );
}

function ProblemTable({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={t('adminStaff.import.problems')}>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('adminStaff.import.row')}</th>
            <th scope="col">{t('adminStaff.import.column')}</th>
            <th scope="col">{t('adminStaff.import.value')}</th>
            <th scope="col">{t('adminStaff.import.problem')}</th>
          </tr>
        </thead>
        <tbody>
          {job.problems.map((p) => (
            <tr key={`${p.row}-${p.column}-${p.code}`}>
              <td>{p.row}</td>
              <td>{p.column}</td>
              <td className="mono">{p.value}</td>
              <td>
                {t(`adminStaff.import.codes.${p.code}`)}
                {p.otherRow ? t('adminStaff.import.otherRow', { row: p.otherRow }) : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {job.problemCount > job.problems.length && (
        <p className="muted">
          {t('adminStaff.import.more', { count: job.problemCount - job.problems.length })}
        </p>
      )}
    </section>
  );
}
