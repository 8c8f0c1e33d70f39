import { ApplicationFailure } from '@temporalio/activity';
import type { CommandResult } from '@segflow/playbook';
import type { DeliverTouchInput } from '@segflow/workflow-contracts';
import type { Pool } from 'pg';
import { isPermanentDeliveryFailure, refuseDelivery, type TouchProvider } from './playbook-touch-provider';

type Lead = { email: string | null; phone: string | null; consent: Record<string, boolean> | null };

async function existingResult(pool: Pool, { runId, command }: DeliverTouchInput): Promise<CommandResult | null> {
  const { rows } = await pool.query<{ status: string; error: string | null }>(
    'SELECT status, error FROM touches WHERE run_id = $1 AND node_id = $2 AND visit = $3',
    [runId, command.nodeId, command.visit],
  );
  const row = rows[0];
  if (!row) return null;
  return row.status === 'sent' ? { kind: 'ok' } : { kind: 'failed', reason: row.error ?? 'unknown' };
}

function addressOf(lead: Lead, channel: 'email' | 'whatsapp'): string | null {
  return channel === 'email' ? lead.email : lead.phone;
}

async function recordTouch(pool: Pool, input: DeliverTouchInput, outcome: { providerMessageId: string | null; error: string | null }): Promise<void> {
  const { runId, command } = input;
  await pool.query(
    `INSERT INTO touches (run_id, lead_id, node_id, visit, channel, subject, body, sender, status, error, provider_message_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT (run_id, node_id, visit) DO NOTHING`,
    [runId, command.leadId, command.nodeId, command.visit, command.channel, command.subject, command.body,
      JSON.stringify(command.sender), outcome.error ? 'failed' : 'sent', outcome.error, outcome.providerMessageId],
  );
}

/** Delivers a touch at most once per (run, node, visit): DESIGN invariant 3, checked before the provider is called. */
export function createPlaybookTouchActivities({ pool, provider }: { pool: Pool; provider: TouchProvider }) {
  return {
    async deliverTouch(input: DeliverTouchInput): Promise<CommandResult> {
      const done = await existingResult(pool, input);
      if (done) return done;
      const { rows } = await pool.query<Lead>('SELECT email, phone, consent FROM leads WHERE id = $1', [input.command.leadId]);
      const lead = rows[0];
      // The lead is gone: nothing to deliver to, and retrying will not bring it back.
      if (!lead) throw ApplicationFailure.nonRetryable(`lead ${input.command.leadId} not found`, 'LeadNotFound');
      const { channel } = input.command;
      // Invariant 4 is also checked here: the run's snapshot of the lead may predate an unsubscribe.
      if (lead.consent?.[channel] === false) {
        await recordTouch(pool, input, { providerMessageId: null, error: `no-consent:${channel}` });
        return { kind: 'failed', reason: `no-consent:${channel}` };
      }
      try {
        const { sender } = input.command;
        const sent = await provider.send({
          idempotencyKey: input.command.idempotencyKey, leadId: input.command.leadId, channel, to: addressOf(lead, channel),
          from: { name: sender.name, address: sender.address }, subject: input.command.subject, body: input.command.body,
          ...(input.command.whatsappTemplate ? { whatsappTemplate: input.command.whatsappTemplate } : {}),
        });
        await recordTouch(pool, input, { providerMessageId: sent.providerMessageId, error: null });
      } catch (error) {
        if (!isPermanentDeliveryFailure(error)) throw error;
        // Recorded first, so a retry or replay of this activity returns the same failure without a second call.
        await recordTouch(pool, input, { providerMessageId: null, error: error.message });
      }
      const result = (await existingResult(pool, input))!;
      // A refusal fails the activity for good (visible in the run's history); the workflow routes it per onFailure.
      if (result.kind === 'failed') throw refuseDelivery(result.reason);
      return result;
    },
  };
}
