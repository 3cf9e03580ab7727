// Baseline for the page benchmark: a bare fastify route answering a small HTML body.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
const body = '<html><body><h1>Hello</h1><p>A small page.</p></body></html>';
app.get('/*', async (_req, reply) => reply.type('text/html; charset=utf-8').send(body));
await app.listen({ port: 0, host: '127.0.0.1' });
process.stdout.write(`http://127.0.0.1:${app.server.address().port}\n`);
