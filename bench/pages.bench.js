// SPEC 7: a page served by posemu reaches at least half the requests per second of a bare
// fastify route on the same machine. Both servers run in child processes; load comes from here.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureRps } from './load.js';
import { startChild } from './servers.js';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'posemu.js');

function writeBenchApp() {
  const root = mkdtempSync(join(tmpdir(), 'posemu-bench-'));
  const put = (p, text) => {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), text);
  };
  put('app/views/layouts/application.liquid', '<html><body>{{ content_for_layout }}</body></html>');
  put('app/views/partials/greeting.liquid', '<h1>Hello {{ name }}</h1>');
  put('app/views/pages/index.liquid', "{% assign name = 'World' %}{% render 'greeting', name: name %}<p>{{ context.constants.GREETING | default: 'A small page.' }}</p>");
  return root;
}

export default async function pagesBench() {
  const root = writeBenchApp();
  const seconds = Number(process.env.BENCH_SECONDS ?? 3);
  const bare = await startChild([join(here, 'bare-fastify.js')]);
  const posemu = await startChild([cli, 'serve', '--root', root, '--port', '0', '--no-watch', '--data', join(root, '.posemu')]);
  try {
    // Warm both (JIT, template caches), then measure each alone.
    await measureRps(bare.url, { seconds: 1 });
    await measureRps(`${posemu.url}/`, { seconds: 1 });
    const base = await measureRps(bare.url, { seconds });
    const page = await measureRps(`${posemu.url}/`, { seconds, check: (b) => b.includes('Hello World') });
    const ratio = page.rps / base.rps;
    console.log(`bare fastify route : ${base.rps.toFixed(0)} req/s (${base.errors} errors)`);
    console.log(`posemu page        : ${page.rps.toFixed(0)} req/s (${page.errors} errors)`);
    console.log(`ratio              : ${ratio.toFixed(2)} (target >= 0.50) ${ratio >= 0.5 ? 'OK' : 'BELOW TARGET'}`);
  } finally {
    await posemu.stop();
    await bare.stop();
    rmSync(root, { recursive: true, force: true });
  }
}
