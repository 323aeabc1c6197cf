import { z } from 'zod';
import { invitationLink, invitationToken } from '../../invitations/invitation-link.ts';
import type { EmailKind, InvitationEmailPayload, RemovalEmailPayload } from '../outbox.queries.ts';
import type { Catalog, InvitationDetails } from './catalog.ts';
import { en } from './en.ts';
import { fr } from './fr.ts';
import { renderLayout, type RenderedEmail } from './layout.ts';

/** Every language emails are written in; any other display language gets English. */
const CATALOGS = new Map<string, Catalog>([
  ['en', en],
  ['fr', fr],
]);

/** `fr`, `fr-CA` and `FR_ca` all read French; unknown or empty locales read English. */
export function catalogFor(locale: string): Catalog {
  const language = locale.split(/[-_]/)[0]!.toLowerCase();
  return CATALOGS.get(language) ?? en;
}

// The payload is jsonb written by enqueueEmail; checked again here so a malformed row fails
// loudly (and goes dead) instead of sending an email with "undefined" in it.
const InvitationPayloadSchema = z.object({
  invitationId: z.uuid(),
  linkVersion: z.number().int().min(1),
  firstName: z.string(),
  accountName: z.string(),
  inviterName: z.string(),
  expiresAt: z.iso.datetime({ offset: true }),
}) satisfies z.ZodType<InvitationEmailPayload>;

const RemovalPayloadSchema = z.object({
  firstName: z.string(),
  accountName: z.string(),
  groupNames: z.array(z.string()),
}) satisfies z.ZodType<RemovalEmailPayload>;

export interface LinkSettings {
  /** Signs invitation links: the same secret as the BFF's. */
  secret: string;
  /** Base of invitation links. */
  publicUrl: string;
}

/** An outbox row as written, in its recipient's language. Throws when the row cannot be an email. */
export function renderEmail(row: { kind: string; locale: string; payload: unknown }, links: LinkSettings): RenderedEmail {
  const catalog = catalogFor(row.locale);
  const kind = row.kind as EmailKind;
  switch (kind) {
    case 'invitation':
    case 'invitation-resent':
    case 'invitation-renewed': {
      const payload = parsePayload(InvitationPayloadSchema, row);
      const details: InvitationDetails = {
        ...payload,
        link: invitationLink(links.publicUrl, invitationToken(links.secret, payload.invitationId, payload.linkVersion)),
        expires: formatExpiry(payload.expiresAt, catalog.lang),
      };
      return renderLayout(catalog[kind](details), catalog.lang);
    }
    case 'user-removed':
      return renderLayout(catalog[kind](parsePayload(RemovalPayloadSchema, row)), catalog.lang);
    default: {
      const unknown: never = kind;
      throw new Error(`Unknown email kind "${String(unknown)}"`);
    }
  }
}

function parsePayload<T>(schema: z.ZodType<T>, row: { kind: string; payload: unknown }): T {
  const result = schema.safeParse(row.payload);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'payload'}: ${issue.message}`);
  throw new Error(`Malformed ${row.kind} payload (${problems.join('; ')})`);
}

/** We do not know the recipient's time zone, so the expiry is given in UTC and says so. */
function formatExpiry(iso: string, lang: string): string {
  const when = new Intl.DateTimeFormat(lang, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' });
  return `${when.format(new Date(iso))} UTC`;
}
