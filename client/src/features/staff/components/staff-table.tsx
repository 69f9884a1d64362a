import type { StaffItem } from '@gridgov/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type StaffTableProps<T extends StaffItem> = {
  items: readonly T[];
  /** The table's accessible name (defaults to the staff directory's title). */
  label?: string;
  /** Where a person's name leads (the admin's person page); plain text without it. */
  linkOf?: (person: T) => string;
  /** More to say next to the status (e.g. the roster's "disabled" tag). */
  statusExtra?: (person: T) => ReactNode;
  className?: string;
};

/** People with their roles, village, grids, phone and status: the staff directory and the admin roster. */
export function StaffTable<T extends StaffItem>({
  items,
  label,
  linkOf,
  statusExtra,
  className,
}: StaffTableProps<T>) {
  const { t } = useTranslation();
  const separator = t('common.listSeparator');
  if (items.length === 0) return <p className="empty-state">{t('staff.empty')}</p>;

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
    <section className="table-scroll" tabIndex={0} aria-label={label ?? t('staff.title')}>
      <table className={className ? `data-table ${className}` : 'data-table'}>
        <thead>
          <tr>
            <th scope="col">{t('staff.name')}</th>
            <th scope="col">{t('staff.roles')}</th>
            <th scope="col">{t('staff.village')}</th>
            <th scope="col">{t('staff.grids')}</th>
            <th scope="col">{t('staff.phone')}</th>
            <th scope="col">{t('staff.status')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((person) => (
            <tr key={person.id}>
              <th scope="row">
                {linkOf ? (
                  <Link to={linkOf(person)} className="staff-name">
                    {person.name}
                  </Link>
                ) : (
                  <span className="staff-name">{person.name}</span>
                )}
                {person.isPartyMember && <span className="tag tag-party">{t('staff.partyMember')}</span>}
                <span className="muted staff-username">{person.username}</span>
              </th>
              <td>{person.roles.map((role) => t(`roles.${role}`)).join(separator)}</td>
              <td>{person.village?.name ?? t('common.empty')}</td>
              <td>
                {person.grids.length === 0
                  ? t('common.empty')
                  : person.grids
                      .map((grid) =>
                        t('staff.gridWithRole', { grid: grid.name, role: t(`roles.${grid.role}`) }),
                      )
                      .join(separator)}
              </td>
              <td className="mono">{person.phone}</td>
              <td>
                <span className={`status status-${person.status}`}>{t(`staffStatus.${person.status}`)}</span>
                {statusExtra?.(person)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
