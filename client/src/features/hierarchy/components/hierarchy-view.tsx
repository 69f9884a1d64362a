import { ErrorState } from '@/components/ui/error-state';
import { Spinner } from '@/components/ui/spinner';
import { useRegionTree } from '../api/get-region-tree';
import { RegionTree } from './region-tree';
import { TreeSearch } from './tree-search';

type HierarchyViewProps = { query: string; onQueryChange: (query: string) => void };

/** Town → villages → grids with their staff; the search text is owned by the caller (kept in the URL). */
export function HierarchyView({ query, onQueryChange }: HierarchyViewProps) {
  const treeQuery = useRegionTree();
  return (
    <div className="hierarchy-view">
      <TreeSearch value={query} onChange={onQueryChange} />
      {treeQuery.isPending && <Spinner />}
      {treeQuery.isError && <ErrorState error={treeQuery.error} onRetry={() => void treeQuery.refetch()} />}
      {treeQuery.data && <RegionTree tree={treeQuery.data} query={query} />}
    </div>
  );
}
