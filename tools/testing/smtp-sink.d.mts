// Types for the specs (tools/ runs as plain ES modules, without a compile step).
export function startSmtpSink(options?: {
  onMessageId?: (messageId: string) => void;
}): Promise<{ url: string; stop(): Promise<void> }>;
