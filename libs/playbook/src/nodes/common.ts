import { CONTACT_CHANNELS, EVENT_TYPES } from '@segflow/events';
import { z } from 'zod';

/** Shortest wait or timeout a playbook may configure, in minutes. */
export const MIN_DURATION_MINUTES = 1;

/** Longest wait or timeout a playbook may configure: 90 days, in minutes. */
export const MAX_DURATION_MINUTES = 90 * 24 * 60;

/**
 * Channels a lead can be contacted on. LinkedIn messages are sent by a rep, so the interpreter turns a
 * LinkedIn `send` into a rep task instead of a provider delivery.
 *
 * @example
 * channelSchema.parse('email'); // 'email'
 */
export const channelSchema = z.enum(CONTACT_CHANNELS);

/** A contact channel: `email`, `whatsapp` or `linkedin`. */
export type Channel = z.infer<typeof channelSchema>;

/**
 * A whole number of minutes. Only the type is checked here; the 1 minute … 90 days range is a
 * `validatePlaybook` rule so the editor can show it as a badge on a draft instead of refusing to load it.
 *
 * @example
 * minutesSchema.parse(2880); // two days
 */
export const minutesSchema = z.number().int().nonnegative();

/**
 * An event type of the vocabulary (`@segflow/events` EVENT_TYPES), such as `email_reply` or `demo_booked`:
 * the names `POST /api/events` accepts, so a wait, branch or goal can only name events that can really arrive.
 *
 * @example
 * eventTypeSchema.parse('demo_booked');
 */
export const eventTypeSchema = z.enum(EVENT_TYPES);
