import type { FastifyInstance } from 'fastify';
import { afterAll } from 'vitest';
import { buildServer, listen } from '../../src/server/index.js';
import { makeInstance, closeAll, type TestInstance } from './app.js';
import type { UserConfig } from '../../src/config.js';

export interface Served {
  instance: TestInstance;
  server: FastifyInstance;
  url: string;
  /** fetch with the admin token. */
  admin(path: string, init?: RequestInit): Promise<Response>;
}

const servers: FastifyInstance[] = [];
afterAll(async () => {
  while (servers.length) await servers.pop()!.close();
  await closeAll();
});

/** A real server on a free port over a temp app. */
export async function serveApp(files: Record<string, string>, config: UserConfig = {}): Promise<Served> {
  const instance = makeInstance(files, config);
  const server = buildServer(instance);
  servers.push(server);
  const url = await listen(server, instance);
  return {
    instance,
    server,
    url,
    admin: (path, init = {}) =>
      fetch(`${url}${path}`, {
        ...init,
        headers: { authorization: `Token ${instance.adminToken}`, 'content-type': 'application/json', ...(init.headers ?? {}) },
      }),
  };
}
