// A guard for issue 12 item 5: text typed by people must never be parsed as HTML. React escapes what it
// renders; the ways around it are the DOM's HTML setters and Leaflet, which sets a string tooltip or
// popup with innerHTML. This reads the client's source and fails on any of them, so a new one is a
// deliberate choice made here (with createTextContent from features/map/lib/text-content.ts for Leaflet).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..');

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listSources(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** DOM and React ways of turning a string into markup. */
const HTML_SETTERS =
  /\.innerHTML\s*=|\.outerHTML\s*=|insertAdjacentHTML|dangerouslySetInnerHTML|document\.write|srcdoc/i;
/** Leaflet calls that take HTML strings; their content must be built by createTextContent. */
const LEAFLET_CONTENT =
  /\.(bindTooltip|bindPopup|setContent|setTooltipContent|setPopupContent)\(\s*([^\n]{0,80})/g;

function findHtmlSinks(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, index) => {
    if (HTML_SETTERS.test(line)) found.push(`${index + 1}: ${line.trim()}`);
  });
  for (const match of source.matchAll(LEAFLET_CONTENT)) {
    const argument = match[2]!.trim();
    const isText = /^(\(\)\s*=>\s*)?createTextContent\(/.test(argument);
    if (!isText) found.push(`${match[1]}(${argument}`);
  }
  if (/\bdivIcon\(/.test(source) && /\bhtml\s*:/.test(source)) found.push('divIcon with html');
  return found;
}

describe('HTML sinks in the client', () => {
  it('when the client source is read, then no string reaches innerHTML and Leaflet content is built as text', () => {
    const offenders = listSources(SRC).flatMap((file) =>
      findHtmlSinks(readFileSync(file, 'utf8')).map((sink) => `${relative(SRC, file)} ${sink}`),
    );
    expect(offenders).toEqual([]);
  });

  it('when a file sets innerHTML or gives Leaflet a string, then the guard names it', () => {
    expect(findHtmlSinks('node.innerHTML = name;')).toHaveLength(1);
    expect(findHtmlSinks("layer.bindTooltip(() => t('dashboard.hover', { name }));")).toHaveLength(1);
    expect(findHtmlSinks('badge.bindTooltip(describe(count));')).toHaveLength(1);
    expect(findHtmlSinks('<div dangerouslySetInnerHTML={{ __html: name }} />')).toHaveLength(1);
    expect(findHtmlSinks('layer.bindTooltip(() => createTextContent(describe(id)), {')).toEqual([]);
    expect(findHtmlSinks('badge.bindTooltip(createTextContent(label));')).toEqual([]);
  });
});
