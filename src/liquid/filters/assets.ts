import { statSync } from 'node:fs';
import type { Context } from 'liquidjs';
import { FilterError, type FilterThis } from './types.js';
import { toOutput } from '../escape.js';
import { getState } from '../state.js';

/*
 * Assets are served at /assets/<path> (src/server/assets.ts). platformOS appends
 * `?updated=<unix time of the last upload>`; posemu uses the file's modification time, so a
 * changed file gets a new URL and browsers never keep a stale copy. A path the app has no
 * asset for gets no query (there is nothing to bust), and still resolves to /assets/<path>
 * like platformOS's does.
 */

function assetPath(filter: string, ctx: Context, input: unknown): { path: string; file: string | undefined } {
  const name = toOutput(input).trim();
  if (name === '') throw new FilterError(filter, 'file path (input) is empty');
  const path = name.replace(/^\/+/, '').replace(/^assets\//, '');
  return { path, file: getState(ctx).app.assets.get(path) };
}

function busted(path: string, file: string | undefined): string {
  const url = `/assets/${encodeURI(path)}`;
  if (!file) return url;
  try {
    return `${url}?updated=${Math.floor(statSync(file).mtimeMs / 1000)}`;
  } catch {
    return url;
  }
}

/**
 * The origin pages are served from, from context.location; '' outside a request
 * (notifications, background work), where URLs stay relative.
 */
function origin(ctx: Context): string {
  const href = ctx.getSync(['context', 'location', 'href']);
  if (typeof href !== 'string' || href === '') return '';
  try {
    return new URL(href).origin;
  } catch {
    return '';
  }
}

/** 'valid/file.jpg' | asset_url -> http://<host>/assets/valid/file.jpg?updated=<mtime>. */
export function asset_url(this: FilterThis, input: unknown): string {
  const { path, file } = assetPath('asset_url', this.context, input);
  return origin(this.context) + busted(path, file);
}

/** 'valid/file.jpg' | asset_path -> /assets/valid/file.jpg?updated=<mtime>. */
export function asset_path(this: FilterThis, input: unknown): string {
  const { path, file } = assetPath('asset_path', this.context, input);
  return busted(path, file);
}

/**
 * 'logo.png' | asset_name_to_raw_url -> the asset's URL without cache buster, or nil when the
 * app has no such asset. (posemu's assets have no separate raw_url column: the URL they are
 * served at is their raw URL.)
 */
export function asset_name_to_raw_url(this: FilterThis, input: unknown): string | null {
  const { path, file } = assetPath('asset_name_to_raw_url', this.context, input);
  return file ? `${origin(this.context)}/assets/${encodeURI(path)}` : null;
}
