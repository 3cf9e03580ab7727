import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveApp } from '../helpers/server.js';

const files = {
  'app/views/pages/good.liquid': '---\nlayout: ""\n---\n{% render "card", t: "ok" %}',
  'app/views/pages/broken.liquid': '---\nlayout: ""\n---\nfine\n{{ 1 | no_such_filter }}',
  'app/views/partials/card.liquid': '[{{ t }}]',
};

describe('lazyParse (what posemu serve uses for a fast start)', () => {
  it('parses on first use and answers a broken page with its file:line', async () => {
    const s = await serveApp(files, { lazyParse: true });
    expect(s.instance.app().problems).toEqual([]);
    expect(await (await fetch(`${s.url}/good`)).text()).toBe('[ok]');
    const res = await fetch(`${s.url}/broken`);
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/app\/views\/pages\/broken\.liquid:5:\d+ undefined filter: no_such_filter/);
  });

  it('validate() reports each broken file once, as a load does', async () => {
    const s = await serveApp(files, { lazyParse: true });
    const first = await s.instance.validate();
    expect(first.map((p) => p.message)).toEqual([expect.stringMatching(/^app\/views\/pages\/broken\.liquid:5:\d+ undefined filter: no_such_filter/)]);
    expect(s.instance.app().problems).toEqual(first);
    expect(await s.instance.validate()).toEqual([]);
    expect(s.instance.store.logs.since(0).filter((l) => l.error_type === 'load_error')).toHaveLength(1);
  });

  it('parses changed files at once on reload, keeping the last good version of a broken edit', async () => {
    const s = await serveApp(files, { lazyParse: true });
    writeFileSync(join(s.instance.root, 'app/views/partials/card.liquid'), '{% if %}');
    const fresh = s.instance.reload();
    expect(fresh.map((p) => p.file)).toEqual(['app/views/partials/card.liquid']);
    expect(await (await fetch(`${s.url}/good`)).text()).toBe('[ok]');
  });
});
