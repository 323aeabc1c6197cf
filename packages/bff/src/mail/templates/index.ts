import { invitationLink, invitationToken } from '../../invitations/invitation-link.ts';
import { readOutboxEmail } from '../emails.ts';
import type { Catalog, InvitationDetails } from './catalog.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { renderLayout, type RenderedEmail } from './layout.ts';

/** Every language emails are written in (every display language of LOCALES); any other gets English. */
const CATALOGS = new Map<string, Catalog>([
  ['en', en],
  ['fr', fr],
  ['de', de],
  ['es', es],
]);

/** `fr`, `fr-CA` and `FR_ca` all read French; unknown or empty locales read English. */
export function catalogFor(locale: string): Catalog {
  const language = locale.split(/[-_]/)[0]!.toLowerCase();
  return CATALOGS.get(language) ?? en;
}

export interface LinkSettings {
  /** Signs invitation links: the same secret as the BFF's. */
  secret: string;
  /** Base of invitation links. */
  publicUrl: string;
}

/** An outbox row as written, in its recipient's language. Throws when the row cannot be an email. */
export function renderEmail(row: { kind: string; locale: string; payload: unknown }, links: LinkSettings): RenderedEmail {
  const catalog = catalogFor(row.locale);
  const email = readOutboxEmail(row);
  switch (email.kind) {
    case 'invitation':
    case 'invitation-resent':
    case 'invitation-renewed': {
      const { payload } = email;
      const details: InvitationDetails = {
        ...payload,
        link: invitationLink(links.publicUrl, invitationToken(links.secret, payload.invitationId, payload.linkVersion, 'emailed')),
        expires: formatExpiry(payload.expiresAt, catalog.lang),
      };
      return renderLayout(catalog[email.kind](details), catalog.lang);
    }
    case 'user-removed':
      return renderLayout(catalog[email.kind](email.payload), catalog.lang);
    case 'user-blocked':
    case 'user-unblocked':
      return renderLayout(catalog[email.kind](email.payload), catalog.lang);
  }
}

/** We do not know the recipient's time zone, so the expiry is given in UTC and says so. */
function formatExpiry(iso: string, lang: string): string {
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return `${when.format(new Date(iso))} UTC`;
}
