import { describe, expect, it } from 'vitest';
import { serveApp } from '../helpers/server.js';

describe('GET /assets/*', () => {
  it('serves the URLs asset_url makes, also for names with % and spaces', async () => {
    const s = await serveApp({
      'app/assets/100%.css': 'percent',
      'app/assets/my file.css': 'space',
      'app/views/pages/index.liquid': '---\nlayout: ""\n---\n{{ "100%.css" | asset_url }} {{ "my file.css" | asset_url }}',
    });
    const urls = (await (await fetch(`${s.url}/`)).text()).split(' ');
    expect(urls).toHaveLength(2);
    const bodies = await Promise.all(urls.map(async (u) => (await fetch(u)).text()));
    expect(bodies).toEqual(['percent', 'space']);
    expect((await fetch(`${s.url}/assets/nope.css`)).status).toBe(404);
  });
});
