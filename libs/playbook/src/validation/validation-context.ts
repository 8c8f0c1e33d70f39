import type { LeadAttributeDefinition } from '@segflow/scoring';

/**
 * What validation needs to know about the workspace beyond the playbook: its custom lead attributes (templates may
 * read `lead.attributes.<key>` and branches compare them only when the key is in the schema).
 *
 * @example
 * validatePlaybook(draft, { leadAttributes: [{ key: 'plan', label: 'Plan', type: 'enum', values: ['free', 'pro'] }] });
 */
export interface ValidationContext {
  leadAttributes: readonly LeadAttributeDefinition[];
}

/** A workspace without custom attributes. */
export const EMPTY_VALIDATION_CONTEXT: ValidationContext = { leadAttributes: [] };
