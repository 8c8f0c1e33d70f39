import { connect, type Socket } from 'node:net';

/** How long a connection may take before the send fails (transient, retried): nodemailer's own default. */
const CONNECTION_TIMEOUT_MS = 120_000;

type SocketCallback = (error: Error | null, socketOptions?: { connection: Socket }) => void;

/**
 * nodemailer's `getSocket`: the TCP connection to the relay, with Nagle's algorithm off. nodemailer writes a message
 * and the `.` that ends it as two writes; with Nagle on, the second waits for the relay's delayed ACK (40 ms on
 * Linux), so one connection sent at most ~22 messages a second (bench/email-send). TLS (`smtps://`, STARTTLS) is
 * still nodemailer's, on top of this socket. Calls back once; the connected socket carries none of these listeners,
 * since nodemailer then owns it (its own timeouts and errors).
 */
export function connectWithoutDelay(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: SocketCallback,
): void {
  // The provider always gives the port (connectionOf); 587 is nodemailer's own default.
  const { host, port = 587 } = options;
  const socket = connect({ host, port, noDelay: true });
  const settle = () => {
    socket.setTimeout(0);
    socket.removeListener('timeout', onTimeout);
    socket.removeListener('error', onError);
    socket.removeListener('connect', onConnect);
  };
  const onError = (error: Error) => {
    settle();
    socket.destroy();
    callback(error);
  };
  const onTimeout = () =>
    onError(Object.assign(new Error(`Connection to ${host}:${port} timed out`), { code: 'ETIMEDOUT' }));
  const onConnect = () => {
    settle();
    callback(null, { connection: socket });
  };
  socket.setTimeout(options.connectionTimeout ?? CONNECTION_TIMEOUT_MS);
  socket.once('timeout', onTimeout);
  socket.once('error', onError);
  socket.once('connect', onConnect);
}
