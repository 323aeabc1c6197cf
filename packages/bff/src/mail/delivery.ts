import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Env } from '../env.ts';
import { publicUrlOf } from '../server-settings.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { captureTransport, emailOffTransport, smtpTransport, type CaptureTransport } from './transports.ts';

/**
 * Email delivery as the settings ask for it: through SMTP_URL, or, without it, into the in-memory
 * demo mailbox (`mailbox`). Shared by the server and `npm run worker`.
 */
export function deliveryFromEnv(env: Env, deps: { db: Kysely<DB>; secret: string; production?: boolean }) {
  // Production never captures: without SMTP_URL it runs only with ROSTER_EMAIL=off (checked at start).
  const mailbox: CaptureTransport | null = env.SMTP_URL || deps.production ? null : captureTransport();
  const transport = mailbox ?? (env.SMTP_URL ? smtpTransport(env.SMTP_URL) : emailOffTransport());
  const worker = createOutboxWorker({
    db: deps.db,
    transport,
    secret: deps.secret,
    publicUrl: publicUrlOf(env),
    from: env.MAIL_FROM,
    webhookSecret: env.ROSTER_WEBHOOK_SECRET,
  });
  return {
    mailbox,
    worker,
    /** Finishes the email in flight, then closes the SMTP connections. */
    async stop() {
      await worker.stop();
      await transport.close();
    },
  };
}
