import type {
  SandboxAnswerOutcome,
  SandboxAnswerRequest,
  SandboxConversation,
  SandboxMessage,
} from '@segflow/api-contracts';
import { requestJson } from './http';

const base = '/api/sandbox/whatsapp/conversations';

export function listSandboxConversations(): Promise<SandboxConversation[]> {
  return requestJson<SandboxConversation[]>(base);
}

/** Opens a conversation: the sandbox marks delivered messages read (and tells our webhook). */
export function openSandboxConversation(phone: string): Promise<SandboxMessage[]> {
  return requestJson<SandboxMessage[]>(`${base}/${encodeURIComponent(phone)}`);
}

export function answerAsLead(phone: string, text: string, contextWamid: string | null): Promise<SandboxAnswerOutcome> {
  return requestJson<SandboxAnswerOutcome>(`${base}/${encodeURIComponent(phone)}/messages`, {
    method: 'POST',
    body: { text, contextWamid } satisfies SandboxAnswerRequest,
  });
}
