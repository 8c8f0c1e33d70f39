/**
 * The outbox is the seam between what the API commits and what Temporal must learn: rows are written in the
 * same transaction as the change they describe and delivered afterwards by the dispatcher, so a crash between
 * commit and delivery only delays delivery (the next dispatcher pass picks the row up).
 */
export type OutboxMessage =
  | {
      kind: 'segment_entered';
      payload: { leadId: string; segmentId: string; membershipId: string; enteredAt: string; triggerEventId: string | null };
    }
  | {
      kind: 'segment_left';
      payload: { leadId: string; segmentId: string; membershipId: string; leftAt: string; reason: string };
    }
  | {
      /** A run whose row a request wrote (manual or segment-member enrolment): its workflow is started. */
      kind: 'run_start';
      payload: { leadId: string; runId: string };
    }
  | {
      /** A new lead: its intake workflow is started. */
      kind: 'lead_intake';
      payload: { leadId: string };
    }
  | {
      kind: 'lead_event';
      payload: {
        leadId: string;
        eventId: string;
        type: string;
        occurredAt: string;
        channel: string | null;
        replyTo: { touchId?: string; providerMessageId?: string } | null;
        properties: Record<string, unknown>;
      };
    };

export type OutboxKind = OutboxMessage['kind'];
