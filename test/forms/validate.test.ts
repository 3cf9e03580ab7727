import { describe, expect, it } from 'vitest';
import { validateFields, type FieldCheck, type ValidationHooks } from '../../src/forms/validate.js';

const unsupported: string[] = [];
const hooks = (over: Partial<ValidationHooks> = {}): ValidationHooks => ({
  condition: async () => true,
  taken: () => false,
  unsupported: (key, v) => void unsupported.push(`${key}:${v}`),
  ...over,
});

function check(value: unknown, validation: Record<string, unknown>, siblings: Record<string, unknown> = {}): FieldCheck {
  return { key: 'properties.f', name: 'f', value, field: { validation }, siblings };
}

async function messages(value: unknown, validation: Record<string, unknown>, siblings?: Record<string, unknown>, h?: Partial<ValidationHooks>) {
  return (await validateFields([check(value, validation, siblings)], hooks(h)))['properties.f'] ?? [];
}

describe('form validations (docs: Form Validation)', () => {
  it('presence', async () => {
    expect(await messages('', { presence: true })).toEqual(["can't be blank"]);
    expect(await messages('  ', { presence: true })).toEqual(["can't be blank"]);
    expect(await messages([], { presence: true })).toEqual(["can't be blank"]);
    expect(await messages('x', { presence: true })).toEqual([]);
    expect(await messages('', { presence: false })).toEqual([]);
    expect(await messages('', { presence: { message: 'Expertise is required.' } })).toEqual(['Expertise is required.']);
  });

  it('email', async () => {
    expect(await messages('a@b.co', { email: true })).toEqual([]);
    expect(await messages('a@b', { email: true })).toEqual(['is not a valid email']);
    expect(await messages('', { email: true })).toEqual([]);
  });

  it('format with Ruby anchors, allow_blank', async () => {
    const phone = { format: { with: '\\A[+]?[\\d \\-()]+\\z', allow_blank: true, message: 'invalid phone' } };
    expect(await messages('+48 123-456', phone)).toEqual([]);
    expect(await messages('call me', phone)).toEqual(['invalid phone']);
    expect(await messages('', phone)).toEqual([]);
    expect(await messages('', { format: { with: '\\d' } })).toEqual(['is invalid']);
    await expect(messages('x', { format: { with: '(' } })).rejects.toThrow(/validation format of properties.f: invalid regular expression/);
  });

  it('length: minimum, maximum, is (docs messages)', async () => {
    expect(await messages('ab', { length: { minimum: 3 } })).toEqual(['is too short (minimum is 3 characters)']);
    expect(await messages('abcd', { length: { maximum: 3 } })).toEqual(['is too long (maximum is 3 characters)']);
    expect(await messages(['a'], { length: { is: 2, message: 'You need to include Frontside and Backside Photo ID' } })).toEqual(['You need to include Frontside and Backside Photo ID']);
  });

  it('numericality options (docs messages)', async () => {
    expect(await messages('abc', { numericality: true })).toEqual(['is not a number']);
    expect(await messages('-1', { numericality: { greater_than_or_equal_to: 0 } })).toEqual(['must be greater than or equal to 0']);
    expect(await messages('5', { numericality: { greater_than: 5, less_than: 5 } })).toEqual(['must be greater than 5', 'must be less than 5']);
    expect(await messages('4', { numericality: { odd: true } })).toEqual(['must be odd']);
    expect(await messages('3', { numericality: { even: true, other_than: 3 } })).toEqual(['must be other than 3', 'must be even']);
    expect(await messages('2.5', { numericality: { only_integer: true } })).toEqual(['must be an integer']);
  });

  it('inclusion and exclusion', async () => {
    const incl = { inclusion: { in: [true, false], message: 'disclosure is required' } };
    expect(await messages('true', incl)).toEqual([]);
    expect(await messages('maybe', incl)).toEqual(['disclosure is required']);
    expect(await messages('admin', { exclusion: { in: ['admin'] } })).toEqual(['is reserved']);
  });

  it('confirmation: "doesn\'t match %{attribute}"', async () => {
    const c = { key: 'password', name: 'password', value: 'a', field: { validation: { confirmation: true } }, siblings: { password_confirmation: 'b' } };
    expect(await validateFields([c], hooks())).toEqual({ password: ["doesn't match Password"] });
    expect(await validateFields([{ ...c, siblings: { password_confirmation: 'a' } }], hooks())).toEqual({});
  });

  it('unique / uniqueness ask the store, with scope', async () => {
    const asked: unknown[] = [];
    const taken = (name: string, value: unknown, scope: string[]) => (asked.push([name, value, scope]), true);
    expect(await messages('x', { unique: { scope: ['other_property'], message: 'Must be unique' } }, {}, { taken })).toEqual(['Must be unique']);
    expect(await messages('x', { uniqueness: true }, {}, { taken })).toEqual(['has already been taken']);
    expect(asked).toEqual([['f', 'x', ['other_property']], ['f', 'x', []]]);
  });

  it('allow_nil, if and unless', async () => {
    expect(await messages(null, { numericality: { allow_nil: true } })).toEqual([]);
    expect(await messages('', { presence: { if: '{% if form.expires %}true{% endif %}' } }, {}, { condition: async () => false })).toEqual([]);
    expect(await messages('', { presence: { unless: 'x' } }, {}, { condition: async () => true })).toEqual([]);
  });

  it('reports validators it does not implement instead of passing them silently', async () => {
    unsupported.length = 0;
    expect(await messages('x', { datetime: { after: '10 minutes ago' } })).toEqual([]);
    expect(unsupported).toEqual(['properties.f:datetime']);
  });
});
