import type { LeadContext, NodeOfType, NodeType } from '@segflow/playbook';

/** Props of the side-panel form of one node kind. */
export interface NodeFormProps<T extends NodeType> {
  config: NodeOfType<T>['config'];
  onChange: (config: NodeOfType<T>['config']) => void;
  /** The lead templates are previewed for. */
  lead: LeadContext;
}
