import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { MessagePanel } from '@/components/ui/message-panel';
import { Tabs } from '@/components/ui/tabs';
import { useMe } from '@/features/auth/api/get-me';
import { HierarchyView } from '@/features/hierarchy/components/hierarchy-view';
import { StaffDirectory } from '@/features/staff/components/staff-directory';
import { hasPermission } from '@/lib/authorization';

const VIEWS = ['tree', 'staff'] as const;
type View = (typeof VIEWS)[number];

export function HierarchyRoute() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [searchParams, setSearchParams] = useSearchParams();
  const view: View = searchParams.get('view') === 'staff' ? 'staff' : 'tree';
  const search = searchParams.get('search') ?? '';

  if (!me || !hasPermission(me.roles, 'viewHierarchy')) {
    return (
      <div className="page page-message">
        <MessagePanel title={t('forbidden.title')} body={t('forbidden.body')} />
      </div>
    );
  }

  function showView(next: View) {
    setSearchParams((params) => {
      const updated = new URLSearchParams(params);
      if (next === 'tree') updated.delete('view');
      else updated.set('view', next);
      return updated;
    });
  }

  function changeSearch(value: string) {
    setSearchParams(
      (params) => {
        const updated = new URLSearchParams(params);
        if (value) updated.set('search', value);
        else updated.delete('search');
        return updated;
      },
      // One history entry per visit, not per keystroke.
      { replace: true },
    );
  }

  return (
    <div className="page">
      <h1 className="page-title">{t('hierarchy.title')}</h1>
      <Tabs
        label={t('hierarchy.tabsLabel')}
        idPrefix="hierarchy"
        selected={view}
        onSelect={showView}
        tabs={[
          { id: 'tree', label: t('hierarchy.tabTree') },
          { id: 'staff', label: t('hierarchy.tabStaff') },
        ]}
      >
        {view === 'tree' ? <HierarchyView query={search} onQueryChange={changeSearch} /> : <StaffDirectory />}
      </Tabs>
    </div>
  );
}
