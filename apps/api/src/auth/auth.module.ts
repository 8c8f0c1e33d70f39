import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { ApiKeysController } from './api-keys.controller';
import { ApiKeysService } from './api-keys.service';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { EndedSessions } from './ended-sessions';
import { PasswordHasher } from './password-hasher';
import { MAX_CACHED_CREDENTIALS, PrincipalCache } from './principal-cache';
import { SessionsService } from './sessions.service';
import { SignInLimiter } from './sign-in-limiter';

/** Sign-in, sessions, API keys and the global guard that checks every request. */
@Module({
  controllers: [AuthController, ApiKeysController],
  providers: [
    SessionsService,
    ApiKeysService,
    PasswordHasher,
    EndedSessions,
    { provide: APP_GUARD, useClass: AuthGuard },
    {
      provide: PrincipalCache,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) =>
        new PrincipalCache(
          config.AUTH_CACHE_SECONDS * 1000,
          MAX_CACHED_CREDENTIALS,
          config.AUTH_REFUSED_CACHE_SECONDS * 1000,
        ),
    },
    {
      provide: SignInLimiter,
      inject: [DataSource, APP_CONFIG],
      useFactory: (db: DataSource, config: AppConfig) =>
        new SignInLimiter(db, {
          maxFailuresPerEmail: config.AUTH_SIGN_IN_MAX_FAILURES_PER_EMAIL,
          maxFailuresPerIp: config.AUTH_SIGN_IN_MAX_FAILURES_PER_IP,
          windowMs: config.AUTH_SIGN_IN_WINDOW_SECONDS * 1000,
        }),
    },
  ],
  exports: [PasswordHasher, SessionsService, PrincipalCache, EndedSessions],
})
export class AuthModule {}
