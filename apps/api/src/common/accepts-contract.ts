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

/** True when every parameter `Query` may carry is one the schema reads, with a value it accepts (coerced ones: any). */
type ReadsEveryParameter<Query, Input> = [keyof Query] extends [keyof Input]
  ? {
      [K in keyof Query]-?: [Exclude<Query[K], undefined>] extends [Input[K & keyof Input]] ? true : false;
    }[keyof Query] extends true
    ? unknown
    : never
  : never;

/**
 * Ties a query-string schema to its query type in libs/api-contracts: every parameter the web may send must be one the
 * schema reads (coerced numbers accept any value), so renaming or dropping a parameter on one side fails to compile.
 *
 * @example
 * export const listRunsQuerySchema = readsQueryContract<RunListQuery>()(z.object({ leadId: z.uuid().optional() }));
 */
export const readsQueryContract =
  <Query>() =>
  <Schema extends z.ZodType>(schema: Schema & ReadsEveryParameter<Query, z.input<Schema>>): Schema =>
    schema;
