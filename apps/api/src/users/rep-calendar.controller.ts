import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { UuidParamPipe } from '../common/param-pipes';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { SessionUser } from '../auth/principal';
import { ROLES } from '../auth/roles';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { RepCalendarDto, RepCalendarInput, repCalendarInputSchema } from './rep-calendar.dto';
import { RepCalendarService } from './rep-calendar.service';

@ApiTags('users')
@Controller('users')
export class RepCalendarController {
  constructor(private readonly calendars: RepCalendarService) {}

  @Get(':id/calendar')
  @Roles(...ROLES)
  @ApiOperation({
    summary:
      "A rep's working hours, holidays (own and team's), out-of-office and the hours that apply (self, team manager or admin)",
  })
  get(@Param('id', UuidParamPipe) id: string, @CurrentUser() actor: SessionUser): Promise<RepCalendarDto> {
    return this.calendars.getOrThrow(actor, id);
  }

  @Put(':id/calendar')
  @Roles(...ROLES)
  @ApiOperation({
    summary: "Set a rep's own working hours (null: the team's) and days off; SLA due times of their leads follow",
  })
  set(
    @Param('id', UuidParamPipe) id: string,
    @Body(new ZodBodyPipe(repCalendarInputSchema)) body: RepCalendarInput,
    @CurrentUser() actor: SessionUser,
  ): Promise<RepCalendarDto> {
    return this.calendars.setOrThrow(actor, id, body);
  }
}
