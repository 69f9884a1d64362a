import type { RegionTree as RegionTreeData } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { useTreeExpansion } from '../hooks/use-tree-expansion';
import { countGrids, filterRegionTree, normalizeQuery } from '../utils/filter-region-tree';
import { VillageNode } from './village-node';

type RegionTreeProps = { tree: RegionTreeData; query: string };

export function RegionTree({ tree, query }: RegionTreeProps) {
  const { t } = useTranslation();
  const allVillageIds = tree.towns.flatMap((town) => town.villages.map((village) => village.id));
  const isSearching = normalizeQuery(query) !== '';
  const expansion = useTreeExpansion(allVillageIds, isSearching);
  const visibleTree = filterRegionTree(tree, query);

  if (tree.towns.length === 0) return <p className="empty-state">{t('hierarchy.empty')}</p>;

  return (
    <div className="region-tree">
      <div className="tree-actions">
        <p className="tree-summary" aria-live="polite">
          {isSearching && t('hierarchy.matchCount', { count: countGrids(visibleTree) })}
        </p>
        <button type="button" className="button button-quiet" onClick={expansion.expandAll}>
          {t('hierarchy.expandAll')}
        </button>
        <button type="button" className="button button-quiet" onClick={expansion.collapseAll}>
          {t('hierarchy.collapseAll')}
        </button>
      </div>
      {visibleTree.towns.length === 0 && (
        <p className="empty-state">{t('hierarchy.noMatches', { query: query.trim() })}</p>
      )}
      {visibleTree.towns.map((town) => (
        <section key={town.id} className="town-node" aria-labelledby={`town-${town.id}`}>
          <header className="town-header">
            <h2 id={`town-${town.id}`}>{town.name}</h2>
            <p className="town-meta">
              <span>{t('hierarchy.villageCount', { count: town.villageCount })}</span>
              <span>{t('hierarchy.gridCount', { count: town.gridCount })}</span>
              <span>{t('hierarchy.staffCount', { count: town.staffCount })}</span>
            </p>
          </header>
          <ul className="village-list">
            {town.villages.map((village) => (
              <VillageNode
                key={village.id}
                village={village}
                query={query}
                isExpanded={expansion.isExpanded(village.id)}
                onToggle={expansion.toggle}
              />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
