import type { ChangePasswordRequest } from '@segflow/api-contracts';
import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { passwordSchema } from './password-policy';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CurrentSession, CurrentUser, Public, Roles } from './auth.decorators';
import type { AuthenticatedRequest, SessionUser, UserPrincipal } from './principal';
import { sessionCookie } from './request-credentials';
import { ROLES } from './roles';
import { SessionsService } from './sessions.service';
import type { CurrentUser as CurrentUserDto, SignedIn, SignInRequest } from '@segflow/api-contracts';
import { acceptsContract } from '../common/accepts-contract';
import { SignInBlockedException, SignInLimiter } from './sign-in-limiter';

const signInSchema = acceptsContract<SignInRequest>()(
  z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) }),
);
const changePasswordSchema = acceptsContract<ChangePasswordRequest>()(
  z.object({ currentPassword: z.string().min(1).max(200), newPassword: passwordSchema }),
);

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly sessions: SessionsService,
    private readonly limiter: SignInLimiter,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post('sign-in')
  @Public()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign in with email and password: sets the session cookie and returns the token for API clients; 429 with Retry-After after too many failures for the email or from the IP',
  })
  async signIn(
    @Body(new ZodBodyPipe(signInSchema)) body: z.infer<typeof signInSchema>,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedIn> {
    const signedIn = await this.withRetryAfter(reply, () =>
      this.limiter.limitOrThrow(body.email, request.ip, () => this.sessions.signInOrThrow(body.email, body.password)),
    );
    const maxAge = (signedIn.expiresAt.getTime() - Date.now()) / 1000;
    reply.header('set-cookie', sessionCookie(signedIn.token, maxAge, this.config.SESSION_COOKIE_SECURE));
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: signedIn.user };
  }

  private async withRetryAfter<T>(reply: FastifyReply, limited: () => Promise<T>): Promise<T> {
    try {
      return await limited();
    } catch (error) {
      if (error instanceof SignInBlockedException) reply.header('retry-after', String(error.retryAfterSeconds));
      throw error;
    }
  }

  @Post('sign-out')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'End the current session and clear its cookie' })
  async signOut(@Req() request: AuthenticatedRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (request.principal?.kind === 'user') await this.sessions.signOut(request.principal.sessionId);
    reply.header('set-cookie', sessionCookie('', 0, this.config.SESSION_COOKIE_SECURE));
  }

  @Post('password')
  @Roles(...ROLES)
  @HttpCode(204)
  @ApiOperation({
    summary:
      "Change the signed-in user's password; ends their other sessions (this one stays). 401 for a wrong currentPassword, counted like a failed sign-in",
  })
  async changePassword(
    @Body(new ZodBodyPipe(changePasswordSchema)) body: z.infer<typeof changePasswordSchema>,
    @CurrentSession() principal: UserPrincipal,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    await this.withRetryAfter(reply, () =>
      this.limiter.limitOrThrow(principal.user.email, request.ip, () =>
        this.sessions.changePasswordOrThrow(principal, body.currentPassword, body.newPassword),
      ),
    );
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: SessionUser): CurrentUserDto {
    return user;
  }
}
