import type { ReplyIntent, ReplyLanguage } from '@segflow/intent';

/** Longest `text` `POST /api/intent/classify` takes (a reply; longer text is refused with 400, not cut). */
export const MAX_CLASSIFY_TEXT_CHARS = 5_000;

/** The channels a reply can come in on; `email` text has its quoted history stripped before it is classified. */
export const REPLY_CHANNELS = ['email', 'whatsapp', 'linkedin'] as const;

/** Body of `POST /api/intent/classify`. */
export interface ClassifyIntentRequest {
  text: string;
  channel?: (typeof REPLY_CHANNELS)[number];
}

/** What `POST /api/intent/classify` answers: the intent, the classifier's confidence (0–1) and the reply's language. */
export interface ClassifyIntentResponse {
  intent: ReplyIntent;
  confidence: number;
  language: ReplyLanguage;
}

/**
 * The intent ingest stores on a reply event with text (`properties.intent`), with the version of the model that
 * classified it; runs hear the same value with the event.
 */
export interface StoredReplyIntent extends ClassifyIntentResponse {
  model: string;
}

/**
 * Task type of the rep task a reply classified `unsubscribe` opens: the rep confirms with one click
 * (`POST /api/inbox/tasks/:id/confirm-unsubscribe`), which unsubscribes the lead from the reply's channel.
 */
export const CONFIRM_UNSUBSCRIBE_TASK_TYPE = 'confirm_unsubscribe';

/** What `POST /api/inbox/tasks/:id/confirm-unsubscribe` answers: the channel unsubscribed and the event recording it. */
export interface ConfirmUnsubscribeResponse {
  channel: (typeof REPLY_CHANNELS)[number];
  eventId: string;
}

/** Body of `POST /api/leads/:id/linkedin-replies`: a reply the lead wrote on LinkedIn, as the rep copied it. */
export interface LogLinkedInReplyRequest {
  text: string;
  /** When the lead wrote it (ISO instant); default now. */
  occurredAt?: string;
}

/** What `POST /api/leads/:id/linkedin-replies` answers: the `linkedin_reply` event and the intent ingest stored on it. */
export interface LoggedReply {
  eventId: string;
  intent: StoredReplyIntent | null;
}
