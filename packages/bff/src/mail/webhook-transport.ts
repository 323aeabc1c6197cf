import { createHmac } from 'node:crypto';

/** One webhook attempt as the outbox worker hands it over. */
export interface OutgoingWebhook {
  url: string;
  /** `webhook-id`: the same on every attempt of one event, so the receiver can drop repeats. */
  id: string;
  /** The JSON body, exactly as signed. */
  body: string;
}

export interface WebhookTransport {
  /** Resolves once the receiver answered 2xx; rejects otherwise (the worker retries). */
  send(webhook: OutgoingWebhook): Promise<void>;
}

/** `whsec_<base64>`, as the Standard Webhooks specification writes secrets. */
export const WEBHOOK_SECRET_PATTERN = /^whsec_[A-Za-z0-9+/]{22,}={0,2}$/;

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">` under the secret's bytes (Standard Webhooks). */
export function signWebhook(secret: string, id: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

/**
 * Posts signed webhooks. The timestamp is the attempt's (receivers refuse old ones as replays), and
 * the timeout is short so a hung receiver fails the attempt well inside the worker's lease.
 */
export function webhookTransport(options: { secret: string; now?: () => Date; timeoutMs?: number }): WebhookTransport {
  if (!WEBHOOK_SECRET_PATTERN.test(options.secret)) throw new Error('The webhook secret must look like whsec_<base64>');
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.timeoutMs ?? 10_000;
  return {
    async send(webhook) {
      const timestamp = Math.floor(now().getTime() / 1000);
      const response = await fetch(webhook.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'webhook-id': webhook.id,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': signWebhook(options.secret, webhook.id, timestamp, webhook.body),
        },
        body: webhook.body,
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      });
      // Drained so the connection can be reused; the answer's body is never needed.
      await response.arrayBuffer().catch(() => undefined);
      if (response.status < 200 || response.status > 299) throw new Error(`The webhook receiver answered ${response.status}`);
    },
  };
}
