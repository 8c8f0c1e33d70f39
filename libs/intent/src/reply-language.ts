/** `en` English, `hi-Latn` romanised Hindi mixed with English ("kal call karo"), `hi` Hindi in Devanagari. */
export const REPLY_LANGUAGES = ['en', 'hi-Latn', 'hi'] as const;

export type ReplyLanguage = (typeof REPLY_LANGUAGES)[number];
