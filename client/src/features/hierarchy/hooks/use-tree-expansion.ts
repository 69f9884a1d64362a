import { useState } from 'react';

/** Few villages (a grid leader's scope): open them all; a whole town starts folded to its villages. */
const AUTO_EXPAND_MAX_VILLAGES = 3;

/**
 * Which villages are open. While searching every match starts open (so the matches are visible) and the
 * user can fold some away; browsing keeps its own open set, so clearing the search restores it.
 */
export function useTreeExpansion(allVillageIds: readonly string[], isSearching: boolean) {
  const [expandedIds, setExpandedIds] = useState<ReadonlySet<string>>(
    () => new Set(allVillageIds.length <= AUTO_EXPAND_MAX_VILLAGES ? allVillageIds : []),
  );
  const [collapsedWhileSearching, setCollapsedWhileSearching] = useState<ReadonlySet<string>>(new Set());

  return {
    isExpanded: (villageId: string) =>
      isSearching ? !collapsedWhileSearching.has(villageId) : expandedIds.has(villageId),
    toggle: (villageId: string) => {
      const setIds = isSearching ? setCollapsedWhileSearching : setExpandedIds;
      setIds((current) => toggleMember(current, villageId));
    },
    expandAll: () => {
      setExpandedIds(new Set(allVillageIds));
      setCollapsedWhileSearching(new Set());
    },
    collapseAll: () => {
      setExpandedIds(new Set());
      setCollapsedWhileSearching(new Set(allVillageIds));
    },
  };
}

function toggleMember(set: ReadonlySet<string>, id: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}
