/**
 * The new text of a reply without the quoted history mail clients append below (or above) it: everything from the
 * first attribution line (`On … wrote:`, Gmail's `---------- Forwarded message`, Outlook's `-----Original Message-----`
 * or its `From: … Sent: …` block), every `>`-quoted line, and the signature (from a `--` delimiter line or a mobile
 * footer such as "Sent from my iPhone" on). Text in any language passes through untouched; only those markers are
 * recognised, so a Hinglish or Hindi reply keeps every word.
 */
const HISTORY_STARTS: readonly RegExp[] = [
  /^\s*On\b.{0,300}\bwrote:\s*$/i, // Gmail, Apple Mail, Thunderbird ("On Mon, 1 Dec 2025 at 10:00, Asha <a@x.in> wrote:")
  /^\s*-{2,}\s*Original Message\s*-{2,}\s*$/i, // Outlook
  /^\s*-{2,}\s*Forwarded message\s*-{2,}\s*$/i, // Gmail forward
  /^_{10,}\s*$/, // Outlook's rule above its From:/Sent: block
  /^--\s*$/, // the signature delimiter ("-- ", RFC 3676)
  /^\s*(Sent from my \w+|Sent from (Yahoo )?Mail\b|Get Outlook for (iOS|Android))/i, // mobile footers
  /^\s*From:\s.+$/i, // Outlook without a rule: From:, then Sent: / Date: on the next lines
];

/**
 * @example
 * stripQuotedReply('Haan ji, call kar lijiye\n\nOn Mon, 1 Dec 2025, Rahul <r@x.in> wrote:\n> Shall we talk?');
 * // 'Haan ji, call kar lijiye'
 */
export function stripQuotedReply(text: string): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] as string;
    if (isHistoryStart(line, lines[i + 1], lines[i + 2])) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line);
  }
  return kept.join('\n').trim();
}

function isHistoryStart(line: string, next: string | undefined, afterNext: string | undefined): boolean {
  // Gmail wraps a long attribution over two lines: "On Mon, … Asha Rao <" / "asha@x.in> wrote:".
  if (/^\s*On\b/i.test(line) && next !== undefined && /\bwrote:\s*$/i.test(next) && !/\bwrote:/i.test(line))
    return true;
  const matched = HISTORY_STARTS.findIndex((pattern) => pattern.test(line));
  if (matched === -1) return false;
  // A bare "From:" line starts history only when an Outlook header block follows it.
  if (matched === HISTORY_STARTS.length - 1)
    return [next, afterNext].some((l) => l !== undefined && /^\s*(Sent|Date):\s/i.test(l));
  return true;
}
