import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { connectWithoutDelay } from './smtp-socket';

type Outcome = { error: Error | null; connection?: Socket; remotePort?: number };

function connectOnce(options: Parameters<typeof connectWithoutDelay>[0]): Promise<Outcome[]> {
  return new Promise((resolve) => {
    const outcomes: Outcome[] = [];
    connectWithoutDelay(options, (error, socketOptions) => {
      const connection = socketOptions?.connection;
      outcomes.push({ error, connection, remotePort: connection?.remotePort });
      // Give a second call, if any, the chance to arrive before resolving.
      setTimeout(() => resolve(outcomes), 50);
    });
  });
}

describe('connectWithoutDelay (nodemailer getSocket)', () => {
  let server: Server;
  let port: number;
  beforeEach(async () => {
    server = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('hands over a connected socket once, carrying none of its own listeners', async () => {
    const outcomes = await connectOnce({ host: '127.0.0.1', port, connectionTimeout: 20 });
    expect(outcomes).toHaveLength(1);
    const [{ error, connection, remotePort }] = outcomes as [Outcome];
    expect(error).toBeNull();
    expect(remotePort).toBe(port);
    // nodemailer owns the socket now: a later idle timeout or error must not reach this helper's callback again.
    expect(['timeout', 'error', 'connect'].map((event) => connection!.listenerCount(event))).toEqual([0, 0, 0]);
    connection!.destroy();
  });

  it('calls back once with the error when nothing listens', async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const outcomes = await connectOnce({ host: '127.0.0.1', port });
    expect(outcomes).toHaveLength(1);
    expect((outcomes[0]!.error as NodeJS.ErrnoException).code).toBe('ECONNREFUSED');
  });
});
