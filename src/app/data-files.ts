import yaml from 'js-yaml';
import { basename } from 'node:path';
import { logicalName, type ScannedFile } from './scan.js';
import type { AppFlags, PropertyDef, QueryDef, TableDef } from './types.js';

/** YAML text -> value, with errors naming file:line. */
export function readYaml(text: string, file: string): unknown {
  try {
    return yaml.load(text, { filename: file });
  } catch (err) {
    const e = err as { mark?: { line: number }; reason?: string; message: string };
    throw new Error(`${file}:${(e.mark?.line ?? 0) + 1} ${e.reason ?? e.message}`);
  }
}

const PROPERTY_TYPES = new Set(['string', 'integer', 'float', 'boolean', 'array', 'date', 'datetime', 'text', 'upload', 'geojson', 'json', 'address', 'photo', 'file']);

/** schema/<name>.yml: `name:` and `properties: [{name, type}]`; no properties is fine. */
export function loadTable(file: ScannedFile, text: string): TableDef {
  const doc = (readYaml(text, file.rel) ?? {}) as Record<string, unknown>;
  const name = logicalName(file, String(doc.name ?? basename(file.inner).replace(/\.ya?ml$/, '')));
  const raw = doc.properties ?? [];
  if (!Array.isArray(raw)) throw new Error(`${file.rel}: properties must be a list of {name, type}`);
  const properties: PropertyDef[] = raw.map((p, i) => {
    const prop = p as Record<string, unknown>;
    if (!prop || typeof prop.name !== 'string') throw new Error(`${file.rel}: property ${i + 1} has no name`);
    const type = String(prop.type ?? 'string');
    if (!PROPERTY_TYPES.has(type)) throw new Error(`${file.rel}: property ${prop.name} has unknown type ${type}`);
    return { name: prop.name, type };
  });
  return { name, file: file.rel, properties };
}

export function loadQuery(file: ScannedFile, text: string): QueryDef {
  return { name: logicalName(file, file.inner.replace(/\.graphql$/, '')), file: file.rel, source: text };
}

/** translations/<lang>.yml (or nested dirs): the top-level keys are languages. */
export function loadTranslations(file: ScannedFile, text: string): Record<string, Record<string, unknown>> {
  const doc = readYaml(text, file.rel);
  if (!doc || typeof doc !== 'object') return {};
  return doc as Record<string, Record<string, unknown>>;
}

export const DEFAULT_FLAGS: AppFlags = Object.freeze({
  escape_output_instead_of_sanitize: true,
  liquid_raise_mode: true,
  liquid_check_mode: 'error',
  html_format_exact_match: false,
  slug_exact_match: true,
  require_table_for_record_delete_mutation: true,
});

export function loadFlags(file: string, text: string): AppFlags {
  const doc = (readYaml(text, file) ?? {}) as Record<string, unknown>;
  return { ...DEFAULT_FLAGS, ...doc };
}

export function deepMerge(into: Record<string, unknown>, from: Record<string, unknown>): Record<string, unknown> {
  for (const [k, v] of Object.entries(from)) {
    const cur = into[k];
    if (v && typeof v === 'object' && !Array.isArray(v) && cur && typeof cur === 'object' && !Array.isArray(cur)) {
      deepMerge(cur as Record<string, unknown>, v as Record<string, unknown>);
    } else into[k] = v;
  }
  return into;
}
