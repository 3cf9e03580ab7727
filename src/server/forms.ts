import type { FastifyInstance } from 'fastify';
import type { Instance } from '../instance.js';

/** POST/PUT/DELETE /api/user/customizations: form submissions. */
export async function formsPlugin(_app: FastifyInstance, _opts: { instance: Instance }): Promise<void> {}
