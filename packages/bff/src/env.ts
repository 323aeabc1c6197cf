import { z } from 'zod';
import { WEBHOOK_SECRET_PATTERN } from './mail/webhook-transport.ts';

/** The server's settings (README "Settings"), parsed once at start so a bad one stops it at once. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
  /** `off` behind a pooler that cannot keep prepared statements (PgBouncer before 1.21 in transaction mode). */
  ROSTER_PREPARED_STATEMENTS: z.enum(['on', 'off']).default('on'),
  ROSTER_DATA_DIR: z.string().min(1).default('.roster-data'),
  ROSTER_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Base of invitation links; defaults to http://localhost:$PORT. */
  ROSTER_PUBLIC_URL: z.url().optional(),
  /** Real SMTP delivery (e.g. smtp://user:pass@mail.example:587) when set; else the demo mailbox. */
  SMTP_URL: z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL').optional(),
  /** The From of every email; defaults to "Roster <no-reply@host of the public URL>". */
  MAIL_FROM: z
    .string()
    .regex(/^[^\r\n]+@[^\r\n]+$/, 'must be an address, e.g. "Acme <no-reply@acme.example>"')
    .optional(),
  /** `off` when separate `npm run worker` processes deliver the emails instead of the server. */
  ROSTER_OUTBOX_WORKER: z.enum(['on', 'off']).default('on'),
  /**
   * How many proxies of the host's own stand in front of the server, whose X-Forwarded-For and
   * X-Forwarded-Proto are believed: `false` (default), `true` (one) or a count.
   */
  ROSTER_TRUST_PROXY: z
    .string()
    .regex(/^(true|false|\d)$/, 'must be true, false or the number of proxies (0-9)')
    .default('false')
    .transform((value) => (value === 'true' ? 1 : value === 'false' ? 0 : Number(value))),
  /** `always`: Secure cookies whatever the request says; `auto` (default): when it came over https. */
  ROSTER_SECURE_COOKIES: z.enum(['auto', 'always']).default('auto'),
  /** Host sign-in (README "Host sign-in"): bearer JWTs verified against this key set. */
  ROSTER_JWT_JWKS_URL: z.url().optional(),
  ROSTER_JWT_ISSUER: z.string().min(1).optional(),
  ROSTER_JWT_AUDIENCE: z.string().min(1).optional(),
  ROSTER_JWT_EMAIL_CLAIM: z.string().min(1).default('email'),
  ROSTER_JWT_CREATE_USERS: z.enum(['on', 'off']).default('off'),
  /** Opens the service API (`/api/service/*`) to `Authorization: Bearer <this>`. */
  ROSTER_SERVICE_TOKEN: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Membership events are posted here, signed with ROSTER_WEBHOOK_SECRET. */
  ROSTER_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  ROSTER_WEBHOOK_SECRET: z.string().regex(WEBHOOK_SECRET_PATTERN, 'must be whsec_ followed by base64 (at least 16 bytes)').optional(),
  /** `off`: production without email, on purpose (emails are dropped, not queued forever). */
  ROSTER_EMAIL: z.enum(['on', 'off']).default('on'),
  /** Production only: also serve the element bundles (`/assets/*`) and the invitee page (`/invite/<token>`). */
  ROSTER_SERVE_ELEMENTS: z.enum(['on', 'off']).default('off'),
}).superRefine((env, ctx) => {
  if (env.ROSTER_JWT_JWKS_URL && (!env.ROSTER_JWT_ISSUER || !env.ROSTER_JWT_AUDIENCE)) {
    ctx.addIssue({ code: 'custom', path: ['ROSTER_JWT_JWKS_URL'], message: 'needs ROSTER_JWT_ISSUER and ROSTER_JWT_AUDIENCE too' });
  }
  if (env.ROSTER_WEBHOOK_URL && !env.ROSTER_WEBHOOK_SECRET) {
    ctx.addIssue({ code: 'custom', path: ['ROSTER_WEBHOOK_URL'], message: 'needs ROSTER_WEBHOOK_SECRET (whsec_…) to sign the webhooks' });
  }
});
export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty variables count as unset, as in most shells' `FOO= cmd`.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
  const result = EnvSchema.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid settings:\n${lines.join('\n')}`);
  }
  return result.data;
}
