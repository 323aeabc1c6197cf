import { z } from 'zod';

/** The server's settings (README "Settings"), parsed once at start so a bad one stops it at once. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(8787),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// connection string')
    .optional(),
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
