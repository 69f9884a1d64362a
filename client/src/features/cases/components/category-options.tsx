import type { Category } from '@gridgov/shared';
import { useTranslation } from 'react-i18next';
import { pickLocalized } from '@/lib/pick-localized';
import { groupReportableCategories } from '../utils/categories';

/** `<option>`s of the reportable (leaf) categories, grouped under their parents. */
export function CategoryOptions({ categories }: { categories: readonly Category[] }) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return groupReportableCategories(categories).map(({ parent, leaves }) => {
    const options = leaves.map((leaf) => (
      <option key={leaf.code} value={leaf.code}>
        {pickLocalized(language, leaf.name, leaf.nameEn)}
      </option>
    ));
    return parent ? (
      <optgroup key={parent.code} label={pickLocalized(language, parent.name, parent.nameEn)}>
        {options}
      </optgroup>
    ) : (
      options
    );
  });
}
