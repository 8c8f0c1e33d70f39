import type { LeadContext, TemplateContext } from '@segflow/playbook';

/** The lead templates are previewed for and the simulator starts from. */
export const PREVIEW_LEAD: LeadContext = {
  id: 'preview-lead',
  firstName: 'Priya',
  lastName: 'Nair',
  company: 'Acme Textiles',
  email: 'priya@acme.in',
  timeZone: 'Asia/Kolkata',
  attributes: { country: 'IN', city: 'Pune' },
  features: { intent: 0.8, fit: 0.6 },
  segment: { id: 'preview-segment', name: 'Warm APAC' },
  owner: { id: 'rep-1', name: 'Rahul', address: 'rahul@segflow.io' },
  unsubscribedChannels: [],
};

/**
 * Template variables for a lead, as the interpreter would fill them.
 *
 * @example
 * renderTemplate(body, templateContextOf(PREVIEW_LEAD));
 */
export function templateContextOf(lead: LeadContext): TemplateContext {
  return { lead, segment: { name: lead.segment.name }, owner: lead.owner };
}
