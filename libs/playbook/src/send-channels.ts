import type { Channel } from './nodes/common';
import type { Playbook } from './playbook-schema';

/**
 * The channels a playbook's send nodes send on, sorted (task nodes ask a rep to act and send nothing themselves).
 *
 * @example
 * sendChannelsOf(samplePlaybook()); // ['email']
 */
export function sendChannelsOf(playbook: Pick<Playbook, 'nodes'>): Channel[] {
  const channels = new Set<Channel>();
  for (const node of playbook.nodes) if (node.type === 'send') channels.add(node.config.channel);
  return [...channels].sort();
}

/**
 * Whether no send of the playbook could reach the lead: it sends on at least one channel, and the lead has withdrawn
 * consent or is suppressed on every one of them. Such a run would only skip its sends, so enrolments leave it out.
 *
 * @example
 * isUnreachableOnAll(['email'], ['email', 'whatsapp']); // true
 * isUnreachableOnAll([], ['email']); // false
 */
export function isUnreachableOnAll(sendChannels: readonly Channel[], unsubscribed: readonly Channel[]): boolean {
  return sendChannels.length > 0 && sendChannels.every((c) => unsubscribed.includes(c));
}
