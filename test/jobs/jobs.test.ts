import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { createInstance, type Instance } from '../../src/instance.js';
import { writeApp } from '../helpers/app.js';
import { execLiquid } from '../../src/liquid/exec.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const FILES = {
  'app/views/partials/jobs/note.liquid': '{% log msg %}',
  'app/views/partials/jobs/slow.liquid': "{% assign x = 'https://example.invalid' %}{% log msg %}",
};

function open(root: string, data: string, worker: boolean): Instance {
  return createInstance({ root, data, watch: false, worker, port: 0 });
}

function tempDirs(): { root: string; data: string } {
  const root = writeApp(FILES);
  const data = mkdtempSync(join(tmpdir(), 'posemu-jobs-'));
  dirs.push(root, data);
  return { root, data };
}

const infos = (i: Instance) => i.store.logs.since(0, 100, 'info').map((e) => e.message).filter((m) => !m.startsWith('jobs:'));

describe('jobs (durable queue)', () => {
  it('a job queued before a restart runs after it', async () => {
    const { root, data } = tempDirs();
    const first = open(root, data, false);
    const r = await execLiquid(first, "{% background id = 'jobs/note', msg: 'survived', delay: 1 %}{{ id }}");
    expect(r.error).toBeNull();
    await first.close();

    const second = open(root, data, false);
    const job = second.jobs.get(Number(r.result))!;
    expect(job).toMatchObject({ status: 'pending', name: 'jobs/note' });
    await second.jobs.flush(job.run_at);
    expect(second.jobs.get(job.id)!.status).toBe('done');
    expect(infos(second)).toEqual(['survived']);
    await second.close();
  });

  it('a job left running by a crash is resumed, and the restart is logged', async () => {
    const { root, data } = tempDirs();
    const first = open(root, data, false);
    await execLiquid(first, "{% background id = 'jobs/note', msg: 'again' %}");
    first.store.db.exec("UPDATE jobs SET status = 'running', attempts = 1");
    await first.close();

    const second = open(root, data, false);
    expect(second.store.logs.since(0, 10, 'info')[0]!.message).toMatch(/1 background job\(s\) left running .* will run again/);
    await second.jobs.flush();
    expect(infos(second)).toEqual(['again']);
    await second.close();
  });

  it('the worker (config.worker) runs due jobs by itself; close() leaves none half-run', async () => {
    const { root, data } = tempDirs();
    const i = open(root, data, true);
    for (const msg of ['a', 'b', 'c']) await execLiquid(i, `{% background _ = 'jobs/slow', msg: '${msg}' %}`);
    await vi.waitFor(() => expect(i.jobs.list({ status: 'done' })).toHaveLength(3), { timeout: 10_000 });
    expect(infos(i).sort()).toEqual(['a', 'b', 'c']);
    await execLiquid(i, "{% background _ = 'jobs/slow', msg: 'd' %}");
    await vi.waitFor(() => expect(i.jobs.list({ status: 'pending' })).toHaveLength(0), { timeout: 10_000 });
    await i.close();
    const reopened = open(root, data, false);
    expect(reopened.jobs.list({ status: 'running' })).toEqual([]);
    expect(reopened.jobs.list({ status: 'done' })).toHaveLength(4);
    await reopened.close();
  });
});
