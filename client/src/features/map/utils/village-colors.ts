/** Muted, mutually distinct fills that read on a light background and under a red selection outline. */
export const VILLAGE_PALETTE = [
  '#4e79a7',
  '#59a14f',
  '#e1a23b',
  '#8cd17d',
  '#b07aa1',
  '#76b7b2',
  '#9c755f',
  '#f1ce63',
  '#86bcb6',
  '#d37295',
  '#a0cbe8',
  '#bab0ac',
] as const;

/**
 * Same village code → same colour, in every scope and session. Codes are numeric in practice
 * (administrative division codes), so consecutive villages — usually neighbours — get different colours.
 */
export function pickVillageColor(villageCode: string): string {
  const trailingDigits = /(\d{1,6})$/.exec(villageCode)?.[1];
  const index = trailingDigits ? Number(trailingDigits) : hashString(villageCode);
  return VILLAGE_PALETTE[index % VILLAGE_PALETTE.length] ?? VILLAGE_PALETTE[0];
}

/** FNV-1a, enough to spread non-numeric codes over the palette. */
function hashString(value: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < value.length; i += 1) {
    hash ^= value.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
