import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, makeInstance, type TestInstance } from '../helpers/app.js';
import { refusedUrl, startSink, type Sink } from '../helpers/twilio-stub.js';
import { createNotifier } from '../../src/notifications/index.js';
import type { Notifier } from '../../src/notifications/types.js';
import type { OutboxRow } from '../../src/store/outbox.js';

const sinks: Sink[] = [];
const notifiers: Notifier[] = [];
afterAll(async () => {
  for (const n of notifiers) await n.close();
  await closeAll();
  for (const s of sinks) await s.close();
});

const app = (url: string) => ({
  'app/api_calls/hook.liquid': `---
to: ${url}/hook
request_headers: '{ "Authorization": "Token {{ context.constants.SECRET }}" }'
callback: "{% log response.status, type: 'cb' %}"
---
{"n": {{ data.n | default: 0 }}}`,
});

/** An instance whose own notifier is idle, plus a worker-running notifier over it with fast retries. */
function withWorker(url: string, httpTimeoutMs = 2000): { inst: TestInstance; notifier: Notifier } {
  const inst = makeInstance(app(url));
  inst.store.constants.set('SECRET', 'top-secret-value');
  const notifier = createNotifier({
    store: inst.store,
    app: () => inst.app(),
    liquid: inst.liquid,
    services: inst.services,
    config: { worker: true, httpTimeoutMs },
    retry: { attempts: 3, baseDelayMs: 20, factor: 2 },
  });
  notifiers.push(notifier);
  return { inst, notifier };
}

async function settled(inst: TestInstance, id: number): Promise<OutboxRow> {
  for (;;) {
    const row = inst.store.outbox.get(id)!;
    if (row.status !== 'pending' && row.status !== 'sending') return row;
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function sink(mode?: Parameters<typeof startSink>[0]): Promise<Sink> {
  const s = await startSink(mode);
  sinks.push(s);
  return s;
}

const messages = (inst: TestInstance, type: string) => inst.store.logs.since(0, 1000, type).map((l) => l.message);

describe('the delivery worker', () => {
  it('delivers what is queued without being asked', async () => {
    const s = await sink();
    const { inst, notifier } = withWorker(s.url);
    const q = await notifier.enqueue('api_call', 'hook', { data: { n: 7 } });
    await s.waitFor(1);
    expect((await settled(inst, q.id!)).status).toBe('delivered');
    expect(JSON.parse(s.received[0].body)).toEqual({ n: 7 });
    expect(s.received[0].headers.authorization).toBe('Token top-secret-value');
  });

  it('retries a refused connection, then records the final failure (never dropped)', async () => {
    const { inst, notifier } = withWorker(await refusedUrl());
    const q = await notifier.enqueue('api_call', 'hook', {});
    const row = await settled(inst, q.id!);
    expect(row).toMatchObject({ status: 'failed', attempts: 3 });
    expect(row.error).toContain('connection refused');
    const errors = messages(inst, 'api_call_error');
    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^hook: Outgoing HTTP call failed: POST http:\/\/127\.0\.0\.1:\d+\/hook: connection refused; attempt 1 of 3, trying again in 20 ms \(outbox #\d+\)$/);
    expect(errors[1]).toContain('attempt 2 of 3, trying again in 40 ms');
    expect(errors[2]).toMatch(/connection refused; gave up after 3 attempt\(s\)/);
    expect(messages(inst, 'cb')).toEqual([]);
  });

  it('retries a 500 and delivers when the target recovers; the callback sees the final answer', async () => {
    const s = await sink('error500');
    const { inst, notifier } = withWorker(s.url);
    const q = await notifier.enqueue('api_call', 'hook', {});
    await s.waitFor(1);
    s.mode = 'ok';
    const row = await settled(inst, q.id!);
    expect(row).toMatchObject({ status: 'delivered', response_status: 200 });
    expect(row.attempts).toBeGreaterThanOrEqual(2);
    expect(messages(inst, 'api_call')[0]).toMatch(/^hook: POST http:\/\/127\.0\.0\.1:\d+\/hook -> 500 in \d+ ms$/);
    expect(messages(inst, 'api_call_error')[0]).toMatch(/answered 500; attempt 1 of 3/);
    expect(messages(inst, 'cb')).toEqual(['200']);
  });

  it('gives up on a target that keeps answering 500, recording the response and running the callback', async () => {
    const s = await sink('error500');
    const { inst, notifier } = withWorker(s.url);
    const q = await notifier.enqueue('api_call', 'hook', {});
    const row = await settled(inst, q.id!);
    expect(row).toMatchObject({ status: 'failed', attempts: 3, response_status: 500, response_body: '{"error":"boom"}' });
    expect(messages(inst, 'api_call_error').at(-1)).toMatch(/^hook: answered 500; gave up after 3 attempt\(s\)/);
    expect(messages(inst, 'cb')).toEqual(['500']);
  });

  it('treats an answer that is not HTTP as a failure to retry', async () => {
    const s = await sink('garbage');
    const { inst, notifier } = withWorker(s.url);
    const q = await notifier.enqueue('api_call', 'hook', {});
    const row = await settled(inst, q.id!);
    expect(row.status).toBe('failed');
    expect(s.received).toHaveLength(3);
  });

  it('times out a target that never answers and records it', async () => {
    const s = await sink('hang');
    const { inst, notifier } = withWorker(s.url, 200);
    const q = await notifier.enqueue('api_call', 'hook', {});
    const row = await settled(inst, q.id!);
    expect(row.status).toBe('failed');
    expect(row.error).toContain('timed out after 200 ms');
    expect(JSON.stringify(inst.store.logs.since(0))).not.toContain('top-secret-value');
  });

  it('close() waits for deliveries in flight', async () => {
    const s = await sink('hang');
    const { inst, notifier } = withWorker(s.url, 300);
    const q = await notifier.enqueue('api_call', 'hook', {});
    await s.waitFor(1);
    expect(inst.store.outbox.get(q.id!)!.status).toBe('sending');
    await notifier.close();
    // The attempt ended (timed out) and was recorded; the retry waits for the next start.
    const row = inst.store.outbox.get(q.id!)!;
    expect(row.status).toBe('pending');
    expect(row.error).toContain('timed out');
  });
});

describe('outbox recovery', () => {
  it('puts rows left in flight back to pending, and fails interrupted synchronous calls', () => {
    const inst = makeInstance({});
    const async = inst.store.outbox.insert({ kind: 'api_call', name: 'a', mode: 'async', vars: {}, status: 'pending', dueAt: 0 });
    inst.store.outbox.claimDue(Date.now(), 10);
    const sync = inst.store.outbox.insert({ kind: 'api_call', name: 'b', mode: 'sync', vars: {}, status: 'sending', dueAt: 0 });
    expect(inst.store.outbox.recover()).toEqual({ resumed: 1, interrupted: 1 });
    expect(inst.store.outbox.get(async)!).toMatchObject({ status: 'pending', attempts: 1 });
    expect(inst.store.outbox.get(sync)!.status).toBe('failed');
    expect(inst.store.outbox.get(sync)!.error).toContain('interrupted by a restart');
  });
});
