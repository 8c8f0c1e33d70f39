import type {
  CreateUserRequest,
  OutOfOffice,
  OutOfOfficeRequest,
  UpdateUserRequest,
  UserSummary,
} from '@segflow/api-contracts';
import { z } from 'zod';
import { passwordSchema } from '../auth/password-policy';
import { ROLES } from '../auth/roles';
import { acceptsContract } from '../common/accepts-contract';
import type { OutOfOfficeRow } from '@segflow/stores';

/**
 * What the API returns for a user: never the password hash. `teamId` is a rep's team or a manager's (first) team.
 * The users store selects it under these names, so rows map one to one.
 */
export type UserDto = UserSummary;

export type OutOfOfficeDto = OutOfOffice;

export const mapOutOfOffice = (period: OutOfOfficeRow): OutOfOfficeDto => ({
  id: period.id,
  repId: period.repId,
  startsAt: period.startsAt.toISOString(),
  endsAt: period.endsAt.toISOString(),
  note: period.note,
});

export const createUserSchema = acceptsContract<CreateUserRequest>()(
  z.object({
    email: z.string().trim().toLowerCase().email(),
    name: z.string().trim().min(1).max(200),
    role: z.enum(ROLES),
    password: passwordSchema,
    teamId: z.string().min(1).nullable().default(null),
    capacity: z.number().int().positive().nullable().default(null),
  }),
);
export type CreateUser = z.infer<typeof createUserSchema>;

export const updateUserSchema = acceptsContract<UpdateUserRequest>()(
  z
    .object({
      name: z.string().trim().min(1).max(200),
      role: z.enum(ROLES),
      password: passwordSchema,
      teamId: z.string().min(1).nullable(),
      capacity: z.number().int().positive().nullable(),
      active: z.boolean(),
    })
    .partial(),
);
export type UpdateUser = z.infer<typeof updateUserSchema>;

/** Longest out-of-office period: a year. Longer absences are a deactivated user or a team change, not a period. */
export const MAX_OUT_OF_OFFICE_DAYS = 365;
const DAY_MS = 86_400_000;

/** Body of `POST /users/:id/out-of-office`; that it ends in the future is checked against the clock by UsersService. */
export const outOfOfficeSchema = acceptsContract<OutOfOfficeRequest>()(
  z
    .object({ startsAt: z.coerce.date(), endsAt: z.coerce.date(), note: z.string().max(500).nullable().default(null) })
    .refine((p) => p.endsAt > p.startsAt, { message: 'must be after startsAt', path: ['endsAt'] })
    .refine((p) => p.endsAt.getTime() - p.startsAt.getTime() <= MAX_OUT_OF_OFFICE_DAYS * DAY_MS, {
      message: `must be at most ${MAX_OUT_OF_OFFICE_DAYS} days after startsAt`,
      path: ['endsAt'],
    }),
);
export type OutOfOfficeInput = z.infer<typeof outOfOfficeSchema>;
