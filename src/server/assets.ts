import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Instance } from '../instance.js';

const MIME: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** GET /assets/<path>: files from app/assets (and modules/<m>/public/assets as assets/modules/<m>/...). */
export async function assetsPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  app.get<{ Params: { '*': string } }>('/assets/*', async (req, reply) => {
    // The router has decoded the path already: decoding again would break names with `%`.
    const path = req.params['*'] ?? '';
    const file = instance.app().assets.get(path);
    if (!file) return reply.code(404).type('text/plain').send(`asset not found: ${path}`);
    return reply.type(MIME[extname(file).toLowerCase()] ?? 'application/octet-stream').send(createReadStream(file));
  });
}
