import type { Context } from 'liquidjs';
import type { AppDefinition } from '../app/types.js';
import type { Services } from './services.js';

/** What one render (a page request, a notification, an exec) carries besides Liquid scope. */
export interface RenderState {
  app: AppDefinition;
  services: Services;
  /** Output format: html output is escaped, other formats are not. */
  format: string;
  /** Request URL (path and query) or a pseudo URL for background work, for logs. */
  url: string;
  /** Page file name for logs ('' outside a page). */
  page: string;
  /** Partials being rendered, innermost last (logs name the innermost). */
  partials: string[];
  /** Response the page may shape: response_status, response_headers, redirect_to tags. */
  response: ResponseState;
  /** content_for blocks by name, read by yield. */
  contentFor: Record<string, string>;
  /** Values exported with the export tag, readable as context.exports. */
  exports: Record<string, unknown>;
  /** Session values (session tag), persisted by the server after the render. */
  session: Record<string, unknown>;
}

export interface ResponseState {
  status?: number;
  headers: Record<string, string>;
  redirect?: { url: string; status: number };
}

/** Symbol key: Liquid code cannot reach it, every spawned context shares it through globals. */
export const STATE = Symbol('posemu.render-state');

export function getState(ctx: Context): RenderState {
  const state = (ctx.globals as Record<symbol, RenderState | undefined>)[STATE];
  if (!state) throw new Error('posemu: render state missing (template rendered outside renderTemplate)');
  return state;
}

export function newResponseState(): ResponseState {
  return { headers: {} };
}
