import { z } from 'zod';
import { AUDIT_ACTIONS } from './values.ts';

export const AuditAction = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditAction>;

export const AuditQuerySchema = z.object({
  userId: z.uuid().optional(),
  action: AuditAction.optional(),
  cursor: z
    .string()
    .regex(/^[1-9]\d{0,17}$/, 'must be a cursor this endpoint gave')
    .optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
});
export type AuditQuery = z.input<typeof AuditQuerySchema>;

const PersonRef = z.object({ id: z.string(), name: z.string(), email: z.string() });

export const AuditEventSchema = z.object({
  id: z.string(),
  action: AuditAction,
  /** ISO 8601. */
  at: z.string(),
  /** Who did it; null when their identity is gone. The invitee is the actor of accept and decline. */
  actor: PersonRef.nullable(),
  /** To whom. */
  subject: PersonRef.nullable(),
  /** What changed, by action: e.g. `groupsBefore` / `groupsAfter` for a groups change. */
  data: z.record(z.string(), z.unknown()),
});
export type AuditEvent = z.infer<typeof AuditEventSchema>;

export const AuditPageSchema = z.object({
  items: z.array(AuditEventSchema),
  nextCursor: z.string().nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
