import { useTranslation } from 'react-i18next';

/** Characters as the server counts them: after trimming (the shared schemas trim, then check the length). */
export function countCharacters(value: string): number {
  return value.trim().length;
}

export function isOverLimit(value: string, max: number): boolean {
  return countCharacters(value) > max;
}

type CharacterCountProps = { id: string; value: string; max: number };

/**
 * "1,980/2,000" under a long text field (issue 13). The field has no maxLength: a paste is not cut
 * silently; the count turns red and says how much to remove, and the form refuses to send it.
 * Link it to the field with aria-describedby; only going over the limit is announced.
 */
export function CharacterCount({ id, value, max }: CharacterCountProps) {
  const { t, i18n } = useTranslation();
  const count = countCharacters(value);
  const format = (n: number) => new Intl.NumberFormat(i18n.language).format(n);
  const isOver = count > max;
  return (
    <p id={id} className="char-count" data-over={isOver}>
      {isOver ? (
        <span role="alert">
          {t('common.charCountOver', { count: format(count), max: format(max), over: format(count - max) })}
        </span>
      ) : (
        t('common.charCount', { count: format(count), max: format(max) })
      )}
    </p>
  );
}
