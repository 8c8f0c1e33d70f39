// One API replica of cluster-metrics.spec.ts, forked by node:cluster: counts ACCEPTED ingest events, then answers
// each 'scrape' message with its GET /metrics process text.
import { joinClusterMetrics, processMetricsText } from '../metrics/cluster-metrics';
import { ingestMetrics } from '../metrics/process-metrics';

joinClusterMetrics();
ingestMetrics.decisionStarted()(Array.from({ length: Number(process.env.ACCEPTED) }, () => ({ status: 'accepted' })));
process.on('message', (message) => {
  if (message !== 'scrape') return;
  processMetricsText().then(
    (text) => process.send!({ scraped: text }),
    (error: Error) => process.send!({ failed: error.message }),
  );
});
process.send!('ready');
