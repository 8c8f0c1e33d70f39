import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { SMTPServer } = require('smtp-server');

/**
 * An SMTP server on a free local port that accepts every message and drops it: where workers under test send email
 * when the spec does not look at it. Plain SMTP, no auth (127.0.0.1 only). `onMessageId` hears each accepted
 * message's Message-ID header (for counting what a provider received, e.g. duplicates under faults).
 */
export async function startSmtpSink({ onMessageId } = {}) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      let head = '';
      stream.on('data', (chunk) => {
        if (onMessageId && !head.includes('\r\n\r\n')) head += chunk;
      });
      stream.on('end', () => {
        const id = /^message-id:\s*(\S+)/im.exec(head.split('\r\n\r\n')[0])?.[1];
        if (onMessageId && id) onMessageId(id);
        callback();
      });
    },
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.server.address();
  return { url: `smtp://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}
