import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ParseSource } from './sources.js';
import { scanApp, type ScannedFile } from './scan.js';
import { parseFrontMatter, type Parsed } from './front-matter.js';
import { findLayout, layoutKey, loadPage } from './pages.js';
import { loadForm, loadNotification, loadPartial } from './templates.js';
import { DEFAULT_FLAGS, deepMerge, loadFlags, loadQuery, loadTable, loadTranslations } from './data-files.js';
import { describeError } from '../liquid/errors.js';
import type { AppDefinition, FormDef, LoadProblem, NotificationDef, PageDef, PartialDef, QueryDef, TableDef } from './types.js';

/** What one file contributed, kept so an unchanged file is not parsed again on reload. */
type Loaded =
  | { kind: 'page'; value: PageDef }
  | { kind: 'partial' | 'layout'; value: PartialDef }
  | { kind: 'notification'; value: NotificationDef }
  | { kind: 'form'; value: FormDef }
  | { kind: 'table'; value: TableDef }
  | { kind: 'query'; value: QueryDef }
  | { kind: 'translations'; value: Record<string, Record<string, unknown>> }
  | { kind: 'asset'; value: string }
  | { kind: 'none' };

interface CacheEntry {
  stamp: string;
  loaded: Loaded;
  offset: number;
}

/** Per-file results of the last load. Reused by the next load (see loadApp). */
export type LoadCache = Map<string, CacheEntry>;

export interface LoadResult {
  app: AppDefinition;
  cache: LoadCache;
}

/**
 * Reads app/ and modules/ into an AppDefinition. With the cache of the previous load,
 * unchanged files are not read again, and a file that fails now keeps its last good
 * version live (its problem is still reported). `parse` decides when Liquid is parsed
 * (see sources.ts): a reload parses eagerly, so a broken edit never replaces a good file.
 */
export function loadApp(root: string, parse: ParseSource, previous?: LoadCache): LoadResult {
  const problems: LoadProblem[] = [];
  const cache: LoadCache = new Map();
  for (const file of scanApp(root)) {
    const stamp = fileStamp(file.abs);
    const old = previous?.get(file.rel);
    if (old && old.stamp === stamp) {
      cache.set(file.rel, old);
      continue;
    }
    try {
      cache.set(file.rel, { stamp, ...loadFile(file, parse) });
    } catch (err) {
      problems.push({ file: file.rel, message: describeError(err, file.rel) });
      // Keep serving the last good version; the stamp stays old so the next load retries.
      if (old) cache.set(file.rel, old);
    }
  }
  let flags = DEFAULT_FLAGS;
  const configPath = join(root, 'app', 'config.yml');
  try {
    flags = loadFlags('app/config.yml', readFileSync(configPath, 'utf8'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') problems.push({ file: 'app/config.yml', message: describeError(err, 'app/config.yml') });
  }
  return { app: assemble(root, cache, flags, problems), cache };
}

function fileStamp(abs: string): string {
  const st = statSync(abs);
  return `${st.mtimeMs}:${st.size}`;
}

function loadFile(file: ScannedFile, parse: ParseSource): { loaded: Loaded; offset: number } {
  if (file.kind === 'assets') return { loaded: { kind: 'asset', value: file.abs }, offset: 0 };
  const text = readFileSync(file.abs, 'utf8');
  switch (file.kind) {
    case 'schema':
      return { loaded: isYaml(file) ? { kind: 'table', value: loadTable(file, text) } : { kind: 'none' }, offset: 0 };
    case 'graphql':
      return { loaded: file.inner.endsWith('.graphql') ? { kind: 'query', value: loadQuery(file, text) } : { kind: 'none' }, offset: 0 };
    case 'translations':
      return { loaded: isYaml(file) ? { kind: 'translations', value: loadTranslations(file, text) } : { kind: 'none' }, offset: 0 };
    case 'authorization_policies':
    case 'migrations':
      return { loaded: { kind: 'none' }, offset: 0 };
    default:
      break;
  }
  if (!file.inner.endsWith('.liquid')) return { loaded: { kind: 'none' }, offset: 0 };
  const parsed = parseFrontMatter(text, file.rel);
  const offset = parsed.bodyOffset;
  try {
    return { loaded: loadTemplateFile(file, parsed, parse), offset };
  } catch (err) {
    throw new Error(describeError(err, file.rel, () => offset));
  }
}

function loadTemplateFile(file: ScannedFile, parsed: Parsed, parse: ParseSource): Loaded {
  switch (file.kind) {
    case 'pages':
      return { kind: 'page', value: loadPage(file, parsed, parse) };
    case 'partials':
      return { kind: 'partial', value: loadPartial(file, parsed, parse) };
    case 'layouts':
      return { kind: 'layout', value: loadPartial(file, parsed, parse) };
    case 'forms':
      return { kind: 'form', value: loadForm(file, parsed, parse) };
    default:
      return { kind: 'notification', value: loadNotification(file, parsed, parse) };
  }
}

function isYaml(file: ScannedFile): boolean {
  return /\.ya?ml$/.test(file.inner);
}

function assemble(root: string, cache: LoadCache, flags: AppDefinition['flags'], problems: LoadProblem[]): AppDefinition {
  const pages: PageDef[] = [];
  const partials = new Map<string, PartialDef>();
  const layouts = new Map<string, PartialDef>();
  const forms = new Map<string, FormDef>();
  const apiCalls = new Map<string, NotificationDef>();
  const emails = new Map<string, NotificationDef>();
  const smses = new Map<string, NotificationDef>();
  const tables = new Map<string, TableDef>();
  const queries = new Map<string, QueryDef>();
  const translations: Record<string, Record<string, unknown>> = {};
  const assets = new Map<string, string>();
  const offsets = new Map<string, number>();
  const seen = new Map<string, string>();

  /** First definition of a name wins; a second one is a problem the author should see. */
  function add<T>(map: Map<string, T>, kind: string, name: string, value: T, file: string): void {
    const key = `${kind}:${name}`;
    if (seen.has(key)) {
      problems.push({ file, message: `${file}: ${kind} ${JSON.stringify(name)} is already defined in ${seen.get(key)}; this one is ignored` });
      return;
    }
    seen.set(key, file);
    map.set(name, value);
  }

  for (const [rel, entry] of cache) {
    if (entry.offset) offsets.set(rel, entry.offset);
    const { loaded } = entry;
    switch (loaded.kind) {
      case 'page': {
        const p = loaded.value;
        const key = `page:${p.method} ${p.format} /${p.slug}`;
        if (seen.has(key)) problems.push({ file: rel, message: `${rel}: ${p.method.toUpperCase()} /${p.slug} (${p.format}) is already served by ${seen.get(key)}; this page is ignored` });
        else {
          seen.set(key, rel);
          pages.push(p);
        }
        break;
      }
      case 'partial':
        add(partials, 'partial', loaded.value.name, loaded.value, rel);
        break;
      case 'layout':
        add(layouts, 'layout', layoutKey(rel, loaded.value.name), loaded.value, rel);
        break;
      case 'form':
        add(forms, 'form', loaded.value.name, loaded.value, rel);
        break;
      case 'notification': {
        const n = loaded.value;
        const map = n.kind === 'api_call' ? apiCalls : n.kind === 'email' ? emails : smses;
        add(map, n.kind, n.name, n, rel);
        break;
      }
      case 'table':
        add(tables, 'table', loaded.value.name, loaded.value, rel);
        break;
      case 'query':
        add(queries, 'query', loaded.value.name, loaded.value, rel);
        break;
      case 'translations':
        deepMerge(translations, loaded.value);
        break;
      case 'asset':
        assets.set(assetPath(rel), loaded.value);
        break;
      default:
        break;
    }
  }
  checkLayouts(pages, layouts, problems);
  return Object.freeze({ root, pages, partials, layouts, forms, apiCalls, emails, smses, tables, queries, translations, assets, flags, offsets, problems });
}

/** `app/assets/x/y.css` -> `x/y.css`; `modules/m/public/assets/y.css` -> `modules/m/y.css`. */
function assetPath(rel: string): string {
  const m = /^modules\/([^/]+)\/(?:public|private)\/assets\/(.+)$/.exec(rel);
  if (m) return `modules/${m[1]}/${m[2]}`;
  return rel.replace(/^app\/assets\//, '');
}

/** A page naming a layout that does not exist is reported at load (the default one may be absent). */
function checkLayouts(pages: PageDef[], layouts: Map<string, PartialDef>, problems: LoadProblem[]): void {
  for (const p of pages) {
    if (p.layout && !findLayout(layouts, p.layout, p.format) && 'layout' in p.frontMatter) {
      problems.push({ file: p.file, message: `${p.file}: layout ${JSON.stringify(p.layout)} not found in app/views/layouts` });
    }
  }
}
