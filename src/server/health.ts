import type { FastifyInstance } from 'fastify';

export async function healthPlugin(app: FastifyInstance): Promise<void> {
  app.get('/_posemu/health', async () => ({ status: 'ok' }));
}
