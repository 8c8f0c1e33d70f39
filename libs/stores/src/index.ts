export * from './queryable';
export * from './outbox.store';
export * from './run-targets.store';
export * from './inbound-messages.store';
export * from './sandbox-mail.store';
export * from './whatsapp-sandbox-messages.store';
export * from './whatsapp-lookups.store';
