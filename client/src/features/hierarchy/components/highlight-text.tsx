import { normalizeQuery } from '../utils/filter-region-tree';

/** Wraps every case-insensitive occurrence of the query in <mark>. */
export function HighlightText({ text, query }: { text: string; query: string }) {
  const needle = normalizeQuery(query);
  if (!needle) return text;
  const haystack = text.toLocaleLowerCase();
  const parts: { text: string; isMatch: boolean; start: number }[] = [];
  let cursor = 0;
  let index = haystack.indexOf(needle);
  while (index !== -1) {
    if (index > cursor) parts.push({ text: text.slice(cursor, index), isMatch: false, start: cursor });
    parts.push({ text: text.slice(index, index + needle.length), isMatch: true, start: index });
    cursor = index + needle.length;
    index = haystack.indexOf(needle, cursor);
  }
  if (parts.length === 0) return text;
  if (cursor < text.length) parts.push({ text: text.slice(cursor), isMatch: false, start: cursor });
  return <>{parts.map((part) => (part.isMatch ? <mark key={part.start}>{part.text}</mark> : part.text))}</>;
}
