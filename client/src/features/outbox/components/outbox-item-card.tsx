import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { formatDateTime } from '@/lib/china-time';
import type { OutboxItem } from '@/lib/outbox/outbox';

type OutboxItemCardProps = { item: OutboxItem; onDiscard: (item: OutboxItem) => void };

type CaseSnapshot = { id?: string; number?: string; status?: string; version?: number };

function readCaseId(item: OutboxItem): string | null {
  if (item.kind === 'report') return item.resultId;
  const match = /^\/api\/cases\/([^/]+)/.exec(item.statePath ?? item.path);
  return match ? decodeURIComponent(match[1]!) : null;
}

/** Why the server refused it for good, in the person's words where we know the reason. */
function useRefusalText(item: OutboxItem): string | null {
  const { t } = useTranslation();
  const error = item.lastError;
  if (!error) return null;
  const reason = (error.details as { reason?: unknown } | undefined)?.reason;
  const known = typeof reason === 'string' ? `outbox.reasons.${reason}` : `outbox.codes.${error.code}`;
  return t(known, { defaultValue: t('outbox.codes.other', { message: error.message }) });
}

/** One queued write: what it is, its state, and what the person can do about it. */
export function OutboxItemCard({ item, onDiscard }: OutboxItemCardProps) {
  const { t } = useTranslation();
  const refusal = useRefusalText(item);
  const caseId = readCaseId(item);
  const current = (item.current ?? null) as CaseSnapshot | null;
  const sentAction = typeof item.body.action === 'string' ? item.body.action : null;
  const canDiscard = item.state === 'attention' || item.state === 'failed';
  return (
    <li className="outbox-item" data-state={item.state}>
      <div className="outbox-item-head">
        <span className="outbox-kind">{t(`outbox.kinds.${item.kind}`, { defaultValue: item.kind })}</span>
        <span className="outbox-state" data-state={item.state}>
          {t(`outbox.states.${item.state}`)}
        </span>
      </div>
      <p className="outbox-label">{item.label}</p>
      <p className="outbox-meta">
        {t('outbox.createdAt', { time: formatDateTime(item.createdAt) })}
        {item.photos.length > 0 && <> · {t('outbox.photos', { count: item.photos.length })}</>}
        {item.sentAt && <> · {t('outbox.sentAt', { time: formatDateTime(item.sentAt) })}</>}
      </p>
      {item.state === 'waiting' && item.lastError && (
        <p className="outbox-note">{t('outbox.willRetry', { count: item.attempts })}</p>
      )}
      {item.state === 'attention' && (
        <div className="outbox-conflict" role="note">
          <p>{t('outbox.conflict')}</p>
          {current?.status && (
            <p>
              {t('outbox.currentState', {
                status: t(`caseStatus.${current.status}`, { defaultValue: current.status }),
              })}
            </p>
          )}
          {sentAction && (
            <p>
              {t('outbox.youSent', {
                action: t(`caseAction.${sentAction}`, { defaultValue: sentAction }),
                note: typeof item.body.note === 'string' ? item.body.note : '',
              })}
            </p>
          )}
        </div>
      )}
      {item.state === 'failed' && refusal && (
        <p className="form-error" role="note">
          {t('outbox.refused', { reason: refusal })}
        </p>
      )}
      <div className="outbox-item-actions">
        {caseId && (item.state === 'sent' || item.state === 'attention' || item.kind !== 'report') && (
          <Link to={buildCasePath(caseId)}>{t('outbox.openCase')}</Link>
        )}
        {canDiscard && (
          <button type="button" className="button button-small" onClick={() => onDiscard(item)}>
            {t('outbox.discard')}
          </button>
        )}
      </div>
    </li>
  );
}
