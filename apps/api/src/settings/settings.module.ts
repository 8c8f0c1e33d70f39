import { Module } from '@nestjs/common';
import { SettingsController } from './settings.controller';

/** Read-only workspace settings for the admin screens. */
@Module({ controllers: [SettingsController] })
export class SettingsModule {}
