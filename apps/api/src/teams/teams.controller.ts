import { Body, Controller, Get, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Actor } from '../auth/audit-actor';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import type { AuditActor, TeamHolidaysRequest, TeamSummary } from '@segflow/api-contracts';
import { acceptsContract } from '../common/accepts-contract';
import { teamHolidaysSchema, TeamInput, teamInputSchema, TeamsService, teamUpdateSchema } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team (name, manager, business calendar)' })
  create(@Body(new ZodBodyPipe(teamInputSchema)) body: TeamInput, @Actor() actor: AuditActor): Promise<TeamSummary> {
    return this.teams.createOrThrow(body, actor);
  }

  @Get()
  @Roles('ops', 'manager')
  @ApiOperation({ summary: 'Teams with members (route nodes pick a team from here)' })
  list(): Promise<TeamSummary[]> {
    return this.teams.list();
  }

  @Patch(':id')
  @Roles('admin')
  update(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(teamUpdateSchema)) body: z.infer<typeof teamUpdateSchema>,
    @Actor() actor: AuditActor,
  ): Promise<TeamSummary> {
    return this.teams.updateOrThrow(id, body, actor);
  }

  @Put(':id/holidays')
  @Roles('manager')
  @ApiOperation({ summary: "Set the team's holidays, inherited by every member (admin or the team's manager)" })
  setHolidays(
    @Param('id') id: string,
    @Body(new ZodBodyPipe(acceptsContract<TeamHolidaysRequest>()(teamHolidaysSchema)))
    body: z.infer<typeof teamHolidaysSchema>,
    @CurrentUser() actor: SessionUser,
  ): Promise<TeamSummary> {
    return this.teams.setHolidaysOrThrow(actor, id, body.holidays);
  }
}
