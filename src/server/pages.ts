import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import { servePage } from '../pages/serve-page.js';
import { loadSession, saveSession } from './session.js';
import { takeFlash } from '../forms/flash.js';

/** Every other request is a page request. No token: pages are public, as on platformOS. */
export async function pagesPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = loadSession(instance, req);
    const query = (req.query ?? {}) as Record<string, unknown>;
    const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
    const res = await servePage(instance, {
      method: req.method,
      url: req.url,
      protocol: req.protocol,
      host: req.headers.host ?? `${instance.config.host}:${instance.config.port}`,
      headers: req.headers,
      ip: req.ip,
      params: { ...query, ...body },
      session: session.data,
      authenticityToken: () => session.authenticityToken,
      // Set by a form submission (flash_notice); shown once, so taken out of the session.
      flash: takeFlash(session.data),
    });
    saveSession(instance, reply, session);
    reply.code(res.status).headers(res.headers).send(res.body);
  };
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/*', handler });
  app.route({ method: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/', handler });
}
