/** Chinese is the source language; English names (a category's `nameEn`, a field's `labelEn`) are shown only when English is chosen. */
export function pickLocalized(language: string, zh: string, en: string): string {
  return language.startsWith('en') && en.trim() !== '' ? en : zh;
}
