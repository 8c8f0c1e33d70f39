import { Body, Controller, Get, Param, Post, Put, Query, Req, StreamableFile, HttpCode } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  LEAD_IMPORT_LIMITS,
  type AuditActor,
  type CreateLeadImportRequest,
  type LeadImportDto,
  type LeadImportMappingDto,
  type LeadImportMappingRequest,
  type PageQuery,
} from '@segflow/api-contracts';
import type { FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { Actor } from '../auth/audit-actor';
import { Roles } from '../auth/auth.decorators';
import { readsQueryContract } from '../common/accepts-contract';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { streamCsv } from '../dashboards/to-csv';
import { LeadImportsService } from './lead-imports.service';

/** The body type of `PUT /api/leads/imports/:id/file`, read as a stream (create-app registers it). */
export const LEAD_IMPORT_CONTENT_TYPE = 'text/csv';

const headersSchema = z
  .array(z.string().max(LEAD_IMPORT_LIMITS.maxFieldChars))
  .min(1)
  .max(LEAD_IMPORT_LIMITS.maxColumns);
const mappingRequestSchema: z.ZodType<LeadImportMappingRequest> = z.object({ headers: headersSchema });
const createSchema: z.ZodType<CreateLeadImportRequest> = z.object({
  fileName: z.string().trim().min(1).max(255),
  sizeBytes: z.number().int().min(0).optional(),
  headers: headersSchema,
  mapping: z.record(z.string(), z.string()),
});
const errorsPageSchema = readsQueryContract<PageQuery>()(
  z.object({
    limit: z.coerce.number().int().min(1).max(1_000).default(100),
    offset: z.coerce.number().int().min(0).default(0),
  }),
);

@ApiTags('lead imports')
@Controller('leads/imports')
@Roles('ops')
export class LeadImportsController {
  constructor(private readonly imports: LeadImportsService) {}

  @Post('mapping')
  @HttpCode(200)
  @ApiOperation({ summary: 'The mapping to pre-fill for a header row: the one last used for it, else a guess' })
  mapping(@Body(new ZodBodyPipe(mappingRequestSchema)) body: LeadImportMappingRequest): Promise<LeadImportMappingDto> {
    return this.imports.suggestMapping(body.headers);
  }

  @Post()
  @ApiOperation({
    summary: `Create an import of a CSV file (its header row and a column → lead field mapping; ≤ ${LEAD_IMPORT_LIMITS.maxColumns} columns); then PUT the file`,
  })
  create(
    @Body(new ZodBodyPipe(createSchema)) body: CreateLeadImportRequest,
    @Actor() actor: AuditActor,
  ): Promise<LeadImportDto> {
    return this.imports.create(body, actor);
  }

  @Put(':id/file')
  @ApiOperation({
    summary: `Stream the file (${LEAD_IMPORT_CONTENT_TYPE}, ≤ ${LEAD_IMPORT_LIMITS.maxFileBytes} bytes, ≤ ${LEAD_IMPORT_LIMITS.maxRows} rows); upload the same file again to resume an interrupted import`,
  })
  receive(@Param('id') id: string, @Req() request: FastifyRequest, @Actor() actor: AuditActor): Promise<LeadImportDto> {
    return this.imports.receive(id, request.body as AsyncIterable<Uint8Array>, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Progress, state and one page of row errors (limit ≤ 1000, offset)' })
  get(
    @Param('id') id: string,
    @Query(new ZodBodyPipe(errorsPageSchema)) q: z.infer<typeof errorsPageSchema>,
  ): Promise<LeadImportDto> {
    return this.imports.getOrThrow(id, q.limit, q.offset);
  }

  @Get(':id/errors.csv')
  @ApiOperation({ summary: "The import's row errors as CSV (row, field, column, reason)" })
  async errorsCsv(@Param('id') id: string): Promise<StreamableFile> {
    const batches = await this.imports.errorBatchesOrThrow(id);
    return new StreamableFile(Readable.from(streamCsv(batches, ['row', 'field', 'column', 'reason'])), {
      type: 'text/csv; charset=utf-8',
      disposition: 'attachment; filename="lead-import-errors.csv"',
    });
  }
}
