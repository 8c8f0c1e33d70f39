import {
  insertReplyTasks,
  lockThreadedTouches,
  recordAuditEntries,
  recordHardBounces,
  recordOptOuts,
  SYSTEM_ACTOR,
  updateDeliveryStatuses,
} from '@segflow/stores';
import type { EntityManager } from 'typeorm';
import { eventEffectsOf, foldTouchStatuses, type LeadEvent, type TouchSignal } from './event-effects';
import { unsubscribeRequestsOf } from './unsubscribe-requests';

/**
 * In the flush's transaction, after its lead locks: unsubscribes update the lead's consent, record the change and
 * suppress the address; hard bounces suppress the email address; events threaded to a touch of their lead move its
 * delivery status forward; replies classified `unsubscribe` open a task asking the rep to confirm. A flush without
 * such events (most of them) issues no statement.
 */
export async function applyEventEffects(manager: EntityManager, events: readonly LeadEvent[]): Promise<void> {
  const { optOuts, hardBounces, touchSignals } = eventEffectsOf(events);
  await recordOptOuts(manager, optOuts);
  // A flush groups events of many callers: the change is the system's, and `source` names the event that asked.
  await recordAuditEntries(
    manager,
    optOuts.map((o) => ({
      actor: SYSTEM_ACTOR,
      action: 'lead.consentChanged',
      entityType: 'lead',
      entityId: o.lead_id,
      after: { channel: o.channel, granted: false, source: o.source },
    })),
  );
  await recordHardBounces(manager, hardBounces);
  if (touchSignals.length) await advanceTouches(manager, touchSignals);
  await insertReplyTasks(manager, unsubscribeRequestsOf(events));
}

async function advanceTouches(manager: EntityManager, signals: TouchSignal[]): Promise<void> {
  const locked = await lockThreadedTouches(
    manager,
    signals.map((s) => s.touchId),
    signals.map((s) => s.leadId),
  );
  const leadOf = new Map(locked.map((t) => [t.id, t.lead_id]));
  // An event names a touch of another lead: ignored (a forged or mistaken replyTo must not move someone else's touch).
  const own = signals.filter((s) => leadOf.get(s.touchId) === s.leadId);
  const updates = foldTouchStatuses(new Map(locked.map((t) => [t.id, t.delivery_status])), own);
  if (updates.length) await updateDeliveryStatuses(manager, updates);
}
