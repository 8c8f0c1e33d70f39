import type { MessagePort } from 'node:worker_threads';
import { Client } from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { TRAINING_LEADS_COPY, type TrainingLeadsMessage } from './training-leads';

/**
 * Reads {@link TRAINING_LEADS_COPY} on a connection of its own and forwards the raw bytes to `port` as they arrive,
 * so the query runs while the worker thread is still starting. The bytes are not decoded here: the API's event loop
 * only moves ~64 KB chunks. Never rejects: a failure is posted to the worker, which fails the retrain with it.
 */
export async function sendTrainingLeads(databaseUrl: string, port: MessagePort): Promise<void> {
  const client = new Client({ connectionString: databaseUrl });
  const post = (message: TrainingLeadsMessage, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);
  try {
    await client.connect();
    for await (const chunk of client.query(copyTo(TRAINING_LEADS_COPY)) as AsyncIterable<Buffer>) {
      // A chunk may be a view of a larger buffer, which a structured clone would copy whole: copy the view, move that.
      const bytes = new Uint8Array(chunk);
      post({ chunk: bytes }, [bytes.buffer]);
    }
    post({ end: true });
  } catch (error) {
    post({ error: (error as Error).message });
  } finally {
    await client.end().catch(() => undefined);
    port.close();
  }
}
