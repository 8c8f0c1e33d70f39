import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { LessThan, Repository } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { SELECT_USERS_SQL } from '../users/user.dto';
import { UserEntity } from '../users/user.entity';
import { PasswordHasher } from './password-hasher';
import { PrincipalCache } from './principal-cache';
import type { Principal, SessionUser, UserPrincipal } from './principal';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';
import { SESSIONS_ENDED_CHANNEL } from './ended-sessions';
import { SessionEntity } from './session.entity';

export interface SignedIn {
  token: string;
  expiresAt: Date;
  user: SessionUser;
}

const toSessionUser = (user: SessionUser): SessionUser => ({
  id: user.id,
  email: user.email,
  name: user.name,
  role: user.role,
  teamId: user.teamId,
});

/** Password sign-in, opaque session tokens with a fixed lifetime, sign-out. */
@Injectable()
export class SessionsService {
  constructor(
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: PrincipalCache,
  ) {}

  /** 401 with one message for an unknown email, a wrong password or a deactivated user. */
  async signInOrThrow(email: string, password: string, now = new Date()): Promise<SignedIn> {
    const user = await this.users.findOneBy({ email: email.trim().toLowerCase() });
    const check = await this.passwords.check(password, user?.passwordHash);
    if (!user || !check.correct || !user.active) throw new UnauthorizedException('wrong email or password');
    if (check.needsRehash) await this.users.update({ id: user.id }, { passwordHash: await this.passwords.hash(password) });
    const token = generateSecretToken('sfs');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await this.sessions.insert({ tokenHash: hashSecretToken(token), userId: user.id, expiresAt });
    // Expired sessions are swept here rather than by a timer: sign-ins are rare and this stays one indexed delete.
    await this.sessions.delete({ expiresAt: LessThan(now) });
    const [sessionUser] = await this.users.query(`${SELECT_USERS_SQL} WHERE u.id = $1`, [user.id]);
    return { token, expiresAt, user: toSessionUser(sessionUser) };
  }

  async signOut(sessionId: string): Promise<void> {
    // Every replica's EndedSessions hears the id (forgets its cached principal, ends its streams) once this commits.
    await this.sessions.query(
      `WITH ended AS (DELETE FROM sessions WHERE id = $1 RETURNING id) SELECT pg_notify($2, id::text) FROM ended`,
      [sessionId, SESSIONS_ENDED_CHANNEL],
    );
    this.cache.forgetSession(sessionId);
  }

  /** 401 when `currentPassword` is wrong; else stores the new password and ends the user's other sessions. */
  async changePasswordOrThrow(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await this.users.findOneByOrFail({ id: principal.user.id });
    if (!(await this.passwords.check(currentPassword, user.passwordHash)).correct) throw new UnauthorizedException('currentPassword: wrong password');
    await this.users.update({ id: user.id }, { passwordHash: await this.passwords.hash(newPassword) });
    await this.endSessionsOf(user.id, principal.sessionId);
  }

  /** Ends every session of the user but `keep` (password changed, user deactivated), and their open streams. */
  async endSessionsOf(userId: string, keep: string | null = null): Promise<void> {
    await this.sessions.query(
      `WITH ended AS (DELETE FROM sessions WHERE user_id = $1 AND id IS DISTINCT FROM $2 RETURNING id) SELECT pg_notify($3, id::text) FROM ended`,
      [userId, keep, SESSIONS_ENDED_CHANNEL],
    );
    this.cache.forgetUser(userId);
  }

  /**
   * The user behind a live session token of an active user, else null (junk and recent refusals without a lookup).
   * Expiry uses the clock that set it.
   */
  async resolve(token: string, now = new Date()): Promise<Principal | null> {
    if (!isWellFormedSecretToken('sfs', token)) return null;
    const tokenHash = hashSecretToken(token);
    const cached = this.cache.get(tokenHash, now.getTime());
    if (cached) return cached;
    if (this.cache.isRefused(tokenHash, now.getTime())) return null;
    const rows: (SessionUser & { session_id: string; expires_at: Date })[] = await this.sessions.query(
      `SELECT s.id AS session_id, s.expires_at, x.* FROM sessions s JOIN (${SELECT_USERS_SQL}) x ON x.id = s.user_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND x.active`,
      [tokenHash, now],
    );
    const [row] = rows;
    if (!row) {
      this.cache.refuse(tokenHash, now.getTime());
      return null;
    }
    const principal: Principal = { kind: 'user', sessionId: row.session_id, sessionExpiresAt: row.expires_at, user: toSessionUser(row) };
    this.cache.set(tokenHash, principal, row.expires_at.getTime(), now.getTime());
    return principal;
  }
}
