import { signToken, type Signer } from '@segflow/channels';

// An http(s) href in double or single quotes; other schemes (mailto:, tel:, #anchors) stay as they are.
const HREF = /(\bhref\s*=\s*)(["'])(https?:\/\/[^"']+)\2/gi;

// Hrefs in HTML are entity-escaped (`&amp;`); the token must carry the URL the browser would have opened.
function decodeAttribute(value: string): string {
  return value.replace(
    /&(amp|quot|#39|lt|gt);/g,
    (_m, name: string) => ({ amp: '&', quot: '"', '#39': "'", lt: '<', gt: '>' })[name] as string,
  );
}

/**
 * Points every http(s) link of an email's HTML at the click redirect `PUBLIC_URL/t/c/<token>`: the token is signed
 * and carries the touch and the original URL, the only place the redirect may send the reader.
 *
 * @example
 * rewriteLinks('<a href="https://x.in">x</a>', { touchId: 't-1', publicUrl: 'https://app.segflow.io', sign });
 * // '<a href="https://app.segflow.io/t/c/eyJ…">x</a>'
 */
export function rewriteLinks(
  html: string,
  { touchId, publicUrl, sign }: { touchId: string; publicUrl: string; sign: Signer },
): string {
  return html.replace(
    HREF,
    (_m, attribute: string, quote: string, url: string) =>
      `${attribute}${quote}${publicUrl}/t/c/${signToken({ purpose: 'click', touchId, url: decodeAttribute(url) }, sign)}${quote}`,
  );
}

/**
 * Adds the open-tracking pixel `PUBLIC_URL/t/o/<token>` at the end of the body (before `</body>` when there is one).
 *
 * @example
 * withOpenPixel('<p>Hi</p>', { touchId: 't-1', publicUrl: 'https://app.segflow.io', sign }); // '<p>Hi</p><img src="…/t/o/…" …>'
 */
export function withOpenPixel(
  html: string,
  { touchId, publicUrl, sign }: { touchId: string; publicUrl: string; sign: Signer },
): string {
  const pixel = `<img src="${publicUrl}/t/o/${signToken({ purpose: 'open', touchId }, sign)}" width="1" height="1" alt="" style="display:none">`;
  const end = html.search(/<\/body>/i);
  return end === -1 ? html + pixel : html.slice(0, end) + pixel + html.slice(end);
}
