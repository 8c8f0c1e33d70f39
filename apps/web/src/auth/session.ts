import { useQuery } from '@tanstack/react-query';
import type { CurrentUser, SignedIn, SignInRequest, UserRole } from '@segflow/api-contracts';
import { requestJson } from '../api/http';
import { queryKeys } from '../query/keys';

export type Role = UserRole;
export type { CurrentUser };

export const SIGN_IN_PATH = '/sign-in';

/** Signs in; the API sets the HttpOnly session cookie, so nothing is kept in JavaScript. */
export const signIn = (email: string, password: string) =>
  requestJson<SignedIn>('/api/auth/sign-in', { method: 'POST', body: { email, password } satisfies SignInRequest });

export const signOut = () => requestJson<void>('/api/auth/sign-out', { method: 'POST' });

export const fetchCurrentUser = () => requestJson<CurrentUser>('/api/auth/me');

/** Where to go after signing in: the `next` parameter when it is a local path, else the role's home page. */
export function pathAfterSignIn(search: string, role: Role): string {
  const next = new URLSearchParams(search).get('next');
  if (next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith(SIGN_IN_PATH)) return next;
  return homePathOf(role);
}

/** The page a role lands on. */
export function homePathOf(role: Role): string {
  if (role === 'rep') return '/inbox';
  if (role === 'manager') return '/dashboard';
  return '/leads';
}

/** The current user, loaded once and shared by every component (a 401 redirects to the sign-in page through requestJson). */
export function useCurrentUser(): CurrentUser | null {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchCurrentUser, staleTime: Infinity }).data ?? null;
}
