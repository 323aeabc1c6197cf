import type { AccessEmailPayload, InvitationEmail, RemovalEmailPayload } from '../emails.ts';
import type { EmailContent } from './layout.ts';

/** An invitation email's payload plus what the worker adds at send time. */
export interface InvitationDetails extends Omit<InvitationEmail['payload'], never> {
  /** Built from the public URL and the secret: tokens are never stored. */
  link: string;
  /** The expiry, already written out in the recipient's language. */
  expires: string;
}

/** One language's words for every email kind. */
export interface Catalog {
  /** BCP 47 language tag, for dates and `<html lang>`. */
  lang: string;
  invitation(details: InvitationDetails): EmailContent;
  'invitation-resent'(details: InvitationDetails): EmailContent;
  'invitation-renewed'(details: InvitationDetails): EmailContent;
  'user-removed'(payload: RemovalEmailPayload): EmailContent;
  'user-blocked'(payload: AccessEmailPayload): EmailContent;
  'user-unblocked'(payload: AccessEmailPayload): EmailContent;
}
