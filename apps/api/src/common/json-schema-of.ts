import { z, type ZodType } from 'zod';

/** OpenAPI body schema from a libs zod schema (input side, so defaults show as optional). */
export function jsonSchemaOf(schema: ZodType): Record<string, unknown> {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
