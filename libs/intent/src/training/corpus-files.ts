/** The corpus files under libs/intent/corpus, one per language (tools/train-intent.mjs and the specs read them). */
export const CORPUS_FILES = ['en.jsonl', 'hi-Latn.jsonl', 'hi.jsonl'] as const;
