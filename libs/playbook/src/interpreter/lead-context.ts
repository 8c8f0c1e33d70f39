import type { Channel } from '../nodes/common';

/**
 * A rep who owns a lead. `address` is what a `sender: owner` touch is sent from (mailbox or number).
 *
 * @example
 * const owner: OwnerRef = { id: 'rep-7', name: 'Asha Rao', address: 'asha@acme.io' };
 */
export interface OwnerRef {
  id: string;
  name: string;
  address?: string;
}

/**
 * What the interpreter knows about the lead: template variables, condition fields, the time zone for
 * quiet hours / caps / `timeZone: 'lead'` calendars, and channels the lead unsubscribed from.
 * Plain JSON; it is copied into `RunState.lead` at start and replaced by a `leadUpdated` input.
 *
 * @example
 * const lead: LeadContext = { id: 'lead-1', firstName: 'Ana', company: 'Acme', timeZone: 'Europe/Lisbon',
 *   attributes: { country: 'PT' }, features: { intent: 0.7 }, segment: { id: 'seg-1', name: 'Warm EU' },
 *   owner: null, unsubscribedChannels: [] };
 */
export interface LeadContext {
  id: string;
  firstName?: string;
  lastName?: string;
  company?: string;
  email?: string;
  /** IANA zone of the lead, e.g. `Asia/Kolkata`. */
  timeZone: string;
  /**
   * Other lead fields, readable by `branch` conditions with `{ scope: 'lead', field }`, and the lead's custom attribute
   * values (`{ scope: 'attribute', key }`, `{{ lead.attributes.<key> }}` in templates); custom keys never take a lead
   * field's name (`@segflow/scoring` RESERVED_ATTRIBUTE_KEYS).
   */
  attributes: Record<string, string | number | boolean | null>;
  /** Scoring features (`@segflow/scoring` FEATURE_NAMES), readable with `{ scope: 'feature', name }`; a branch on them refreshes them first. */
  features: Record<string, number>;
  segment: { id: string; name: string };
  /** Current owner, or null while unassigned. */
  owner: OwnerRef | null;
  unsubscribedChannels: Channel[];
}
