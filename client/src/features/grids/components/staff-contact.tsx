import type { StaffRef } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';

/** A name with a tap-to-call link; masked numbers (138****0001) are shown but not dialable. */
export function StaffContact({ staff }: { staff: StaffRef | null }) {
  const { t } = useTranslation();
  if (!staff) return <span className="muted">{t('common.unassigned')}</span>;
  const isDialable = /^\+?\d[\d\s-]*$/.test(staff.phone);
  return (
    <span className="staff-contact">
      <span className="staff-name">{staff.name}</span>
      {isDialable ? (
        <a
          href={`tel:${staff.phone.replace(/[\s-]/g, '')}`}
          title={t('gridPanel.callStaff', { name: staff.name })}
        >
          {staff.phone}
        </a>
      ) : (
        <span className="muted">{staff.phone}</span>
      )}
    </span>
  );
}
