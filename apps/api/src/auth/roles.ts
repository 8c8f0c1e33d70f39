/** The roles a user can have. `admin` passes every role check. */
export const ROLES = ['ops', 'rep', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who may call an endpoint that declares no roles: everyone but reps (reps only see what is opened to them). */
export const DEFAULT_ROLES: readonly Role[] = ['ops', 'manager', 'admin'];

/** Whether a user of `role` may call an endpoint open to `allowed`. */
export function isRoleAllowed(role: Role, allowed: readonly Role[]): boolean {
  return role === 'admin' || allowed.includes(role);
}
