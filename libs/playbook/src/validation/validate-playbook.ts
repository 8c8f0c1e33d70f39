import { playbookNodeSchema, type PlaybookNode } from '../nodes/playbook-node';
import { playbookEdgeSchema, playbookSchema, playbookSettingsSchema, type PlaybookEdge } from '../playbook-schema';
import { checkAttributeConditions, checkReplyIntents } from './condition-rules';
import { checkCycles } from './cycle-rule';
import {
  checkChannel,
  checkDurations,
  checkEventLists,
  checkFeatureNames,
  checkSettings,
  checkSplitWeights,
  checkTemplates,
} from './config-rules';
import { checkEdges, checkHandles, checkIdentity, checkReachability } from './graph-rules';
import type { PlaybookGraph } from './playbook-graph';
import type { PlaybookIssue } from './playbook-issue';
import { schemaIssuesOf } from './schema-issues';
import { EMPTY_VALIDATION_CONTEXT, type ValidationContext } from './validation-context';

const NODE_RULES: Array<(node: PlaybookNode, context: ValidationContext) => PlaybookIssue[]> = [
  checkDurations,
  checkTemplates,
  checkChannel,
  checkSplitWeights,
  checkEventLists,
  checkFeatureNames,
  checkReplyIntents,
  checkAttributeConditions,
];

function arrayAt(input: unknown, key: 'nodes' | 'edges'): unknown[] {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  return Array.isArray(value) ? value : [];
}

// Salvage what parses so a draft with one broken form still gets graph badges.
function salvageGraph(input: unknown): PlaybookGraph {
  const nodes: PlaybookNode[] = [];
  const opaqueNodeIds = new Set<string>();
  for (const raw of arrayAt(input, 'nodes')) {
    const parsed = playbookNodeSchema.safeParse(raw);
    if (parsed.success) nodes.push(parsed.data);
    else if (typeof (raw as { id?: unknown } | null)?.id === 'string') opaqueNodeIds.add((raw as { id: string }).id);
  }
  const edges = arrayAt(input, 'edges').flatMap((raw): PlaybookEdge[] => {
    const parsed = playbookEdgeSchema.safeParse(raw);
    return parsed.success ? [parsed.data] : [];
  });
  return { nodes, edges, opaqueNodeIds };
}

function graphIssues(graph: PlaybookGraph, context: ValidationContext): PlaybookIssue[] {
  return [
    ...checkIdentity(graph),
    ...checkEdges(graph),
    ...checkHandles(graph),
    ...checkReachability(graph),
    ...checkCycles(graph),
    ...graph.nodes.flatMap((node) => NODE_RULES.flatMap((rule) => rule(node, context))),
  ];
}

/**
 * Every problem that would stop a playbook from being published, as data (empty = valid). Accepts any
 * JSON: shape errors come back as `schema` issues with node/edge id and field path, and the graph rules
 * still run on the parts that parse. `context` names the workspace's custom lead attributes (none when omitted).
 *
 * @example
 * const issues = validatePlaybook(body);
 * if (issues.length > 0) throw new UnprocessableEntityException({ issues });
 */
export function validatePlaybook(
  input: unknown,
  context: ValidationContext = EMPTY_VALIDATION_CONTEXT,
): PlaybookIssue[] {
  const parsed = playbookSchema.safeParse(input);
  if (parsed.success) {
    const { nodes, edges, settings } = parsed.data;
    return [...checkSettings(settings), ...graphIssues({ nodes, edges, opaqueNodeIds: new Set() }, context)];
  }
  const settings = playbookSettingsSchema.safeParse((input as { settings?: unknown } | null)?.settings);
  return [
    ...schemaIssuesOf(input, parsed.error),
    ...(settings.success ? checkSettings(settings.data) : []),
    ...graphIssues(salvageGraph(input), context),
  ];
}
