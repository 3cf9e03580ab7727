import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveApp, type Served } from '../helpers/server.js';
import { bundledApp } from '../helpers/app.js';
import { startTwilioStub, type TwilioStub } from '../helpers/twilio-stub.js';
import { Browser, hiddenInputs } from '../helpers/browser.js';
import { runLogs, type CommandIO } from '../../src/cli/logs.js';


let twilio: TwilioStub;
let served: Served;

beforeAll(async () => {
  twilio = await startTwilioStub();
  // The worker runs, as under `posemu serve`: nothing here flushes the outbox by hand.
  served = await serveApp(bundledApp(), { outbound: { 'api.twilio.com': twilio.url }, worker: true });
});
afterAll(() => twilio.close());

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<Record<string, any>> {
  const res = (await (await served.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query, variables }) })).json()) as { data: Record<string, any>; errors?: unknown };
  expect(res.errors).toBeUndefined();
  return res.data;
}

const setConstant = (name: string, value: string) => gql('mutation($n: String!, $v: String!) { constant_set(name: $n, value: $v) { name } }', { n: name, v: value });

describe('the seed, end to end', () => {
  it('create a key with api_call_send; press the Get Keys button; `posemu logs` shows the fetched key', async () => {
    // Step 1 (GraphQL GUI): the Partner Portal's sid and auth_token as constants, then create the secret.
    await setConstant('TWILIO_API_ACCOUNT_SID', twilio.accountSid);
    await setConstant('TWILIO_API_KEY_SID', twilio.authToken);
    const created = await gql('mutation createSecret { api_call_send(template: { name: "twilio_api_secret_create" }) { response { status body } } }');
    expect(created.api_call_send.response.status).toBe(201);
    const key = JSON.parse(created.api_call_send.response.body) as { sid: string; secret: string };

    // Step 2: store the keys as constants.
    await setConstant('TWILIO_ACCOUNT_SID', twilio.accountSid);
    await setConstant('TWILIO_ACCOUNT_AUTH_TOKEN', twilio.authToken);
    await setConstant('TWILIO_API_KEY', key.sid);

    // `posemu logs` is listening before the button is pressed.
    process.env.POSEMU_TOKEN = served.instance.adminToken;
    const stop = new AbortController();
    let out = '';
    let notify = () => {};
    const io: CommandIO = {
      out: {
        write: (t: string) => {
          out += t;
          notify();
        },
      },
      err: { write: () => 0 },
      signal: stop.signal,
    };
    const following = runLogs(['--url', served.url, '--filter', 'info'], io);

    // The page with include_form, and the press of its button.
    const browser = new Browser(served);
    const page = await browser.get('/keys');
    expect(page.html).toContain('<button>API Call</button>');
    const res = await browser.post('/api/user/customizations', hiddenInputs(page.html), { as: 'multipart' });
    expect(res.status).toBe(302);

    // The notification reaches the stand-in with Twilio's Basic auth; its callback logs the body.
    await new Promise<void>((resolve) => {
      notify = () => out.includes(key.sid) && resolve();
      notify();
    });
    stop.abort();
    await following;
    const fetchCall = twilio.received.at(-1)!;
    expect(fetchCall.method).toBe('GET');
    expect(fetchCall.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Keys/${key.sid}.json`);
    expect(fetchCall.headers.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);

    const line = out.split('\n').find((l) => l.includes(key.sid))!;
    expect(line).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}Z\] - info: \{"sid":"SK[0-9a-f]{32}","friendly_name":"","date_created":".+","date_updated":".+"\}$/);
    expect(out).toContain('page: app/api_calls/twilio_api_key_fetch.liquid');
    // Twilio shows the secret only when the key is created.
    expect(line).not.toContain(key.secret);

    const logs = (await (await served.admin('/api/app_builder/logs?type=api_call')).json()) as { logs: Array<{ message: string }> };
    expect(logs.logs.map((l) => l.message.replace(/ in \d+ ms/, ''))).toEqual([
      `twilio_api_secret_create: POST https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Keys.json -> 201 (via ${twilio.url})`,
      `twilio_api_key_fetch: GET https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Keys/${key.sid}.json -> 200 (via ${twilio.url})`,
    ]);
    const all = JSON.stringify((await (await served.admin('/api/app_builder/logs')).json()) as unknown);
    expect(all).not.toContain(twilio.authToken);
  });
});
