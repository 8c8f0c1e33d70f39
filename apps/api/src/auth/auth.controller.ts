import { Body, Controller, Get, HttpCode, HttpException, HttpStatus, Inject, Post, Req, Res, UnauthorizedException } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ZodBodyPipe } from '../common/zod-body.pipe';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { CurrentUser, Public, Roles } from './auth.decorators';
import type { AuthenticatedRequest, SessionUser } from './principal';
import { sessionCookie } from './request-credentials';
import { ROLES } from './roles';
import { SessionsService } from './sessions.service';
import { SignInLimiter } from './sign-in-limiter';

const signInSchema = z.object({ email: z.string().trim().min(1).max(320), password: z.string().min(1).max(200) });

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
  @ApiOperation({ summary: 'Sign in with email and password: sets the session cookie and returns the token for API clients; 429 with Retry-After after too many failures for the email or from the IP' })
  async signIn(
    @Body(new ZodBodyPipe(signInSchema)) body: z.infer<typeof signInSchema>,
    @Req() request: AuthenticatedRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ token: string; expiresAt: string; user: SessionUser }> {
    const blocked = this.limiter.blockedFor(body.email, request.ip, Date.now());
    if (blocked.retryAfterMs > 0) {
      const seconds = Math.ceil(blocked.retryAfterMs / 1000);
      reply.header('retry-after', String(seconds));
      const whose = blocked.which === 'email' ? 'for this email' : 'from your network address';
      throw new HttpException({ message: `too many failed sign-in attempts ${whose}; try again in ${seconds} s`, retryAfterSeconds: seconds }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const signedIn = await this.signInCountingFailuresOrThrow(body.email, body.password, request.ip);
    const maxAge = (signedIn.expiresAt.getTime() - Date.now()) / 1000;
    reply.header('set-cookie', sessionCookie(signedIn.token, maxAge, this.config.SESSION_COOKIE_SECURE));
    return { token: signedIn.token, expiresAt: signedIn.expiresAt.toISOString(), user: signedIn.user };
  }

  private async signInCountingFailuresOrThrow(email: string, password: string, ip: string) {
    try {
      const signedIn = await this.sessions.signInOrThrow(email, password);
      this.limiter.recordSuccess(email);
      return signedIn;
    } catch (error) {
      if (error instanceof UnauthorizedException) this.limiter.recordFailure(email, ip, Date.now());
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

  @Get('me')
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in user' })
  me(@CurrentUser() user: SessionUser): SessionUser {
    return user;
  }
}
