/** 0.8234 → "82.3%"; null (nothing to divide) → null, shown as a dash. */
export function formatRate(rate: number | null): string | null {
  return rate === null ? null : `${(rate * 100).toFixed(1)}%`;
}

export function formatHours(hours: number | null): string | null {
  return hours === null ? null : hours.toFixed(1);
}
