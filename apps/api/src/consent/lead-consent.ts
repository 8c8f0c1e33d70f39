import type { AuditActor } from '@segflow/api-contracts';
import type { Consent, FieldIssue, LeadInput } from '@segflow/scoring';
import {
  recordAuditEntries,
  recordOptIns as grantOptIns,
  recordOptOuts,
  type OptOutRow,
  type UpsertedLeadRow,
} from '@segflow/stores';
import type { EntityManager } from 'typeorm';

/** How far in the future an opt-in's `at` may be (client clocks drift); later ones are refused. */
export const OPT_IN_MAX_FUTURE_SKEW_MS = 5 * 60_000;

/** Issues of an item's opt-ins that need the clock: an `at` further in the future than the skew allows. */
export function optInIssues(lead: LeadInput, now: Date): FieldIssue[] {
  return (lead.optIns ?? []).flatMap((optIn, i) =>
    Date.parse(optIn.at) > now.getTime() + OPT_IN_MAX_FUTURE_SKEW_MS
      ? [
          {
            field: `optIns.${i}.at`,
            reason: `is in the future (more than ${OPT_IN_MAX_FUTURE_SKEW_MS / 60_000} minutes ahead of the server clock)`,
          },
        ]
      : [],
  );
}

/**
 * The warnings of an upserted item: its refused opt-ins, and its `consent` flags that asked to re-grant a channel the
 * lead opted out of (kept false; `stored` is the consent the upsert left, before opt-ins) unless one of its opt-ins
 * did re-grant that channel.
 */
export function consentWarnings(
  lead: LeadInput,
  stored: Partial<Consent>,
  refusedOptIns: readonly FieldIssue[],
): FieldIssue[] {
  const regranted = new Set(
    (lead.optIns ?? [])
      .filter((_, i) => !refusedOptIns.some((w) => w.field === `optIns.${i}.at`))
      .map((o) => o.channel),
  );
  const requested: Partial<Consent> = lead.consent ?? {};
  const refusedFlags = (Object.keys(requested) as (keyof Consent)[])
    .filter((channel) => requested[channel] && stored[channel] === false && !regranted.has(channel))
    .map((channel) => ({
      field: `consent.${channel}`,
      reason: 'kept false: the lead opted out; only an optIns entry later than the opt-out re-grants',
    }));
  return [...refusedFlags, ...refusedOptIns];
}

/** One opt-in of one item, for {@link recordOptIns}. */
export interface OptInRow {
  itemIndex: number;
  optInIndex: number;
  leadId: string;
  channel: string;
  at: string;
  source: string;
}

/**
 * Records the opt-ins later than their channel's latest opt-out (see the store's recordOptIns); warnings for the others.
 * In the upsert's transaction, after it locked the leads.
 */
export async function recordOptIns(
  manager: EntityManager,
  optIns: readonly OptInRow[],
  actor: AuditActor,
): Promise<Map<number, FieldIssue[]>> {
  const warnings = new Map<number, FieldIssue[]>();
  if (!optIns.length) return warnings;
  const rows = optIns.map((o, index) => ({ index, lead_id: o.leadId, channel: o.channel, at: o.at, source: o.source }));
  const granted = await grantOptIns(manager, rows);
  await recordAuditEntries(
    manager,
    rows
      .filter((r) => granted.has(r.index))
      .map((r) => ({
        actor,
        action: 'lead.consentChanged',
        entityType: 'lead',
        entityId: r.lead_id,
        after: { channel: r.channel, granted: true, source: r.source },
      })),
  );
  optIns.forEach((o, index) => {
    if (granted.has(index)) return;
    const list = warnings.get(o.itemIndex) ?? [];
    list.push({
      field: `optIns.${o.optInIndex}.at`,
      reason: `not later than the lead's latest ${o.channel} opt-out; consent stays false`,
    });
    warnings.set(o.itemIndex, list);
  });
  return warnings;
}

/**
 * The opt-outs an upsert made: a `consent` flag set to false on a known lead whose channel was on before. Recorded like
 * an unsubscribe (consent_changes, address suppressed), so a later import cannot re-grant it either.
 */
export function withdrawnConsents(
  written: readonly UpsertedLeadRow[],
  inputs: ReadonlyMap<string, LeadInput>,
  now: Date,
): OptOutRow[] {
  return written.flatMap((row) => {
    const requested: Partial<Consent> = inputs.get(row.external_id)?.consent ?? {};
    if (row.inserted || !row.prior_consent) return [];
    return (Object.keys(requested) as (keyof Consent)[])
      .filter((channel) => requested[channel] === false && row.prior_consent![channel] !== false)
      .map((channel) => ({ source: 'api:leads', lead_id: row.id, channel, occurred_at: now.toISOString() }));
  });
}

/** Records {@link withdrawnConsents} in the upsert's transaction, after it locked the leads. */
export async function recordWithdrawnConsents(
  manager: EntityManager,
  written: readonly UpsertedLeadRow[],
  inputs: ReadonlyMap<string, LeadInput>,
  now: Date,
  actor: AuditActor,
): Promise<void> {
  const optOuts = withdrawnConsents(written, inputs, now);
  await recordOptOuts(manager, optOuts);
  await recordAuditEntries(
    manager,
    optOuts.map((o) => ({
      actor,
      action: 'lead.consentChanged',
      entityType: 'lead',
      entityId: o.lead_id,
      after: { channel: o.channel, granted: false, source: o.source },
    })),
  );
}
