import { createServer, type IncomingMessage, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type Served } from '../helpers/server.js';
import { bundledApp } from '../helpers/app.js';
import { Browser, hiddenInputs, recordsOf } from '../helpers/browser.js';


/** Stands in for api.twilio.com: records requests, answers like the Keys resource. */
let twilio: Server;
const received: Array<{ method: string; url: string; authorization: string }> = [];
let served: Served;

beforeAll(async () => {
  twilio = createServer((req: IncomingMessage, res) => {
    received.push({ method: req.method ?? '', url: req.url ?? '', authorization: String(req.headers.authorization ?? '') });
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"sid":"SK123","friendly_name":"posemu"}');
  });
  await new Promise<void>((r) => twilio.listen(0, '127.0.0.1', r));
  const port = (twilio.address() as { port: number }).port;
  served = await serveApp(bundledApp(), { outbound: { 'api.twilio.com': `http://127.0.0.1:${port}` } });
  served.instance.store.constants.set('TWILIO_ACCOUNT_SID', 'AC42');
  served.instance.store.constants.set('TWILIO_ACCOUNT_AUTH_TOKEN', 'secret-auth');
  served.instance.store.constants.set('TWILIO_API_KEY', 'SK123');
});

afterAll(async () => {
  await new Promise((r) => twilio.close(r));
});

describe('the seed: Get Keys page, twilio_api_call form, api call notification', () => {
  it('renders the page with a working form', async () => {
    const browser = new Browser(served);
    const page = await browser.get('/keys');
    expect(page.status).toBe(200);
    expect(page.html).toContain('<h3>Get Keys</h3>');
    expect(page.html).toMatch(/<form action="\/api\/user\/customizations" method="post" accept-charset="UTF-8" enctype="multipart\/form-data">/);
    expect(page.html).toContain('<button>API Call</button>');
    expect(page.html).toMatch(/<\/button>\s*<\/form>/);
    const hidden = hiddenInputs(page.html);
    expect(hidden).toMatchObject({ form_name: 'twilio_api_call', resource_id: 'new', parent_resource_id: 'virtual_record', slug: 'keys', page_id: 'app/views/pages/keys.liquid' });
    expect(hidden.authenticity_token.length).toBeGreaterThan(20);
    expect(browser.cookie).toMatch(/^_pos_session=/);
  });

  it('clicking the button stores a virtual_record and calls Twilio; the callback logs the answer', async () => {
    const browser = new Browser(served);
    const hidden = hiddenInputs((await browser.get('/keys')).html);
    const before = (await recordsOf(served, 'virtual_record')).length;
    const res = await browser.post('/api/user/customizations', hidden, { as: 'multipart' });
    expect(res.status).toBe(302);
    expect(await recordsOf(served, 'virtual_record')).toHaveLength(before + 1);
    await served.instance.notifier.flush();
    const call = received.at(-1)!;
    expect(call).toMatchObject({ method: 'GET', url: '/2010-04-01/Accounts/AC42/Keys/SK123.json' });
    expect(call.authorization).toBe(`Basic ${Buffer.from('AC42:secret-auth').toString('base64')}`);
    const logs = served.instance.store.logs.since(0, 1000, 'info');
    expect(logs.map((l) => l.message)).toContain('{"sid":"SK123","friendly_name":"posemu"}');
  });
});
