import { z } from 'zod';
import { formatIssues } from './format-issues';
import type { LeadAttributeDefinition } from './lead-attributes';
import { LeadInput, leadInputSchema } from './lead-input-schema';

/** How a CSV cell becomes a lead field's value. */
export type LeadImportTargetKind = 'text' | 'number' | 'boolean';

/** A lead field a CSV column can fill; nested fields are dotted (`consent.email`). */
export interface LeadImportTarget {
  name: string;
  kind: LeadImportTargetKind;
  required: boolean;
}

/** A CSV column header → the {@link LeadImportTarget} name it fills; unmapped columns are ignored. */
export type LeadImportMapping = Record<string, string>;

/** A problem of one CSV row: the lead field, the column it came from (null when no column maps to it), why. */
export interface LeadImportRowIssue {
  field: string;
  column: string | null;
  reason: string;
}

function targetsOf(shape: z.ZodRawShape, prefix: string): LeadImportTarget[] {
  return Object.entries(shape).flatMap(([key, schema]): LeadImportTarget[] => {
    const optional = schema instanceof z.ZodOptional;
    const inner = optional ? schema.unwrap() : schema;
    const name = `${prefix}${key}`;
    if (inner instanceof z.ZodObject) return targetsOf(inner.shape, `${name}.`);
    // A list (optIns) has no single cell to come from; custom attributes come from the schema (leadImportTargets).
    if (inner instanceof z.ZodArray || inner instanceof z.ZodRecord) return [];
    const kind = inner instanceof z.ZodNumber ? 'number' : inner instanceof z.ZodBoolean ? 'boolean' : 'text';
    return [{ name, kind, required: !optional && prefix === '' }];
  });
}

/**
 * Every lead field a CSV column can map to, derived from the lead intake contract (`leadInputSchema`), so a field
 * added to `POST /api/leads` becomes an import target without a second list.
 *
 * @example
 * ```ts
 * LEAD_IMPORT_TARGETS.find((t) => t.name === 'consent.email'); // { name: 'consent.email', kind: 'boolean', required: false }
 * ```
 */
export const LEAD_IMPORT_TARGETS: readonly LeadImportTarget[] = targetsOf(leadInputSchema.shape, '');

/**
 * The import targets with the workspace's custom attributes: `attributes.<key>` per attribute (a number attribute's
 * cells are numbers; text, dates and enum values stay text and are checked by the intake against the schema).
 *
 * @example
 * ```ts
 * leadImportTargets([{ key: 'plan', type: 'enum', ... }]).at(-1); // { name: 'attributes.plan', kind: 'text', required: false }
 * ```
 */
export function leadImportTargets(
  attributes: readonly Pick<LeadAttributeDefinition, 'key' | 'type'>[],
): LeadImportTarget[] {
  return [
    ...LEAD_IMPORT_TARGETS,
    ...attributes.map((a) => ({
      name: `attributes.${a.key}`,
      kind: a.type === 'number' ? ('number' as const) : ('text' as const),
      required: false,
    })),
  ];
}

const byName = (targets: readonly LeadImportTarget[]) => new Map(targets.map((t) => [t.name, t]));
const normalised = (text: string) => text.toLowerCase().replace(/[^a-z0-9]/g, '');
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

/**
 * The key under which a mapping is remembered: the file's headers in order.
 *
 * @example
 * ```ts
 * headerSignature(['externalId', ' Name ']); // 'externalId\u001fName'
 * ```
 */
export function headerSignature(headers: readonly string[]): string {
  return headers.map((h) => h.trim()).join('\u001f');
}

/**
 * A first mapping for headers never seen before: each header whose letters and digits equal a target's (`External
 * ID` → `externalId`, `consent_email` → `consent.email`).
 *
 * @example
 * ```ts
 * guessLeadImportMapping(['External ID', 'E-mail', 'Notes']); // { 'External ID': 'externalId', 'E-mail': 'email' }
 * ```
 */
export function guessLeadImportMapping(
  headers: readonly string[],
  targets: readonly LeadImportTarget[] = LEAD_IMPORT_TARGETS,
): LeadImportMapping {
  const byNormalised = new Map(targets.map((t) => [normalised(t.name), t.name]));
  const mapping: LeadImportMapping = {};
  const taken = new Set<string>();
  for (const header of headers) {
    const target = byNormalised.get(normalised(header));
    if (target && !taken.has(target)) {
      mapping[header] = target;
      taken.add(target);
    }
  }
  return mapping;
}

/**
 * What is wrong with a mapping for a file with these headers (empty when it can be used): headers must be unique
 * and non-empty, every mapped column must exist, each target be known and used once, and `externalId` be mapped.
 *
 * @example
 * ```ts
 * leadImportMappingIssues(['id', 'mail'], { mail: 'email' });
 * // [{ field: 'mapping', reason: 'no column maps to externalId, which every lead needs' }]
 * ```
 */
export function leadImportMappingIssues(
  headers: readonly string[],
  mapping: LeadImportMapping,
  targets: readonly LeadImportTarget[] = LEAD_IMPORT_TARGETS,
): { field: string; reason: string }[] {
  const targetsByName = byName(targets);
  const issues: { field: string; reason: string }[] = [];
  const seen = new Set<string>();
  headers.forEach((header, index) => {
    if (!header.trim()) issues.push({ field: `headers.${index}`, reason: 'a column has no header' });
    else if (seen.has(header)) issues.push({ field: `headers.${index}`, reason: `header "${header}" is repeated` });
    seen.add(header);
  });
  const used = new Map<string, string>();
  for (const [column, target] of Object.entries(mapping)) {
    if (!seen.has(column)) issues.push({ field: `mapping.${column}`, reason: 'the file has no such column' });
    if (!targetsByName.has(target))
      issues.push({ field: `mapping.${column}`, reason: `"${target}" is not a lead field` });
    else if (used.has(target))
      issues.push({
        field: `mapping.${column}`,
        reason: `${target} is already filled by column "${used.get(target)}"`,
      });
    used.set(target, column);
  }
  for (const target of targets)
    if (target.required && !used.has(target.name))
      issues.push({ field: 'mapping', reason: `no column maps to ${target.name}, which every lead needs` });
  return issues;
}

function cellValue(cell: string, kind: LeadImportTargetKind): { value: unknown } | { reason: string } {
  if (kind === 'text') return { value: cell };
  if (kind === 'number') {
    const value = Number(cell);
    return /^[-+]?\d+(\.\d+)?$/.test(cell) ? { value } : { reason: `expected a number, found "${cell}"` };
  }
  const word = cell.toLowerCase();
  if (TRUE_WORDS.has(word)) return { value: true };
  if (FALSE_WORDS.has(word)) return { value: false };
  return { reason: `expected yes/no (true/false, 1/0), found "${cell}"` };
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
}

/**
 * One CSV row as a lead of `POST /api/leads`: each mapped cell (trimmed; empty means "not given") converted by its
 * target's kind, then checked by `leadInputSchema`, the rules every lead intake applies. Issues name the lead field
 * and the column; cells longer than `maxFieldChars` and rows with a different cell count than the header are refused.
 *
 * @example
 * ```ts
 * mapLeadImportRow(['id', 'staff'], { id: 'externalId', staff: 'headcount' }, ['crm-1', '35'], 10_000);
 * // { lead: { externalId: 'crm-1', headcount: 35 }, issues: [] }
 * ```
 */
export function mapLeadImportRow(
  headers: readonly string[],
  mapping: LeadImportMapping,
  cells: readonly string[],
  maxFieldChars: number,
  targets: readonly LeadImportTarget[] = LEAD_IMPORT_TARGETS,
): { lead: LeadInput | null; issues: LeadImportRowIssue[] } {
  const targetsByName = byName(targets);
  if (cells.length !== headers.length)
    return {
      lead: null,
      issues: [{ field: '(row)', column: null, reason: `expected ${headers.length} cells, found ${cells.length}` }],
    };
  const issues: LeadImportRowIssue[] = [];
  const raw: Record<string, unknown> = {};
  const columnOf = new Map<string, string>();
  headers.forEach((column, index) => {
    const target = targetsByName.get(mapping[column] ?? '');
    const cell = cells[index]!.trim();
    if (!target || cell === '') return;
    columnOf.set(target.name, column);
    if (cell.length > maxFieldChars) {
      issues.push({ field: target.name, column, reason: `longer than ${maxFieldChars} characters` });
      return;
    }
    const converted = cellValue(cell, target.kind);
    if ('reason' in converted) issues.push({ field: target.name, column, reason: converted.reason });
    else setPath(raw, target.name, converted.value);
  });
  if (issues.length) return { lead: null, issues };
  const parsed = leadInputSchema.safeParse(raw);
  if (parsed.success) return { lead: parsed.data, issues: [] };
  return {
    lead: null,
    issues: formatIssues(parsed.error).map(({ field, reason }) => ({
      field,
      column: columnOf.get(field) ?? null,
      reason,
    })),
  };
}
