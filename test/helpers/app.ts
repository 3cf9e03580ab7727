import { mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createInstance, type Instance } from '../../src/instance.js';
import type { UserConfig } from '../../src/config.js';

/** Writes a small app directory: { 'app/views/pages/index.liquid': '...' }. */
export function writeApp(files: Record<string, string>, root = mkdtempSync(join(tmpdir(), 'posemu-test-'))): string {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, content);
  }
  return root;
}

/** The repository's bundled app/ (the seed's files), file for file, for writeApp/serveApp. */
export function bundledApp(): Record<string, string> {
  const root = join(import.meta.dirname, '../../app');
  const files: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const abs = join(dir, name);
      if (statSync(abs).isDirectory()) walk(abs);
      else files[join('app', relative(root, abs))] = readFileSync(abs, 'utf8');
    }
  };
  walk(root);
  return files;
}

export interface TestInstance extends Instance {
  root: string;
}

const open: TestInstance[] = [];

/** An instance over a temp app, in-memory database, no watcher. Closed by closeAll(). */
export function makeInstance(files: Record<string, string> = {}, config: UserConfig = {}): TestInstance {
  const root = writeApp(files);
  const instance = createInstance({ root, data: ':memory:', watch: false, worker: false, port: 0, ...config }) as TestInstance;
  instance.root = root;
  open.push(instance);
  return instance;
}

export async function closeAll(): Promise<void> {
  while (open.length) {
    const i = open.pop()!;
    await i.close();
    rmSync(i.root, { recursive: true, force: true });
  }
}
