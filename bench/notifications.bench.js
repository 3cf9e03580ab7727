// SPEC 7: at least 1,000 api_call deliveries a second to a local sink, with the outbox durable.
// The instance runs here over a real data directory (SQLite file, WAL): every delivery is
// committed to the outbox before it is sent and its result recorded after. The sink (another
// process, keep-alive) answers 200. Measured from the first enqueue to the last recorded result.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './servers.js';
import { createInstance } from '../dist/instance.js';

const here = dirname(fileURLToPath(import.meta.url));
const TARGET = 1000;

function writeApp() {
  const root = mkdtempSync(join(tmpdir(), 'posemu-notify-'));
  mkdirSync(join(root, 'app/api_calls'), { recursive: true });
  writeFileSync(
    join(root, 'app/api_calls/hook.liquid'),
    `---
to: https://api.example.test/hooks/{{ data.n }}
request_type: POST
request_headers: '{ "Content-Type": "application/json", "Authorization": "Bearer {{ context.constants.TOKEN }}" }'
---
{ "n": {{ data.n }}, "name": "{{ data.name }}" }
`,
  );
  return root;
}

/** Enqueues `n` deliveries and waits until the outbox has recorded every result. */
async function run(instance, n, from) {
  const started = performance.now();
  for (let i = 0; i < n; i++) await instance.notifier.enqueue('api_call', 'hook', { data: { n: from + i, name: `user ${from + i}` } });
  const counts = () => instance.store.outbox.counts();
  while ((counts().pending ?? 0) + (counts().sending ?? 0) > 0) await new Promise((r) => setTimeout(r, 5));
  return performance.now() - started;
}

export default async function notificationsBench() {
  const root = writeApp();
  const count = Number(process.env.BENCH_DELIVERIES ?? 5000);
  const sink = await startChild([join(here, 'notifications-sink.js')]);
  const instance = createInstance({ root, data: join(root, '.posemu'), watch: false, worker: true, outbound: { 'api.example.test': sink.url } });
  try {
    instance.store.constants.set('TOKEN', 'bench-token');
    await run(instance, 300, 0); // warm up: JIT, template caches, keep-alive connections
    const ms = await run(instance, count, 300);
    const { count: received } = await (await fetch(`${sink.url}/_count`)).json();
    const c = instance.store.outbox.counts();
    const rate = count / (ms / 1000);
    console.log(`deliveries          : ${count} in ${ms.toFixed(0)} ms (sink received ${received - 300}, outbox delivered ${(c.delivered ?? 0) - 300}, failed ${c.failed ?? 0})`);
    console.log(`deliveries a second : ${rate.toFixed(0)} (target >= ${TARGET}) ${rate >= TARGET && received === count + 300 ? 'OK' : 'BELOW TARGET'}`);
  } finally {
    await instance.close();
    await sink.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
