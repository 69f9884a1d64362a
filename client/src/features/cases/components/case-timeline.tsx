import { CASE_ACTIONS, type CaseAction, type CaseEvent } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/china-time';
import { CasePhotos } from './case-photos';

function isAction(kind: CaseEvent['kind']): kind is CaseAction {
  return (CASE_ACTIONS as readonly string[]).includes(kind);
}

/** The case's history, oldest first, the way it is read aloud at a review meeting. */
export function CaseTimeline({ events }: { events: readonly CaseEvent[] }) {
  const { t } = useTranslation();
  const ordered = [...events].sort((a, b) => a.seq - b.seq);

  return (
    <ol className="timeline" aria-label={t('caseDetail.timeline')}>
      {ordered.map((event) => {
        const label = isAction(event.kind) ? t(`caseAction.${event.kind}`) : t(`caseEvent.${event.kind}`);
        return (
          <li key={event.id} className="timeline-item" data-kind={event.kind}>
            <p className="timeline-head">
              <strong className="timeline-action">{label}</strong>
              <span className="timeline-actor">{event.actor.name}</span>
              <time className="timeline-time muted" dateTime={event.at}>
                {formatDateTime(event.at)}
              </time>
            </p>
            {event.fromStatus && event.fromStatus !== event.toStatus && (
              <p className="timeline-transition muted">
                {t('caseDetail.transition', {
                  from: t(`caseStatus.${event.fromStatus}`),
                  to: t(`caseStatus.${event.toStatus}`),
                })}
              </p>
            )}
            {event.note && <p className="timeline-note">{event.note}</p>}
            {event.assignee && (
              <p className="timeline-detail">
                {t('caseDetail.eventAssignee', { name: event.assignee.name })}
              </p>
            )}
            {event.deadline && (
              <p className="timeline-detail">
                {t('caseDetail.eventDeadline', { time: formatDateTime(event.deadline) })}
              </p>
            )}
            <CasePhotos photos={event.photos} label={t('caseDetail.eventPhotos', { action: label })} />
          </li>
        );
      })}
    </ol>
  );
}
