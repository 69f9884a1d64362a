import { type WorkingPeriod, workingHoursSchema } from '@gridgov/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { describeError } from '@/lib/describe-error';
import { checkTime, useOurValidity, type ValueCheck } from '@/lib/our-validity';
import { useSaveWorkingHours } from '../api/calendar-admin';
import { RemoveRowButton, RowListFooter } from './row-list-controls';

/** 24-hour `HH:mm` typed as text: a native time input shows AM/PM in an English browser (issue 13). */
const TIME_INPUT = {
  type: 'text',
  inputMode: 'numeric',
  maxLength: 5,
  autoComplete: 'off',
  className: 'time-input',
} as const;
/** A period may run to midnight, written 24:00 (as the shared schema allows). */
const checkEndTime: ValueCheck = (value) => (value === '24:00' ? null : checkTime(value));

export function WorkingHoursForm({ initial, isReadOnly }: { initial: WorkingPeriod[]; isReadOnly: boolean }) {
  const { t } = useTranslation();
  const validity = useOurValidity();
  const mutation = useSaveWorkingHours();
  const [periods, setPeriods] = useState(initial);
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, patch: Partial<WorkingPeriod>) =>
    setPeriods((list) => list.map((p, i) => (i === index ? { ...p, ...patch } : p)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The schema's own messages are English for the API; the page says what is wrong in our words.
    if (periods.some((p) => checkTime(p.start) || checkEndTime(p.end)))
      return setProblem(t('common.timeFormat'));
    const parsed = workingHoursSchema.safeParse(periods);
    if (!parsed.success) return setProblem(t('adminGeo.calendar.periodsInvalid'));
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
                {...TIME_INPUT}
                placeholder={t('common.timePlaceholder')}
                value={period.start}
                {...validity(checkTime)}
                onChange={(e) => update(index, { start: e.target.value.trim() })}
              />
            </label>
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.end')}</span>
              <input
                {...TIME_INPUT}
                placeholder={t('common.timePlaceholder')}
                value={period.end}
                {...validity(checkEndTime)}
                onChange={(e) => update(index, { end: e.target.value.trim() })}
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
