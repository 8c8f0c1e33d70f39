import { createHmac } from 'node:crypto';
import type { FactoryProvider } from '@nestjs/common';
import type { Signer } from '@segflow/channels';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** Injection token of the HMAC signer over `SEGFLOW_SECRET` (null when the secret is unset: no token verifies). */
export const SEGFLOW_SIGNER = Symbol('SEGFLOW_SIGNER');

/** The signer libs/channels' tokens and reply addresses are made and checked with; the worker signs the same way. */
export function segflowSigner(secret: string): Signer {
  return (data) => createHmac('sha256', secret).update(data).digest('base64url');
}

export const segflowSignerProvider: FactoryProvider<Signer | null> = {
  provide: SEGFLOW_SIGNER,
  inject: [APP_CONFIG],
  useFactory: (config: AppConfig) => (config.SEGFLOW_SECRET ? segflowSigner(config.SEGFLOW_SECRET) : null),
};
