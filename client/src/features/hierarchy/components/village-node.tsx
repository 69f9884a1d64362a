import type { VillageNode as VillageNodeData } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { GridNodeItem } from './grid-node-item';
import { HighlightText } from './highlight-text';

type VillageNodeProps = {
  village: VillageNodeData;
  query: string;
  isExpanded: boolean;
  onToggle: (villageId: string) => void;
};

export function VillageNode({ village, query, isExpanded, onToggle }: VillageNodeProps) {
  const { t } = useTranslation();
  const listId = `village-${village.id}-grids`;
  const households = village.grids.reduce((sum, grid) => sum + (grid.households ?? 0), 0);

  return (
    <li className="village-node">
      <button
        type="button"
        className="village-toggle"
        aria-expanded={isExpanded}
        aria-controls={listId}
        onClick={() => onToggle(village.id)}
      >
        <span className="chevron" aria-hidden="true" />
        <span className="village-name">
          <HighlightText text={village.name} query={query} />
        </span>
        <span className="village-meta">
          {t('hierarchy.gridCount', { count: village.grids.length })}
          <span aria-hidden="true"> · </span>
          {t('hierarchy.households', { count: households })}
        </span>
      </button>
      {isExpanded && (
        <ul id={listId} className="grid-node-list">
          {village.grids.map((grid) => (
            <GridNodeItem key={grid.id} grid={grid} villageId={village.id} query={query} />
          ))}
        </ul>
      )}
    </li>
  );
}
