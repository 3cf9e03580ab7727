import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveApp, type Served } from '../helpers/server.js';
import { runExec } from '../../src/cli/exec.js';

let served: Served;
beforeAll(async () => {
  served = await serveApp({});
  process.env.POSEMU_TOKEN = served.instance.adminToken;
  served.instance.store.constants.set('GREETING', 'hello');
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runExec([...argv, '--url', served.url], { out: { write: (t: string) => (out += t) }, err: { write: (t: string) => (err += t) } });
  return { code, out, err };
}

const tmpFile = (name: string, text: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'posemu-exec-')), name);
  writeFileSync(file, text);
  return file;
};

describe('posemu exec liquid', () => {
  it('prints what the code renders (constants readable)', async () => {
    expect(await run('liquid', "{{ context.constants.GREETING | upcase }} {{ 'a,b' | split: ',' | size }}")).toEqual({ code: 0, out: 'HELLO 2\n', err: '' });
  });

  it('reads the code from -f FILE', async () => {
    const file = tmpFile('x.liquid', '{% assign n = 2 | plus: 3 %}{{ n }}');
    expect((await run('liquid', '-f', file)).out).toBe('5\n');
  });

  it('a Liquid error is one line on stderr and exit 1', async () => {
    const res = await run('liquid', '{{ "x" | parse_json }}');
    expect(res.code).toBe(1);
    expect(res.out).toBe('');
    expect(res.err).toMatch(/^posemu exec: Liquid error: \(liquid_exec\):1:\d+ parse_json: invalid JSON.*\n$/);
  });
});

describe('posemu exec graphql', () => {
  it('prints data as JSON, with -p variables', async () => {
    const res = await run('graphql', 'mutation($n: String!, $v: String!) { constant_set(name: $n, value: $v) { name value } }', '-p', '{"n":"FROM_EXEC","v":"42"}');
    expect(res.code).toBe(0);
    expect(JSON.parse(res.out)).toEqual({ constant_set: { name: 'FROM_EXEC', value: '42' } });
    expect(served.instance.store.constants.all().FROM_EXEC).toBe('42');
  });

  it('reads the query from -f FILE', async () => {
    const file = tmpFile('q.graphql', '{ constants(filter: { name: { value: "GREETING" } }) { results { name } } }');
    expect(JSON.parse((await run('graphql', '-f', file)).out)).toEqual({ constants: { results: [{ name: 'GREETING' }] } });
  });

  it('GraphQL errors are one line on stderr and exit 1', async () => {
    const res = await run('graphql', '{ no_such_field }');
    expect(res.code).toBe(1);
    expect(res.err).toMatch(/^posemu exec: GraphQL error: Cannot query field "no_such_field".*\n$/);
  });
});

describe('posemu exec with bad input', () => {
  it('names what is wrong', async () => {
    await expect(run('ruby', 'x')).rejects.toThrow('exec: expected liquid or graphql, got "ruby"');
    await expect(run('liquid')).rejects.toThrow('exec liquid: nothing to run');
    await expect(run('graphql', '{ a }', '-p', '[1]')).rejects.toThrow('-p must be a JSON object of variables');
    await expect(run('graphql', '{ a }', '-p', '{oops')).rejects.toThrow('-p must be a JSON object of variables');
    await expect(run('liquid', '-f', '/nonexistent/file.liquid')).rejects.toThrow('exec: cannot read /nonexistent/file.liquid (ENOENT)');
    await expect(run('liquid', 'x', '-f', '/tmp/x')).rejects.toThrow('not both');
  });

  it('says when no instance answers', async () => {
    let err = '';
    const res = runExec(['liquid', 'x', '--url', 'http://127.0.0.1:9'], { out: { write: () => 0 }, err: { write: (t: string) => (err += t) } });
    await expect(res).rejects.toThrow(/Cannot reach the instance: http:\/\/127\.0\.0\.1:9 .*is posemu serve running\?/);
    expect(err).toBe('');
  });
});
