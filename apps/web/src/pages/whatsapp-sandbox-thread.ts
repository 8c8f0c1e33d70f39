import type { SandboxAnswerOutcome, SandboxMessage } from '@segflow/api-contracts';

/** The message an answer quotes by default (`context.id`): our newest outbound message, or null. */
export function messageToAnswer(messages: readonly SandboxMessage[]): SandboxMessage | null {
  return [...messages].reverse().find((m) => m.direction === 'outbound') ?? null;
}

/** What the sandbox page says after an answer was posted to our webhook. */
export function describeAnswerOutcome(outcome: SandboxAnswerOutcome): string {
  if (outcome.unmatched.length) return 'Posted, but no lead has this number: kept as unmatched, no event.';
  return outcome.events === 1
    ? 'Posted to the webhook: 1 event recorded on the lead.'
    : `Posted to the webhook: ${outcome.events} events recorded.`;
}
