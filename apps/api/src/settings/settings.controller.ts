import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { ChannelSettings } from '@segflow/api-contracts';
import { Roles } from '../auth/auth.decorators';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { channelSettingsOf } from './channel-settings';

@ApiTags('settings')
@Controller('settings')
@Roles('ops')
export class SettingsController {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  @Get('channels')
  @ApiOperation({ summary: 'How email and WhatsApp are configured (never a secret)' })
  channels(): ChannelSettings {
    return channelSettingsOf(this.config);
  }
}
