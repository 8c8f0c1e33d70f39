import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { FirstAdminService } from './first-admin.service';
import { OutOfOfficeEntity } from './out-of-office.entity';
import { RepCalendarController } from './rep-calendar.controller';
import { RepCalendarService } from './rep-calendar.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

@Module({
  imports: [AuthModule, TypeOrmModule.forFeature([UserEntity, OutOfOfficeEntity])],
  controllers: [UsersController, RepCalendarController],
  providers: [UsersService, RepCalendarService, FirstAdminService],
  exports: [UsersService],
})
export class UsersModule {}
