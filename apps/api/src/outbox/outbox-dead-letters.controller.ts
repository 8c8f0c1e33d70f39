import { Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { DeadLetterDto } from '@segflow/api-contracts';
import { Roles } from '../auth/auth.decorators';
import { OutboxDeadLettersService } from './outbox-dead-letters.service';

@ApiTags('outbox')
@Controller('outbox/dead-letters')
export class OutboxDeadLettersController {
  constructor(private readonly deadLetters: OutboxDeadLettersService) {}

  @Get()
  @Roles('ops')
  @ApiOperation({ summary: 'Outbox rows that kept failing and wait for ops (oldest first, at most 200)' })
  list(): Promise<DeadLetterDto[]> {
    return this.deadLetters.list();
  }

  @Post(':id/retry')
  @Roles('ops')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Deliver a dead-lettered row again, with a fresh set of attempts (409 when it is not dead-lettered)',
  })
  retry(@Param('id') id: string): Promise<DeadLetterDto> {
    return this.deadLetters.retryOrThrow(id);
  }
}
