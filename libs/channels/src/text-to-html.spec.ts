import { escapeHtml, textToHtml } from './text-to-html';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () =>
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;'));
});

describe('textToHtml', () => {
  it('makes paragraphs of blank-line separated blocks and <br> of single line breaks', () => {
    expect(textToHtml('Hi Ana,\r\n\r\nLine one\nline two\n\n\n— Rui')).toBe(
      '<p>Hi Ana,</p>\n<p>Line one<br>\nline two</p>\n<p>— Rui</p>',
    );
  });

  it('escapes the text, markup included', () =>
    expect(textToHtml('<script>alert(1)</script> & co')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</p>'));

  it('links http(s) URLs without trailing punctuation, escaping their query', () => {
    expect(textToHtml('Book (https://segflow.io/demo?a=1&b=2). Or http://x.in!')).toBe(
      '<p>Book (<a href="https://segflow.io/demo?a=1&amp;b=2">https://segflow.io/demo?a=1&amp;b=2</a>). Or <a href="http://x.in">http://x.in</a>!</p>',
    );
  });

  it('leaves other schemes as text', () =>
    expect(textToHtml('javascript:alert(1) ftp://x')).toBe('<p>javascript:alert(1) ftp://x</p>'));

  it('is empty for blank text', () => expect(textToHtml(' \n \n')).toBe(''));
});
