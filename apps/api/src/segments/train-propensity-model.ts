import type {
  EventInput,
  PropensityModel,
  PropensityNotTrained,
  SegmentEntryHistory,
  TrainPropensityOptions,
} from '@segflow/scoring';
import { listClosedSegmentEntries, listEventsOfLeads, rowsOf, type LeadHistoryEventRow } from '@segflow/stores';
import { Client } from 'pg';
import { fitInputOf } from '@segflow/scoring/features';
import type { PropensityJob } from './retrain-job';

const DAY_MS = 86_400_000;

// A stored event back as the EventInput it was ingested as (ingest keeps every other field in `data`).
const eventInputOf = (row: LeadHistoryEventRow): EventInput =>
  ({
    ...row.data,
    eventId: row.event_id,
    leadExternalId: '',
    type: row.type,
    occurredAt: row.occurred_at.toISOString(),
  }) as EventInput;

/**
 * Trains the conversion propensity model (libs/scoring trainPropensity) on the latest `maxEntries` segment entries
 * whose horizon had ended by `now`, each lead's features recomputed from its events as they stood at the entry; the
 * per-segment figures are for `segmentModel` (the one just built). Runs in the retrain worker thread, on a connection
 * of its own.
 */
export async function trainPropensityModel(
  databaseUrl: string,
  job: PropensityJob,
  now: Date,
  segmentModel: TrainPropensityOptions['segmentModel'],
): Promise<PropensityModel | PropensityNotTrained> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const db = rowsOf(client);
    const enteredBy = new Date(now.getTime() - job.label.horizonDays * DAY_MS);
    const entries = await listClosedSegmentEntries(db, { enteredBy, limit: job.maxEntries });
    const leadIds = [...new Set(entries.map((e) => e.lead_id))];
    const eventsOf = new Map<string, EventInput[]>();
    for (const row of leadIds.length ? await listEventsOfLeads(db, leadIds, now) : []) {
      const events = eventsOf.get(row.lead_id) ?? [];
      if (!events.length) eventsOf.set(row.lead_id, events);
      events.push(eventInputOf(row));
    }
    const histories = entries.map((e): SegmentEntryHistory => ({
      segmentId: e.segment_id,
      at: e.entered_at,
      lead: fitInputOf(e),
      events: eventsOf.get(e.lead_id) ?? [],
    }));
    // Loaded only now, like the training code: libs/scoring's main entry brings zod and the event schemas.
    const { labelSegmentEntries, trainPropensity } = await import('@segflow/scoring');
    const samples = labelSegmentEntries(histories, job.label, now, job.featureOptions);
    return trainPropensity(samples, { label: job.label, calibration: job.calibration, segmentModel });
  } finally {
    await client.end();
  }
}
