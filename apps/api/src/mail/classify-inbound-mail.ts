import type { HeaderValue, Headers } from 'mailparser';

/** What came back: a person's reply, an automatic answer (RFC 3834) or a delivery status notification (RFC 3464). */
export type InboundMailClass =
  | { kind: 'reply' }
  /** A request to stop email, sent to the `mailto:` of List-Unsubscribe (RFC 2369): subject `unsubscribe`. */
  | { kind: 'opt_out' }
  | { kind: 'auto_reply'; reason: string }
  | { kind: 'bounce'; bounceType: 'hard' | 'soft'; status: string; recipient: string | null };

const OUT_OF_OFFICE_SUBJECT =
  /^(auto(matic)?[ -]?(reply|response)|out of (the )?office|ooo\b|away from (the )?office|on leave|vacation reply|abwesenheit|réponse automatique)/i;

/**
 * Classifies a parsed inbound message. `raw` is its source: mailparser inlines a DSN's `message/delivery-status`
 * part into the text, so the status fields are read from the source instead.
 *
 * @example
 * classifyInboundMail(headers, 'Out of office: back Monday', raw); // { kind: 'auto_reply', reason: 'subject' }
 */
export function classifyInboundMail(headers: Headers, subject: string, raw: string): InboundMailClass {
  const bounce = deliveryStatusOf(headers, raw);
  if (bounce) return bounce;
  const reason = autoReplyReasonOf(headers, subject);
  return reason ? { kind: 'auto_reply', reason } : { kind: 'reply' };
}

/**
 * Whether a message answering a touch's reply address is the `mailto:` unsubscribe of its List-Unsubscribe header
 * (subject `unsubscribe`, as mail clients send it; `Re:` kept out: a person replying is not unsubscribing).
 */
export function isUnsubscribeRequest(classified: InboundMailClass, subject: string): boolean {
  return classified.kind === 'reply' && subject.trim().toLowerCase() === 'unsubscribe';
}

function deliveryStatusOf(headers: Headers, raw: string): InboundMailClass | null {
  const type = headers.get('content-type');
  const isReport = isStructured(type) && type.value.toLowerCase() === 'multipart/report';
  if (!isReport || String(type.params['report-type'] ?? '').toLowerCase() !== 'delivery-status') return null;
  // The first per-recipient Status that failed (5) or was delayed (4); a 2.x.x "delivered" report is no bounce.
  const status = /^Status:\s*([45])\.(\d{1,3})\.(\d{1,3})/im.exec(raw);
  if (!status) return null;
  const recipient = /^Final-Recipient:\s*rfc822;\s*(\S+)/im.exec(raw)?.[1] ?? null;
  return {
    kind: 'bounce',
    bounceType: status[1] === '5' ? 'hard' : 'soft',
    status: `${status[1]}.${status[2]}.${status[3]}`,
    recipient,
  };
}

/** Why a message is an automatic answer (the header that says so), or null for a person's message. */
function autoReplyReasonOf(headers: Headers, subject: string): string | null {
  const autoSubmitted = textOf(headers.get('auto-submitted')).toLowerCase();
  if (autoSubmitted && autoSubmitted.split(';')[0]!.trim() !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  if (headers.has('x-autoreply')) return 'X-Autoreply';
  if (headers.has('x-autorespond')) return 'X-Autorespond';
  const precedence = textOf(headers.get('precedence')).toLowerCase().trim();
  if (['auto_reply', 'bulk', 'junk'].includes(precedence)) return `Precedence: ${precedence}`;
  if (OUT_OF_OFFICE_SUBJECT.test(subject.trim())) return 'subject';
  return null;
}

function isStructured(value: HeaderValue | undefined): value is { value: string; params: Record<string, string> } {
  return typeof value === 'object' && value !== null && 'value' in value && 'params' in value;
}

function textOf(value: HeaderValue | undefined): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (isStructured(value)) return value.value;
  return String(value);
}
