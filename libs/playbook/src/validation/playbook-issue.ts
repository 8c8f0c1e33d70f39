/**
 * Machine-readable kinds of playbook problems. The editor maps them to badges, the API to a 422 body.
 */
export type PlaybookIssueCode =
  | 'schema'
  | 'entry-count'
  | 'duplicate-id'
  | 'edge-unknown-source'
  | 'edge-unknown-target'
  | 'edge-unknown-handle'
  | 'edge-into-entry'
  | 'self-loop'
  | 'handle-used-twice'
  | 'handle-unconnected'
  | 'unreachable-node'
  | 'split-weights'
  | 'cycle-without-wait'
  | 'duration-out-of-range'
  | 'unknown-template-variable'
  | 'malformed-template'
  | 'channel-field'
  | 'channel-sender'
  | 'event-types-empty'
  | 'goal-events-empty'
  | 'unknown-feature'
  | 'unknown-intent'
  | 'unknown-attribute'
  | 'attribute-comparison';

/**
 * One problem found by `validatePlaybook` or `connectionIssue`. `field` is a dotted path inside the node
 * (e.g. `config.body`), inside the edge, or from the playbook root for `schema` issues on settings.
 *
 * @example
 * const issue: PlaybookIssue = { code: 'split-weights', nodeId: 'ab', field: 'config.variants', message: 'weights add up to 90, not 100' };
 */
export interface PlaybookIssue {
  code: PlaybookIssueCode;
  nodeId?: string;
  edgeId?: string;
  field?: string;
  message: string;
}
