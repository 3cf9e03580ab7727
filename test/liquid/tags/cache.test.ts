import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';
import { makeInstance } from '../../helpers/app.js';

describe('cache', () => {
  it('renders the block once per key and prints the stored output after', async () => {
    const instance = makeInstance();
    const run = (n: number, key = 'k') => render(`{% cache key %}value {{ n }}{% endcache %}`, { n, key }, { instance });
    expect(await run(1)).toBe('value 1');
    expect(await run(2)).toBe('value 1');
    expect(await run(3, 'other')).toBe('value 3');
  });

  it('expires after `expire` seconds (0: at once)', async () => {
    const instance = makeInstance();
    const run = (n: number) => render("{% cache 'e', expire: 0 %}{{ n }}{% endcache %}", { n }, { instance });
    expect(await run(1)).toBe('1');
    expect(await run(2)).toBe('2');
  });

  it('is dropped when the app changes (a reload builds a new app)', async () => {
    const instance = makeInstance();
    const run = (n: number) => render("{% cache 'r' %}{{ n }}{% endcache %}", { n }, { instance });
    expect(await run(1)).toBe('1');
    instance.reload();
    expect(await run(2)).toBe('2');
  });

  it('must be closed', async () => {
    await expect(render("{% cache 'x' %}body")).rejects.toThrow(/not closed \(missing \{% endcache %\}\)/);
  });
});
