import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { request, resolveTarget } from './client.js';
import type { CommandIO } from './logs.js';

/** posemu exec liquid "<code>" | -f FILE; posemu exec graphql "<query>" | -f FILE [-p '{json}'] */
export function exec(argv: string[]): Promise<number> {
  return runExec(argv, { out: process.stdout, err: process.stderr });
}

/**
 * Runs Liquid (POST /api/app_builder/liquid_exec) or GraphQL (POST /api/graph) on the
 * running instance and prints the result: Liquid output as is, GraphQL `data` as JSON.
 * A Liquid error or GraphQL errors are one line on stderr and exit code 1.
 */
export async function runExec(argv: string[], io: CommandIO): Promise<number> {
  const [language, ...rest] = argv;
  if (language !== 'liquid' && language !== 'graphql') {
    throw new Error(`exec: expected liquid or graphql, got ${language ? `"${language}"` : 'nothing'}`);
  }
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      file: { type: 'string', short: 'f' },
      params: { type: 'string', short: 'p' },
      url: { type: 'string' },
      data: { type: 'string' },
    },
    allowPositionals: true,
  });
  if (values.file && positionals.length) throw new Error(`exec ${language}: give the code as an argument or with -f FILE, not both`);
  const source = values.file ? readSource(values.file) : positionals.join(' ');
  if (!source.trim()) throw new Error(`exec ${language}: nothing to run (give the code as an argument or -f FILE)`);
  const target = resolveTarget(values);

  if (language === 'liquid') {
    if (values.params) throw new Error('exec liquid: -p is for GraphQL variables');
    const res = (await request(target, 'POST', '/api/app_builder/liquid_exec', { content: source })) as { result: string | null; error: string | null };
    if (res.error) {
      io.err.write(`posemu exec: Liquid error: ${res.error}\n`);
      return 1;
    }
    const text = res.result ?? '';
    io.out.write(text.endsWith('\n') ? text : `${text}\n`);
    return 0;
  }

  const variables = values.params === undefined ? {} : parseParams(values.params);
  const res = (await request(target, 'POST', '/api/graph', { query: source, variables })) as { data?: unknown; errors?: Array<{ message: string }> };
  if (res.errors?.length) {
    io.err.write(`posemu exec: GraphQL error: ${res.errors.map((e) => e.message).join('; ')}\n`);
    return 1;
  }
  io.out.write(`${JSON.stringify(res.data ?? null, null, 2)}\n`);
  return 0;
}

function readSource(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`exec: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

function parseParams(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new Error(`exec graphql: -p must be a JSON object of variables (${(err as Error).message.split('\n')[0]})`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new Error('exec graphql: -p must be a JSON object of variables');
  return value as Record<string, unknown>;
}
