import { ApplicationFailure } from '@temporalio/activity';
import { messageIdFor } from '@segflow/channels';
import { localDayKey, startOfNextLocalDay, type CommandResult } from '@segflow/playbook';
import type { DeliverTouchInput } from '@segflow/workflow-contracts';
import {
  findTouch,
  insertRefusedTouch,
  markTouchFailed,
  markTouchSent,
  queueTouch,
  rowsOf,
  type NewTouch,
  type Recipient,
  type TouchRow,
} from '@segflow/stores';
import type { Pool } from 'pg';
import {
  addressRefusal,
  isPermanentDeliveryFailure,
  refuseDelivery,
  type TouchProvider,
} from './playbook-touch-provider';

export interface PlaybookTouchDependencies {
  pool: Pool;
  provider: TouchProvider;
  /** Right-hand side of every touch's Message-ID (`EMAIL_FROM_DOMAIN`). */
  messageIdDomain: string;
}

/** Why the lead may not be sent to on this address (DESIGN invariant 4, checked again at send time), or null. */
function consentRefusal(channel: string, recipient: Recipient): string | null {
  if (!recipient.consented) return `no-consent:${channel}`;
  return recipient.suppressed ? `suppressed:${channel}` : null;
}

function newTouchOf({ runId, command }: DeliverTouchInput): NewTouch {
  return {
    runId,
    leadId: command.leadId,
    nodeId: command.nodeId,
    visit: command.visit,
    channel: command.channel,
    subject: command.subject,
    body: command.body,
    html: command.html ?? null,
    sender: command.sender,
  };
}

/** The recorded outcome of a touch that has one (sent, or refused for good), or null while it is queued or new. */
function outcomeOf(touch: TouchRow | null): CommandResult | null {
  if (touch?.status === 'sent') return { kind: 'ok' };
  if (touch?.status === 'failed') return { kind: 'failed', reason: touch.error ?? 'unknown' };
  return null;
}

/**
 * Delivers a touch at most once per (run, node, visit) (DESIGN invariants 3 and 10): the send intent (`queued`, with
 * its Message-ID and rendered content) is written before the provider is called, then marked `sent` or `failed`.
 * A slot of the lead's daily cap across runs is taken with the intent, or the touch is deferred (invariant 4); a touch
 * refused for its address is recorded failed (after its intent, when it had one), one refused for consent takes no slot.
 * A retry finds the queued row and sends it again under the same Message-ID (README, "Exactly once").
 */
export function createPlaybookTouchActivities({ pool, provider, messageIdDomain }: PlaybookTouchDependencies) {
  const key = ({ runId, command }: DeliverTouchInput) => ({ runId, nodeId: command.nodeId, visit: command.visit });
  const db = rowsOf(pool);

  /** Records a refusal (as a failed touch, or by failing the queued one) and throws it: non-retryable. */
  async function refuse(
    input: DeliverTouchInput,
    queued: TouchRow | null,
    error: string,
    deliveryStatus: 'failed' | 'suppressed',
    toAddress: string | null,
  ): Promise<never> {
    if (queued) await markTouchFailed(db, queued.id, error, deliveryStatus);
    else await insertRefusedTouch(db, newTouchOf(input), { error, deliveryStatus, toAddress });
    // Recorded first, so a retry or replay of this activity returns the recorded outcome without a second call.
    const recorded = outcomeOf(await findTouch(db, key(input)));
    throw refuseDelivery(recorded?.kind === 'failed' ? recorded.reason : error);
  }

  return {
    async deliverTouch(input: DeliverTouchInput): Promise<CommandResult> {
      const { command, slot } = input;
      const at = new Date(slot.now);
      // One statement on a first attempt, by far the common case: reads, the cap's slot and the send intent together.
      const queued = await queueTouch(db, newTouchOf(input), {
        messageId: messageIdFor(command.idempotencyKey, messageIdDomain),
        slot: { day: localDayKey(at, slot.timeZone), key: command.idempotencyKey, cap: slot.cap },
      });
      let touch = queued.touch;
      const done = outcomeOf(touch);
      if (done) return done;
      const { recipient } = queued;
      // The lead is gone: nothing to deliver to, and retrying will not bring it back.
      if (!recipient) throw ApplicationFailure.nonRetryable(`lead ${command.leadId} not found`, 'LeadNotFound');
      const to = touch?.toAddress ?? recipient.address;
      const badAddress = addressRefusal(command.channel, to);
      if (badAddress) return refuse(input, touch, badAddress, 'failed', to);
      // Also on a retry of a queued touch: an unsubscribe or bounce recorded meanwhile stops the resend.
      const noConsent = consentRefusal(command.channel, recipient);
      if (noConsent) return refuse(input, touch, noConsent, 'suppressed', to);
      if (!touch) {
        // The lead's day is full (across its runs): the touch waits, unrecorded, for the lead's next local day.
        if (!queued.slotHeld) return { kind: 'deferred', until: startOfNextLocalDay(at, slot.timeZone).toISOString() };
        // A concurrent attempt wrote the intent first: this one sends what that one recorded, or returns its outcome.
        touch = (await findTouch(db, key(input)))!;
        const raced = outcomeOf(touch);
        if (raced) return raced;
      }
      try {
        const sent = await provider.send({
          touchId: touch.id,
          leadId: command.leadId,
          idempotencyKey: command.idempotencyKey,
          messageId: touch.messageId!,
          channel: command.channel,
          to: touch.toAddress!,
          from: { name: command.sender.name, address: command.sender.address },
          subject: touch.subject,
          body: touch.body,
          html: touch.html,
          whatsappTemplate: command.whatsappTemplate ?? null,
        });
        if (await markTouchSent(db, touch.id, sent.providerMessageId)) return { kind: 'ok' };
      } catch (error) {
        // Transient: the row stays queued and Temporal retries the activity, which resends under the same Message-ID.
        if (!isPermanentDeliveryFailure(error)) throw error;
        return refuse(input, touch, error.message, 'failed', touch.toAddress);
      }
      return outcomeOf(await findTouch(db, key(input)))!;
    },
  };
}
