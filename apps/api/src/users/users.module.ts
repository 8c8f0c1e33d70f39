import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { FirstAdminService } from './first-admin.service';
import { RepCalendarController } from './rep-calendar.controller';
import { RepCalendarService } from './rep-calendar.service';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule],
  controllers: [UsersController, RepCalendarController],
  providers: [UsersService, RepCalendarService, FirstAdminService],
  exports: [UsersService],
})
export class UsersModule {}
