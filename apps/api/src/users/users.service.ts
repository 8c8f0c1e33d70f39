import {
  BadRequestException,
  ConflictException,
  ForbiddenException,
  Injectable,
  NotFoundException,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  deactivateRep,
  deleteOutOfOffice,
  findRep,
  findTeam,
  findUserView,
  insertOutOfOffice,
  insertUser,
  listOutOfOfficeEndingAfter,
  listUserViews,
  recordAuditEntries,
  type AuditEntryInput,
  updateUser,
  upsertRep,
  type Queryable,
  type UserFields,
} from '@segflow/stores';
import type { AuditActor } from '@segflow/api-contracts';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { PrincipalCache } from '../auth/principal-cache';
import type { SessionUser } from '../auth/principal';
import type { Role } from '../auth/roles';
import { SessionsService } from '../auth/sessions.service';
import { markClocksStale } from '@segflow/stores';
import { CreateUser, mapOutOfOffice, OutOfOfficeDto, OutOfOfficeInput, UpdateUser, UserDto } from './user.dto';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
type RepFields = Pick<UpdateUser, 'teamId' | 'capacity'>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordHasher,
    private readonly principals: PrincipalCache,
    private readonly sessions: SessionsService,
  ) {}

  async createOrThrow(input: CreateUser, actor: AuditActor): Promise<UserDto> {
    const { password, teamId, capacity, ...fields } = input;
    const passwordHash = await this.passwords.hash(password);
    return this.writeOrThrow(async (tx) => {
      const id = await insertUser(tx, { ...fields, passwordHash });
      await this.syncRep(tx, id, { ...fields, active: true }, { teamId, capacity });
      await this.audit(tx, actor, 'user.created', id, null, false);
      return id;
    });
  }

  async list(filter: { role?: Role; teamId?: string }): Promise<UserDto[]> {
    return listUserViews(this.dataSource, { role: filter.role ?? null, teamId: filter.teamId ?? null });
  }

  async updateOrThrow(id: string, changes: UpdateUser, actor: AuditActor): Promise<UserDto> {
    const { password, teamId, capacity, ...fields } = changes;
    const passwordHash = password ? await this.passwords.hash(password) : undefined;
    const updated = await this.writeOrThrow(async (tx) => {
      const before = (await findUserView(tx, id)) ?? null;
      const user = await updateUser(tx, id, { ...fields, passwordHash });
      if (!user) throw new NotFoundException(`no user ${id}`);
      await this.syncRep(tx, id, user, { teamId, capacity });
      // Another team brings another calendar: the rep's running SLA clocks are recounted.
      if (teamId !== undefined) await markClocksStale(tx, { repIds: [id], teamId: null });
      await this.audit(tx, actor, 'user.updated', id, before, passwordHash !== undefined);
      return id;
    });
    // Role, team or deactivation: this user's cached principals must not outlive the change (forgotten after the
    // commit, so a request resolved meanwhile cannot cache the old row again).
    this.principals.forgetUser(id);
    // A new password or a deactivation ends every session of the user, and the inbox streams they hold.
    if (passwordHash || changes.active === false) await this.sessions.endSessionsOf(id);
    return updated;
  }

  async findOrThrow(id: string, db: Queryable = this.dataSource): Promise<UserDto> {
    const user = await findUserView(db, id);
    if (!user) throw new NotFoundException(`no user ${id}`);
    return user;
  }

  /** Adds a period that ends after `now` (one wholly past changes nothing ahead: a 400 naming `endsAt`). */
  async addOutOfOfficeOrThrow(
    actor: SessionUser,
    userId: string,
    period: OutOfOfficeInput,
    now = new Date(),
  ): Promise<OutOfOfficeDto> {
    if (period.endsAt <= now) {
      throw new BadRequestException({
        message: 'invalid request body',
        issues: [{ field: 'endsAt', reason: `must be in the future (after ${now.toISOString()})` }],
      });
    }
    await this.assertCanManageRepOrThrow(actor, userId);
    return this.dataSource.transaction(async (tx) => {
      const saved = await insertOutOfOffice(tx, { repId: userId, ...period });
      await markClocksStale(tx, { repIds: [userId], teamId: null });
      return mapOutOfOffice(saved);
    });
  }

  /** Current and future out-of-office periods of a rep. */
  async listOutOfOfficeOrThrow(actor: SessionUser, userId: string, now = new Date()): Promise<OutOfOfficeDto[]> {
    await this.assertCanManageRepOrThrow(actor, userId);
    const periods = await listOutOfOfficeEndingAfter(this.dataSource, userId, now);
    return periods.map(mapOutOfOffice);
  }

  async removeOutOfOfficeOrThrow(actor: SessionUser, userId: string, periodId: string): Promise<void> {
    await this.assertCanManageRepOrThrow(actor, userId);
    await this.dataSource.transaction(async (tx) => {
      await deleteOutOfOffice(tx, userId, periodId);
      await markClocksStale(tx, { repIds: [userId], teamId: null });
    });
  }

  /** Records a user change: the user as it was and is (never a password or its hash, only whether it changed). */
  private async audit(
    tx: Queryable,
    actor: AuditActor,
    action: 'user.created' | 'user.updated',
    id: string,
    before: UserDto | null,
    passwordChanged: boolean,
  ): Promise<void> {
    const after = await findUserView(tx, id);
    const [left, joined] = [before?.teamId ?? null, after?.teamId ?? null];
    // A team's own trail shows who joined and left it, not only the user's.
    const membership: AuditEntryInput[] =
      left === joined
        ? []
        : [
            ...(left ? [memberEntry(actor, 'team.memberRemoved', left, { userId: id }, null)] : []),
            ...(joined ? [memberEntry(actor, 'team.memberAdded', joined, null, { userId: id })] : []),
          ];
    await recordAuditEntries(tx, [
      {
        actor,
        action,
        entityType: 'user',
        entityId: id,
        before: before && { ...before },
        after: after && { ...after, ...(passwordChanged ? { passwordChanged } : {}) },
      },
      ...membership,
    ]);
  }

  private async writeOrThrow(write: (tx: Queryable) => Promise<string>): Promise<UserDto> {
    try {
      return await this.dataSource.transaction(async (tx) => this.findOrThrow(await write(tx), tx));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === UNIQUE_VIOLATION) throw new ConflictException('a user with this email exists');
      if (code === FOREIGN_KEY_VIOLATION)
        throw new BadRequestException({
          message: 'invalid request body',
          issues: [{ field: 'teamId', reason: 'no such team' }],
        });
      throw error;
    }
  }

  // A rep with a team gets a `reps` row (what routing reads) under the same id; leaving the rep role deactivates it.
  private async syncRep(tx: Queryable, id: string, user: UserFields, fields: RepFields): Promise<void> {
    const existing = await findRep(tx, id);
    const teamId = fields.teamId === undefined ? existing?.teamId : fields.teamId;
    if (!teamId) {
      if (existing) await deactivateRep(tx, id);
      return;
    }
    await upsertRep(tx, {
      id,
      userId: id,
      name: user.name,
      email: user.email,
      teamId,
      active: user.active && user.role === 'rep',
      capacity: fields.capacity === undefined ? (existing?.capacity ?? null) : fields.capacity,
    });
  }

  /** Admins manage everyone, a rep manages themself, a manager manages the reps of the teams they lead. */
  async assertCanManageRepOrThrow(actor: SessionUser, repId: string): Promise<void> {
    const rep = await findRep(this.dataSource, repId);
    if (!rep) throw new NotFoundException(`user ${repId} is not a rep with a team`);
    if (actor.role === 'admin' || actor.id === repId) return;
    const team = await findTeam(this.dataSource, rep.teamId);
    if (actor.role === 'manager' && team?.managerId === actor.id) return;
    throw new ForbiddenException('you may only manage yourself or the reps of your team');
  }
}

const memberEntry = (
  actor: AuditActor,
  action: 'team.memberAdded' | 'team.memberRemoved',
  teamId: string,
  before: { userId: string } | null,
  after: { userId: string } | null,
): AuditEntryInput => ({ actor, action, entityType: 'team', entityId: teamId, before, after });
