import { Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deleteExpiredSessions,
  endSession,
  endSessionsOfUser,
  findCredentials,
  findCredentialsByEmail,
  findLiveSession,
  findUserView,
  insertSession,
  recordAuditEntry,
  setPasswordHash,
} from '@segflow/stores';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { PasswordHasher } from './password-hasher';
import { PrincipalCache } from './principal-cache';
import type { Principal, SessionUser, UserPrincipal } from './principal';
import { generateSecretToken, hashSecretToken, isWellFormedSecretToken } from './secret-token';
import { SESSIONS_ENDED_CHANNEL } from './ended-sessions';

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
    @InjectDataSource() private readonly db: DataSource,
    private readonly passwords: PasswordHasher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly cache: PrincipalCache,
  ) {}

  /** 401 with one message for an unknown email, a wrong password or a deactivated user. */
  async signInOrThrow(email: string, password: string, now = new Date()): Promise<SignedIn> {
    const user = await findCredentialsByEmail(this.db, email.trim().toLowerCase());
    const check = await this.passwords.check(password, user?.passwordHash);
    if (!user || !check.correct || !user.active) throw new UnauthorizedException('wrong email or password');
    if (check.needsRehash) await setPasswordHash(this.db, user.id, await this.passwords.hash(password));
    const token = generateSecretToken('sfs');
    const expiresAt = new Date(now.getTime() + this.config.SESSION_TTL_HOURS * 3_600_000);
    await insertSession(this.db, { tokenHash: hashSecretToken(token), userId: user.id, expiresAt });
    // Expired sessions are swept here rather than by a timer: sign-ins are rare and this stays one indexed delete.
    await deleteExpiredSessions(this.db, now);
    const sessionUser = await findUserView(this.db, user.id);
    return { token, expiresAt, user: toSessionUser(sessionUser!) };
  }

  async signOut(sessionId: string): Promise<void> {
    // Every replica's EndedSessions hears the id (forgets its cached principal, ends its streams) once this commits.
    await endSession(this.db, sessionId, SESSIONS_ENDED_CHANNEL);
    this.cache.forgetSession(sessionId);
  }

  /** 401 when `currentPassword` is wrong; else stores the new password and ends the user's other sessions. */
  async changePasswordOrThrow(principal: UserPrincipal, currentPassword: string, newPassword: string): Promise<void> {
    const user = await findCredentials(this.db, principal.user.id);
    if (!user) throw new UnauthorizedException('your user no longer exists');
    if (!(await this.passwords.check(currentPassword, user.passwordHash)).correct)
      throw new UnauthorizedException('currentPassword: wrong password');
    const passwordHash = await this.passwords.hash(newPassword);
    // The entry says only that it changed: neither password nor hash goes into the log.
    await this.db.transaction(async (tx) => {
      await setPasswordHash(tx, user.id, passwordHash);
      await recordAuditEntry(tx, {
        actor: { kind: 'user', id: principal.user.id, label: principal.user.email },
        action: 'user.passwordChanged',
        entityType: 'user',
        entityId: user.id,
        after: { passwordChanged: true },
      });
    });
    await this.endSessionsOf(user.id, principal.sessionId);
  }

  /** Ends every session of the user but `keep` (password changed, user deactivated), and their open streams. */
  async endSessionsOf(userId: string, keep: string | null = null): Promise<void> {
    await endSessionsOfUser(this.db, userId, keep, SESSIONS_ENDED_CHANNEL);
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
    const session = await findLiveSession(this.db, tokenHash, now);
    if (!session) {
      this.cache.refuse(tokenHash, now.getTime());
      return null;
    }
    const principal: Principal = {
      kind: 'user',
      sessionId: session.sessionId,
      sessionExpiresAt: session.expiresAt,
      user: toSessionUser(session.user),
    };
    this.cache.set(tokenHash, principal, session.expiresAt.getTime(), now.getTime());
    return principal;
  }
}
