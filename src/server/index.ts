import Fastify, { type FastifyInstance } from 'fastify';
import type { Instance } from '../instance.js';
import { isPosError } from '../errors.js';
import { parseNestedParams } from './rack-params.js';
import { healthPlugin } from './health.js';
import { graphPlugin } from './graph.js';
import { adminPlugin } from './admin.js';
import { assetsPlugin } from './assets.js';
import { pagesPlugin } from './pages.js';
import { formsPlugin } from './forms.js';

/** The HTTP server of an instance: one plugin per concern. Does not listen (see listen()). */
export function buildServer(instance: Instance): FastifyInstance {
  const app = Fastify({
    bodyLimit: instance.config.bodyLimit,
    logger: false,
    trustProxy: false,
    // The query string nests the Rails way too (`a[b]=1`, `list[]=x`), as context.params shows it.
    routerOptions: { querystringParser: parseNestedParams },
  });

  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_req, body, done) => {
    done(null, parseNestedParams(body as string));
  });
  // Anything else (text, xml...) reaches pages as a string, never a 415.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));

  app.addHook('onRequest', async (req, reply) => {
    const path = req.url.split('?')[0];
    if (/(^|\/|%2f)(\.\.|%2e%2e)(\/|%2f|$)/i.test(path)) {
      return reply.code(400).type('text/plain').send('Bad request: path may not contain ".."');
    }
  });

  app.setErrorHandler((err, _req, reply) => {
    if (isPosError(err)) return reply.code(err.status).send({ error: err.message, code: err.code });
    const e = err as { statusCode?: number; code?: string; message: string };
    const status = e.statusCode && e.statusCode >= 400 ? e.statusCode : 500;
    const message = e.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? `Request body is over the limit of ${instance.config.bodyLimit} bytes` : e.message;
    if (status >= 500) instance.services.log({ type: 'error', message: `${_req.method} ${_req.url}: ${message}`, url: _req.url });
    return reply.code(status).send({ error: message, code: e.code ?? 'POS_ERR_INTERNAL' });
  });

  app.register(healthPlugin);
  app.register(graphPlugin, { instance });
  app.register(adminPlugin, { instance });
  app.register(assetsPlugin, { instance });
  app.register(formsPlugin, { instance });
  app.register(pagesPlugin, { instance });
  return app;
}

/** Listens on the configured host and port; resolves with the URL. */
export async function listen(app: FastifyInstance, instance: Instance): Promise<string> {
  await app.listen({ port: instance.config.port, host: instance.config.host });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : instance.config.port;
  return `http://${instance.config.host}:${port}`;
}
