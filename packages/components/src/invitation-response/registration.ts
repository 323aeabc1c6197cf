import { msg } from '@lit/localize';
import type { Problem } from '@roster/shared';
import { failedPasswordChecks } from '@roster/shared/values';

/** What a new person types into the registration form. */
export interface RegistrationDraft {
  firstName: string;
  lastName: string;
  password: string;
  confirm: string;
  acceptTerms: boolean;
}

export type RegistrationField = keyof RegistrationDraft;

/** The message under each field that needs attention. */
export type FieldErrors = Partial<Record<RegistrationField, string>>;

/** The fields in the order they appear, so the first one with an error can be focused. */
export const REGISTRATION_FIELDS: readonly RegistrationField[] = ['firstName', 'lastName', 'password', 'confirm', 'acceptTerms'];

/** What is wrong with the draft before anything is sent; the password rule is the server's own. */
export function registrationErrors(draft: RegistrationDraft): FieldErrors {
  const errors: FieldErrors = {};
  if (!draft.firstName.trim()) errors.firstName = msg('Enter your first name.');
  if (!draft.lastName.trim()) errors.lastName = msg('Enter your last name.');
  if (failedPasswordChecks(draft.password).length > 0) errors.password = msg('The password does not meet every requirement in the list.');
  if (!draft.confirm) errors.confirm = msg('Enter the password again.');
  else if (draft.confirm !== draft.password) errors.confirm = msg('The passwords do not match.');
  if (!draft.acceptTerms) errors.acceptTerms = msg('Accept the terms of use to join.');
  return errors;
}

/**
 * The server's per-field refusals (`registration.password`, …) placed under the fields they name.
 * Anything it says about another path is returned apart, to be shown for the whole form.
 */
export function serverFieldErrors(problem: Problem | undefined): { fields: FieldErrors; other: string[] } {
  const fields: FieldErrors = {};
  const other: string[] = [];
  for (const { path, message } of problem?.errors ?? []) {
    const field = path.replace(/^registration\./, '') as RegistrationField;
    if (REGISTRATION_FIELDS.includes(field) && field !== 'confirm') fields[field] = message;
    else other.push(message);
  }
  return { fields, other };
}
