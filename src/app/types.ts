import type { Template } from 'liquidjs';
import type { Route } from '../pages/router.js';

/** A parsed Liquid body and where it came from (for file:line in errors). */
export interface LiquidSource {
  /** Project-relative file path. */
  file: string;
  templates: Template[];
}

export interface PageDef {
  file: string;
  slug: string;
  format: string;
  method: string;
  /** Layout name, or null for none. */
  layout: string | null;
  metadata: Record<string, unknown>;
  frontMatter: Record<string, unknown>;
  body: LiquidSource;
  route: Route;
  /** front matter `redirect_to`: Liquid ('/category/cars/{{ context.params.maker }}'). */
  redirectTo?: LiquidSource;
  redirectCode: number;
  responseHeaders?: LiquidSource;
  converter?: string;
  module?: string;
}

export interface PartialDef {
  name: string;
  body: LiquidSource;
  module?: string;
}

/** A front matter value that is itself a Liquid template (api_calls, emails, smses). */
export type LiquidField = LiquidSource | undefined;

export interface NotificationDef {
  kind: 'api_call' | 'email' | 'sms';
  name: string;
  file: string;
  frontMatter: Record<string, unknown>;
  /** Front matter values that are templates, by key (to, request_headers, callback, ...). */
  fields: Record<string, LiquidSource>;
  body: LiquidSource;
}

export interface FormDef {
  name: string;
  file: string;
  config: Record<string, unknown>;
  body: LiquidSource;
}

export interface PropertyDef {
  name: string;
  type: string;
}

export interface TableDef {
  name: string;
  file: string;
  properties: PropertyDef[];
}

export interface QueryDef {
  name: string;
  file: string;
  source: string;
}

/** A file that did not load, with the reason (file:line inside). */
export interface LoadProblem {
  file: string;
  message: string;
}

/** platformOS app/config.yml flags, at their documented defaults. */
export interface AppFlags {
  escape_output_instead_of_sanitize: boolean;
  liquid_raise_mode: boolean;
  liquid_check_mode: string;
  html_format_exact_match: boolean;
  slug_exact_match: boolean;
  require_table_for_record_delete_mutation: boolean;
  [key: string]: unknown;
}

/** Everything loaded from app/ and modules/. Immutable: a reload builds a new one. */
export interface AppDefinition {
  root: string;
  pages: readonly PageDef[];
  partials: ReadonlyMap<string, PartialDef>;
  /** By name (`application`) for html layouts, `name.format` (`document.txt`) for other formats: see findLayout. */
  layouts: ReadonlyMap<string, PartialDef>;
  forms: ReadonlyMap<string, FormDef>;
  apiCalls: ReadonlyMap<string, NotificationDef>;
  emails: ReadonlyMap<string, NotificationDef>;
  smses: ReadonlyMap<string, NotificationDef>;
  tables: ReadonlyMap<string, TableDef>;
  queries: ReadonlyMap<string, QueryDef>;
  /** language -> nested keys, merged from every translations file. */
  translations: Readonly<Record<string, Record<string, unknown>>>;
  /** URL path under /assets/ -> absolute file path. */
  assets: ReadonlyMap<string, string>;
  flags: AppFlags;
  /** Lines before the Liquid body of each file (front matter), to report file lines. */
  offsets: ReadonlyMap<string, number>;
  problems: readonly LoadProblem[];
}
