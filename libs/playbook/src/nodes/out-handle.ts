/**
 * One outgoing connection point of a node, as the editor draws it and `validatePlaybook` checks it.
 *
 * @example
 * const next: OutHandle = { id: 'next', label: 'Next', required: true };
 */
export interface OutHandle {
  /** Stored as `edge.sourceHandle`. */
  id: string;
  /** Text shown beside the handle. */
  label: string;
  /** A required handle must have exactly one edge before the playbook can be published. */
  required: boolean;
}
