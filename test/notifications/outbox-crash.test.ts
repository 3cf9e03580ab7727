import { afterAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { readFileSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { writeApp } from '../helpers/app.js';
import { startSink, type Sink } from '../helpers/twilio-stub.js';

// These run the built CLI (dist/): `npm run build` first.
const CLI = join(import.meta.dirname, '../../bin/posemu.js');
const ENQUEUE = join(import.meta.dirname, 'fixtures/enqueue.mjs');

const children: ChildProcess[] = [];
const sinks: Sink[] = [];
const roots: string[] = [];
afterAll(async () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  for (const s of sinks) await s.close();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function project(): { root: string; data: string } {
  const root = writeApp({
    'app/api_calls/ping.liquid': `---
to: https://api.example.test/ping
request_headers: '{ "Content-Type": "application/json" }'
---
{"n": {{ data.n }}}`,
  });
  roots.push(root);
  return { root, data: join(root, '.posemu') };
}

/** Spawns node with args; resolves with the first stdout line matching `ready`. */
function start(args: string[], ready: RegExp): Promise<{ child: ChildProcess; match: RegExpMatchArray }> {
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let out = '';
  let err = '';
  return new Promise((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m) resolve({ child, match: m });
    });
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it was ready: ${err || out}`)));
  });
}

function exitOf(child: ChildProcess): Promise<{ code: number | null; signal: string | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
}

async function kill9(child: ChildProcess): Promise<void> {
  const exited = exitOf(child);
  child.kill('SIGKILL');
  expect((await exited).signal).toBe('SIGKILL');
}

/** `posemu serve` over the project, the example host redirected to the sink. */
async function serve(root: string, data: string, sink: Sink): Promise<{ child: ChildProcess; url: string }> {
  const { child, match } = await start(
    [CLI, 'serve', '--root', root, '--data', data, '--port', '0', '--no-watch', '--outbound', `api.example.test=${sink.url}`],
    /at (http:\/\/\S+)/,
  );
  return { child, url: match[1] };
}

function outboxRow(data: string, id: number): { status: string; attempts: number; response_status: number | null } {
  const db = new Database(join(data, 'instance.db'), { readonly: true });
  try {
    return db.prepare('SELECT status, attempts, response_status FROM outbox WHERE id = ?').get(id) as { status: string; attempts: number; response_status: number | null };
  } finally {
    db.close();
  }
}

describe('the outbox survives SIGKILL', () => {
  it('a call written to the outbox but not yet sent is delivered after a restart', async () => {
    const { root, data } = project();
    const sink = await startSink();
    sinks.push(sink);
    const first = await start([ENQUEUE, root, data, sink.url, 'no-worker'], /queued queued (\d+)/);
    const id = Number(first.match[1]);
    await kill9(first.child);
    expect(sink.received).toHaveLength(0);
    expect(outboxRow(data, id).status).toBe('pending');

    const server = await serve(root, data, sink);
    await sink.waitFor(1);
    expect(sink.received[0]).toMatchObject({ method: 'POST', path: '/ping', body: '{"n": 42}' });
    const token = readFileSync(join(data, 'admin-token'), 'utf8').trim();
    // The delivery is logged once the response is recorded.
    let logged: Array<{ message: string }> = [];
    while (!logged.length) {
      const res = await fetch(`${server.url}/api/app_builder/logs?type=api_call`, { headers: { authorization: `Token ${token}` } });
      logged = ((await res.json()) as { logs: Array<{ message: string }> }).logs;
    }
    expect(logged[0].message).toMatch(/^ping: POST https:\/\/api\.example\.test\/ping -> 200 in \d+ ms/);
    const stopped = exitOf(server.child);
    server.child.kill('SIGTERM');
    expect((await stopped).code).toBe(0);
    expect(outboxRow(data, id)).toEqual({ status: 'delivered', attempts: 1, response_status: 200 });
  });

  it('a call in flight when the process died is sent again after a restart', async () => {
    const { root, data } = project();
    const sink = await startSink('hang');
    sinks.push(sink);
    const first = await start([ENQUEUE, root, data, sink.url, 'worker'], /queued queued (\d+)/);
    const id = Number(first.match[1]);
    await sink.waitFor(1);
    await kill9(first.child);
    expect(outboxRow(data, id).status).toBe('sending');

    sink.mode = 'ok';
    const server = await serve(root, data, sink);
    await sink.waitFor(2);
    expect(sink.received[1].body).toBe(sink.received[0].body);
    const stopped = exitOf(server.child);
    server.child.kill('SIGTERM');
    expect((await stopped).code).toBe(0);
    expect(outboxRow(data, id)).toEqual({ status: 'delivered', attempts: 2, response_status: 200 });
  });
});
