import { z } from 'zod';

// A person's own password (issue 13): the rule both the forms and the server apply, changing it,
// and activating an imported account with its one-time code.

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'needs_letter_and_digit'
  | 'contains_username'
  | 'contains_phone'
  | 'too_common';

// Passwords people reach for first; the demo password too (it is printed in the README).
const COMMON = ['password', 'qwerty', '123456', 'abc123', 'admin', 'gridgov', 'woaini', 'iloveyou'];

/** Every way a new password breaks the rule (empty when it is fine). */
export function findPasswordProblems(
  password: string,
  context: { username?: string; phone?: string } = {},
): PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  if (password.length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (password.length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password) || !/\p{Nd}/u.test(password)) problems.push('needs_letter_and_digit');
  const lower = password.toLowerCase();
  if (context.username && context.username.length >= 3 && lower.includes(context.username.toLowerCase())) {
    problems.push('contains_username');
  }
  const digits = context.phone?.replace(/\D/g, '') ?? '';
  if (digits.length >= 7 && password.replace(/\D/g, '').includes(digits.slice(-7)))
    problems.push('contains_phone');
  if (COMMON.some((word) => lower.replace(/[^a-z]/g, '').startsWith(word) && lower.length < 16)) {
    problems.push('too_common');
  }
  return problems;
}

const passwordField = z.string().min(1).max(256);

export const changePasswordSchema = z.object({
  currentPassword: passwordField,
  newPassword: passwordField,
});
export type ChangePasswordInput = z.infer<typeof changePasswordSchema>;

export const changePasswordResultSchema = z.object({
  /** Sessions on other devices that were ended. */
  endedSessions: z.number().int().nonnegative(),
});

/** Activation codes look like `K7QM-3XPA-9TRW`: 12 characters of Crockford base32. */
export const ACTIVATION_CODE_PATTERN = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/** What people type: case, spaces and missing dashes do not matter; I, L and O read as 1, 1 and 0. */
export function normaliseActivationCode(input: string): string {
  const plain = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return plain.length === 12 ? `${plain.slice(0, 4)}-${plain.slice(4, 8)}-${plain.slice(8)}` : plain;
}

export const activateAccountSchema = z.object({
  username: z.string().trim().min(1).max(64),
  code: z.string().trim().min(1).max(40),
  newPassword: passwordField,
});
export type ActivateAccountInput = z.infer<typeof activateAccountSchema>;

/** One line of the one-time activation sheet an import hands to the admin. */
export const activationSheetRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  username: z.string(),
  code: z.string(),
});
export type ActivationSheetRow = z.infer<typeof activationSheetRowSchema>;
