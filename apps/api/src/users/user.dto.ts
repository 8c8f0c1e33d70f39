import type { OutOfOffice, OutOfOfficeRequest, UserSummary } from '@segflow/api-contracts';
import { z } from 'zod';
import { acceptsContract } from '../common/accepts-contract';
import { ROLES } from '../auth/roles';
import type { OutOfOfficeEntity } from './out-of-office.entity';

/** What the API returns for a user: never the password hash (libs/api-contracts). */
export type UserDto = UserSummary;

/**
 * Users with their routing fields; append a WHERE. Selected under the DTO's names so rows map one to one.
 * Used by the users service and by session resolution, so both see the same `teamId`.
 */
export const SELECT_USERS_SQL = `
  SELECT u.id, u.email, u.name, u.role, u.active, to_char(u.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
         COALESCE(r.team_id, (SELECT t.id FROM teams t WHERE t.manager_id = u.id ORDER BY t.name LIMIT 1)) AS "teamId",
         r.capacity
    FROM users u LEFT JOIN reps r ON r.user_id = u.id`;

export type OutOfOfficeDto = OutOfOffice;

export const mapOutOfOffice = (period: OutOfOfficeEntity): OutOfOfficeDto => ({
  id: period.id,
  repId: period.repId,
  startsAt: period.startsAt.toISOString(),
  endsAt: period.endsAt.toISOString(),
  note: period.note,
});

/** A new password, wherever one is set. */
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);
const password = passwordSchema;

export const createUserSchema = z.object({
  email: z.string().trim().toLowerCase().email(),
  name: z.string().trim().min(1).max(200),
  role: z.enum(ROLES),
  password,
  teamId: z.string().min(1).nullable().default(null),
  capacity: z.number().int().positive().nullable().default(null),
});
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password,
    teamId: z.string().min(1).nullable(),
    capacity: z.number().int().positive().nullable(),
    active: z.boolean(),
  })
  .partial();
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** Longest out-of-office period: a year. Longer absences are a deactivated user or a team change, not a period. */
export const MAX_OUT_OF_OFFICE_DAYS = 365;
const DAY_MS = 86_400_000;

/** Body of `POST /users/:id/out-of-office`; that it ends in the future is checked against the clock by UsersService. */
export const outOfOfficeSchema = acceptsContract<OutOfOfficeRequest>()(z
  .object({ startsAt: z.coerce.date(), endsAt: z.coerce.date(), note: z.string().max(500).nullable().default(null) })
  .refine((p) => p.endsAt > p.startsAt, { message: 'must be after startsAt', path: ['endsAt'] })
  .refine((p) => p.endsAt.getTime() - p.startsAt.getTime() <= MAX_OUT_OF_OFFICE_DAYS * DAY_MS, {
    message: `must be at most ${MAX_OUT_OF_OFFICE_DAYS} days after startsAt`,
    path: ['endsAt'],
  }));
export type OutOfOfficeInput = z.infer<typeof outOfOfficeSchema>;
