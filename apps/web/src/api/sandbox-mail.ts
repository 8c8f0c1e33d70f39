import { requestJson } from './http';

/** A message the sandbox mailbox caught, as `GET /api/sandbox/mail` lists it. */
export interface SandboxMailSummary {
  id: string;
  fromAddress: string | null;
  toAddresses: string | null;
  subject: string | null;
  receivedAt: string;
}

/** One caught message, parsed (`GET /api/sandbox/mail/:id`). */
export interface SandboxMail extends SandboxMailSummary {
  envelopeFrom: string | null;
  envelopeTo: string[];
  messageId: string | null;
  replyTo: string | null;
  text: string | null;
  html: string | null;
  headers: [string, string][];
}

export const SANDBOX_MAIL_PAGE_SIZE = 50;

export const listSandboxMail = (offset: number) =>
  requestJson<SandboxMailSummary[]>(`/api/sandbox/mail?limit=${SANDBOX_MAIL_PAGE_SIZE}&offset=${offset}`);
export const getSandboxMail = (id: string) => requestJson<SandboxMail>(`/api/sandbox/mail/${encodeURIComponent(id)}`);
export const replyAsLead = (id: string, text: string) =>
  requestJson<{ messageId: string }>(`/api/sandbox/mail/${encodeURIComponent(id)}/reply`, { method: 'POST', body: { text } });
