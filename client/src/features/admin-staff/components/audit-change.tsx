import { useTranslation } from 'react-i18next';
import { type AuditFieldChange, describeAuditChange } from '../utils/describe-audit-change';
import { formatAuditObjectWith, formatAuditValueWith } from '../utils/format-audit-value';

function Value({ text, full, isOld }: { text: string; full: string | null; isOld: boolean }) {
  const { t } = useTranslation();
  const Tag = isOld ? 'del' : 'ins';
  return (
    <Tag
      className={isOld ? 'audit-change-from' : 'audit-change-to'}
      title={full !== null && full !== text ? full : undefined}
    >
      {text === '' ? t('common.empty') : text}
    </Tag>
  );
}

function ChangeLine({ change, entity }: { change: AuditFieldChange; entity: string }) {
  const { t } = useTranslation();
  const { field, from, to } = change;
  // A grid's or a category's `name` is not a person's name: the entity may relabel a field.
  const label = t([`adminStaff.audit.entityFields.${entity}.${field}`, `adminStaff.audit.fields.${field}`], {
    defaultValue: field,
  });
  return (
    <li className="audit-change-line">
      {field && <span className="audit-change-field">{t('adminStaff.audit.fieldLabel', { label })}</span>}
      {from !== null && <Value text={from} full={change.fromFull} isOld />}
      {from !== null && to !== null && <span className="audit-change-arrow">→</span>}
      {to !== null && <Value text={to} full={change.toFull} isOld={false} />}
    </li>
  );
}

/** An audit entry's before/after as one readable line per changed field. */
export function AuditChange({ entity, before, after }: { entity: string; before: unknown; after: unknown }) {
  const { t } = useTranslation();
  const changes = describeAuditChange(before, after, {
    formatValue: formatAuditValueWith(t),
    formatObject: formatAuditObjectWith(t),
  });
  if (changes.length === 0) return null;
  return (
    <ul className="audit-change-list">
      {changes.map((change) => (
        <ChangeLine key={change.field} change={change} entity={entity} />
      ))}
    </ul>
  );
}
