import { type InputHTMLAttributes, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { checkDay } from '@/lib/our-validity';

type DayInputProps = Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'value' | 'defaultValue' | 'onChange' | 'min' | 'max'
> & {
  /** The committed day (`YYYY-MM-DD`, '' for none); with `onDayChange` the field is controlled. */
  value?: string;
  defaultValue?: string;
  /** Called with a real day within min/max, or '' when cleared; never with half-typed text. */
  onDayChange?: (day: string) => void;
  min?: string;
  max?: string;
};

/**
 * A date typed as `YYYY-MM-DD`: a native date picker speaks the browser's language and order
 * (`mm/dd/yyyy`), not ours (issue 13). Checked with the shared isoDay schema; problems in our words.
 */
export function DayInput({ value, defaultValue, onDayChange, min, max, className, ...rest }: DayInputProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value ?? defaultValue ?? '');
  const [committed, setCommitted] = useState(value);
  const [problem, setProblem] = useState<string | null>(null);
  if (value !== committed) {
    // The day changed from outside (reset, preset, back button): show it.
    setCommitted(value);
    setDraft(value ?? '');
    setProblem(null);
  }

  function describe(day: string): string | null {
    if (checkDay(day)) return t('common.dayFormat');
    if (day !== '' && min && day < min) return t('common.dayMin', { day: min });
    if (day !== '' && max && day > max) return t('common.dayMax', { day: max });
    return null;
  }

  return (
    <>
      <input
        {...rest}
        className={className ? `day-input ${className}` : 'day-input'}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        maxLength={10}
        placeholder={t('common.dayPlaceholder')}
        value={draft}
        aria-invalid={problem ? true : undefined}
        onChange={(event) => {
          const day = event.target.value.trim();
          const found = describe(day);
          setDraft(event.target.value);
          event.target.setCustomValidity(found ?? '');
          // A half-typed day is not an error yet; it is said once the field is left or submitted.
          if (!found) {
            setProblem(null);
            onDayChange?.(day);
          }
        }}
        onBlur={(event) => setProblem(describe(event.target.value.trim()))}
        onInvalid={(event) => setProblem(describe(event.currentTarget.value.trim()))}
      />
      {problem && (
        <span className="field-error" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
