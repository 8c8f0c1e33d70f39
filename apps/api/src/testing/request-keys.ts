import { RequestMethod } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { DECORATORS } from '@nestjs/swagger';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { jsonSchemaOf } from '../common/json-schema-of';
import { ZodBodyPipe } from '../common/zod-body.pipe';

/** The keys a route's body and query may hold, so fuzzed requests use real field names with wrong values. */
export interface RequestKeys {
  body: Set<string>;
  query: Set<string>;
}

/**
 * Body and query keys per route suffix (`POST users/:id/out-of-office`, without the global prefix), read from the
 * ZodBodyPipe schemas the controllers bind to `@Body` and `@Query` (the schemas that actually validate, documented or
 * not) and from their @ApiBody / @ApiQuery declarations.
 */
export function requestKeysByRoute(app: NestFastifyApplication): Map<string, RequestKeys> {
  const byRoute = new Map<string, RequestKeys>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      const base = [Reflect.getMetadata(PATH_METADATA, controller) as string | string[]].flat()[0] ?? '';
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
        if (name === 'constructor' || method === undefined) continue;
        const path = [Reflect.getMetadata(PATH_METADATA, handler) as string | string[]].flat()[0] ?? '';
        const keys: RequestKeys = { body: new Set(), query: new Set() };
        const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {}) as Record<
          string,
          { data?: unknown; pipes?: unknown[] }
        >;
        for (const [key, arg] of Object.entries(args)) {
          const type = Number(key.split(':')[0]);
          const into =
            type === RouteParamtypes.BODY ? keys.body : type === RouteParamtypes.QUERY ? keys.query : undefined;
          if (into && typeof arg.data === 'string') into.add(arg.data);
          for (const pipe of arg.pipes ?? [])
            if (into && pipe instanceof ZodBodyPipe) propertyNamesOf(jsonSchemaOf(pipe.schema), into);
        }
        // Routes that validate item by item (leads, events) declare their schema with @ApiBody / @ApiQuery instead.
        for (const documented of (Reflect.getMetadata(DECORATORS.API_PARAMETERS, handler) ?? []) as {
          in?: string;
          name?: string;
          schema?: Record<string, unknown>;
        }[]) {
          if (documented.in === 'body' && documented.schema) propertyNamesOf(documented.schema, keys.body);
          if (documented.in === 'query' && documented.name) keys.query.add(documented.name);
        }
        byRoute.set(`${RequestMethod[method]} ${joinPath(base, path)}`, keys);
      }
    }
  }
  return byRoute;
}

function joinPath(...parts: string[]): string {
  return parts
    .map((part) => part.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
}

/** Every property name at any depth of a JSON schema (object, array items, unions, local `$defs`). */
function propertyNamesOf(root: Record<string, unknown>, into: Set<string>): Set<string> {
  const pending: unknown[] = [root];
  const seen = new Set<unknown>();
  while (pending.length > 0) {
    const schema = pending.pop() as Record<string, any> | undefined;
    if (!schema || typeof schema !== 'object' || seen.has(schema)) continue;
    seen.add(schema);
    for (const key of Object.keys(schema.properties ?? {})) into.add(key);
    pending.push(
      ...Object.values(schema.properties ?? {}),
      ...Object.values(schema.$defs ?? {}),
      schema.items,
      schema.additionalProperties,
    );
    pending.push(
      ...(schema.oneOf ?? []),
      ...(schema.anyOf ?? []),
      ...(schema.allOf ?? []),
      ...[schema.prefixItems ?? []].flat(),
    );
  }
  return into;
}
