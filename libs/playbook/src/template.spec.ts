import {
  TEMPLATE_VARIABLES,
  findTemplateVariables,
  isTemplateVariable,
  renderHeaderTemplate,
  renderHtmlTemplate,
  renderTemplate,
  templateSyntaxError,
} from './template';

const context = {
  lead: { firstName: 'Ana', lastName: 'Silva', company: 'Acme', email: 'ana@acme.io' },
  segment: { name: 'Warm EU' },
  owner: { name: 'Rui' },
};
const empty = { lead: {}, segment: { name: 's' }, owner: null };

describe('renderTemplate', () => {
  it.each([
    ['Hi {{lead.firstName}} {{lead.lastName}}', 'Hi Ana Silva'],
    ['{{ lead.company }} / {{segment.name}} / {{owner.name}} / {{lead.email}}', 'Acme / Warm EU / Rui / ana@acme.io'],
    ['{{unknown.var}}x', 'x'],
    ['no variables', 'no variables'],
    ['{% if lead.company %}at {{ lead.company | upcase }}{% endif %}', 'at ACME'],
    ['<b>{{ lead.company }}</b>', '<b>Acme</b>'],
  ])('%s → %s', (template, expected) => expect(renderTemplate(template, context)).toBe(expected));

  it('renders missing values as empty, and `default` fills them', () => {
    expect(renderTemplate('Hi {{lead.firstName}}, {{owner.name}}', empty)).toBe('Hi , ');
    expect(renderTemplate('Hi {{ lead.firstName | default: "there" }}', empty)).toBe('Hi there');
  });

  it('renders the date filter in UTC whatever the host zone (workflow replays must agree)', () => {
    expect(renderTemplate('{{ "2026-01-01T23:30:00Z" | date: "%Y-%m-%d %H:%M" }}', context)).toBe('2026-01-01 23:30');
  });

  it('sends a template that does not parse as written (only versions published before Liquid can hold one)', () => {
    expect(renderTemplate('Save 50% {% now', context)).toBe('Save 50% {% now');
  });
});

describe('renderHtmlTemplate', () => {
  it('escapes every value but keeps the markup of the template', () => {
    const lead = { firstName: '<script>x</script>', company: 'A & "B"' };
    expect(renderHtmlTemplate('<p>Hi {{ lead.firstName }} at {{ lead.company }}</p>', { ...empty, lead })).toBe(
      '<p>Hi &lt;script&gt;x&lt;/script&gt; at A &amp; &#34;B&#34;</p>',
    );
  });

  it('does not escape in plain-text rendering of the same template', () => {
    expect(renderTemplate('{{ lead.company }}', { ...empty, lead: { company: 'A & B' } })).toBe('A & B');
  });
});

describe('renderHeaderTemplate', () => {
  it('turns CR and LF from values and template into spaces, so a value cannot add a header', () => {
    expect(
      renderHeaderTemplate('Hi {{ lead.firstName }}\n', { ...empty, lead: { firstName: 'Ana\r\nBcc: x@evil.test' } }),
    ).toBe('Hi Ana Bcc: x@evil.test');
  });
});

describe('findTemplateVariables / isTemplateVariable / templateSyntaxError', () => {
  it('lists the variables read, once each, not filter arguments or assigned names', () =>
    expect(
      findTemplateVariables(
        '{{a}} {{ b.c | default: "x" }} {{a}} {% assign n = 1 %}{{ n }}{% if lead.company %}{% endif %}',
      ),
    ).toEqual(['a', 'b.c', 'lead.company']));
  it('knows every TEMPLATE_VARIABLES entry', () =>
    expect(TEMPLATE_VARIABLES.every((v) => isTemplateVariable(v.name))).toBe(true));
  it('rejects others', () => expect(isTemplateVariable('lead.phone')).toBe(false));
  it('knows lead.attributes.<key> only for keys of the schema', () => {
    expect(isTemplateVariable('lead.attributes.plan', ['plan'])).toBe(true);
    expect(isTemplateVariable('lead.attributes.plan')).toBe(false);
    expect(isTemplateVariable('lead.attributes', ['plan'])).toBe(false);
  });
  it('renders a lead attribute, and a missing one as empty', () =>
    expect(
      renderTemplate('{{ lead.attributes.plan }} for {{ lead.attributes.seats }} seats{{ lead.attributes.none }}', {
        lead: { attributes: { plan: 'pro', seats: 12 } },
        segment: { name: 's' },
        owner: null,
      }),
    ).toBe('pro for 12 seats'));
  it.each([
    ['Hi {{lead.firstName', 'output "{{lead.firstName" not closed, line:1, col:4'],
    ['{{ lead.firstName | nofilter }}', 'undefined filter: nofilter, line:1, col:1'],
    ['{{lead.firstName}}', null],
    ['{ single }', null],
  ])('%s: %s', (t, error) => expect(templateSyntaxError(t)).toBe(error));
});
