import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import { servePage } from '../pages/serve-page.js';
import { contextRequest } from './request.js';
import { loadSession, requestTokenValid, saveSession } from './session.js';
import { takeFlash } from '../forms/flash.js';

/** Every other request is a page request. No token: pages are public, as on platformOS. */
export async function pagesPlugin(app: FastifyInstance, opts: { instance: Instance }): Promise<void> {
  const { instance } = opts;
  const handler = async (req: FastifyRequest, reply: FastifyReply) => {
    const session = loadSession(instance, req);
    const request = contextRequest(instance, req);
    const safe = req.method === 'GET' || req.method === 'HEAD';
    const res = await servePage(instance, {
      ...request,
      // platformOS requires the CSRF token on every non-GET page request (pages docs).
      csrfValid: safe || requestTokenValid(instance.secret, session, request.params, req.headers['x-csrf-token']),
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
