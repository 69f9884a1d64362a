import { ROLES, type Role } from '@gridgov/shared';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

type RoleCheckboxesProps = {
  roles: readonly Role[];
  onChange: (roles: Role[]) => void;
  /** Shown after the boxes, inside the group (e.g. the detail page's save button). */
  children?: ReactNode;
};

/** One checkbox per role, as the create form and the detail page both offer them. */
export function RoleCheckboxes({ roles, onChange, children }: RoleCheckboxesProps) {
  const { t } = useTranslation();
  return (
    <fieldset className="admin-checks">
      <legend>{t('adminStaff.fields.roles')}</legend>
      {ROLES.map((role) => (
        <label key={role} className="check">
          <input
            type="checkbox"
            checked={roles.includes(role)}
            onChange={(e) => onChange(e.target.checked ? [...roles, role] : roles.filter((x) => x !== role))}
          />
          {t(`roles.${role}`)}
        </label>
      ))}
      {children}
    </fieldset>
  );
}
