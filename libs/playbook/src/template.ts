import { Liquid, type Template } from 'liquidjs';
import type { LeadContext, OwnerRef } from './interpreter/lead-context';

/**
 * Variables a message template may use, in Liquid syntax: `{{ lead.firstName | default: "there" }}`, plus
 * `lead.attributes.<key>` for each custom attribute of the workspace schema (see {@link isTemplateVariable}).
 * Unknown variables are a `validatePlaybook` issue; at render time a missing value renders as ''.
 *
 * @example
 * TEMPLATE_VARIABLES.map((v) => `{{ ${v.name} }}`); // palette of insertable variables
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
  lead: Pick<LeadContext, 'firstName' | 'lastName' | 'company' | 'email'> & Partial<Pick<LeadContext, 'attributes'>>;
  segment: { name: string };
  owner: Pick<OwnerRef, 'name'> | null;
}

// timezoneOffset 0: the `date` filter must not depend on the host's zone (templates render inside workflows,
// whose replay on another machine must give the same text). Unknown filters are a parse error, hence a publish issue.
const textEngine = new Liquid({ timezoneOffset: 0, strictFilters: true });
const htmlEngine = new Liquid({ timezoneOffset: 0, strictFilters: true, outputEscape: 'escape' });

// Parsed templates by source, per engine (escaping is decided at parse time): a worker renders the same few
// templates for every lead of a playbook.
const MAX_CACHED_TEMPLATES = 500;
const parsedBy = new Map<Liquid, Map<string, Template[]>>([
  [textEngine, new Map()],
  [htmlEngine, new Map()],
]);

function parseOrThrow(template: string, engine = textEngine): Template[] {
  const parsed = parsedBy.get(engine)!;
  let templates = parsed.get(template);
  if (!templates) {
    templates = engine.parse(template);
    if (parsed.size >= MAX_CACHED_TEMPLATES) parsed.clear();
    parsed.set(template, templates);
  }
  return templates;
}

/**
 * Why a template does not parse as Liquid, or null when it does.
 *
 * @example
 * templateSyntaxError('Hi {{ lead.firstName'); // 'output "{{ lead.firstName" not closed, line:1, col:4'
 */
export function templateSyntaxError(template: string): string | null {
  try {
    parseOrThrow(template);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/**
 * Variables a template reads from its context (`lead.firstName`, …), each once, in order of first use.
 * Variables the template assigns itself are not listed. A template that does not parse has none.
 *
 * @example
 * findTemplateVariables('Hi {{ lead.firstName | default: "there" }} from {{ owner.name }}'); // ['lead.firstName', 'owner.name']
 */
export function findTemplateVariables(template: string): string[] {
  if (templateSyntaxError(template) !== null) return [];
  const segments = textEngine.globalVariableSegmentsSync(parseOrThrow(template));
  return [...new Set(segments.map((path) => path.join('.')))];
}

const ATTRIBUTE_VARIABLE = /^lead\.attributes\.([a-z][a-z0-9_]*)$/;

/**
 * True for a name listed in `TEMPLATE_VARIABLES`, or `lead.attributes.<key>` for a key in `attributeKeys` (the
 * workspace's custom lead attributes).
 *
 * @example
 * isTemplateVariable('lead.company'); // true
 * isTemplateVariable('lead.attributes.plan', ['plan']); // true
 */
export function isTemplateVariable(name: string, attributeKeys: readonly string[] = []): boolean {
  const attribute = ATTRIBUTE_VARIABLE.exec(name)?.[1];
  if (attribute !== undefined) return attributeKeys.includes(attribute);
  return TEMPLATE_VARIABLES.some((v) => v.name === name);
}

function render(engine: Liquid, template: string, context: TemplateContext): string {
  // Publish refuses templates that do not parse; only a version published before Liquid could hold one
  // (e.g. a stray `{%`), and its text is sent as written rather than stalling the run.
  if (templateSyntaxError(template) !== null) return template;
  return engine.renderSync(parseOrThrow(template, engine), context) as string;
}

/**
 * Renders a Liquid template as plain text (no escaping). Missing values render as ''.
 *
 * @example
 * renderTemplate('Hi {{ lead.firstName | default: "there" }} at {{ lead.company }}', {
 *   lead: { company: 'Acme' }, segment: { name: 'Warm' }, owner: null,
 * }); // 'Hi there at Acme'
 */
export function renderTemplate(template: string, context: TemplateContext): string {
  return render(textEngine, template, context);
}

/**
 * Renders a Liquid template into HTML: every value is HTML-escaped (a lead named `<b>` shows as text).
 *
 * @example
 * renderHtmlTemplate('<p>Hi {{ lead.firstName }}</p>', { lead: { firstName: 'A&B' }, segment: { name: 's' }, owner: null });
 * // '<p>Hi A&amp;B</p>'
 */
export function renderHtmlTemplate(template: string, context: TemplateContext): string {
  return render(htmlEngine, template, context);
}

/**
 * Renders a template for a header value (a subject): CR and LF become spaces, so no value can add a header.
 *
 * @example
 * renderHeaderTemplate('Hi {{ lead.firstName }}', { lead: { firstName: 'A\r\nBcc: x@y.z' }, segment: { name: 's' }, owner: null });
 * // 'Hi A Bcc: x@y.z'
 */
export function renderHeaderTemplate(template: string, context: TemplateContext): string {
  return renderTemplate(template, context)
    .replace(/[\r\n]+/g, ' ')
    .trim();
}
