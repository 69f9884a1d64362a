import type { AuditEntry } from '@gridgov/shared';
import { type FormEvent, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { DayInput } from '@/components/ui/day-input';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { formatDateTime } from '@/lib/china-time';
import { useAuditLog } from '../api/audit';
import { splitAuditSummary } from '../utils/split-audit-summary';
import { useUrlFilters } from '../utils/url-filters';
import { AuditChange } from './audit-change';

const KEYS = ['actor', 'action', 'entity', 'from', 'to'] as const;
/** What the server records entries about (the `entity` of each audit write). */
const AUDIT_ENTITIES = ['staff', 'session', 'grid', 'category', 'calendar_year', 'setting'] as const;
const ACTIONS = [
  'auth.',
  'auth.login_failed',
  'staff.',
  'staff.import',
  'staff.handover',
  'grid.',
  'category.',
  'calendar.',
];

export function AuditView() {
  const { t } = useTranslation();
  const id = useId();
  const { values, update } = useUrlFilters(KEYS);
  const log = useAuditLog(values);
  const items = log.data?.pages.flatMap((p) => p.items) ?? [];

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update(Object.fromEntries(KEYS.map((k) => [k, String(form.get(k) ?? '').trim()])));
  }

  return (
    <div className="admin-audit">
      {/* biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older WebViews */}
      <form
        className="admin-filters"
        role="search"
        aria-label={t('adminStaff.audit.filters')}
        onSubmit={submit}
        key={KEYS.map((k) => values[k]).join('|')}
      >
        <div className="field">
          <label htmlFor={`${id}-actor`}>{t('adminStaff.audit.actor')}</label>
          <input id={`${id}-actor`} name="actor" defaultValue={values.actor} maxLength={60} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-action`}>{t('adminStaff.audit.action')}</label>
          <select id={`${id}-action`} name="action" defaultValue={values.action}>
            <option value="">{t('adminStaff.audit.allActions')}</option>
            {ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`adminStaff.audit.actions.${a.replace(/\.$/, '_all').replace('.', '_')}`, {
                  defaultValue: a,
                })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-entity`}>{t('adminStaff.audit.entity')}</label>
          <select id={`${id}-entity`} name="entity" defaultValue={values.entity}>
            <option value="">{t('adminStaff.audit.allEntities')}</option>
            {AUDIT_ENTITIES.map((e) => (
              <option key={e} value={e}>
                {t(`adminStaff.audit.entities.${e}`, { defaultValue: e })}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-from`}>{t('adminStaff.audit.from')}</label>
          <DayInput id={`${id}-from`} name="from" defaultValue={values.from} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-to`}>{t('adminStaff.audit.to')}</label>
          <DayInput id={`${id}-to`} name="to" defaultValue={values.to} />
        </div>
        <button type="submit" className="button button-primary">
          {t('common.search')}
        </button>
      </form>
      {log.isPending && <Spinner />}
      {log.isError && <ErrorState error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && items.length === 0 && <p className="empty-state">{t('adminStaff.audit.empty')}</p>}
      {items.length > 0 && (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
        <section className="table-scroll" tabIndex={0} aria-label={t('adminStaff.audit.title')}>
          <table className="data-table audit-table">
            <thead>
              <tr>
                <th scope="col">{t('adminStaff.audit.at')}</th>
                <th scope="col">{t('adminStaff.audit.actor')}</th>
                <th scope="col">{t('adminStaff.audit.action')}</th>
                <th scope="col">{t('adminStaff.audit.summary')}</th>
                <th scope="col">{t('adminStaff.audit.change')}</th>
                <th scope="col">{t('adminStaff.audit.ip')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </tbody>
          </table>
        </section>
      )}
      {log.hasNextPage && (
        <button
          type="button"
          className="button"
          disabled={log.isFetchingNextPage}
          onClick={() => void log.fetchNextPage()}
        >
          {t('adminStaff.audit.more')}
        </button>
      )}
    </div>
  );
}

function AuditRow({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const at = formatDateTime(entry.at);
  // An action without a name yet reads 其他操作 (its code stays in the tooltip), never the raw code.
  const actionName = t(`adminStaff.audit.actions.${entry.action.replace('.', '_')}`, {
    defaultValue: t('adminStaff.audit.unknownAction'),
  });
  const summary = splitAuditSummary(entry);
  return (
    <tr>
      <td className="mono">{at}</td>
      <td>{entry.actorName || t('common.empty')}</td>
      <td>
        <span className={`tag audit-${entry.action.split('.')[0]}`} title={entry.action}>
          {actionName}
        </span>
      </td>
      <td>
        {summary.text}
        {summary.code && (
          <span className="muted audit-code"> {t('adminStaff.audit.code', { code: summary.code })}</span>
        )}
      </td>
      <td className="audit-change">
        <AuditChange entity={entry.entity} before={entry.before} after={entry.after} />
      </td>
      <td className="mono">{entry.ip ?? ''}</td>
    </tr>
  );
}
