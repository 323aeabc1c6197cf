/**
 * Dates and numbers in the viewer's locale and time zone. `undefined` as locale means "the browser's",
 * and no `timeZone` means the viewer's own. Formatters are cached because tables format many cells.
 */
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const numberFormat = new Intl.NumberFormat();
const relativeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'always' });

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatDate(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatNumber(value: number): string {
  return numberFormat.format(value);
}

/** "Sales, Support and Finance", in the viewer's language. */
export function formatList(items: readonly string[]): string {
  return new Intl.ListFormat(undefined, { type: 'conjunction' }).format(items);
}

/** "in 3 days" for a future instant; partial days count as a whole day (expires in 1 day, not 0). */
export function formatDaysFromNow(iso: string, now = Date.now()): string {
  const days = Math.max(1, Math.ceil((new Date(iso).getTime() - now) / DAY_MS));
  return relativeFormat.format(days, 'day');
}

/** "First Last", or the email when the person gave no name. */
export function fullName(person: { firstName: string; lastName: string; email: string }): string {
  return `${person.firstName} ${person.lastName}`.trim() || person.email;
}
