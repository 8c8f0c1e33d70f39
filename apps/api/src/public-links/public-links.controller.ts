import { Body, Controller, Get, Param, Post, RequestMethod, Res, UseGuards } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators';
import { PublicLinkRateGuard } from './public-link-rate-limit';
import { invalidLinkPage, PAGE_CHANNELS, PageChannel, preferencePage, unsubscribedPage } from './preference-page';
import { PublicLinksService } from './public-links.service';

/** These routes live at the root (`PUBLIC_URL/u/…`, `/t/c/…`, `/t/o/…`), outside the API's `/api` prefix. */
export const PUBLIC_LINK_ROUTES = [
  { path: 'u/:token', method: RequestMethod.ALL },
  { path: 't/c/:token', method: RequestMethod.GET },
  { path: 't/o/:token', method: RequestMethod.GET },
];

// The smallest transparent GIF (1×1).
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

/** Pages a lead's browser sees: no framing, no referrer (the token stays private), nothing cached. */
function htmlReply(reply: FastifyReply, status: number, html: string): FastifyReply {
  return reply
    .status(status)
    .header('content-type', 'text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .header('referrer-policy', 'no-referrer')
    .header(
      'content-security-policy',
      "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'",
    )
    .send(html);
}

/** The channels a POST names: RFC 8058's one-click body means email; the page's form names its checked boxes. */
function channelsOf(body: unknown): PageChannel[] {
  const form = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (form['List-Unsubscribe'] === 'One-Click') return ['email'];
  const picked = [form.channel ?? []].flat();
  const channels = PAGE_CHANNELS.map((c) => c.value).filter((c) => picked.includes(c));
  return channels.length > 0 ? channels : ['email'];
}

@ApiExcludeController()
@Controller()
@Public()
@UseGuards(PublicLinkRateGuard)
export class PublicLinksController {
  constructor(private readonly links: PublicLinksService) {}

  @Get('u/:token')
  async preferences(@Param('token') token: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const resolved = await this.links.resolve(token, 'unsubscribe');
    if (!resolved?.touch) return htmlReply(reply, 404, invalidLinkPage());
    return htmlReply(reply, 200, preferencePage(resolved.touch.address));
  }

  // RFC 8058: mail providers POST `List-Unsubscribe=One-Click` here without a person looking; the page's form too.
  @Post('u/:token')
  async unsubscribe(
    @Param('token') token: string,
    @Body() body: unknown,
    @Res() reply: FastifyReply,
  ): Promise<FastifyReply> {
    const resolved = await this.links.resolve(token, 'unsubscribe');
    if (!resolved?.touch) return htmlReply(reply, 404, invalidLinkPage());
    const oneClick = (body as Record<string, unknown> | null)?.['List-Unsubscribe'] === 'One-Click';
    const channels = channelsOf(body);
    await this.links.unsubscribe(resolved.touch, channels, oneClick ? 'one-click' : 'preference-page');
    return htmlReply(reply, 200, unsubscribedPage(channels));
  }

  // Redirects only to the URL inside the verified token: a forged or altered token never redirects anywhere.
  @Get('t/c/:token')
  async click(@Param('token') token: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const resolved = await this.links.resolve(token, 'click');
    const url = resolved?.claims.url;
    if (!resolved || !url || !/^https?:\/\//i.test(url)) return htmlReply(reply, 404, invalidLinkPage());
    if (resolved.touch) await this.links.click(resolved.touch, url);
    return reply.header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').redirect(url, 302);
  }

  @Get('t/o/:token')
  async open(@Param('token') token: string, @Res() reply: FastifyReply): Promise<FastifyReply> {
    const resolved = await this.links.resolve(token, 'open');
    if (resolved?.touch) await this.links.open(resolved.touch);
    // The pixel either way: a broken image in the lead's mail says nothing useful to anyone.
    return reply.header('content-type', 'image/gif').header('cache-control', 'no-store').send(PIXEL);
  }
}
