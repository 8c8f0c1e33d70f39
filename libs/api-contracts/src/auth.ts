import type { UserRole } from './people';

/** The signed-in user (`GET /api/auth/me`, and in the sign-in answer). */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  teamId: string | null;
}

/** Body of `POST /api/auth/sign-in`. */
export interface SignInRequest {
  email: string;
  password: string;
}

/** What signing in answers; the session also travels as an HttpOnly cookie, which is what the web app uses. */
export interface SignedIn {
  token: string;
  expiresAt: string;
  user: CurrentUser;
}
