/** A number the WhatsApp sandbox talked to (`GET /api/sandbox/whatsapp/conversations`). */
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
  template: Record<string, unknown> | null;
  contextWamid: string | null;
  callbackData: string | null;
  status: 'accepted' | 'sent' | 'delivered' | 'read' | 'received';
  createdAt: string;
}

/** Body of `POST /api/sandbox/whatsapp/conversations/:phone/messages`: answer as the lead, optionally to a message. */
export interface SandboxAnswerRequest {
  text: string;
  contextWamid: string | null;
}

/** What our webhook made of an answer: events stored, ids it could not match, payload entries it could not read. */
export interface SandboxAnswerOutcome {
  events: number;
  unmatched: string[];
  unreadable: number;
}
