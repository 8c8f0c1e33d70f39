import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { markClocksStale } from '@segflow/stores';
import { DataSource, EntityManager, MoreThan, Repository } from 'typeorm';
import { PasswordHasher } from '../auth/password-hasher';
import { PrincipalCache } from '../auth/principal-cache';
import type { SessionUser } from '../auth/principal';
import type { Role } from '../auth/roles';
import { SessionsService } from '../auth/sessions.service';
import { RepEntity } from '../teams/rep.entity';
import { TeamEntity } from '../teams/team.entity';
import { OutOfOfficeEntity } from './out-of-office.entity';
import { CreateUser, mapOutOfOffice, OutOfOfficeDto, OutOfOfficeInput, SELECT_USERS_SQL, UpdateUser, UserDto } from './user.dto';
import { UserEntity } from './user.entity';

const UNIQUE_VIOLATION = '23505';
const FOREIGN_KEY_VIOLATION = '23503';
type RepFields = Pick<UpdateUser, 'teamId' | 'capacity'>;

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(OutOfOfficeEntity) private readonly outOfOffice: Repository<OutOfOfficeEntity>,
    private readonly passwords: PasswordHasher,
    private readonly principals: PrincipalCache,
    private readonly sessions: SessionsService,
  ) {}

  async createOrThrow(input: CreateUser): Promise<UserDto> {
    const { password, teamId, capacity, ...fields } = input;
    const passwordHash = await this.passwords.hash(password);
    return this.writeOrThrow(async (tx) => {
      const user = await tx.save(UserEntity, tx.create(UserEntity, { ...fields, passwordHash }));
      await this.syncRep(tx, user, { teamId, capacity });
      return user.id;
    });
  }

  async list(filter: { role?: Role; teamId?: string }): Promise<UserDto[]> {
    return this.dataSource.query(
      `SELECT * FROM (${SELECT_USERS_SQL}) x WHERE ($1::text IS NULL OR role = $1) AND ($2::text IS NULL OR "teamId" = $2) ORDER BY name`,
      [filter.role ?? null, filter.teamId ?? null],
    );
  }

  async updateOrThrow(id: string, changes: UpdateUser): Promise<UserDto> {
    const { password, teamId, capacity, ...fields } = changes;
    const passwordHash = password ? await this.passwords.hash(password) : undefined;
    const updated = await this.writeOrThrow(async (tx) => {
      const user = await tx.findOneBy(UserEntity, { id });
      if (!user) throw new NotFoundException(`no user ${id}`);
      Object.assign(user, fields, passwordHash ? { passwordHash } : {});
      await tx.save(user);
      await this.syncRep(tx, user, { teamId, capacity });
      // Another team brings another calendar: the rep's running SLA clocks are recounted.
      if (teamId !== undefined) await markClocksStale(tx, { repIds: [user.id], teamId: null });
      return user.id;
    });
    // Role, team or deactivation: this user's cached principals must not outlive the change (forgotten after the
    // commit, so a request resolved meanwhile cannot cache the old row again).
    this.principals.forgetUser(id);
    // A new password or a deactivation ends every session of the user, and the inbox streams they hold.
    if (passwordHash || changes.active === false) await this.sessions.endSessionsOf(id);
    return updated;
  }

  async findOrThrow(id: string, manager: EntityManager = this.dataSource.manager): Promise<UserDto> {
    const [user] = await manager.query(`${SELECT_USERS_SQL} WHERE u.id = $1`, [id]);
    if (!user) throw new NotFoundException(`no user ${id}`);
    return user;
  }

  /** Adds a period that ends after `now` (one wholly past changes nothing ahead: a 400 naming `endsAt`). */
  async addOutOfOfficeOrThrow(actor: SessionUser, userId: string, period: OutOfOfficeInput, now = new Date()): Promise<OutOfOfficeDto> {
    if (period.endsAt <= now) {
      throw new BadRequestException({ message: 'invalid request body', issues: [{ field: 'endsAt', reason: `must be in the future (after ${now.toISOString()})` }] });
    }
    await this.assertCanManageRepOrThrow(actor, userId);
    return this.dataSource.transaction(async (tx) => {
      const saved = await tx.save(OutOfOfficeEntity, tx.create(OutOfOfficeEntity, { repId: userId, ...period }));
      await markClocksStale(tx, { repIds: [userId], teamId: null });
      return mapOutOfOffice(saved);
    });
  }

  /** Current and future out-of-office periods of a rep. */
  async listOutOfOfficeOrThrow(actor: SessionUser, userId: string, now = new Date()): Promise<OutOfOfficeDto[]> {
    await this.assertCanManageRepOrThrow(actor, userId);
    const periods = await this.outOfOffice.find({ where: { repId: userId, endsAt: MoreThan(now) }, order: { startsAt: 'ASC' } });
    return periods.map(mapOutOfOffice);
  }

  async removeOutOfOfficeOrThrow(actor: SessionUser, userId: string, periodId: string): Promise<void> {
    await this.assertCanManageRepOrThrow(actor, userId);
    await this.dataSource.transaction(async (tx) => {
      await tx.delete(OutOfOfficeEntity, { id: periodId, repId: userId });
      await markClocksStale(tx, { repIds: [userId], teamId: null });
    });
  }

  private async writeOrThrow(write: (tx: EntityManager) => Promise<string>): Promise<UserDto> {
    try {
      return await this.dataSource.transaction(async (tx) => this.findOrThrow(await write(tx), tx));
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === UNIQUE_VIOLATION) throw new ConflictException('a user with this email exists');
      if (code === FOREIGN_KEY_VIOLATION) throw new BadRequestException({ message: 'invalid request body', issues: [{ field: 'teamId', reason: 'no such team' }] });
      throw error;
    }
  }

  // A rep with a team gets a `reps` row (what routing reads) under the same id; leaving the rep role deactivates it.
  private async syncRep(tx: EntityManager, user: UserEntity, fields: RepFields): Promise<void> {
    const existing = await tx.findOneBy(RepEntity, { id: user.id });
    const teamId = fields.teamId === undefined ? existing?.teamId : fields.teamId;
    if (!teamId) {
      if (existing) await tx.update(RepEntity, { id: user.id }, { active: false });
      return;
    }
    await tx.save(RepEntity, {
      ...existing,
      id: user.id,
      userId: user.id,
      name: user.name,
      email: user.email,
      teamId,
      active: user.active && user.role === 'rep',
      capacity: fields.capacity === undefined ? (existing?.capacity ?? null) : fields.capacity,
    });
  }

  /** Admins manage everyone, a rep manages themself, a manager manages the reps of the teams they lead. */
  async assertCanManageRepOrThrow(actor: SessionUser, repId: string): Promise<void> {
    const rep = await this.dataSource.getRepository(RepEntity).findOneBy({ id: repId });
    if (!rep) throw new NotFoundException(`user ${repId} is not a rep with a team`);
    if (actor.role === 'admin' || actor.id === repId) return;
    const team = await this.dataSource.getRepository(TeamEntity).findOneBy({ id: rep.teamId });
    if (actor.role === 'manager' && team?.managerId === actor.id) return;
    throw new ForbiddenException('you may only manage yourself or the reps of your team');
  }
}
