import type { GridNode, StaffRef } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { paths } from '@/config/paths';
import { HighlightText } from './highlight-text';

type GridNodeItemProps = { grid: GridNode; villageId: string; query: string };

export function GridNodeItem({ grid, villageId, query }: GridNodeItemProps) {
  const { t } = useTranslation();
  const mapLink = `${paths.map}?${new URLSearchParams({ village: villageId, grid: grid.id }).toString()}`;

  return (
    <li className="grid-node">
      <div className="grid-node-title">
        <span className="mono grid-node-code">
          <HighlightText text={grid.code} query={query} />
        </span>
        <Link to={mapLink} className="grid-node-name" title={t('hierarchy.showOnMap', { name: grid.name })}>
          <HighlightText text={grid.name} query={query} />
        </Link>
      </div>
      <dl className="grid-node-staff">
        <div>
          <dt>{t('roles.grid_worker')}</dt>
          <dd>
            <StaffName staff={grid.worker} query={query} />
          </dd>
        </div>
        <div>
          <dt>{t('roles.grid_leader')}</dt>
          <dd>
            <StaffName staff={grid.leader} query={query} />
          </dd>
        </div>
        <div>
          <dt>{t('roles.patroller')}</dt>
          <dd>{t('common.people', { count: grid.patrollerCount })}</dd>
        </div>
        <div>
          <dt>{t('gridPanel.households')}</dt>
          <dd>{grid.households ?? t('common.empty')}</dd>
        </div>
      </dl>
    </li>
  );
}

function StaffName({ staff, query }: { staff: StaffRef | null; query: string }) {
  const { t } = useTranslation();
  if (!staff) return <span className="muted">{t('common.unassigned')}</span>;
  return <HighlightText text={staff.name} query={query} />;
}
