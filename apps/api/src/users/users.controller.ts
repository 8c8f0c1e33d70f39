import type { UserListQuery } from '@segflow/api-contracts';
import { readsQueryContract } from '../common/accepts-contract';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { UuidParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuditActor } from '@segflow/api-contracts';
import { Actor } from '../auth/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import {
  CreateUser,
  createUserSchema,
  OutOfOfficeDto,
  OutOfOfficeInput,
  outOfOfficeSchema,
  UpdateUser,
  updateUserSchema,
  UserDto,
} from './user.dto';
import { UsersService } from './users.service';

const listQuerySchema = readsQueryContract<UserListQuery>()(
  z.object({ role: z.enum(ROLES).optional(), teamId: z.string().uuid().optional() }),
);

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a user with a role (admin)' })
  create(@Body(new ZodBodyPipe(createUserSchema)) body: CreateUser, @Actor() actor: AuditActor): Promise<UserDto> {
    return this.users.createOrThrow(body, actor);
  }

  @Get()
  @Roles('manager', 'ops')
  @ApiOperation({ summary: 'Users, optionally by role or team' })
  list(@Query(new ZodBodyPipe(listQuerySchema)) query: z.infer<typeof listQuerySchema>): Promise<UserDto[]> {
    return this.users.list(query);
  }

  @Patch(':id')
  @Roles('admin')
  @ApiOperation({
    summary: 'Change role, team, capacity, password or deactivate (admin); working hours: PUT /users/:id/calendar',
  })
  update(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(updateUserSchema)) body: UpdateUser,
    @Actor() actor: AuditActor,
  ): Promise<UserDto> {
    return this.users.updateOrThrow(id, body, actor);
  }

  @Get(':id/out-of-office')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Current and coming out-of-office periods (self, team manager or admin)' })
  listOutOfOffice(
    @Param('id', UuidParamPipe) id: string,
    @CurrentUser() actor: SessionUser,
  ): Promise<OutOfOfficeDto[]> {
    return this.users.listOutOfOfficeOrThrow(actor, id);
  }

  @Post(':id/out-of-office')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'Add an out-of-office period: routing skips the rep and the SLA clock pauses' })
  addOutOfOffice(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(outOfOfficeSchema)) body: OutOfOfficeInput,
    @CurrentUser() actor: SessionUser,
  ): Promise<OutOfOfficeDto> {
    return this.users.addOutOfOfficeOrThrow(actor, id, body);
  }

  @Delete(':id/out-of-office/:periodId')
  @Roles(...ROLES)
  @HttpCode(204)
  removeOutOfOffice(
    @Param('id', UuidParamPipe) id: string,
    @Param('periodId', UuidParamPipe) periodId: string,
    @CurrentUser() actor: SessionUser,
  ): Promise<void> {
    return this.users.removeOutOfOfficeOrThrow(actor, id, periodId);
  }
}
