import type { FastifyInstance } from 'fastify';
import type { Instance } from '../instance.js';
import { requireToken } from './auth.js';
import { execLiquid } from '../liquid/exec.js';
import type { LogEntry } from '../store/logs.js';

/** The ?type= filter; anything but a non-empty string (e.g. type[]=x) means no filter. */
function logType(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

/** pos-cli's app_builder endpoints: liquid_exec and logs (JSON and server-sent events). */
export async function adminPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  app.addHook('preHandler', requireToken(instance.adminToken));
  // Open streams never finish by themselves: end them first, or close() would wait forever.
  const streams = new Set<() => void>();
  app.addHook('preClose', async () => {
    for (const end of streams) end();
  });

  app.post<{ Body: { content?: unknown } }>('/api/app_builder/liquid_exec', async (req) => {
    const content = req.body?.content;
    if (typeof content !== 'string') return { result: null, error: 'content (Liquid source) is required in the JSON body' };
    return execLiquid(instance, content);
  });

  app.get<{ Querystring: { last_id?: string; type?: string } }>('/api/app_builder/logs', async (req) => {
    const lastId = Number(req.query.last_id ?? 0) || 0;
    return { logs: instance.store.logs.since(lastId, 1000, logType(req.query.type)) };
  });

  app.get<{ Querystring: { last_id?: string; type?: string } }>('/api/app_builder/logs/stream', (req, reply) => {
    const type = logType(req.query.type);
    let lastId = Number(req.query.last_id ?? req.headers['last-event-id'] ?? 0) || 0;
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const send = (e: LogEntry) => {
      if (e.id <= lastId || (type && e.error_type !== type)) return;
      lastId = e.id;
      res.write(`id: ${e.id}\nevent: log\ndata: ${JSON.stringify(e)}\n\n`);
    };
    // Subscribe first, then replay: an entry written in between is sent once (ids dedupe).
    const unsubscribe = instance.store.logs.subscribe(send);
    for (const e of instance.store.logs.since(lastId, 1000, type)) send(e);
    res.write(': connected\n\n');
    const ping = setInterval(() => res.write(': ping\n\n'), 15_000);
    const stop = () => {
      clearInterval(ping);
      unsubscribe();
      streams.delete(end);
    };
    const end = () => {
      stop();
      res.end();
    };
    streams.add(end);
    req.raw.on('close', stop);
  });
}
