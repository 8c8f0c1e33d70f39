/**
 * The RFC 5322 Message-ID of a touch, derived from its idempotency key (`runId:nodeId:visit`), so a retried send
 * carries the same id and a receiving system (or our own threading) can tell it is the same message.
 * Characters outside RFC 5322's dot-atom text are replaced, keeping the id stable for any node id.
 *
 * @example
 * messageIdFor('3f0c…:send-1:1', 'mail.segflow.local'); // '<3f0c….send-1.1@mail.segflow.local>'
 */
export function messageIdFor(idempotencyKey: string, domain: string): string {
  const local = idempotencyKey
    .replace(/:/g, '.')
    .replace(/[^A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]/g, '-')
    .replace(/\.{2,}/g, '.');
  return `<${local}@${domain}>`;
}

/**
 * The bare ids (without angle brackets) in a `Message-ID`, `In-Reply-To` or `References` header value.
 *
 * @example
 * messageIdsIn('<a@x> <b@y>'); // ['a@x', 'b@y']
 */
export function messageIdsIn(header: string | null | undefined): string[] {
  return [...(header ?? '').matchAll(/<([^<>\s]+)>/g)].map((m) => m[1] as string);
}
