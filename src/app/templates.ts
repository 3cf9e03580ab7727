import type { ParseSource } from './sources.js';
import type { Parsed } from './front-matter.js';
import { logicalName, stripTemplateExt, type ScannedFile } from './scan.js';
import type { FormDef, LiquidSource, NotificationDef, PartialDef } from './types.js';

/** Partials and layouts: named by their path (module files as modules/<m>/<path>). */
export function loadPartial(file: ScannedFile, parsed: Parsed, parse: ParseSource): PartialDef {
  return {
    name: logicalName(file, stripTemplateExt(file.inner)),
    body: parse(parsed.body, file.rel, file.rel),
    module: file.module,
  };
}

const NOTIFICATION_KIND = { api_calls: 'api_call', emails: 'email', smses: 'sms' } as const;

/** Front matter keys that are settings, not Liquid. */
const PLAIN_KEYS = new Set(['name', 'format', 'enabled', 'metadata']);

/**
 * api_call, email and sms notifications. Every string front matter value except the plain
 * settings is a Liquid template (to, request_headers, callback, subject, trigger_condition,
 * delay...).
 */
export function loadNotification(file: ScannedFile, parsed: Parsed, parse: ParseSource): NotificationDef {
  const fm = parsed.data;
  const fields: Record<string, LiquidSource> = {};
  for (const [key, value] of Object.entries(fm)) {
    if (PLAIN_KEYS.has(key) || value === null || typeof value === 'object') continue;
    fields[key] = parse(String(value), `${file.rel} (${key})`, file.rel);
  }
  return {
    kind: NOTIFICATION_KIND[file.kind as keyof typeof NOTIFICATION_KIND],
    name: fm.name ? String(fm.name) : logicalName(file, stripTemplateExt(file.inner)),
    file: file.rel,
    frontMatter: fm,
    fields,
    body: parse(parsed.body, file.rel, file.rel),
  };
}

export function loadForm(file: ScannedFile, parsed: Parsed, parse: ParseSource): FormDef {
  const fm = parsed.data;
  return {
    name: fm.name ? String(fm.name) : logicalName(file, stripTemplateExt(file.inner)),
    file: file.rel,
    config: fm,
    body: parse(parsed.body, file.rel, file.rel),
  };
}
