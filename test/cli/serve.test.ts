import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeApp } from '../helpers/app.js';
import { runCli, startServe, stop, type Started } from '../helpers/cli.js';

const TOKEN_PAGE = readFileSync(new URL('../../app/views/pages/token.json.liquid', import.meta.url), 'utf8');
const started: Started[] = [];
afterAll(async () => {
  for (const s of started) await stop(s.child, 'SIGKILL');
});

describe('posemu serve and constants (as a user runs them)', () => {
  it('serves an app, creates the admin token (0600), sets constants over HTTP, and stops cleanly on SIGTERM', async () => {
    const root = writeApp({ 'app/views/pages/token.json.liquid': TOKEN_PAGE });
    const data = join(root, '.posemu');
    const s = await startServe(['--root', root, '--port', '0', '--no-watch']);
    started.push(s);
    expect(s.output()).toMatch(/^posemu serving .* at http:\/\/127\.0\.0\.1:\d+\n/);
    expect(statSync(join(data, 'admin-token')).mode & 0o777).toBe(0o600);
    expect(statSync(join(data, 'secret.key')).mode & 0o777).toBe(0o600);
    expect(await (await fetch(`${s.url}/_posemu/health`)).json()).toEqual({ status: 'ok' });

    const env = { POSEMU_URL: s.url };
    for (const [name, value] of [['TWILIO_API_KEY_SID', 'SKcli'], ['TWILIO_ACCOUNT_SID', 'ACcli'], ['TWILIO_API_SECRET', 'secret-cli']]) {
      const r = await runCli(['constants', 'set', '--name', name, '--value', value], env, root);
      expect(r).toMatchObject({ code: 0, stdout: `Constant ${name} set\n` });
    }
    const list = await runCli(['constants', 'list'], env, root);
    expect(list.stdout).toContain('TWILIO_API_SECRET: "se..."');
    expect(list.stdout).not.toContain('secret-cli');
    const safe = await runCli(['constants', 'list'], { ...env, SAFE: '1' }, root);
    expect(safe.stdout).toContain('TWILIO_API_SECRET: secret-cli');

    const body = (await (await fetch(`${s.url}/token.json`)).json()) as { token: string };
    const payload = JSON.parse(Buffer.from(body.token.split('.')[1], 'base64url').toString());
    expect(payload).toMatchObject({ iss: 'SKcli', sub: 'ACcli' });

    expect(await runCli(['constants', 'unset', '--name', 'TWILIO_API_SECRET'], env, root)).toMatchObject({ code: 0 });
    expect(await stop(s.child)).toBe(0);
  });

  it('reports a broken template on stderr once it has started, and keeps serving the rest', async () => {
    const root = writeApp({ 'app/views/pages/ok.liquid': 'ok', 'app/views/pages/bad.liquid': '---\nlayout: ""\n---\n{% unknown_tag %}' });
    const s = await startServe(['--root', root, '--port', '0', '--no-watch']);
    started.push(s);
    expect(await (await fetch(`${s.url}/ok`)).text()).toBe('ok');
    const deadline = Date.now() + 5000;
    while (!s.output().includes('bad.liquid') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    expect(s.output()).toMatch(/posemu: app\/views\/pages\/bad\.liquid:4:1 .*unknown_tag/);
    expect(await stop(s.child)).toBe(0);
  });

  it('keeps constants across restarts (data dir)', async () => {
    const root = writeApp({ 'app/views/pages/c.liquid': '{{ context.constants.KEEP }}' });
    const first = await startServe(['--root', root, '--port', '0', '--no-watch']);
    started.push(first);
    await runCli(['constants', 'set', '--name', 'KEEP', '--value', 'kept'], { POSEMU_URL: first.url }, root);
    await stop(first.child);
    const second = await startServe(['--root', root, '--port', '0', '--no-watch']);
    started.push(second);
    expect(await (await fetch(`${second.url}/c`)).text()).toContain('kept');
    await stop(second.child);
  });

  it('gives one clear line and a non-zero exit for bad input', async () => {
    const noServer = await runCli(['constants', 'list'], { POSEMU_URL: 'http://127.0.0.1:9', POSEMU_TOKEN: 'x' });
    expect(noServer.code).toBe(1);
    expect(noServer.stderr).toMatch(/^posemu constants: Cannot reach the instance: http:\/\/127\.0\.0\.1:9 .*is posemu serve running\?\n$/);
    const missing = await runCli(['constants', 'set', '--name', 'A'], { POSEMU_TOKEN: 'x' });
    expect(missing.stderr).toBe('posemu constants: constants set: --value is required\n');
    const badPort = await runCli(['serve', '--port', 'abc']);
    expect(badPort.stderr).toContain('--port must be a number');
    const unknown = await runCli(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('unknown command "frobnicate"');
    const wrongToken = await (async () => {
      const root = writeApp({});
      const s = await startServe(['--root', root, '--port', '0', '--no-watch']);
      started.push(s);
      const r = await runCli(['constants', 'list'], { POSEMU_URL: s.url, POSEMU_TOKEN: 'wrong' });
      await stop(s.child);
      return r;
    })();
    expect(wrongToken.stderr).toMatch(/HTTP 401: Unauthorized/);
  });
});
