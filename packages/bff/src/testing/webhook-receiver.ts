import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface ReceivedWebhook {
  id: string;
  type: string;
  data: Record<string, unknown>;
  timestamp: string;
}

/**
 * The host's webhook receiver on loopback: verifies every request with the `standardwebhooks`
 * library (a bad signature answers 401 and is recorded as refused), keeps what it accepted, and
 * can be taken down and brought back on the same port.
 */
export async function startWebhookReceiver(secret: string) {
  const verifier = new Webhook(secret);
  const state = { accepted: [] as ReceivedWebhook[], refused: 0, status: 204 };
  let server: Server | null = null;
  let port = 0;
  const listen = async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k, String(v)]));
        try {
          const body = verifier.verify(Buffer.concat(chunks).toString('utf8'), headers) as Omit<ReceivedWebhook, 'id'>;
          if (state.status < 300) state.accepted.push({ id: headers['webhook-id']!, ...body });
          response.writeHead(state.status).end();
        } catch {
          state.refused++;
          response.writeHead(401).end();
        }
      });
    });
    await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
    port = (server!.address() as AddressInfo).port;
  };
  await listen();
  const down = () => new Promise<void>((resolve) => (server ? (server.closeAllConnections(), server.close(() => resolve())) : resolve()));
  return {
    url: `http://127.0.0.1:${port}/hooks/roster`,
    state,
    /** Stops listening: attempts meanwhile find nobody there. */
    down: async () => {
      await down();
      server = null;
    },
    up: listen,
    close: down,
  };
}
