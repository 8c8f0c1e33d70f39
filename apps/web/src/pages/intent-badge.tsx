import type { StoredReplyIntent } from '@segflow/api-contracts';

/** What a reply asks for, as the classifier read it, with its confidence: "pricing 91%". */
export function IntentBadge({ intent }: { intent: StoredReplyIntent }) {
  const percent = Math.round(intent.confidence * 100);
  return (
    <span
      className={`badge intent-badge intent-badge--${intent.intent}`}
      title={`Reply intent ${intent.intent} (${percent}% confident, ${intent.language}, model ${intent.model})`}
    >
      {intent.intent.replace(/_/g, ' ')} {percent}%
    </span>
  );
}
