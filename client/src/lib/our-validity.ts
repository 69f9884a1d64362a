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

/**
 * Every `required` field of the app, wherever it is, says 请填写此项 (or its English) when left empty,
 * instead of the browser's own words in the browser's language (issue 13). Installed once at start.
 */
export function installRequiredMessage(translate: (key: 'common.requiredField') => string): () => void {
  const messages = new Set<string>();
  const onInvalid = (event: Event) => {
    const field = event.target;
    if (!isValidatable(field) || !field.validity.valueMissing || field.validity.customError) return;
    const message = translate('common.requiredField');
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
