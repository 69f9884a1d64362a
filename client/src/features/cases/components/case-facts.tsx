import type { CaseDetail, Category } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '@/lib/china-time';
import { pickLocalized } from '@/lib/pick-localized';
import { formatExtraValue } from '../utils/categories';
import { StaffLine } from './staff-line';

type CaseFactsProps = { caseDetail: CaseDetail; category: Category | undefined };

/** What was reported: the description, place, people and the category's extra fields. */
export function CaseFacts({ caseDetail, category }: CaseFactsProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const extraEntries = Object.entries(caseDetail.extra).filter(([, value]) =>
    formatExtraValue(undefined, value, language),
  );

  return (
    <>
      <p className="case-description-full">{caseDetail.description}</p>
      <dl className="facts case-facts">
        <dt>{t('caseDetail.address')}</dt>
        <dd>{caseDetail.address || t('common.empty')}</dd>
        <dt>{t('caseDetail.grid')}</dt>
        <dd>
          {caseDetail.village.name} {caseDetail.grid.name}
        </dd>
        <dt>{t('caseDetail.reporter')}</dt>
        <dd>
          <StaffLine staff={caseDetail.reporter} />
        </dd>
        <dt>{t('caseDetail.reportedAt')}</dt>
        <dd>{formatDateTime(caseDetail.reportedAt)}</dd>
        <dt>{t('caseDetail.assignee')}</dt>
        <dd>{caseDetail.assignee ? <StaffLine staff={caseDetail.assignee} /> : t('cases.unassigned')}</dd>
        {caseDetail.onBehalfOf && (
          <>
            <dt>{t('caseDetail.onBehalfOf')}</dt>
            <dd>
              <StaffLine staff={{ id: '', ...caseDetail.onBehalfOf }} />
            </dd>
          </>
        )}
        {extraEntries.map(([key, value]) => {
          const field = category?.fields.find((candidate) => candidate.key === key);
          return [
            <dt key={`${key}-label`}>{field ? pickLocalized(language, field.label, field.labelEn) : key}</dt>,
            <dd key={`${key}-value`}>{formatExtraValue(field, value, language)}</dd>,
          ];
        })}
      </dl>
    </>
  );
}
