import type { LeadContext, OwnerRef } from './interpreter/lead-context';

/**
 * Variables a message template may use, as `{{name}}` (spaces inside the braces are allowed).
 * Unknown variables are a `validatePlaybook` issue; at render time a missing value renders as ''.
 *
 * @example
 * TEMPLATE_VARIABLES.map((v) => `{{${v.name}}}`); // palette of insertable variables
 */
export const TEMPLATE_VARIABLES = [
  { name: 'lead.firstName', description: "Lead's first name" },
  { name: 'lead.lastName', description: "Lead's last name" },
  { name: 'lead.company', description: "Lead's company" },
  { name: 'lead.email', description: "Lead's email address" },
  { name: 'segment.name', description: 'Name of the segment that started the run' },
  { name: 'owner.name', description: "Owner's (rep's) name" },
] as const;

/** A known template variable name. */
export type TemplateVariable = (typeof TEMPLATE_VARIABLES)[number]['name'];

/** Values available to templates. */
export interface TemplateContext {
  lead: Pick<LeadContext, 'firstName' | 'lastName' | 'company' | 'email'>;
  segment: { name: string };
  owner: Pick<OwnerRef, 'name'> | null;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * Variable names used by a template, in order of appearance (duplicates kept).
 *
 * @example
 * findTemplateVariables('Hi {{lead.firstName}} from {{ owner.name }}'); // ['lead.firstName', 'owner.name']
 */
export function findTemplateVariables(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
}

/**
 * True when the template has a `{{` or `}}` that is not part of a well-formed placeholder.
 *
 * @example
 * hasMalformedPlaceholder('Hi {{lead.firstName'); // true
 */
export function hasMalformedPlaceholder(template: string): boolean {
  const rest = template.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

/**
 * True for a name listed in `TEMPLATE_VARIABLES`.
 *
 * @example
 * isTemplateVariable('lead.company'); // true
 */
export function isTemplateVariable(name: string): name is TemplateVariable {
  return TEMPLATE_VARIABLES.some((v) => v.name === name);
}

function valueOf(name: string, context: TemplateContext): string {
  switch (name) {
    case 'lead.firstName':
      return context.lead.firstName ?? '';
    case 'lead.lastName':
      return context.lead.lastName ?? '';
    case 'lead.company':
      return context.lead.company ?? '';
    case 'lead.email':
      return context.lead.email ?? '';
    case 'segment.name':
      return context.segment.name;
    case 'owner.name':
      return context.owner?.name ?? '';
    default:
      return '';
  }
}

/**
 * Replaces every `{{variable}}` with its value. Unknown or missing values render as ''. No HTML escaping:
 * the delivering channel escapes for its own format.
 *
 * @example
 * renderTemplate('Hi {{lead.firstName}} at {{lead.company}}', {
 *   lead: { firstName: 'Ana', company: 'Acme' }, segment: { name: 'Warm' }, owner: null,
 * }); // 'Hi Ana at Acme'
 */
export function renderTemplate(template: string, context: TemplateContext): string {
  return template.replace(PLACEHOLDER, (_match, name: string) => valueOf(name, context));
}
