import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

function formatValue(value) {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'number') return Number.isInteger(value) ? String(value) : value.toPrecision(4);
  if (typeof value === 'object') {
    if ('value' in value)
      return `${formatValue(value.value)}${value.unit ? ` ${value.unit}` : ''}${value.label ? ` (${value.label})` : ''}`;
    return Object.entries(value)
      .map(([k, v]) => `${k}: ${formatValue(v)}`)
      .join(', ');
  }
  return String(value);
}

/** Markdown table of every bench/results/*.json: question, figure, baseline, ratio, machine, date. */
export function renderBenchTable(resultsDir) {
  const files = readdirSync(resultsDir)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const rows = files.flatMap((file) => {
    const result = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'));
    const entries = Array.isArray(result) ? result : [result];
    return entries.map((r) => {
      const machine = r.machine ? `${r.machine.cores} cores, ${r.machine.memoryGb} GB` : '–';
      const unit = r.unit ? ` (${r.unit})` : '';
      return `| ${r.question ?? r.name}${unit} | ${formatValue(r.figure)} | ${formatValue(r.baseline)} | ${formatValue(r.ratio)} | ${machine} | ${String(r.date ?? '').slice(0, 10)} |`;
    });
  });
  return [
    '| question | figure | baseline (same run) | ratio | machine | date |',
    '|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Replaces what stands between the README's `<!-- name:start -->` and `<!-- name:end -->` markers with `text`. */
export function replaceReadmeSection(readmePath, name, text) {
  const [startMarker, endMarker] = [`<!-- ${name}:start -->`, `<!-- ${name}:end -->`];
  const readme = readFileSync(readmePath, 'utf8');
  const start = readme.indexOf(startMarker);
  const end = readme.indexOf(endMarker);
  if (start < 0 || end < start) throw new Error(`README has no ${startMarker} … ${endMarker} section`);
  writeFileSync(readmePath, `${readme.slice(0, start + startMarker.length)}\n${text}\n${readme.slice(end)}`);
}

/** Replaces the table between the bench markers of the README. */
export function updateReadmeBenchTable(readmePath, resultsDir) {
  replaceReadmeSection(readmePath, 'bench', renderBenchTable(resultsDir));
}
