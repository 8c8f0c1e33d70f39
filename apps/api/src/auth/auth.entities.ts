import { OutOfOfficeEntity } from '../users/out-of-office.entity';
import { UserEntity } from '../users/user.entity';
import { RepEntity } from '../teams/rep.entity';
import { TeamEntity } from '../teams/team.entity';
import { ApiKeyEntity } from './api-key.entity';
import { SessionEntity } from './session.entity';

/** Entities of users, teams and auth, registered in database/schema.ts. */
export const AUTH_ENTITIES = [UserEntity, OutOfOfficeEntity, TeamEntity, RepEntity, SessionEntity, ApiKeyEntity];
