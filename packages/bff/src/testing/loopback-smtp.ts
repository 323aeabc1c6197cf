import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMessage {
  /** RCPT TO addresses. */
  to: string[];
  /** The whole message as sent (headers and MIME body); parse it with mailparser. */
  raw: Buffer;
}

export interface LoopbackSmtp {
  /** `smtp://127.0.0.1:<port>`. */
  url: string;
  port: number;
  received: ReceivedMessage[];
  close(): Promise<void>;
}

export interface LoopbackSmtpOptions {
  /** Listen there (to come back on the same address after a pause); any free port by default. */
  port?: number;
  /** An SMTP reply code to refuse this recipient with (e.g. 550), or nothing to accept it. */
  refuseRecipient?: (address: string) => number | undefined;
  /** Awaited before a message's DATA is acknowledged, e.g. to hold a send in flight. */
  beforeAccept?: () => Promise<void>;
}

/** A real SMTP server on the loopback interface, for tests and the bench: no TLS, no login. */
export async function startLoopbackSmtp(options: LoopbackSmtpOptions = {}): Promise<LoopbackSmtp> {
  const received: ReceivedMessage[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    // Closing drops clients at once, like a server going down, instead of waiting 30 s for them.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      const code = options.refuseRecipient?.(address.address);
      if (!code) return callback();
      callback(Object.assign(new Error(`Mailbox ${address.address} refused`), { responseCode: code }));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        void (options.beforeAccept?.() ?? Promise.resolve()).then(() => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks) });
          callback();
        });
      });
    },
  });
  await new Promise<void>((listening, failed) => {
    server.server.once('error', failed);
    server.listen(options.port ?? 0, '127.0.0.1', () => listening());
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    received,
    close: () => new Promise<void>((closed) => server.close(() => closed())),
  };
}
