import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('log', () => {
  it('writes entries with type (default info); env production is skipped on a local instance', async () => {
    const instance = makeInstance();
    await render("{% log 'hello world' %}{% log h, type: 'debug' %}{% log 'x', env: 'staging' %}{% log 'y', type: 'error', env: 'production' %}", { h: { a: 1 } }, { instance });
    const entries = instance.store.logs.since(0).map((e) => [e.error_type, e.message, e.data.page]);
    expect(entries).toEqual([
      ['info', 'hello world', 'test.liquid'],
      ['debug', '{"a":1}', 'test.liquid'],
      ['info', 'x', 'test.liquid'],
    ]);
  });

  it('refuses an unknown env', async () => {
    await expect(render("{% log 'x', env: 'qa' %}")).rejects.toThrow(/log: env must be one of all, staging, production, got "qa"/);
  });
});
