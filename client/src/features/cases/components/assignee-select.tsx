import { useTranslation } from 'react-i18next';
import { useAssignees } from '../api/get-assignees';

type AssigneeSelectProps = {
  id: string;
  label: string;
  /** The case's grid; null offers everyone active in the viewer's scope. */
  gridId: string | null;
  value: string;
  onChange: (assigneeId: string) => void;
  /** The current assignee, left out when reassigning. */
  excludeId?: string | null;
  /** One case: offer exactly the people the server accepts for it. */
  caseId?: string;
};

export function AssigneeSelect({
  id,
  label,
  gridId,
  value,
  onChange,
  excludeId,
  caseId,
}: AssigneeSelectProps) {
  const { t } = useTranslation();
  const assigneesQuery = useAssignees(gridId, caseId);
  const people = (assigneesQuery.data ?? []).filter((person) => person.id !== excludeId);
  const separator = t('common.listSeparator');
  const hintId = `${id}-hint`;
  const hint = assigneesQuery.isError
    ? t('caseActions.assigneesFailed')
    : assigneesQuery.data && people.length === 0
      ? t('caseActions.noAssignees')
      : null;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(event) => onChange(event.target.value)}
        disabled={assigneesQuery.isPending}
        aria-describedby={hint ? hintId : undefined}
      >
        <option value="">
          {assigneesQuery.isPending ? t('caseActions.loadingAssignees') : t('caseActions.chooseAssignee')}
        </option>
        {people.map((person) => (
          <option key={person.id} value={person.id}>
            {t('caseActions.assigneeOption', {
              name: person.name,
              roles: person.roles.map((role) => t(`roles.${role}`)).join(separator),
            })}
          </option>
        ))}
      </select>
      {hint && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
    </div>
  );
}
