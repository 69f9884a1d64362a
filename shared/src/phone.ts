/** Masks a phone number for viewers outside the owner's scope: 13800000001 → 138****0001. */
export function maskPhone(phone: string): string {
  const digits = phone.replace(/\s+/g, '');
  // Mobile numbers keep 3 + 4 digits; anything shorter keeps at most its last 2, with 4+ stars.
  if (digits.length >= 11) return `${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
  const kept = digits.length > 6 ? digits.slice(-2) : '';
  return `${'*'.repeat(Math.max(4, digits.length - kept.length))}${kept}`;
}
