// SPEC 7: start-up to first request under 500 ms for an app of 1,000 pages. Measured from
// spawning `posemu serve` to the first page answered, against spawning a bare fastify server.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from './servers.js';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'bin', 'posemu.js');

function writeBigApp(pages) {
  const root = mkdtempSync(join(tmpdir(), 'posemu-startup-'));
  mkdirSync(join(root, 'app/views/partials'), { recursive: true });
  writeFileSync(join(root, 'app/views/partials/card.liquid'), '<div class="card">{{ title }}</div>');
  for (let i = 0; i < pages; i++) {
    const dir = join(root, 'app/views/pages', `section-${i % 20}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(
      join(dir, `page-${i}.liquid`),
      `---\nmetadata:\n  title: Page ${i}\n---\n{% liquid\n  assign items = 'a,b,c' | split: ','\n%}\n{% for item in items %}{% render 'card', title: item %}{% endfor %}\n<p>{{ context.page.metadata.title }} {{ 'now' | date: '%Y' }}</p>\n`,
    );
  }
  return root;
}

async function timeToFirstPage(args, path) {
  const started = performance.now();
  const server = await startChild(args);
  const res = await fetch(`${server.url}${path}`);
  await res.text();
  const ms = performance.now() - started;
  await server.stop();
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  return ms;
}

export default async function startupBench() {
  const root = writeBigApp(1000);
  try {
    const runs = Number(process.env.BENCH_RUNS ?? 3);
    const posemu = [];
    const bare = [];
    for (let i = 0; i < runs; i++) {
      bare.push(await timeToFirstPage([join(here, 'bare-fastify.js')], '/'));
      posemu.push(await timeToFirstPage([cli, 'serve', '--root', root, '--port', '0', '--no-watch', '--data', join(root, '.posemu')], '/section-3/page-503'));
    }
    const best = (a) => Math.min(...a);
    console.log(`bare fastify spawn -> first response : ${best(bare).toFixed(0)} ms (best of ${runs})`);
    console.log(`posemu, 1000 pages -> first page     : ${best(posemu).toFixed(0)} ms (best of ${runs}) (target < 500) ${best(posemu) < 500 ? 'OK' : 'ABOVE TARGET'}`);
    console.log(`ratio to bare fastify                : ${(best(posemu) / best(bare)).toFixed(2)}`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
