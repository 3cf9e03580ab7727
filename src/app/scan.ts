import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** The kinds of app file posemu knows, each with its canonical and legacy directory names. */
export const KIND_DIRS = {
  pages: ['views/pages', 'pages'],
  partials: ['views/partials', 'lib'],
  layouts: ['views/layouts'],
  forms: ['forms', 'form_configurations'],
  api_calls: ['api_calls', 'notifications/api_call_notifications'],
  emails: ['emails', 'notifications/email_notifications'],
  smses: ['smses', 'notifications/sms_notifications'],
  schema: ['schema', 'custom_model_types', 'model_schemas'],
  graphql: ['graphql', 'graph_queries'],
  translations: ['translations'],
  assets: ['assets'],
  authorization_policies: ['authorization_policies'],
  migrations: ['migrations'],
} as const;

export type Kind = keyof typeof KIND_DIRS;

export interface ScannedFile {
  kind: Kind;
  /** Absolute path. */
  abs: string;
  /** Path relative to the project root, with forward slashes (what messages show). */
  rel: string;
  /** Path inside the kind's directory, forward slashes, extension kept. */
  inner: string;
  /** Module name for files under modules/<name>/, otherwise undefined. */
  module?: string;
}

/** One place an app's files live: app/ itself, or modules/<name>/public|private. */
interface Base {
  dir: string;
  module?: string;
}

function bases(root: string): Base[] {
  const out: Base[] = [{ dir: join(root, 'app') }];
  const modulesDir = join(root, 'modules');
  for (const name of listDir(modulesDir)) {
    for (const side of ['public', 'private']) {
      const dir = join(modulesDir, name, side);
      if (isDir(dir)) out.push({ dir, module: name });
    }
  }
  return out;
}

/** Lists every app file by kind. Hidden files and editor droppings are skipped. */
export function scanApp(root: string): ScannedFile[] {
  const files: ScannedFile[] = [];
  for (const base of bases(root)) {
    for (const [kind, dirs] of Object.entries(KIND_DIRS) as [Kind, readonly string[]][]) {
      for (const d of dirs) {
        const kindDir = join(base.dir, d);
        for (const abs of walk(kindDir)) {
          files.push({
            kind,
            abs,
            rel: toSlash(relative(root, abs)),
            inner: toSlash(relative(kindDir, abs)),
            module: base.module,
          });
        }
      }
    }
  }
  return files;
}

function* walk(dir: string): Generator<string> {
  for (const name of listDir(dir)) {
    if (name.startsWith('.') || name.endsWith('~')) continue;
    const abs = join(dir, name);
    if (isDir(abs)) yield* walk(abs);
    else yield abs;
  }
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function toSlash(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** `shared/header.html.liquid` -> `shared/header`: drops `.liquid` and a format extension. */
export function stripTemplateExt(inner: string): string {
  return inner.replace(/\.liquid$/, '').replace(/\.(html|json|js|css|xml|csv|txt|rss|ics|svg|md|text)$/, '');
}

/** The name other code uses for a file: module files are prefixed `modules/<name>/`. */
export function logicalName(file: ScannedFile, name: string): string {
  return file.module ? `modules/${file.module}/${name}` : name;
}
