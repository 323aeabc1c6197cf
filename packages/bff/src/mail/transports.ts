import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  /** `<…>`, the same on every attempt of one outbox row. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** Where the outbox worker hands emails: SMTP, or the demo's in-memory mailbox. */
export interface MailTransport {
  /** Resolves once the email is accepted; rejects when it was not. */
  send(email: OutgoingEmail): Promise<void>;
  close(): Promise<void>;
}

/**
 * SMTP through nodemailer, on a small pool of reused connections. The timeouts are short so a hung
 * server fails the attempt (and the worker retries later) well before the worker's lease runs out.
 */
export function smtpTransport(smtpUrl: string): MailTransport {
  const transporter = nodemailer.createTransport({
    url: smtpUrl,
    pool: true,
    maxConnections: 5,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(email) {
      await transporter.sendMail(email);
    },
    async close() {
      transporter.close();
    },
  };
}

/**
 * Whether the receiving server refused this recipient or this message for good (a 5xx answer to
 * RCPT TO or DATA): sending it again cannot help. A 5xx elsewhere (a refused login or sender) is a
 * setting of ours that someone can fix, so those attempts are retried like any other failure.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const { permanent, command } = (error ?? {}) as { permanent?: unknown; command?: unknown };
  return permanent === true && (command === 'RCPT TO' || command === 'DATA');
}

export interface CapturedEmail {
  /** The Message-ID. */
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  /** ISO 8601. */
  sentAt: string;
}

export interface CaptureTransport extends MailTransport {
  /** Newest first. */
  list(): CapturedEmail[];
}

/**
 * The demo's mailbox: without SMTP_URL, emails are kept in memory (the newest `limit` of them) for
 * the demo page and `GET /demo/mailbox.json`, so invitations can be followed without a mail server.
 */
export function captureTransport(options: { limit?: number; now?: () => Date } = {}): CaptureTransport {
  const limit = options.limit ?? 200;
  const now = options.now ?? (() => new Date());
  let captured: CapturedEmail[] = [];
  return {
    async send(email) {
      const { messageId: id, to, subject, text, html } = email;
      captured = [{ id, to, subject, text, html, sentAt: now().toISOString() }, ...captured].slice(0, limit);
    },
    async close() {},
    list: () => captured,
  };
}

/**
 * ROSTER_EMAIL=off: the host sends no email on purpose (it tells people itself, e.g. from the
 * webhooks). Emails are settled as sent without leaving, so the outbox does not grow forever.
 */
export function emailOffTransport(): MailTransport {
  return { async send() {}, async close() {} };
}
