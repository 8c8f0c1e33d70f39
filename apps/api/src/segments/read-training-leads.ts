import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { TRAINING_LEADS_COPY } from '@segflow/stores';
import { TrainingLeadsDecoder, type TrainingLeads } from './training-leads';

/**
 * Every lead's feature vector at `now` and current segment, read by TRAINING_LEADS_COPY (libs/stores) on a connection of
 * its own and decoded chunk by chunk as the bytes arrive. Runs in the retrain worker thread: the decode is ~0.6 s of
 * CPU per 100k leads, which must not land on the API's event loop.
 */
export async function readTrainingLeads(databaseUrl: string, now: Date): Promise<TrainingLeads> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const decoder = new TrainingLeadsDecoder(now);
    for await (const chunk of client.query(copyTo(TRAINING_LEADS_COPY.sql)) as AsyncIterable<Buffer>)
      decoder.push(chunk);
    return decoder.finish();
  } finally {
    await client.end();
  }
}
