#!/usr/bin/env node
// Runs every bench/*.bench.js in order and prints their results. Benchmarks report ratios
// against a baseline measured in the same run: absolute numbers on a shared machine mean little.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { dirname, join } from 'node:path';

const dir = dirname(fileURLToPath(import.meta.url));
const only = process.argv[2];
for (const file of readdirSync(dir).filter((f) => f.endsWith('.bench.js')).sort()) {
  if (only && !file.includes(only)) continue;
  process.stdout.write(`\n## ${file}\n`);
  const mod = await import(pathToFileURL(join(dir, file)).href);
  await mod.default();
}
