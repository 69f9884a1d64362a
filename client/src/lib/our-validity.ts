import { isoDay } from '@gridgov/shared';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

type Field = HTMLInputElement | HTMLTextAreaElement;
/** What is wrong with a value (as a key of `common`), or null when it is fine. Empty values are `required`'s business. */
export type ValueCheck = (
  value: string,
) => 'phoneFormat' | 'usernameFormat' | 'dayFormat' | 'timeFormat' | null;

const dayCheck = isoDay();
export const checkDay: ValueCheck = (value) =>
  value === '' || dayCheck.safeParse(value).success ? null : 'dayFormat';
export const checkTime: ValueCheck = (value) =>
  value === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(value) ? null : 'timeFormat';
export const matching =
  (pattern: RegExp, message: 'phoneFormat' | 'usernameFormat'): ValueCheck =>
  (value) =>
    value === '' || pattern.test(value) ? null : message;

/**
 * The browser words `required` and `pattern` failures in its own language ("Please match the requested
 * format."), not ours (issue 13). Fields use these handlers instead of `pattern`: the check runs on every
 * input and the browser's bubble then shows our message; an empty required field says 请填写此项.
 */
export function useOurValidity() {
  const { t } = useTranslation();
  return (check?: ValueCheck) => {
    const apply = (field: Field) => {
      const problem = check?.(field.value.trim()) ?? null;
      field.setCustomValidity(problem ? t(`common.${problem}`) : '');
    };
    return {
      onInput: (event: FormEvent<Field>) => apply(event.currentTarget),
      onInvalid: (event: FormEvent<Field>) => {
        const field = event.currentTarget;
        apply(field);
        if (field.validity.valueMissing) field.setCustomValidity(t('common.requiredField'));
      },
      onBlur: (event: FormEvent<Field>) => apply(event.currentTarget),
    };
  };
}

type Validatable = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
const isValidatable = (target: EventTarget | null): target is Validatable =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

/** The app-wide messages: keys of `common` with their interpolation values. */
export type OurMessageKey =
  | 'common.requiredField'
  | 'common.numberFormat'
  | 'common.numberBetween'
  | 'common.numberAtLeast'
  | 'common.numberAtMost'
  | 'common.numberStep';
export type OurTranslate = (key: OurMessageKey, values?: Record<string, string>) => string;

/**
 * What the browser would say about a field in its own language, said in ours: an empty required field,
 * and a number field's bad input, range and step. Null when the field is fine (or fails a check of ours).
 */
export function ourMessage(field: Validatable, translate: OurTranslate): string | null {
  const { validity } = field;
  if (validity.valueMissing) return translate('common.requiredField');
  if (!(field instanceof HTMLInputElement) || field.type !== 'number') return null;
  if (validity.badInput) return translate('common.numberFormat');
  const { min, max, step } = field;
  if (validity.rangeUnderflow || validity.rangeOverflow) {
    if (min !== '' && max !== '') return translate('common.numberBetween', { min, max });
    return min !== ''
      ? translate('common.numberAtLeast', { min })
      : translate('common.numberAtMost', { max });
  }
  if (validity.stepMismatch) return translate('common.numberStep', { step: step || '1' });
  return null;
}

/**
 * Every field of the app, wherever it is, words its failures in the UI's language (issue 13): an empty
 * `required` field says 请填写此项, a number field out of range says 请填写 1 到 100 之间的数 — not the
 * browser's own words in the browser's language. Installed once at start.
 */
export function installOurMessages(translate: OurTranslate): () => void {
  const messages = new Set<string>();
  const onInvalid = (event: Event) => {
    const field = event.target;
    if (!isValidatable(field) || field.validity.customError) return;
    const message = ourMessage(field, translate);
    if (!message) return;
    messages.add(message);
    field.setCustomValidity(message);
  };
  const onEdit = (event: Event) => {
    const field = event.target;
    if (isValidatable(field) && field.validity.customError && messages.has(field.validationMessage)) {
      field.setCustomValidity('');
    }
  };
  document.addEventListener('invalid', onInvalid, true);
  document.addEventListener('input', onEdit, true);
  document.addEventListener('change', onEdit, true);
  return () => {
    document.removeEventListener('invalid', onInvalid, true);
    document.removeEventListener('input', onEdit, true);
    document.removeEventListener('change', onEdit, true);
  };
}
