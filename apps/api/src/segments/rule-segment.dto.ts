import type { RuleSegmentInput, RuleSegmentPatch, RuleSegmentPreviewRequest } from '@segflow/api-contracts';
import { formatIssues, segmentRuleSchema } from '@segflow/scoring';
import { UnprocessableEntityException } from '@nestjs/common';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';

const fields = {
  name: z.string().trim().min(1).max(120),
  description: z.string().trim().max(500),
  colour: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'expected a #rrggbb colour'),
  rule: segmentRuleSchema,
  priority: z.number().int().min(0).max(1_000_000),
};

/** Body of `POST /api/segments/rules`. */
export const ruleSegmentInputSchema = acceptsContract<RuleSegmentInput>()(
  z.strictObject({
    name: fields.name,
    description: fields.description.optional(),
    colour: fields.colour.optional(),
    rule: fields.rule,
    priority: fields.priority.optional(),
  }),
);

/** Body of `PATCH /api/segments/rules/:id`. */
export const ruleSegmentPatchSchema = acceptsContract<RuleSegmentPatch>()(
  z
    .strictObject({
      name: fields.name.optional(),
      description: fields.description.optional(),
      colour: fields.colour.optional(),
      rule: fields.rule.optional(),
      priority: fields.priority.optional(),
    })
    .refine((v) => Object.keys(v).length > 0, 'give at least one of name, description, colour, rule, priority'),
);

/** Body of `POST /api/segments/rules/preview`. */
export const ruleSegmentPreviewSchema = acceptsContract<RuleSegmentPreviewRequest>()(
  z.strictObject({ rule: fields.rule }),
);

/** Parses a rule segment body; 422 naming each bad field and why (a well-formed JSON body that is not a valid rule). */
export function parseRuleBody<T>(schema: z.ZodType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new UnprocessableEntityException({ message: 'invalid rule segment', issues: formatIssues(parsed.error) });
}
