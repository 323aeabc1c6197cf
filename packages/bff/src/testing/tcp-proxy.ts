import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A loopback TCP proxy in front of PostgreSQL, so a test can take the database away from one app
 * (and give it back) without touching the server the other tests use.
 */
export interface TcpProxy {
  port: number;
  /** Like a crashed or restarting server: open connections reset, new ones refused. */
  cut(): Promise<void>;
  /** Like a hung server or a dead network: open connections reset, new ones accepted and never answered. */
  blackhole(): void;
  /** Forward again, on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'blackhole' = 'forward';
  let port = 0;
  let server: Server;

  const track = (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
  };
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = createServer((client) => {
        track(client);
        if (mode === 'blackhole') return; // read nothing, answer nothing
        const upstream = connect(target.port, target.host);
        track(upstream);
        client.pipe(upstream).pipe(client);
        client.once('close', () => upstream.destroy());
        upstream.once('close', () => client.destroy());
      });
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        port = (server.address() as AddressInfo).port;
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));
  const resetAll = () => {
    for (const socket of sockets) socket.resetAndDestroy();
  };

  await listen();
  return {
    get port() {
      return port;
    },
    async cut() {
      const closed = stopListening();
      resetAll();
      await closed;
    },
    blackhole() {
      mode = 'blackhole';
      resetAll();
    },
    async restore() {
      mode = 'forward';
      if (!server.listening) await listen();
    },
    async close() {
      resetAll();
      if (server.listening) await stopListening();
    },
  };
}
