/** The API's JSON log lines written to stdout while {@link captureLog} listens (the API logs there; see api-logger). */
export interface CapturedLog {
  /** Everything written, as written. */
  text(): string;
  /** The JSON lines, parsed. */
  lines(): Array<Record<string, unknown>>;
  stop(): void;
}

/**
 * Captures what the in-process API writes to stdout (not echoed) until `stop()`: for specs that assert a log line's
 * fields. Lines that are not JSON are skipped.
 */
export function captureLog(): CapturedLog {
  const chunks: string[] = [];
  const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  const text = () => chunks.join('');
  return {
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    stop: () => write.mockRestore(),
  };
}
