import type { Inbox, InboxSectionKey } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { paths } from '@/config/paths';
import { CaseCards } from '@/features/cases/components/case-cards';
import { useInbox } from '../api/get-inbox';
import { useLiveInbox } from '../hooks/use-live-inbox';

type Section = Inbox['sections'][number];

const LEADER_SECTIONS: readonly InboxSectionKey[] = [
  'to_accept',
  'to_dispatch',
  'to_verify',
  'extension_requests',
  'escalated',
  'overdue_led',
];

function InboxSection({ section }: { section: Section }) {
  const { t } = useTranslation();
  const title = t(`inbox.sections.${section.key}`);
  const headingId = `inbox-${section.key}`;
  const listPath = section.listQuery
    ? `${paths.cases}?${new URLSearchParams(section.listQuery).toString()}`
    : null;
  return (
    <section className="inbox-section" aria-labelledby={headingId} data-empty={section.count === 0}>
      <h2 id={headingId} className="inbox-section-title">
        {title}
        <span className="inbox-count" data-testid={`inbox-count-${section.key}`}>
          {section.count}
        </span>
      </h2>
      {section.count > 0 && (
        <>
          <CaseCards items={section.items} selection={null} label={title} />
          {section.count > section.items.length && (
            <p className="inbox-more muted">
              {t('inbox.moreThanShown', { count: section.count, shown: section.items.length })}
              {listPath && (
                <>
                  {' '}
                  <Link to={listPath}>{t('inbox.viewAll')}</Link>
                </>
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}

/**
 * What waits for the signed-in person, computed by the server from the cases (issue 20): for leaders
 * what to accept, dispatch, verify and decide; for everyone their own work. Refreshes live.
 */
export function InboxView() {
  const { t } = useTranslation();
  const inbox = useInbox();
  useLiveInbox();
  if (inbox.isPending) return <Spinner />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const { sections } = inbox.data;
  if (sections.length === 0) return <p className="muted">{t('inbox.noSections')}</p>;
  const led = sections.filter((s) => LEADER_SECTIONS.includes(s.key));
  const mine = sections.filter((s) => !LEADER_SECTIONS.includes(s.key));
  return (
    <div className="inbox">
      <p className="inbox-summary" role="status">
        {inbox.data.total === 0 ? t('inbox.allDone') : t('inbox.total', { count: inbox.data.total })}
      </p>
      {led.length > 0 && (
        <div className="inbox-group">
          <h2 className="inbox-group-title">{t('inbox.ledGroup')}</h2>
          {led.map((section) => (
            <InboxSection key={section.key} section={section} />
          ))}
        </div>
      )}
      {mine.length > 0 && (
        <div className="inbox-group">
          <h2 className="inbox-group-title">{t('inbox.mineGroup')}</h2>
          {mine.map((section) => (
            <InboxSection key={section.key} section={section} />
          ))}
        </div>
      )}
    </div>
  );
}
