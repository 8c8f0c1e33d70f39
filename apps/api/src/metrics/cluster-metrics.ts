import cluster from 'node:cluster';
import { AggregatorRegistry } from 'prom-client';
import { processRegistry } from './process-metrics';

// API_REPLICAS processes share one port, so a scrape reaches one of them at random: each replica answers with the
// counters and histograms of all, summed by prom-client's AggregatorRegistry in the cluster primary over IPC.
const REQUEST = 'segflow:metrics-request';
const RESPONSE = 'segflow:metrics-response';
type Request = { type: typeof REQUEST; id: number };
type Response = { type: typeof RESPONSE; id: number; text?: string; error?: string };

let joined = false;
let nextId = 0;
const pending = new Map<number, { resolve(text: string): void; reject(error: Error): void }>();

/** In the cluster primary: answers a replica's request with the process metrics of every replica, summed. */
export function serveClusterMetrics(): void {
  const aggregator = new AggregatorRegistry();
  cluster.on('message', (replica, message: Request) => {
    if (message?.type !== REQUEST) return;
    const reply = (answer: Omit<Response, 'type' | 'id'>) =>
      replica.send({ type: RESPONSE, id: message.id, ...answer });
    aggregator.clusterMetrics().then(
      (text) => reply({ text }),
      (error: Error) => reply({ error: error.message }),
    );
  });
}

/** In a replica: lets the primary collect this process's registry, and makes processMetricsText ask the primary. */
export function joinClusterMetrics(): void {
  AggregatorRegistry.setRegistries([processRegistry]);
  // Constructing one adds prom-client's listener that answers the primary's collection requests.
  new AggregatorRegistry();
  process.on('message', (message: Response) => {
    if (message?.type !== RESPONSE) return;
    const waiting = pending.get(message.id);
    pending.delete(message.id);
    if (message.error !== undefined) waiting?.reject(new Error(`cluster metrics: ${message.error}`));
    else waiting?.resolve(message.text ?? '');
  });
  joined = true;
}

/** The process metrics' text: of all replicas, summed, in a replica that joined; else this process's own. */
export function processMetricsText(): Promise<string> {
  if (!joined) return processRegistry.metrics();
  return new Promise((resolve, reject) => {
    const id = nextId++;
    pending.set(id, { resolve, reject });
    process.send!({ type: REQUEST, id } satisfies Request);
  });
}
