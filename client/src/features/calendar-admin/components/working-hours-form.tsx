import { type WorkingPeriod, workingHoursSchema } from '@gridgov/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { describeError } from '@/lib/describe-error';
import { useSaveWorkingHours } from '../api/calendar-admin';
import { RemoveRowButton, RowListFooter } from './row-list-controls';

export function WorkingHoursForm({ initial, isReadOnly }: { initial: WorkingPeriod[]; isReadOnly: boolean }) {
  const { t } = useTranslation();
  const mutation = useSaveWorkingHours();
  const [periods, setPeriods] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, patch: Partial<WorkingPeriod>) =>
    setPeriods((list) => list.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = workingHoursSchema.safeParse(periods);
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    setProblem(null);
    mutation.mutate(parsed.data);
  };

  return (
    <form className="admin-card admin-form" onSubmit={submit}>
      <h2 className="admin-subtitle">{t('adminGeo.calendar.workingHours')}</h2>
      <fieldset disabled={isReadOnly} className="admin-form">
        {periods.map((period, index) => (
          // Periods are kept sorted by the admin and only appended or removed at the end.
          <div key={index} className="admin-row">
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.start')}</span>
              <input
                type="time"
                value={period.start}
                onChange={(e) => update(index, { start: e.target.value })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.end')}</span>
              <input
                type="time"
                value={period.end}
                onChange={(e) => update(index, { end: e.target.value })}
              />
            </label>
            <RemoveRowButton onRemove={() => setPeriods((list) => list.filter((_, i) => i !== index))} />
          </div>
        ))}
        <RowListFooter
          addLabel={t('adminGeo.calendar.addPeriod')}
          onAdd={() => setPeriods((list) => [...list, { start: '18:00', end: '19:00' }])}
          isSaving={mutation.isPending}
        />
      </fieldset>
      <SaveOutcome
        problem={problem}
        failure={mutation.isError ? describeError(mutation.error, t) : null}
        savedText={mutation.isSuccess ? t('adminGeo.common.saved') : null}
      />
    </form>
  );
}
