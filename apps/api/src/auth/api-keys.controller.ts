import type { CreateApiKeyRequest } from '@segflow/api-contracts';
import { acceptsContract } from '../common/accepts-contract';
import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import { UuidParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuditActor } from '@segflow/api-contracts';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { Actor } from './audit-actor';
import { API_KEY_SCOPES } from '@segflow/stores';
import { ApiKeyDto, ApiKeysService } from './api-keys.service';
import { Roles } from './auth.decorators';

const createApiKeySchema = acceptsContract<CreateApiKeyRequest>()(
  z.object({
    name: z.string().trim().min(1).max(120),
    scopes: z.array(z.enum(API_KEY_SCOPES)).min(1).default(['ingest']),
  }),
);

@ApiTags('api-keys')
@Controller('api-keys')
@Roles('admin')
export class ApiKeysController {
  constructor(private readonly apiKeys: ApiKeysService) {}

  @Post()
  @ApiOperation({ summary: 'Create an ingest key; the plain key is in this response only' })
  create(
    @Body(new ZodBodyPipe(createApiKeySchema)) body: z.infer<typeof createApiKeySchema>,
    @Actor() actor: AuditActor,
  ) {
    return this.apiKeys.create(body.name, body.scopes, actor);
  }

  @Get()
  @ApiOperation({ summary: 'All keys, newest first (never the key itself)' })
  list(): Promise<ApiKeyDto[]> {
    return this.apiKeys.list();
  }

  @Post(':id/revoke')
  @ApiOperation({ summary: 'Revoke a key at once' })
  revoke(@Param('id', UuidParamPipe) id: string, @Actor() actor: AuditActor): Promise<ApiKeyDto> {
    return this.apiKeys.revokeOrThrow(id, actor);
  }
}
