import { useId } from 'react';
import { useTranslation } from 'react-i18next';

type TreeSearchProps = { value: string; onChange: (value: string) => void };

export function TreeSearch({ value, onChange }: TreeSearchProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    // biome-ignore lint/a11y/useSemanticElements: <search> is unknown to older WebViews (and to jsdom); the role is equivalent
    <form className="tree-search" role="search" onSubmit={(event) => event.preventDefault()}>
      <label htmlFor={id}>{t('hierarchy.searchLabel')}</label>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={t('hierarchy.searchPlaceholder')}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
      />
    </form>
  );
}
