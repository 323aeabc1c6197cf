import { getLocale } from './locale.ts';

/**
 * Dates, numbers, lists and plurals in the language the elements speak (`getLocale()`, see
 * `locale.ts`) and the viewer's own time zone (no `timeZone`). The formatters are kept (until the
 * language changes) because tables format many cells.
 */
let formatters: ReturnType<typeof makeFormatters> | undefined;

function makeFormatters(locale: string) {
  return {
    locale,
    date: new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }),
    dateTime: new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }),
    number: new Intl.NumberFormat(locale),
    relative: new Intl.RelativeTimeFormat(locale, { numeric: 'always' }),
    list: new Intl.ListFormat(locale, { type: 'conjunction' }),
    plural: new Intl.PluralRules(locale),
  };
}

function format() {
  const locale = getLocale();
  return formatters?.locale === locale ? formatters : (formatters = makeFormatters(locale));
}

const DAY_MS = 24 * 60 * 60 * 1000;

export function formatDate(iso: string): string {
  return format().date.format(new Date(iso));
}

export function formatDateTime(iso: string): string {
  return format().dateTime.format(new Date(iso));
}

export function formatNumber(value: number): string {
  return format().number.format(value);
}

/** "Sales, Support and Finance", in the viewer's language. */
export function formatList(items: readonly string[]): string {
  return format().list.format(items);
}

/** "in 3 days" for a future instant; partial days count as a whole day (expires in 1 day, not 0). */
export function formatDaysFromNow(iso: string, now = Date.now()): string {
  const days = Math.max(1, Math.ceil((new Date(iso).getTime() - now) / DAY_MS));
  return format().relative.format(days, 'day');
}

/** "in 5 minutes": `value` of `unit` from now, in the viewer's language. */
export function formatRelative(value: number, unit: Intl.RelativeTimeFormatUnit): string {
  return format().relative.format(value, unit);
}

/**
 * The singular or plural message for `count`, by the language's own rule: French says "0 compte" where
 * English says "0 accounts". Both are messages (so the `one` one carries the number where the
 * language may use it for counts other than 1). English, French, German and Spanish need no more
 * forms than these two; a language that does (Polish, Arabic) would add them here.
 */
export function plural<T>(count: number, one: T, other: T): T {
  return format().plural.select(count) === 'one' ? one : other;
}

/** "First Last", or the email when the person gave no name. */
export function fullName(person: { firstName: string; lastName: string; email: string }): string {
  return `${person.firstName} ${person.lastName}`.trim() || person.email;
}
