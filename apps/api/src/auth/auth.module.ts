import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UserEntity } from '../users/user.entity';
import { ApiKeyEntity } from './api-key.entity';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { PasswordHasher } from './password-hasher';
import { SessionEntity } from './session.entity';
import { SessionsService } from './sessions.service';

/** Sign-in, sessions, API keys and the global guard that checks every request. */
@Module({
  imports: [TypeOrmModule.forFeature([SessionEntity, ApiKeyEntity, UserEntity])],
  controllers: [AuthController, ApiKeysController],
  providers: [SessionsService, ApiKeysService, PasswordHasher, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [PasswordHasher, SessionsService],
})
export class AuthModule {}
