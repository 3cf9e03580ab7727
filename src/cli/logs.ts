import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { parseArgs } from 'node:util';
import { PosError } from '../errors.js';
import { request, resolveTarget, type Target } from './client.js';

/** A log entry as the logs API gives it (pos-cli's shape). */
export interface LogLine {
  id: number;
  created_at: string;
  error_type: string;
  message: string;
  data?: { url?: string; page?: string; partial?: string };
}

/** Where a command writes; process.stdout/stderr in the CLI, buffers in tests. */
export interface CommandIO {
  out: { write(text: string): unknown };
  err: { write(text: string): unknown };
  /** Stops a following command (SIGINT in the CLI). */
  signal?: AbortSignal;
}

/** The API gives at most this many entries per call. */
const PAGE = 1000;
/** Wait before reconnecting after the stream dropped (the instance restarting). */
const RECONNECT_MS = 1000;

/**
 * pos-cli's format: `[2026-12-04 19:20:10.123Z] - info: message`, then (unless quiet) the
 * parts of `path: /x page: p partial: q` that are known, as pos-cli prints them.
 */
export function formatEntry(e: LogLine, quiet: boolean): string {
  let text = `[${e.created_at.replace('T', ' ')}] - ${e.error_type}: ${e.message.replace(/\n$/, '')}\n`;
  if (quiet || !e.data) return text;
  const parts: string[] = [];
  if (e.data.url) parts.push(`path: ${new URL(e.data.url, 'http://posemu.local').pathname}`);
  if (e.data.page) parts.push(`page: ${e.data.page}`);
  if (e.data.partial) parts.push(`partial: ${e.data.partial}`);
  if (parts.length) text += `${parts.join(' ')}\n`;
  return text;
}

/** posemu logs [--filter TYPE] [-q] [--json] [--no-follow] [--url URL] [--data DIR] */
export async function logs(argv: string[]): Promise<number> {
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await runLogs(argv, { out: process.stdout, err: process.stderr, signal: stop.signal });
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

/**
 * Prints what is logged so far (paging through the logs API), then follows the instance's
 * server-sent event stream, so new entries appear as they are written, not at a poll.
 * A dropped stream (the instance restarting) is reopened from the last id seen.
 */
export async function runLogs(argv: string[], io: CommandIO): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      filter: { type: 'string' },
      quiet: { type: 'boolean', short: 'q', default: false },
      json: { type: 'boolean', default: false },
      'no-follow': { type: 'boolean', default: false },
      url: { type: 'string' },
      data: { type: 'string' },
    },
    allowPositionals: false,
  });
  const target = resolveTarget(values);
  const type = values.filter ? `&type=${encodeURIComponent(values.filter)}` : '';
  let lastId = 0;
  const print = (e: LogLine) => {
    if (e.id <= lastId) return;
    lastId = e.id;
    io.out.write(values.json ? `${JSON.stringify(e)}\n` : formatEntry(e, values.quiet!));
  };
  for (;;) {
    const page = (await request(target, 'GET', `/api/app_builder/logs?last_id=${lastId}${type}`)) as { logs: LogLine[] };
    page.logs.forEach(print);
    if (page.logs.length < PAGE) break;
  }
  if (values['no-follow']) return 0;
  let warned = false;
  while (!io.signal?.aborted) {
    try {
      await follow(target, `/api/app_builder/logs/stream?last_id=${lastId}${type}`, print, io.signal);
    } catch (err) {
      if (io.signal?.aborted) break;
      if (err instanceof PosError && err.code === 'POS_ERR_UNAUTHORIZED') throw err;
      if (!warned) io.err.write(`posemu logs: lost the connection to ${target.url}; reconnecting...\n`);
      warned = true;
    }
    await sleep(RECONNECT_MS, io.signal);
  }
  return 0;
}

/**
 * Reads one server-sent event stream until it ends; `log` events are printed. node:http rather
 * than fetch: on abort the socket must close at once, or the instance's shutdown waits for it.
 */
function follow(target: Target, path: string, print: (e: LogLine) => void, signal?: AbortSignal): Promise<void> {
  const get = target.url.startsWith('https:') ? httpsGet : httpGet;
  return new Promise((resolve, reject) => {
    const req = get(`${target.url}${path}`, { headers: { authorization: `Token ${target.token}`, accept: 'text/event-stream' }, signal }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        if (res.statusCode === 401) return reject(new PosError('POS_ERR_UNAUTHORIZED', 'the admin token was refused'));
        return reject(new Error(`logs stream: HTTP ${res.statusCode}`));
      }
      res.setEncoding('utf8');
      let buffer = '';
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = parseEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event.type === 'log' && event.data) print(JSON.parse(event.data) as LogLine);
        }
      });
      res.on('end', () => reject(new Error('logs stream ended')));
      res.on('error', reject);
    });
    req.on('error', reject);
    // once: reconnects must not pile up listeners on the one signal.
    const onAbort = () => resolve();
    signal?.addEventListener('abort', onAbort, { once: true });
    req.on('close', () => signal?.removeEventListener('abort', onAbort));
  });
}

function parseEvent(block: string): { type: string; data: string } {
  let type = 'message';
  const data: string[] = [];
  for (const line of block.split('\n')) {
    if (line.startsWith('event:')) type = line.slice(6).trim();
    else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
  }
  return { type, data: data.join('\n') };
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const onAbort = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
