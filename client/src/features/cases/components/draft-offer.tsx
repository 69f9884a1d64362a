import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/china-time';

type DraftOfferProps = { savedAt: string; onRestore: () => void; onDiscard: () => void };

/** An unsent report was left on this phone: take it up again, or start afresh. */
export function DraftOffer({ savedAt, onRestore, onDiscard }: DraftOfferProps) {
  const { t } = useTranslation();
  return (
    <section className="draft-offer" aria-label={t('report.draft.label')}>
      <p>{t('report.draft.found', { time: formatDateTime(savedAt) })}</p>
      <div className="draft-offer-actions">
        <button type="button" className="button button-primary button-small" onClick={onRestore}>
          {t('report.draft.restore')}
        </button>
        <button type="button" className="button button-small" onClick={onDiscard}>
          {t('report.draft.discard')}
        </button>
      </div>
    </section>
  );
}
