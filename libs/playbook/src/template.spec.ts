import { TEMPLATE_VARIABLES, findTemplateVariables, hasMalformedPlaceholder, isTemplateVariable, renderTemplate } from './template';

const context = { lead: { firstName: 'Ana', lastName: 'Silva', company: 'Acme', email: 'ana@acme.io' }, segment: { name: 'Warm EU' }, owner: { name: 'Rui' } };

describe('renderTemplate', () => {
  it.each([
    ['Hi {{lead.firstName}} {{lead.lastName}}', 'Hi Ana Silva'],
    ['{{ lead.company }} / {{segment.name}} / {{owner.name}} / {{lead.email}}', 'Acme / Warm EU / Rui / ana@acme.io'],
    ['{{unknown.var}}x', 'x'],
    ['no variables', 'no variables'],
  ])('%s → %s', (template, expected) => expect(renderTemplate(template, context)).toBe(expected));

  it('renders missing values as empty', () => {
    expect(renderTemplate('Hi {{lead.firstName}}, {{owner.name}}', { lead: {}, segment: { name: 's' }, owner: null })).toBe('Hi , ');
  });
});

describe('findTemplateVariables / isTemplateVariable / hasMalformedPlaceholder', () => {
  it('lists variables in order', () => expect(findTemplateVariables('{{a}} {{ b.c }} {{a}}')).toEqual(['a', 'b.c', 'a']));
  it('knows every TEMPLATE_VARIABLES entry', () => expect(TEMPLATE_VARIABLES.every((v) => isTemplateVariable(v.name))).toBe(true));
  it('rejects others', () => expect(isTemplateVariable('lead.phone')).toBe(false));
  it.each([['Hi {{lead.firstName', true], ['Hi }}', true], ['{{lead.firstName}}', false], ['{ single }', false]])('%s malformed: %s', (t, bad) =>
    expect(hasMalformedPlaceholder(t)).toBe(bad));
});
