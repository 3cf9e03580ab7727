import { parseArgs } from 'node:util';
import { createInstance } from '../instance.js';
import { buildServer, listen } from '../server/index.js';
import { readProjectConfig } from './project-config.js';

/** posemu serve: load the app, open the database, listen; stop cleanly on SIGINT/SIGTERM. */
export async function serve(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      root: { type: 'string', default: '.' },
      port: { type: 'string' },
      host: { type: 'string' },
      data: { type: 'string' },
      'no-watch': { type: 'boolean', default: false },
      outbound: { type: 'string', multiple: true, default: [] },
    },
    allowPositionals: false,
  });
  const project = readProjectConfig(values.root!);
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) throw new Error(`--port must be a number from 0 to 65535, got ${values.port}`);
  const instance = createInstance({
    root: values.root,
    port,
    host: values.host,
    data: values.data,
    watch: !values['no-watch'],
    lazyParse: true,
    outbound: { ...project.outbound, ...parseOutbound(values.outbound ?? []) },
  });
  const server = buildServer(instance);
  const url = await listen(server, instance);
  process.stdout.write(`posemu serving ${instance.config.root} at ${url}\n`);
  for (const p of instance.app().problems) process.stderr.write(`posemu: ${p.message}\n`);
  // Templates were left unparsed for a fast start: check them all now (between requests).
  const validated = instance.validate().then((problems) => {
    for (const p of problems) process.stderr.write(`posemu: ${p.message}\n`);
  });

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  // In-flight requests finish (fastify close waits for them), then deliveries, then the store.
  await server.close();
  await validated;
  await instance.close();
  return 0;
}

/** `api.twilio.com=http://127.0.0.1:4010` -> { 'api.twilio.com': 'http://127.0.0.1:4010' }. */
export function parseOutbound(list: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const item of list) {
    const eq = item.indexOf('=');
    if (eq <= 0) throw new Error(`--outbound expects HOST=URL, got "${item}"`);
    const target = item.slice(eq + 1);
    try {
      new URL(target);
    } catch {
      throw new Error(`--outbound ${item}: "${target}" is not a URL`);
    }
    out[item.slice(0, eq)] = target;
  }
  return out;
}
