import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

/** .posemu.yml next to app/: per-project settings (outbound redirects). */
export interface ProjectConfig {
  outbound: Record<string, string>;
}

export function readProjectConfig(root: string): ProjectConfig {
  const path = join(root, '.posemu.yml');
  if (!existsSync(path)) return { outbound: {} };
  let doc: unknown;
  try {
    doc = yaml.load(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(`${path}: ${(err as Error).message}`);
  }
  const outbound = (doc as { outbound?: unknown } | null)?.outbound ?? {};
  if (typeof outbound !== 'object' || Array.isArray(outbound)) throw new Error(`${path}: outbound must be a mapping of host: URL`);
  return { outbound: Object.fromEntries(Object.entries(outbound as Record<string, unknown>).map(([k, v]) => [k, String(v)])) };
}
