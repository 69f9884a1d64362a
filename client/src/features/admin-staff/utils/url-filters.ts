import { useSearchParams } from 'react-router';

/** String filters kept in the URL; `page` resets whenever another filter changes. */
export function useUrlFilters<K extends string>(
  keys: readonly K[],
  defaults: Partial<Record<K, string>> = {},
) {
  const [params, setParams] = useSearchParams();
  const values = Object.fromEntries(keys.map((k) => [k, params.get(k) ?? defaults[k] ?? ''])) as Record<
    K,
    string
  >;
  function update(changes: Partial<Record<K | 'page', string>>) {
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!('page' in changes)) next.delete('page');
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, String(value));
        else next.delete(key);
      }
      return next;
    });
  }
  const page = Math.max(1, Number(params.get('page')) || 1);
  return { values, page, update };
}
