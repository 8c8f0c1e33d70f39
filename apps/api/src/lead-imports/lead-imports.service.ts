import { createHash, randomUUID, type Hash } from 'node:crypto';
import {
  ConflictException,
  HttpException,
  Injectable,
  NotFoundException,
  UnprocessableEntityException,
} from '@nestjs/common';
import {
  LEAD_IMPORT_LIMITS,
  type AuditActor,
  type CreateLeadImportRequest,
  type LeadImportDto,
  type LeadImportMappingDto,
  type LeadImportRowError,
} from '@segflow/api-contracts';
import {
  createCsvRecordReader,
  guessLeadImportMapping,
  headerSignature,
  leadImportMappingIssues,
  leadImportTargets,
  type LeadImportTarget,
} from '@segflow/scoring';
import {
  claimLeadImportUpload,
  commitLeadImportChunk,
  findLeadImport,
  findRememberedLeadImportMapping,
  finishLeadImportUpload,
  insertLeadImport,
  listLeadAttributes,
  listLeadImportErrors,
  recordAuditEntry,
  rememberLeadImportMapping,
  type LeadImportRow,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { z } from 'zod';
import { LeadsService, type LeadWriter } from '../leads/leads.service';
import { importLeadRows, type CsvDataRow, type RowFormat } from './import-lead-rows';
import { mapLeadImport } from './lead-import.dto';

const LIMITS = LEAD_IMPORT_LIMITS;
const isUuid = (id: string) => z.uuid().safeParse(id).success;

/** One upload of a file to an import: where it is in the file and the import's totals so far. */
interface Upload {
  id: string;
  uploadId: string;
  format: RowFormat;
  /** Data rows committed before this upload, skipped (after checking they are the same rows). */
  skip: number;
  skippedPrefix: string | null;
  hash: Hash;
  headerSeen: boolean;
  dataRows: number;
  bytes: number;
  pending: CsvDataRow[];
  totals: { created: number; updated: number; unchanged: number; failed: number; errorsStored: number };
  /** Who uploads: the owner and consent changes of its rows are theirs. */
  writer: LeadWriter;
}

/** CSV imports of leads: create, receive the file as a stream, report progress and errors. */
@Injectable()
export class LeadImportsService {
  constructor(
    private readonly db: DataSource,
    private readonly leads: LeadsService,
  ) {}

  /** The mapping last used for these headers, else one guessed from their names. */
  async suggestMapping(headers: string[]): Promise<LeadImportMappingDto> {
    const remembered = await findRememberedLeadImportMapping(this.db.manager, headerSignature(headers));
    const targets = await this.targets();
    return {
      mapping: remembered ?? guessLeadImportMapping(headers, targets),
      remembered: remembered !== undefined,
      targets,
    };
  }

  /** The lead fields and the workspace's custom attributes (as the schema stands now) a column can fill. */
  private async targets(): Promise<LeadImportTarget[]> {
    return leadImportTargets(await listLeadAttributes(this.db.manager));
  }

  /** Creates an import and remembers its mapping for these headers (422 naming what is wrong with the mapping). */
  async create(request: CreateLeadImportRequest, actor: AuditActor): Promise<LeadImportDto> {
    const issues = leadImportMappingIssues(request.headers, request.mapping, await this.targets());
    if (issues.length) throw new UnprocessableEntityException({ message: 'the mapping cannot be used', issues });
    const row = await this.db.transaction(async (tx) => {
      const created = await insertLeadImport(tx, {
        fileName: request.fileName,
        sizeBytes: request.sizeBytes ?? null,
        headers: request.headers,
        mapping: request.mapping,
        createdBy: actor.id,
      });
      await rememberLeadImportMapping(tx, headerSignature(request.headers), request.mapping);
      await recordAuditEntry(tx, {
        actor,
        action: 'leadImport.created',
        entityType: 'leadImport',
        entityId: created.id,
        after: { fileName: request.fileName, columns: request.headers.length, mapping: request.mapping },
      });
      return created;
    });
    return mapLeadImport(row, []);
  }

  /** The import's progress and one page of its errors (404 when there is no such import). */
  async getOrThrow(id: string, limit = 100, offset = 0): Promise<LeadImportDto> {
    const row = await this.findOrThrow(id);
    return mapLeadImport(row, await listLeadImportErrors(this.db.manager, id, limit, offset));
  }

  /** Every stored error of the import, by row, page by page (the CSV download); 404 before any is read. */
  async errorBatchesOrThrow(id: string): Promise<AsyncGenerator<LeadImportRowError[]>> {
    await this.findOrThrow(id);
    const db = this.db.manager;
    return (async function* () {
      for (let offset = 0; ; offset += 1_000) {
        const errors = await listLeadImportErrors(db, id, 1_000, offset);
        if (errors.length) yield errors;
        if (errors.length < 1_000) return;
      }
    })();
  }

  /**
   * Reads the file as it streams in, committing rows in chunks; an upload to an import with committed rows skips them
   * after checking they are the same rows (409 when not). A stream that breaks leaves the import `interrupted`.
   */
  async receive(id: string, body: AsyncIterable<Uint8Array>, actor: AuditActor): Promise<LeadImportDto> {
    const upload = await this.claimOrThrow(id, actor);
    try {
      const failure = await this.readFile(upload, body);
      await this.finish(upload, failure === null ? 'completed' : 'failed', failure, actor);
    } catch (error) {
      const reason = error instanceof HttpException ? error.message : `the upload stopped: ${(error as Error).message}`;
      await finishLeadImportUpload(this.db.manager, id, upload.uploadId, 'interrupted', reason, new Date());
      throw error;
    }
    return this.getOrThrow(id);
  }

  private async findOrThrow(id: string): Promise<LeadImportRow> {
    const row = isUuid(id) ? await findLeadImport(this.db.manager, id) : undefined;
    if (!row) throw new NotFoundException(`no import ${id}`);
    return row;
  }

  private async claimOrThrow(id: string, actor: AuditActor): Promise<Upload> {
    const uploadId = randomUUID();
    const row = isUuid(id) ? await claimLeadImportUpload(this.db.manager, id, uploadId) : undefined;
    if (!row) {
      const existing = await this.findOrThrow(id);
      throw new ConflictException(`import ${id} is ${existing.state}; create a new import to import the file again`);
    }
    return {
      id,
      uploadId,
      format: {
        headers: row.headers,
        mapping: row.mapping,
        targets: await this.targets(),
        maxFieldChars: LIMITS.maxFieldChars,
      },
      skip: row.committed_rows,
      skippedPrefix: row.prefix_sha256,
      hash: createHash('sha256'),
      headerSeen: false,
      dataRows: 0,
      bytes: 0,
      pending: [],
      totals: {
        created: row.created,
        updated: row.updated,
        unchanged: row.unchanged,
        failed: row.failed,
        errorsStored: row.errors_stored,
      },
      writer: { actor, source: `leadImport:${id}` },
    };
  }

  /** Reads every record; null when the whole file was imported, else why it stopped (a limit). */
  private async readFile(upload: Upload, body: AsyncIterable<Uint8Array>): Promise<string | null> {
    const reader = createCsvRecordReader({ maxFieldChars: LIMITS.maxFieldChars, maxCells: LIMITS.maxColumns });
    const decoder = new TextDecoder('utf-8');
    for await (const chunk of body) {
      upload.bytes += chunk.length;
      if (upload.bytes > LIMITS.maxFileBytes) {
        await this.commit(upload);
        return `the file is larger than ${LIMITS.maxFileBytes} bytes; the rows before that point were imported`;
      }
      for (const cells of reader.push(decoder.decode(chunk, { stream: true }))) {
        const failure = await this.take(upload, cells);
        if (failure) return failure;
      }
    }
    for (const cells of [...reader.push(decoder.decode()), ...reader.end()]) {
      const failure = await this.take(upload, cells);
      if (failure) return failure;
    }
    if (!upload.headerSeen)
      throw new UnprocessableEntityException({
        message: 'the file is empty',
        issues: [{ field: 'headers', reason: 'expected a header row' }],
      });
    if (upload.dataRows < upload.skip)
      throw new ConflictException(
        `the file has ${upload.dataRows} rows but ${upload.skip} were already imported from this import's file`,
      );
    await this.commit(upload);
    return null;
  }

  /** Takes one record: the header, a row already committed (checked, skipped) or a row to import. */
  private async take(upload: Upload, cells: string[]): Promise<string | null> {
    if (!upload.headerSeen) {
      upload.headerSeen = true;
      if (headerSignature(cells) !== headerSignature(upload.format.headers))
        throw new UnprocessableEntityException({
          message: "the file's header row differs from the import's",
          issues: [{ field: 'headers', reason: `expected ${upload.format.headers.join(',')}` }],
        });
      return null;
    }
    upload.dataRows += 1;
    if (upload.dataRows > LIMITS.maxRows) {
      await this.commit(upload);
      return `the file has more than ${LIMITS.maxRows} rows; the first ${LIMITS.maxRows} were imported`;
    }
    upload.hash.update(`${JSON.stringify(cells)}\n`);
    if (upload.dataRows <= upload.skip) {
      if (upload.dataRows === upload.skip && upload.hash.copy().digest('hex') !== upload.skippedPrefix)
        throw new ConflictException(
          `the first ${upload.skip} rows differ from the file this import started with; create a new import for another file`,
        );
      return null;
    }
    upload.pending.push({ row: upload.dataRows + 1, cells });
    if (upload.pending.length >= LIMITS.chunkRows) await this.commit(upload);
    return null;
  }

  /** Imports the pending rows and records the import's new totals with their errors in one transaction. */
  private async commit(upload: Upload): Promise<void> {
    const rows = upload.pending;
    upload.pending = [];
    const outcome = await importLeadRows(this.db.manager, this.leads, upload.format, rows, new Date(), upload.writer);
    const t = upload.totals;
    const errors = outcome.errors.slice(0, Math.max(0, LIMITS.maxStoredErrors - t.errorsStored));
    const next = {
      created: t.created + outcome.created,
      updated: t.updated + outcome.updated,
      unchanged: t.unchanged + outcome.unchanged,
      failed: t.failed + outcome.failed,
      errorsStored: t.errorsStored + errors.length,
    };
    const committed = await this.db.transaction((tx) =>
      commitLeadImportChunk(tx, {
        id: upload.id,
        uploadId: upload.uploadId,
        committedRows: Math.min(upload.dataRows, LIMITS.maxRows),
        prefixSha256: upload.hash.copy().digest('hex'),
        bytesRead: upload.bytes,
        rowsRead: Math.min(upload.dataRows, LIMITS.maxRows),
        ...next,
        errors,
      }),
    );
    if (!committed) throw new ConflictException('a newer upload of this import took it over');
    upload.totals = next;
  }

  private async finish(upload: Upload, state: 'completed' | 'failed', failure: string | null, actor: AuditActor) {
    await this.db.transaction(async (tx) => {
      await finishLeadImportUpload(tx, upload.id, upload.uploadId, state, failure, new Date());
      await recordAuditEntry(tx, {
        actor,
        action: 'leadImport.finished',
        entityType: 'leadImport',
        entityId: upload.id,
        after: { state, rows: upload.dataRows, ...upload.totals },
      });
    });
  }
}
