/** What an inbound reply asks for or says, one label per reply (the corpus and the model use exactly these). */
export const REPLY_INTENTS = [
  'interested',
  'meeting_request',
  'pricing',
  'later',
  'not_interested',
  'unsubscribe',
  'out_of_office',
  'wrong_person',
  'question',
] as const;

export type ReplyIntent = (typeof REPLY_INTENTS)[number];

/** Narrows a string (a corpus label, a branch condition's value) to a {@link ReplyIntent}. */
export function isReplyIntent(value: string): value is ReplyIntent {
  return (REPLY_INTENTS as readonly string[]).includes(value);
}
