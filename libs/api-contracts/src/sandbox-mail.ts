/**
 * A message the sandbox mailbox caught, as `GET /api/sandbox/mail` lists it.
 *
 * @example
 * const row: SandboxMailSummary = { id: '…', fromAddress: 'Segflow <sales@x.in>', toAddresses: 'asha@x.in', subject: 'Hi', receivedAt: '2025-12-01T10:00:00Z' };
 */
export interface SandboxMailSummary {
  id: string;
  fromAddress: string | null;
  toAddresses: string | null;
  subject: string | null;
  receivedAt: string;
}

/**
 * One caught message, parsed (`GET /api/sandbox/mail/:id`): `replyTo` is the bare Reply-To address, `headers` the
 * header lines in order as `[name, line]`.
 *
 * @example
 * mail.headers.find(([name]) => name === 'message-id')?.[1]; // 'Message-ID: <…@mail.segflow.local>'
 */
export interface SandboxMail extends SandboxMailSummary {
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageId: string | null;
  replyTo: string | null;
  text: string | null;
  html: string | null;
  headers: [string, string][];
}
