import type { CaseDetail, Category } from '@gridgov/shared';
import type { ReactNode } from 'react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { CaseActionsPanel } from './case-actions-panel';
import { CaseFacts } from './case-facts';
import { CaseHeader } from './case-header';
import { CasePhotos } from './case-photos';
import { CaseTimeline } from './case-timeline';

type CaseViewProps = {
  caseDetail: CaseDetail;
  category: Category | undefined;
  /** The small read-only map, composed by the route (Leaflet lives in the map feature). */
  map: ReactNode;
};

/** Header, then on wide screens details on the left and actions on the right; on phones actions come first. */
export function CaseView({ caseDetail, category, map }: CaseViewProps) {
  const { t } = useTranslation();
  const id = useId();

  return (
    <article className="case-page">
      <CaseHeader caseDetail={caseDetail} />
      <div className="case-layout">
        <div className="case-side">
          <CaseActionsPanel caseDetail={caseDetail} />
        </div>
        <div className="case-main">
          <section className="case-card-section" aria-labelledby={`${id}-facts`}>
            <h2 id={`${id}-facts`} className="section-title">
              {t('caseDetail.facts')}
            </h2>
            <CaseFacts caseDetail={caseDetail} category={category} />
          </section>
          <section className="case-card-section" aria-labelledby={`${id}-photos`}>
            <h2 id={`${id}-photos`} className="section-title">
              {t('caseDetail.photos')}
            </h2>
            {caseDetail.photos.length === 0 ? (
              <p className="muted">{t('caseDetail.noPhotos')}</p>
            ) : (
              <CasePhotos photos={caseDetail.photos} label={t('caseDetail.photos')} />
            )}
          </section>
          <section className="case-card-section" aria-labelledby={`${id}-location`}>
            <h2 id={`${id}-location`} className="section-title">
              {t('caseDetail.location')}
            </h2>
            {!caseDetail.location && <p className="muted">{t('caseDetail.noLocation')}</p>}
            {map}
          </section>
          <section className="case-card-section" aria-labelledby={`${id}-timeline`}>
            <h2 id={`${id}-timeline`} className="section-title">
              {t('caseDetail.timeline')}
            </h2>
            <CaseTimeline events={caseDetail.timeline} />
          </section>
        </div>
      </div>
    </article>
  );
}
