import { requestJson } from './http';

/** A number the WhatsApp sandbox talked to. */
export interface SandboxConversation {
  phone: string;
  leadName: string | null;
  messages: number;
  lastAt: string;
}

/** One message of a sandbox conversation; `status` is what the sandbox reported to our webhook. */
export interface SandboxMessage {
  wamid: string;
  phone: string;
  direction: 'outbound' | 'inbound';
  type: 'text' | 'template';
  body: string;
  contextWamid: string | null;
  status: 'accepted' | 'sent' | 'delivered' | 'read' | 'received';
  createdAt: string;
}

/** What our webhook made of an answer: events stored, and ids it could not match to a lead. */
export interface SandboxAnswerOutcome {
  events: number;
  unmatched: string[];
}

const base = '/api/sandbox/whatsapp/conversations';

export function listSandboxConversations(): Promise<SandboxConversation[]> {
  return requestJson<SandboxConversation[]>(base);
}

/** Opens a conversation: the sandbox marks delivered messages read (and tells our webhook). */
export function openSandboxConversation(phone: string): Promise<SandboxMessage[]> {
  return requestJson<SandboxMessage[]>(`${base}/${encodeURIComponent(phone)}`);
}

export function answerAsLead(phone: string, text: string, contextWamid: string | null): Promise<SandboxAnswerOutcome> {
  return requestJson<SandboxAnswerOutcome>(`${base}/${encodeURIComponent(phone)}/messages`, { method: 'POST', body: { text, contextWamid } });
}
