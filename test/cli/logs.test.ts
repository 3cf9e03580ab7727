import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { serveApp, type Served } from '../helpers/server.js';
import { formatEntry, runLogs, type CommandIO } from '../../src/cli/logs.js';

const CLI = join(import.meta.dirname, '../../bin/posemu.js');

let served: Served;
beforeAll(async () => {
  served = await serveApp({ 'app/views/pages/hello.liquid': "{% log 'hello from a page', type: 'info' %}hi" });
});

/** Captures what a command writes; `until` resolves once the output contains a text. */
function capture(signal?: AbortSignal) {
  let out = '';
  let err = '';
  const waiters: Array<{ text: string; resolve: () => void }> = [];
  const io: CommandIO = {
    out: {
      write(t: string) {
        out += t;
        for (const w of waiters.filter((w) => out.includes(w.text))) w.resolve();
      },
    },
    err: { write: (t: string) => (err += t) },
    signal,
  };
  return {
    io,
    get out() {
      return out;
    },
    get err() {
      return err;
    },
    until: (text: string) => (out.includes(text) ? Promise.resolve() : new Promise<void>((resolve) => waiters.push({ text, resolve }))),
  };
}

const args = (...more: string[]) => ['--url', served.url, ...more];

describe('formatEntry (pos-cli format)', () => {
  const entry = { id: 1, created_at: '2026-12-04T19:20:10.123Z', error_type: 'info', message: 'message\n', data: { url: '/x?y=1', page: 'p', partial: 'q' } };

  it('prints the entry line and the path/page/partial line', () => {
    expect(formatEntry(entry, false)).toBe('[2026-12-04 19:20:10.123Z] - info: message\npath: /x page: p partial: q\n');
  });

  it('-q leaves out the second line; unknown parts are left out', () => {
    expect(formatEntry(entry, true)).toBe('[2026-12-04 19:20:10.123Z] - info: message\n');
    expect(formatEntry({ ...entry, data: { url: '', page: 'app/api_calls/x.liquid', partial: '' } }, false)).toBe(
      '[2026-12-04 19:20:10.123Z] - info: message\npage: app/api_calls/x.liquid\n',
    );
  });
});

describe('posemu logs', () => {
  it('--no-follow prints what is logged, filtered, and exits', async () => {
    process.env.POSEMU_TOKEN = served.instance.adminToken;
    served.instance.services.log({ type: 'custom', message: 'first', url: '/a', page: 'app/views/pages/a.liquid' });
    served.instance.services.log({ type: 'other', message: 'second' });
    const c = capture();
    expect(await runLogs(args('--no-follow', '--filter', 'custom'), c.io)).toBe(0);
    expect(c.out).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z\] - custom: first\npath: \/a page: app\/views\/pages\/a\.liquid\n$/);
  });

  it('--json prints one JSON object a line', async () => {
    process.env.POSEMU_TOKEN = served.instance.adminToken;
    const c = capture();
    await runLogs(args('--no-follow', '--json', '--filter', 'other'), c.io);
    const lines = c.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toEqual([expect.objectContaining({ error_type: 'other', message: 'second', data: { url: '', page: '', partial: '' } })]);
  });

  it('follows: an entry written after it started (a page with {% log %}) is printed', async () => {
    process.env.POSEMU_TOKEN = served.instance.adminToken;
    const stop = new AbortController();
    const c = capture(stop.signal);
    served.instance.services.log({ type: 'marker', message: 'before follow' });
    const running = runLogs(args('-q'), c.io);
    await c.until('- marker: before follow');
    await fetch(`${served.url}/hello`);
    await c.until('info: hello from a page');
    stop.abort();
    expect(await running).toBe(0);
    expect(c.out).toContain('] - info: hello from a page\n');
    expect(c.out).not.toContain('path:');
  });

  it('fails with one line when the token is wrong', async () => {
    process.env.POSEMU_TOKEN = 'wrong';
    const err = await runLogs(args('--no-follow'), capture().io).catch((e: Error) => e);
    expect(String(err)).toContain('HTTP 401');
  });
});

describe('the built CLI', () => {
  let child: ChildProcess | undefined;
  afterAll(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
  });

  it('`posemu logs` prints, within moments, a line logged after it started, and exits 0 on SIGINT', async () => {
    child = spawn(process.execPath, [CLI, 'logs', '--url', served.url], { env: { ...process.env, POSEMU_TOKEN: served.instance.adminToken }, stdio: ['ignore', 'pipe', 'pipe'] });
    served.instance.services.log({ type: 'marker', message: 'before the CLI' });
    let out = '';
    const seen = (text: string) =>
      new Promise<void>((resolve) => {
        const check = () => out.includes(text) && resolve();
        child!.stdout!.on('data', (d: Buffer) => {
          out += d.toString();
          check();
        });
        check();
      });
    await seen('- marker: before the CLI');
    served.instance.services.log({ type: 'info', message: 'written after start', url: '/later', page: 'app/views/pages/later.liquid' });
    await seen('path: /later page: app/views/pages/later.liquid');
    expect(out).toMatch(/\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z\] - info: written after start\npath: \/later page: app\/views\/pages\/later\.liquid\n/);
    const exited = new Promise<number | null>((resolve) => child!.on('exit', (code) => resolve(code)));
    child.kill('SIGINT');
    expect(await exited).toBe(0);
  });
});
