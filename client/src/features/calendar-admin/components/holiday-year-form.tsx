import {
  type CalendarYearInput,
  calendarYearInputSchema,
  checkCalendarYear,
  type HolidayArrangement,
} from '@gridgov/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SaveOutcome } from '@/components/ui/save-outcome';
import { isApiError } from '@/lib/api-client';
import { describeError } from '@/lib/describe-error';
import { useSaveCalendarYear } from '../api/calendar-admin';
import { RemoveRowButton, RowListFooter } from './row-list-controls';

type Row = { name: string; off: string; workdays: string };

const toRow = (h: HolidayArrangement): Row => ({
  name: h.name,
  off: h.off.join(', '),
  workdays: h.workdays.join(', '),
});
const splitDates = (text: string) =>
  text
    .split(/[\s,，、]+/)
    .map((d) => d.trim())
    .filter(Boolean);

/** One year's holiday notice; keyed by year by the caller. The same checks run here and on the server. */
export function HolidayYearForm({
  year,
  holidays,
  isReadOnly,
}: {
  year: number;
  holidays: HolidayArrangement[];
  isReadOnly: boolean;
}) {
  const { t } = useTranslation();
  const mutation = useSaveCalendarYear();
  const [rows, setRows] = useState<Row[]>(holidays.map(toRow));
  const [problem, setProblem] = useState<string | null>(null);
  const update = (index: number, patch: Partial<Row>) =>
    setRows((list) => list.map((r, i) => (i === index ? { ...r, ...patch } : r)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const input: CalendarYearInput = {
      holidays: rows.map((r) => ({
        name: r.name.trim(),
        off: splitDates(r.off),
        workdays: splitDates(r.workdays),
      })),
    };
    const parsed = calendarYearInputSchema.safeParse(input);
    if (!parsed.success) return setProblem(parsed.error.issues[0]!.message);
    const problems = checkCalendarYear(year, parsed.data);
    if (problems.length > 0) return setProblem(problems.map((p) => p.message).join('; '));
    setProblem(null);
    mutation.mutate({ year, input: parsed.data });
  };

  const serverProblem =
    mutation.isError && isApiError(mutation.error) && mutation.error.code === 'validation_failed'
      ? mutation.error.message
      : null;

  return (
    <form
      className="admin-card admin-form"
      onSubmit={submit}
      aria-label={t('adminGeo.calendar.yearTitle', { year })}
    >
      <h3 className="admin-subtitle">{t('adminGeo.calendar.yearTitle', { year })}</h3>
      <fieldset disabled={isReadOnly} className="admin-form">
        {rows.map((row, index) => (
          // Rows are only appended or removed; the index is their identity while editing.
          <div key={index} className="admin-field-card">
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.holidayName')}</span>
              <input value={row.name} onChange={(e) => update(index, { name: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.off')}</span>
              <textarea rows={2} value={row.off} onChange={(e) => update(index, { off: e.target.value })} />
            </label>
            <label className="field">
              <span className="field-label">{t('adminGeo.calendar.workdays')}</span>
              <input value={row.workdays} onChange={(e) => update(index, { workdays: e.target.value })} />
            </label>
            <RemoveRowButton onRemove={() => setRows((list) => list.filter((_, i) => i !== index))} />
          </div>
        ))}
        <RowListFooter
          addLabel={t('adminGeo.calendar.addHoliday')}
          onAdd={() => setRows((list) => [...list, { name: '', off: '', workdays: '' }])}
          isSaving={mutation.isPending}
        />
      </fieldset>
      <SaveOutcome
        problem={problem ?? serverProblem}
        failure={mutation.isError && !serverProblem ? describeError(mutation.error, t) : null}
        savedText={mutation.isSuccess ? t('adminGeo.common.saved') : null}
      />
    </form>
  );
}
