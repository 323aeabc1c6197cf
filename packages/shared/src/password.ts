/**
 * The password rule, shared so the screen's live checklist and the server agree exactly.
 * Each check has a stable id the screen translates.
 */
export const PASSWORD_CHECKS = [
  { id: 'length', test: (p: string) => p.length >= 8 },
  { id: 'lower', test: (p: string) => /\p{Ll}/u.test(p) },
  { id: 'upper', test: (p: string) => /\p{Lu}/u.test(p) },
  { id: 'digit', test: (p: string) => /\d/.test(p) },
  { id: 'special', test: (p: string) => /[^\p{L}\d]/u.test(p) },
] as const;
export type PasswordCheckId = (typeof PASSWORD_CHECKS)[number]['id'];

export function failedPasswordChecks(password: string): PasswordCheckId[] {
  return PASSWORD_CHECKS.filter((check) => !check.test(password)).map((check) => check.id);
}
