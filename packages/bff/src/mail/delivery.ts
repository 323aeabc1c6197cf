import type { Kysely } from 'kysely';
import type { DB } from '../db/types.ts';
import type { Env } from '../env.ts';
import { publicUrlOf } from '../server-settings.ts';
import { createOutboxWorker } from './outbox-worker.ts';
import { captureTransport, smtpTransport, type CaptureTransport } from './transports.ts';

/**
 * Email delivery as the settings ask for it: through SMTP_URL, or, without it, into the in-memory
 * demo mailbox (`mailbox`). Shared by the server and `npm run worker`.
 */
export function deliveryFromEnv(env: Env, deps: { db: Kysely<DB>; secret: string }) {
  const mailbox: CaptureTransport | null = env.SMTP_URL ? null : captureTransport();
  const transport = mailbox ?? smtpTransport(env.SMTP_URL!);
  const worker = createOutboxWorker({
    db: deps.db,
    transport,
    secret: deps.secret,
    publicUrl: publicUrlOf(env),
    from: env.MAIL_FROM,
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
