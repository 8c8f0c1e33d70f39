import type { z } from 'zod';

/**
 * Ties a body schema to its request type in libs/api-contracts: the schema must accept every body the contract lets
 * the web send, so a drift between what the web sends and what the API parses fails to compile.
 *
 * @example
 * export const enrolSchema = acceptsContract<EnrolRequest>()(z.object({ leadId: z.uuid(), playbookId: z.uuid() }));
 */
export const acceptsContract =
  <Request>() =>
  <Schema extends z.ZodType>(schema: Schema & ([Request] extends [z.input<Schema>] ? unknown : never)): Schema =>
    schema;
