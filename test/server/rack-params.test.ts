import { describe, expect, it } from 'vitest';
import { parseNestedParams } from '../../src/server/rack-params.js';
import { serveApp } from '../helpers/server.js';

describe('nested params', () => {
  it('nests brackets and collects [] lists as Rails does', () => {
    expect(parseNestedParams('form[properties_attributes][name]=x&tags[]=a&tags[]=b&plain=1')).toEqual({
      form: { properties_attributes: { name: 'x' } },
      tags: ['a', 'b'],
      plain: '1',
    });
  });

  it('never writes through __proto__, constructor or prototype', () => {
    const out = parseNestedParams('__proto__[polluted]=yes&a[__proto__][polluted]=yes&constructor[prototype][polluted]=yes&__proto__=x&ok=1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(out).toEqual({ ok: '1' });
  });

  it('keeps the server process clean when a request tries it', async () => {
    const s = await serveApp({ 'app/views/pages/index.liquid': '{{ context.params.ok }}' });
    const res = await fetch(`${s.url}/?__proto__[polluted]=yes&ok=1`);
    expect(await res.text()).toContain('1');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
