import type { UserRole } from '@segflow/stores';

/** The roles a user can have (kept by the users store). `admin` passes every role check. */
export { USER_ROLES as ROLES } from '@segflow/stores';
export type Role = UserRole;

/** Who may call an endpoint that declares no roles: everyone but reps (reps only see what is opened to them). */
export const DEFAULT_ROLES: readonly Role[] = ['ops', 'manager', 'admin'];

/** Whether a user of `role` may call an endpoint open to `allowed`. */
export function isRoleAllowed(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}
