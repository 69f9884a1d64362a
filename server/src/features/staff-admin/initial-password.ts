import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: the admin reads the password out or writes it on paper for the new colleague.
const LOWER = 'abcdefghijkmnpqrstuvwxyz';
const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const DIGITS = '23456789';
const ALL = LOWER + UPPER + DIGITS;

const pick = (alphabet: string) => alphabet[randomInt(alphabet.length)]!;

/** A random 12-character password with upper, lower case and digits (~70 bits). */
export function generateInitialPassword(): string {
  const chars = [pick(LOWER), pick(UPPER), pick(DIGITS)];
  while (chars.length < 12) chars.push(pick(ALL));
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** Days an imported person has to activate their account before an admin must reset it. */
export const ACTIVATION_DAYS = 30;
// Crockford base32: no I, L, O or U to misread.
const CODE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A one-time activation code such as `K7QM-3XPA-9TRW` (60 random bits). */
export function generateActivationCode(): string {
  const chars = Array.from({ length: 12 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4, 8).join('')}-${chars.slice(8).join('')}`;
}
