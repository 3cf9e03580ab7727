import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuid (docs)', () => {
  it('is a fresh v4 uuid each call; the input is ignored', async () => {
    const out = await render(`{{ '' | uuid }} {% assign id = 'x' | uuid %}{{ id }}`);
    const [a, b] = out.split(' ');
    expect(a).toMatch(UUID_V4);
    expect(b).toMatch(UUID_V4);
    expect(a).not.toBe(b);
  });
});

describe('random_string', () => {
  it('has the asked length of lowercase letters and digits, default 12', async () => {
    expect(await render(`{{ 10 | random_string }}`)).toMatch(/^[0-9a-z]{10}$/);
    expect(await render(`{{ 7 | random_string }}`)).toMatch(/^[0-9a-z]{7}$/);
    expect(await render(`{{ nil | random_string }}`)).toMatch(/^[0-9a-z]{12}$/);
  });
  it('rejects a length that is not a whole number', async () => {
    await expect(render(`{{ 'abc' | random_string }}`)).rejects.toThrow(/random_string: length \(input\) must be a whole number, got "abc"/);
    await expect(render(`{{ -1 | random_string }}`)).rejects.toThrow(/random_string: length \(input\) must not be negative/);
  });
});
