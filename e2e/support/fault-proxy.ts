import { createConnection, createServer, Socket } from 'node:net';

/** A TCP proxy to one upstream that a test can partition (cut every connection, reset new ones) and heal. */
export interface FaultProxy {
  /** host:port to give the client instead of the upstream's. */
  address: string;
  port: number;
  /** Cuts every open connection and resets new ones until {@link heal}. */
  partition(): void;
  heal(): void;
  close(): Promise<void>;
}

/**
 * Forwards 127.0.0.1:<free port> to `upstream` (host:port). A partition destroys both sides of every connection and
 * answers new ones with a reset, as a peer behind a broken link does once its keep-alives or a write fail; a silent
 * black hole would only add the client's own timeouts to the figures, not a different recovery path.
 */
export async function startFaultProxy(upstream: string): Promise<FaultProxy> {
  const [host, port] = splitAddressOrThrow(upstream);
  const open = new Set<Socket>();
  let partitioned = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const server = createServer((client) => {
    if (partitioned) return void client.resetAndDestroy();
    const server = createConnection({ host, port });
    track(client);
    track(server);
    client.pipe(server).pipe(client);
    // One side failing ends the other: the client sees the cut as the upstream's.
    client.on('error', () => server.destroy());
    server.on('error', () => client.destroy());
    client.on('close', () => server.destroy());
    server.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const listening = (server.address() as { port: number }).port;
  return {
    address: `127.0.0.1:${listening}`,
    port: listening,
    partition: () => {
      partitioned = true;
      for (const socket of open) socket.resetAndDestroy();
    },
    heal: () => {
      partitioned = false;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

function splitAddressOrThrow(address: string): [string, number] {
  const match = /^([^:]+):(\d+)$/.exec(address);
  if (!match) throw new Error(`upstream must be host:port, got "${address}"`);
  return [match[1]!, Number(match[2])];
}
