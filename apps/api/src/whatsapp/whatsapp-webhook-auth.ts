import { Readable } from 'node:stream';
import { PayloadTooLargeException, UnauthorizedException } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { isValidWhatsAppSignature } from './whatsapp-signature';

/** The route Meta posts to; its POSTs are authenticated on the raw bytes before any parsing. */
export const WHATSAPP_WEBHOOK_PATH = '/api/webhooks/whatsapp';

/** Largest webhook body read: Meta batches at most a few hundred KB; anything bigger is refused unread (413). */
export const WHATSAPP_WEBHOOK_MAX_BYTES = 1024 * 1024;

async function readAll(payload: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of payload) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    size += buffer.length;
    if (size > WHATSAPP_WEBHOOK_MAX_BYTES)
      throw new PayloadTooLargeException(`webhook body over ${WHATSAPP_WEBHOOK_MAX_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/**
 * Checks `X-Hub-Signature-256` of every POST to {@link WHATSAPP_WEBHOOK_PATH} against the raw body, before Fastify
 * parses it (DESIGN invariant 11: nothing is stored, or even parsed, before it is authenticated): a missing or wrong
 * signature, or no configured app secret, is 401. Other routes are untouched.
 */
export function registerWhatsAppWebhookAuth(fastify: FastifyInstance, appSecret: string | undefined): void {
  fastify.addHook('preParsing', async (request, _reply, payload) => {
    if (request.method !== 'POST' || request.url.split('?')[0] !== WHATSAPP_WEBHOOK_PATH) return payload;
    const raw = await readAll(payload);
    const signature = request.headers['x-hub-signature-256'];
    if (
      !appSecret ||
      !isValidWhatsAppSignature(raw, typeof signature === 'string' ? signature : undefined, appSecret)
    ) {
      throw new UnauthorizedException(
        'X-Hub-Signature-256 does not match the body (or WHATSAPP_APP_SECRET is not set)',
      );
    }
    // Fastify reads the replacement stream; receivedEncodedLength lets its body-length check pass.
    return Object.assign(Readable.from([raw]), { receivedEncodedLength: raw.length });
  });
}
