const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML content and attribute values.
 *
 * @example
 * escapeHtml('<b> & "q"'); // '&lt;b&gt; &amp; &quot;q&quot;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] as string);
}

// A URL ends before whitespace, a quote or an angle bracket, and does not take trailing sentence punctuation.
const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"']*[^\s<>"'.,;:!?)\]]/g;

function linkify(line: string): string {
  let html = '';
  let at = 0;
  for (const match of line.matchAll(URL_IN_TEXT)) {
    const url = match[0];
    html += escapeHtml(line.slice(at, match.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    at = (match.index ?? 0) + url.length;
  }
  return html + escapeHtml(line.slice(at));
}

/**
 * The HTML part of an email written as plain text: escaped, blank-line separated paragraphs as `<p>`, single line
 * breaks as `<br>`, and http(s) URLs made into links.
 *
 * @example
 * textToHtml('Hi <Ana>,\n\nSee https://segflow.io.'); // '<p>Hi &lt;Ana&gt;,</p>\n<p>See <a href="https://segflow.io">https://segflow.io</a>.</p>'
 */
export function textToHtml(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${paragraph.split('\n').map(linkify).join('<br>\n')}</p>`)
    .join('\n');
}
