import { connect, createServer, Server } from 'node:net';
import { FaultProxy, startFaultProxy } from './fault-proxy';

/** Connects to `port` and resolves with the first reply to `message`, or with the error/close that came instead. */
function exchange(port: number, message: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(message));
    socket.once('data', (data) => {
      resolve(`reply:${data}`);
      socket.destroy();
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(`error:${error.code}`));
    socket.once('close', () => resolve('closed'));
  });
}

describe('startFaultProxy', () => {
  let upstream: Server;
  let proxy: FaultProxy;
  beforeAll(async () => {
    // A partition resets the proxy's upstream connections too: the upstream hears ECONNRESET.
    upstream = createServer((socket) =>
      socket.on('data', (data) => socket.write(`echo ${data}`)).on('error', () => {}),
    );
    await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
    proxy = await startFaultProxy(`127.0.0.1:${(upstream.address() as { port: number }).port}`);
  });
  afterAll(async () => {
    await proxy?.close();
    await new Promise((resolve) => upstream?.close(resolve));
  });

  it('forwards both ways', async () => {
    expect(await exchange(proxy.port, 'hi')).toBe('reply:echo hi');
  });

  it('a partition cuts open connections and resets new ones; healing lets new ones through', async () => {
    const open = connect(proxy.port, '127.0.0.1');
    await new Promise((resolve) => open.once('connect', resolve));
    const cut = new Promise((resolve) => open.once('close', resolve));
    open.on('error', () => {});
    await new Promise((resolve) => setTimeout(resolve, 50));

    proxy.partition();
    await cut;
    expect(open.destroyed).toBe(true);
    expect(await exchange(proxy.port, 'hi')).toMatch(/^(error:ECONNRESET|closed)$/);

    proxy.heal();
    expect(await exchange(proxy.port, 'again')).toBe('reply:echo again');
  });

  it('refuses an upstream that is not host:port', async () => {
    await expect(startFaultProxy('localhost')).rejects.toThrow('upstream must be host:port, got "localhost"');
  });
});
