import { z } from 'zod';

/** A new password, wherever one is set (sign-up of a user by an admin, a password change). */
export const passwordSchema = z.string().min(8, 'at least 8 characters').max(200);
