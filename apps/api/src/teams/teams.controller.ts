import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/auth.decorators';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { TeamDto, TeamInput, teamInputSchema, TeamsService, teamUpdateSchema } from './teams.service';

@ApiTags('teams')
@Controller('teams')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Post()
  @Roles('admin')
  @ApiOperation({ summary: 'Create a team (name, manager, business calendar)' })
  create(@Body(new ZodBodyPipe(teamInputSchema)) body: TeamInput): Promise<TeamDto> {
    return this.teams.createOrThrow(body);
  }

  @Get()
  @Roles('ops', 'manager')
  @ApiOperation({ summary: 'Teams with members (route nodes pick a team from here)' })
  list(): Promise<TeamDto[]> {
    return this.teams.list();
  }

  @Patch(':id')
  @Roles('admin')
  update(@Param('id') id: string, @Body(new ZodBodyPipe(teamUpdateSchema)) body: z.infer<typeof teamUpdateSchema>): Promise<TeamDto> {
    return this.teams.updateOrThrow(id, body);
  }
}
