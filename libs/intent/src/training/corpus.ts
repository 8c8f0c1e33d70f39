import { isReplyIntent, type ReplyIntent } from '../reply-intents';
import { REPLY_LANGUAGES, type ReplyLanguage } from '../reply-language';

/** `train` examples fit the model; `eval` examples are held out for the benchmark and never seen in training. */
export type CorpusSplit = 'train' | 'eval';

export interface CorpusExample {
  text: string;
  intent: ReplyIntent;
  language: ReplyLanguage;
  split: CorpusSplit;
}

/**
 * The examples of one corpus file (JSON Lines: one `{ text, intent, language, split }` object a line; blank lines
 * skipped). A bad line throws an error naming the file's line and the field.
 */
export function parseCorpus(jsonl: string, source = 'corpus'): CorpusExample[] {
  return jsonl.split('\n').flatMap((line, index) => {
    if (line.trim() === '') return [];
    const where = `${source}:${index + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new Error(`${where}: not a JSON object`);
    }
    return [exampleOf(value, where)];
  });
}

function exampleOf(value: unknown, where: string): CorpusExample {
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not a JSON object`);
  const { text, intent, language, split } = value as Record<string, unknown>;
  if (typeof text !== 'string' || text.trim() === '') throw new Error(`${where}: text must be a non-empty string`);
  if (typeof intent !== 'string' || !isReplyIntent(intent))
    throw new Error(`${where}: intent ${String(intent)} is not a reply intent`);
  if (!(REPLY_LANGUAGES as readonly unknown[]).includes(language))
    throw new Error(`${where}: language must be one of ${REPLY_LANGUAGES.join(', ')}`);
  if (split !== 'train' && split !== 'eval') throw new Error(`${where}: split must be train or eval`);
  return { text, intent, language: language as ReplyLanguage, split };
}
