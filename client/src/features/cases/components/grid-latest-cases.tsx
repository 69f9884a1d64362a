import '@/styles/badges.css';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { buildCasePath } from '@/config/paths';
import { CASE_LIST_QUERY_KEY, getCases } from '../api/get-cases';
import { parseCaseFilters } from '../utils/case-filters';
import { CaseStatusBadge } from './case-badges';

const LATEST_COUNT = 5;

/** The newest few cases of one grid (a section of the map's grid panel). */
export function GridLatestCases({ gridId }: { gridId: string }) {
  const { t } = useTranslation();
  const filters = { ...parseCaseFilters(new URLSearchParams()), gridId };
  const latest = useQuery({
    queryKey: [...CASE_LIST_QUERY_KEY, 'latest', gridId],
    queryFn: ({ signal }) => getCases(filters, null, { signal, limit: LATEST_COUNT }),
    staleTime: 30_000,
  });
  return (
    <section className="panel-section" data-testid="grid-latest-cases">
      <h3>{t('gridFigures.latest')}</h3>
      {latest.data && latest.data.items.length === 0 && <p className="muted">{t('gridFigures.noCases')}</p>}
      <ul className="plain-list latest-cases">
        {latest.data?.items.map((item) => (
          <li key={item.id}>
            <Link to={buildCasePath(item.id)}>
              <CaseStatusBadge status={item.status} /> {item.number} {item.category.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
