import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PosError } from '../errors.js';

export interface Target {
  url: string;
  token: string;
}

/**
 * Where a client command talks to: --url or POSEMU_URL (default http://127.0.0.1:3000); token
 * from POSEMU_TOKEN or <data>/admin-token (data: --data, default ./.posemu).
 */
export function resolveTarget(opts: { url?: string; data?: string }): Target {
  const url = (opts.url ?? process.env.POSEMU_URL ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
  let token = process.env.POSEMU_TOKEN ?? '';
  if (!token) {
    const file = join(resolve(opts.data ?? '.posemu'), 'admin-token');
    if (!existsSync(file)) throw new Error(`no admin token: set POSEMU_TOKEN or run from the project directory (looked for ${file})`);
    token = readFileSync(file, 'utf8').trim();
  }
  return { url, token };
}

/** The one HTTP call CLI commands make to an instance; errors are one clear line. */
export async function request(target: Target, method: string, path: string, body?: unknown): Promise<unknown> {
  let res: Response;
  try {
    res = await fetch(`${target.url}${path}`, {
      method,
      headers: { authorization: `Token ${target.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    throw new PosError('POS_ERR_CONNECT', `${target.url} (${(err as { cause?: { code?: string } }).cause?.code ?? (err as Error).message}); is posemu serve running?`);
  }
  const text = await res.text();
  let data: unknown = text;
  try {
    data = JSON.parse(text);
  } catch {
    // not JSON: keep the text for the message below
  }
  if (!res.ok) {
    const msg = typeof data === 'object' && data && 'error' in data ? String((data as { error: unknown }).error) : text.slice(0, 200);
    throw new Error(`${method} ${path}: HTTP ${res.status}: ${msg}`);
  }
  return data;
}

/** Runs GraphQL on the instance; GraphQL errors become one thrown message. */
export async function graphql(target: Target, query: string, variables: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const res = (await request(target, 'POST', '/api/graph', { query, variables })) as { data?: Record<string, unknown>; errors?: Array<{ message: string }> };
  if (res.errors?.length) throw new Error(res.errors.map((e) => e.message).join('; '));
  return res.data ?? {};
}
