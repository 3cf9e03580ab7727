import { describe, expect, it, beforeAll } from 'vitest';
import { serveApp, type Served } from '../helpers/server.js';

let s: Served;
beforeAll(async () => {
  s = await serveApp({ 'app/views/pages/echo.liquid': '---\nmethod: post\nlayout: ""\n---\n{{ context.params.a.b }}' }, { bodyLimit: 1024 });
});

const SET = 'mutation { constant_set(name: "X", value: "1") { name } }';

async function graph(headers: Record<string, string>, query = SET) {
  return fetch(`${s.url}/api/graph`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
}

describe('admin API authentication', () => {
  it('accepts the token in the three documented forms', async () => {
    for (const auth of [`Token ${s.instance.adminToken}`, `Token token=${s.instance.adminToken}`, `Bearer ${s.instance.adminToken}`]) {
      const res = await graph({ authorization: auth });
      expect(res.status, auth).toBe(200);
    }
  });

  it('answers 401 and runs nothing without or with a wrong token', async () => {
    s.instance.store.constants.unset('X');
    const variants: Record<string, string>[] = [{}, { authorization: 'Token wrong' }, { authorization: `Basic ${s.instance.adminToken}` }];
    for (const headers of variants) {
      const res = await graph(headers);
      expect(res.status).toBe(401);
    }
    expect(s.instance.store.constants.all()).not.toHaveProperty('X');
    const exec = await fetch(`${s.url}/api/app_builder/liquid_exec`, { method: 'POST', body: '{"content":"x"}', headers: { 'content-type': 'application/json' } });
    expect(exec.status).toBe(401);
    expect((await fetch(`${s.url}/api/app_builder/logs`)).status).toBe(401);
  });
});

describe('GraphQL constants', () => {
  it('sets, lists (paginated) and unsets constants with the platformOS names', async () => {
    await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: 'mutation { constant_set(name: "B", value: "2") { name } }' }) });
    await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: 'mutation { constant_set(name: "A", value: "1") { name } }' }) });
    const list = await (await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: '{ constants(per_page: 1, filter: { name: { value_in: ["A", "B"] } }, sort: [{ name: { order: DESC } }]) { total_entries total_pages has_next_page results { name value } } }' }) })).json();
    expect(list).toEqual({ data: { constants: { total_entries: 2, total_pages: 2, has_next_page: true, results: [{ name: 'B', value: '2' }] } } });
    const unset = await (await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: 'mutation { constant_unset(name: "A") { name value } }' }) })).json();
    expect(unset).toEqual({ data: { constant_unset: { name: 'A', value: '1' } } });
    expect(s.instance.store.constants.all()).not.toHaveProperty('A');
  });

  it('names the missing argument of constant_set', async () => {
    const res = await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: 'mutation { constant_set(name: "Y") { name } }' }) });
    const body = (await res.json()) as { errors: Array<{ message: string }> };
    expect(body.errors[0].message).toMatch(/argument "value".*required/);
  });

  it('stores constant values encrypted at rest', () => {
    s.instance.store.constants.set('PLAIN', 'very-secret-value');
    const row = s.instance.store.db.prepare('SELECT value FROM constants WHERE name = ?').get('PLAIN') as { value: string };
    expect(row.value).not.toContain('very-secret-value');
    expect(s.instance.store.constants.all().PLAIN).toBe('very-secret-value');
  });

  it('rejects a request without a query', async () => {
    const res = await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({}) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toContain('query');
  });

  it('rejects variables that are a string of bad JSON with 422 naming variables', async () => {
    const res = await s.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query: '{ __typename }', variables: '{bad' }) });
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: string }).error).toMatch(/variables/);
  });
});

describe('request limits and bodies', () => {
  it('rejects a body over the limit with 413 and keeps serving', async () => {
    const res = await fetch(`${s.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `a=${'x'.repeat(5000)}` });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: string }).error).toContain('1024 bytes');
    expect((await fetch(`${s.url}/_posemu/health`)).status).toBe(200);
  });

  it('parses nested form params as Rails does', async () => {
    const res = await fetch(`${s.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a[b]=deep' });
    expect(await res.text()).toBe('deep');
  });
});

describe('liquid_exec and logs', () => {
  it('runs Liquid and reports errors with the cause', async () => {
    const ok = await (await s.admin('/api/app_builder/liquid_exec', { method: 'POST', body: JSON.stringify({ content: '{{ 1 | plus: 2 }}' }) })).json();
    expect(ok).toEqual({ result: '3', error: null });
    const bad = (await (await s.admin('/api/app_builder/liquid_exec', { method: 'POST', body: JSON.stringify({ content: '{% if %}' }) })).json()) as { error: string };
    expect(bad.error).toMatch(/^\(liquid_exec\):1:\d+ /);
  });

  it('serves logs in pos-cli shape, ascending, after last_id', async () => {
    await s.admin('/api/app_builder/liquid_exec', { method: 'POST', body: JSON.stringify({ content: "{% log 'first' %}{% log 'second', type: 'custom' %}" }) });
    const all = (await (await s.admin('/api/app_builder/logs?last_id=0')).json()) as { logs: Array<{ id: number; error_type: string; message: string; data: object }> };
    const mine = all.logs.filter((l) => l.message === 'first' || l.message === 'second');
    expect(mine.map((l) => [l.error_type, l.message])).toEqual([['info', 'first'], ['custom', 'second']]);
    expect(mine[0].data).toEqual({ url: '/api/app_builder/liquid_exec', page: '(liquid_exec)', partial: '' });
    const after = (await (await s.admin(`/api/app_builder/logs?last_id=${mine[0].id}`)).json()) as { logs: Array<{ id: number }> };
    expect(after.logs.every((l) => l.id > mine[0].id)).toBe(true);
  });

  it('filters by ?type= and ignores a type that is not a string', async () => {
    await s.admin('/api/app_builder/liquid_exec', { method: 'POST', body: JSON.stringify({ content: "{% log 'typed', type: 'only-this' %}" }) });
    const only = (await (await s.admin('/api/app_builder/logs?type=only-this')).json()) as { logs: Array<{ message: string }> };
    expect(only.logs.map((l) => l.message)).toEqual(['typed']);
    const res = await s.admin('/api/app_builder/logs?type[]=x');
    expect(res.status).toBe(200);
  });

  it('pushes new entries on the server-sent events stream', async () => {
    const ctrl = new AbortController();
    const last = s.instance.store.logs.since(0, 100000).at(-1)?.id ?? 0;
    const res = await s.admin(`/api/app_builder/logs/stream?last_id=${last}`, { signal: ctrl.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    s.instance.services.log({ type: 'info', message: 'pushed entry' });
    let text = '';
    while (!text.includes('pushed entry')) text += new TextDecoder().decode((await reader.read()).value);
    ctrl.abort();
    expect(text).toMatch(/^id: \d+\nevent: log\ndata: \{.*"message":"pushed entry"/m);
  });
});
