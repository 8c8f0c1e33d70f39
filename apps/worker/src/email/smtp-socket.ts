import { connect, type Socket } from 'node:net';

/** How long a connection may take before the send fails (transient, retried): nodemailer's own default. */
const CONNECTION_TIMEOUT_MS = 120_000;

type SocketCallback = (error: Error | null, socketOptions?: { connection: Socket }) => void;

/**
 * nodemailer's `getSocket`: the TCP connection to the relay, with Nagle's algorithm off. nodemailer writes a message
 * and the `.` that ends it as two writes; with Nagle on, the second waits for the relay's delayed ACK (40 ms on
 * Linux), so one connection sent at most ~22 messages a second (bench/email-send). TLS (`smtps://`, STARTTLS) is
 * still nodemailer's, on top of this socket.
 */
export function connectWithoutDelay(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: SocketCallback,
): void {
  // The provider always gives the port (connectionOf); 587 is nodemailer's own default.
  const socket = connect({ host: options.host, port: options.port ?? 587, noDelay: true });
  const fail = (error: Error) => {
    socket.destroy();
    callback(error);
  };
  socket.setTimeout(options.connectionTimeout ?? CONNECTION_TIMEOUT_MS, () =>
    fail(Object.assign(new Error(`Connection to ${options.host}:${options.port} timed out`), { code: 'ETIMEDOUT' })),
  );
  socket.once('error', fail);
  socket.once('connect', () => {
    socket.setTimeout(0);
    socket.removeListener('error', fail);
    callback(null, { connection: socket });
  });
}
