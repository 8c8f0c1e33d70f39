import type { LeadImportDto, LeadImportMappingDto } from '@segflow/api-contracts';
import { leadImportMappingIssues, type LeadImportMapping, type LeadImportTarget } from '@segflow/scoring';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError } from '../api/http';
import {
  createLeadImport,
  getLeadImport,
  leadImportErrorsCsvUrl,
  suggestLeadImportMapping,
  uploadLeadImportFile,
} from '../api/lead-imports';
import { queryKeys } from '../query/keys';
import { PREVIEW_BYTES, previewRows, readFileHead, type FileHead } from './lead-import-preview';

const FINAL_STATES = new Set(['completed', 'failed']);
const messageOf = (error: unknown) =>
  error instanceof ApiError && error.issues.length
    ? error.issues.map((i) => `${i.field}: ${i.reason}`).join('; ')
    : (error as Error).message;

interface Chosen {
  file: File;
  head: FileHead;
  suggestion: LeadImportMappingDto;
}

/**
 * CSV import of leads: choose a file, map its columns (pre-filled with the mapping last used for the same header row),
 * check a preview judged by the import's own rules, then stream the file to the API with a progress bar and see the
 * rows that failed. An interrupted upload resumes by sending the same file to the same import.
 */
export function LeadImportPage() {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [mapping, setMapping] = useState<LeadImportMapping>({});
  const [importId, setImportId] = useState<string | null>(null);
  const [uploading, setUploading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const queryClient = useQueryClient();

  const progress = useQuery({
    queryKey: queryKeys.leadImports.detail(importId),
    queryFn: () => getLeadImport(importId!),
    enabled: importId !== null,
    // Polled while the file streams; the upload's own answer ends it.
    refetchInterval: uploading ? 500 : false,
  });

  const choose = async (file: File | undefined) => {
    setError(null);
    setImportId(null);
    if (!file) return setChosen(null);
    try {
      const head = readFileHead(await file.slice(0, PREVIEW_BYTES).text(), file.size <= PREVIEW_BYTES);
      if (!head.headers.length) throw new Error('the file has no header row');
      const suggestion = await suggestLeadImportMapping(head.headers);
      setChosen({ file, head, suggestion });
      setMapping(suggestion.mapping);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const upload = async (id: string, file: File) => {
    setUploading(true);
    setError(null);
    try {
      await uploadLeadImportFile(id, file);
    } catch (e) {
      setError(`The upload stopped (${messageOf(e)}). Resume sends the file again; rows already imported are skipped.`);
    } finally {
      setUploading(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.leadImports.detail(id) });
    }
  };

  const start = async () => {
    if (!chosen) return;
    try {
      const created = await createLeadImport({
        fileName: chosen.file.name,
        sizeBytes: chosen.file.size,
        headers: chosen.head.headers,
        mapping,
      });
      setImportId(created.id);
      await upload(created.id, chosen.file);
    } catch (e) {
      setError(messageOf(e));
    }
  };

  const dto = progress.data;
  const mappingIssues = chosen ? leadImportMappingIssues(chosen.head.headers, mapping, chosen.suggestion.targets) : [];
  return (
    <section>
      <h1>Import leads</h1>
      <p className="muted">
        A CSV file with a header row; each row is upserted by its externalId with the rules of the lead API.
      </p>
      <div className="card inline-form">
        <label>
          CSV file
          <input type="file" accept=".csv,text/csv" onChange={(e) => void choose(e.target.files?.[0])} />
        </label>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {chosen && !importId && (
        <>
          <MappingForm chosen={chosen} mapping={mapping} onChange={setMapping} />
          <PreviewTable head={chosen.head} mapping={mapping} targets={chosen.suggestion.targets} />
          {mappingIssues.map((i) => (
            <p key={`${i.field}${i.reason}`} className="error">
              {i.reason}
            </p>
          ))}
          <button type="button" disabled={mappingIssues.length > 0} onClick={() => void start()}>
            Import {chosen.file.name}
          </button>
        </>
      )}
      {dto && <ImportProgress dto={dto} />}
      {dto && chosen && !uploading && (dto.state === 'interrupted' || dto.state === 'receiving') && (
        <button type="button" onClick={() => void upload(dto.id, chosen.file)}>
          Resume upload
        </button>
      )}
      {dto && FINAL_STATES.has(dto.state) && <ImportErrors dto={dto} />}
    </section>
  );
}

function MappingForm(props: { chosen: Chosen; mapping: LeadImportMapping; onChange: (m: LeadImportMapping) => void }) {
  const { chosen, mapping, onChange } = props;
  const setTarget = (column: string, target: string) =>
    onChange({
      ...Object.fromEntries(Object.entries(mapping).filter(([c]) => c !== column)),
      ...(target ? { [column]: target } : {}),
    });
  return (
    <form className="card" aria-label="Column mapping" onSubmit={(e) => e.preventDefault()}>
      <h2>Columns</h2>
      <p className="muted">
        {chosen.suggestion.remembered
          ? 'The mapping last used for these columns.'
          : 'Guessed from the column names; it is remembered for files with the same columns.'}
      </p>
      {chosen.head.headers.map((column) => (
        <label key={column} className="inline-form">
          {column}
          <select
            aria-label={`Lead field for ${column}`}
            value={mapping[column] ?? ''}
            onChange={(e) => setTarget(column, e.target.value)}
          >
            <option value="">(skip)</option>
            {chosen.suggestion.targets.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
                {t.required ? ' (required)' : ''}
              </option>
            ))}
          </select>
        </label>
      ))}
    </form>
  );
}

function PreviewTable({
  head,
  mapping,
  targets,
}: {
  head: FileHead;
  mapping: LeadImportMapping;
  targets: readonly LeadImportTarget[];
}) {
  const rows = previewRows(head, mapping, targets);
  return (
    <table className="table" aria-label="Preview">
      <thead>
        <tr>
          <th>Row</th>
          {head.headers.map((h) => (
            <th key={h}>{h}</th>
          ))}
          <th>Problems</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.row}>
            <td>{r.row}</td>
            {head.headers.map((h, i) => (
              <td key={h} className={r.cellIssues.has(h) ? 'error' : undefined} title={r.cellIssues.get(h)}>
                {r.cells[i]}
              </td>
            ))}
            <td className="error">
              {[...r.cellIssues.values(), ...r.rowIssues.map((i) => `${i.field}: ${i.reason}`)].join('; ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ImportProgress({ dto }: { dto: LeadImportDto }) {
  const done = FINAL_STATES.has(dto.state);
  return (
    <div className="card" aria-label="Import progress">
      <progress
        max={dto.sizeBytes || 1}
        value={done ? dto.sizeBytes || 1 : Math.min(dto.bytesRead, dto.sizeBytes ?? 0)}
        aria-label="Upload progress"
      />
      <p role="status">
        {dto.state}: {dto.rowsRead} rows read · {dto.created} created · {dto.updated} updated · {dto.unchanged}{' '}
        unchanged · {dto.failed} failed
      </p>
      {dto.failure && <p className="error">{dto.failure}</p>}
    </div>
  );
}

function ImportErrors({ dto }: { dto: LeadImportDto }) {
  if (!dto.errorsTotal) return <p className="muted">No row failed.</p>;
  return (
    <>
      <p>
        <a href={leadImportErrorsCsvUrl(dto.id)} download>
          Download errors (CSV)
        </a>{' '}
        <span className="muted">
          {dto.errors.length < dto.errorsTotal ? `the first ${dto.errors.length} of ${dto.errorsTotal} shown` : ''}
        </span>
      </p>
      <table className="table" aria-label="Row errors">
        <thead>
          <tr>
            <th>Row</th>
            <th>Field</th>
            <th>Column</th>
            <th>Reason</th>
          </tr>
        </thead>
        <tbody>
          {dto.errors.map((e, i) => (
            <tr key={`${e.row}-${i}`}>
              <td>{e.row}</td>
              <td>{e.field}</td>
              <td>{e.column ?? '—'}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
