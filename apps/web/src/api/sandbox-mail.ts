import { queryString, type PageQuery, type SandboxMail, type SandboxMailSummary } from '@segflow/api-contracts';
import { requestJson } from './http';

export const SANDBOX_MAIL_PAGE_SIZE = 50;

export const listSandboxMail = (offset: number) =>
  requestJson<SandboxMailSummary[]>(
    `/api/sandbox/mail${queryString<PageQuery>({ limit: SANDBOX_MAIL_PAGE_SIZE, offset })}`,
  );
export const getSandboxMail = (id: string) => requestJson<SandboxMail>(`/api/sandbox/mail/${encodeURIComponent(id)}`);
export const replyAsLead = (id: string, text: string) =>
  requestJson<{ messageId: string }>(`/api/sandbox/mail/${encodeURIComponent(id)}/reply`, {
    method: 'POST',
    body: { text },
  });
