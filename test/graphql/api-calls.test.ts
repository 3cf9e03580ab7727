import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveApp, type Served } from '../helpers/server.js';
import { refusedUrl, startSink, startTwilioStub, type Sink, type TwilioStub } from '../helpers/twilio-stub.js';

/** The bundled app's api calls, file for file. */
const bundled = (name: string) => readFileSync(join(import.meta.dirname, '../../app/api_calls', name), 'utf8');

let twilio: TwilioStub;
let sink: Sink;
let served: Served;

beforeAll(async () => {
  twilio = await startTwilioStub();
  sink = await startSink();
  served = await serveApp(
    {
      'app/api_calls/twilio_api_secret_create.liquid': bundled('twilio_api_secret_create.liquid'),
      'app/api_calls/twilio_api_key_fetch.liquid': bundled('twilio_api_key_fetch.liquid'),
      'app/api_calls/echo.liquid': `---
to: '{{ data.url }}'
request_type: PUT
request_headers: '{ "X-Name": "{{ form.name }}" }'
callback: "{% log response.body, type: 'echo_callback' %}"
---
{"name": "{{ data.name }}"}`,
      'app/emails/hello.liquid': `---
to: '{{ data.email }}'
subject: 'Hi {{ form.name }}'
---
Hello {{ data.name }}`,
    },
    { outbound: { 'api.twilio.com': twilio.url } },
  );
});

afterAll(async () => {
  await twilio.close();
  await sink.close();
});

async function gql(query: string, variables: Record<string, unknown> = {}): Promise<{ data?: Record<string, any>; errors?: Array<{ message: string }> }> {
  const res = await served.admin('/api/graph', { method: 'POST', body: JSON.stringify({ query, variables }) });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ data?: Record<string, any>; errors?: Array<{ message: string }> }>;
}

async function logs(type?: string): Promise<Array<{ error_type: string; message: string; data: { page: string } }>> {
  const res = await served.admin(`/api/app_builder/logs?last_id=0${type ? `&type=${type}` : ''}`);
  return ((await res.json()) as { logs: Array<{ error_type: string; message: string; data: { page: string } }> }).logs;
}

const SEND = `mutation send($name: String!, $data: HashObject, $timeout: Int) {
  api_call_send(template: { name: $name }, data: $data, options: { timeout: $timeout }) {
    response { status body headers }
    errors { message }
  }
}`;

describe('api_call_send with the seed notifications and the Twilio stand-in', () => {
  it('creates an API key (POST Keys.json, Basic auth as Twilio expects it)', async () => {
    const setConstant = 'mutation($n: String!, $v: String!) { constant_set(name: $n, value: $v) { name } }';
    await gql(setConstant, { n: 'TWILIO_API_ACCOUNT_SID', v: twilio.accountSid });
    await gql(setConstant, { n: 'TWILIO_API_KEY_SID', v: twilio.authToken });

    const res = await gql(SEND, { name: 'twilio_api_secret_create' });
    expect(res.errors).toBeUndefined();
    const payload = res.data!.api_call_send;
    expect(payload.errors).toEqual([]);
    expect(payload.response.status).toBe(201);
    expect(payload.response.headers['content-type']).toBe('application/json; charset=utf-8');
    const key = JSON.parse(payload.response.body);
    expect(key.sid).toMatch(/^SK[0-9a-f]{32}$/);
    expect(key.secret).toMatch(/^[0-9a-f]{32}$/);
    expect(key.date_created).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000$/);
    expect(twilio.keys.get(key.sid)?.secret).toBe(key.secret);

    const req = twilio.received.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe(`/2010-04-01/Accounts/${twilio.accountSid}/Keys.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}`);
    expect(req.headers['content-type']).toBe('application/json');

    const calls = await logs('api_call');
    expect(calls.at(-1)!.message).toMatch(
      new RegExp(`^twilio_api_secret_create: POST https://api\\.twilio\\.com/2010-04-01/Accounts/${twilio.accountSid}/Keys\\.json -> 201 in \\d+ ms \\(via http://127\\.0\\.0\\.1:\\d+\\)$`),
    );
    const warnings = await logs('warning');
    expect(warnings.at(-1)!.message).toContain('twilio_api_secret_create: header Authorization contained line feeds');
    const everything = JSON.stringify(await logs());
    expect(everything).not.toContain(twilio.authToken);
    expect(everything).not.toContain(Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64').slice(0, 40));
  });

  it('fetches the key (GET .../Keys/{sid}.json); the callback logs the body, readable through the logs API', async () => {
    const setConstant = 'mutation($n: String!, $v: String!) { constant_set(name: $n, value: $v) { name } }';
    const [sid] = [...twilio.keys.keys()];
    await gql(setConstant, { n: 'TWILIO_ACCOUNT_SID', v: twilio.accountSid });
    await gql(setConstant, { n: 'TWILIO_ACCOUNT_AUTH_TOKEN', v: twilio.authToken });
    await gql(setConstant, { n: 'TWILIO_API_KEY', v: sid });
    const res = await gql(SEND, { name: 'twilio_api_key_fetch' });
    const response = res.data!.api_call_send.response;
    expect(response.status).toBe(200);
    const shown = JSON.parse(response.body);
    expect(shown.sid).toBe(sid);
    expect(shown.secret).toBeUndefined();
    const info = (await logs('info')).at(-1)!;
    expect(JSON.parse(info.message)).toEqual(shown);
    expect(info.data.page).toBe('app/api_calls/twilio_api_key_fetch.liquid');
  });

  it('hands back a 401 as a response when the credentials are wrong', async () => {
    await gql('mutation { constant_set(name: "TWILIO_API_KEY_SID", value: "wrong") { name } }');
    const res = await gql(SEND, { name: 'twilio_api_secret_create' });
    expect(res.data!.api_call_send.response.status).toBe(401);
    expect(JSON.parse(res.data!.api_call_send.response.body)).toMatchObject({ code: 20003, status: 401 });
    await gql('mutation($v: String!) { constant_set(name: "TWILIO_API_KEY_SID", value: $v) { name } }', { v: twilio.authToken });
  });
});

describe('api_call_send', () => {
  it('passes data as both data and form, and runs the callback', async () => {
    const res = await gql(SEND, { name: 'echo', data: { url: `${sink.url}/put`, name: 'Dwight' } });
    expect(res.data!.api_call_send.response.status).toBe(200);
    const req = sink.received.at(-1)!;
    expect(req).toMatchObject({ method: 'PUT', path: '/put', body: '{"name": "Dwight"}' });
    expect(req.headers['x-name']).toBe('Dwight');
    expect((await logs('echo_callback')).at(-1)!.message).toBe(res.data!.api_call_send.response.body);
  });

  it('sends an ad-hoc call given in full, body verbatim', async () => {
    const res = await gql(`mutation($h: HashObject) {
      api_call_send(api_call: { url: "https://api.twilio.com/2010-04-01/Accounts/${twilio.accountSid}/Keys.json", method: "post", headers: $h, body: "FriendlyName=adhoc" }) {
        response { status body }
      }
    }`, { h: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: `Basic ${Buffer.from(`${twilio.accountSid}:${twilio.authToken}`).toString('base64')}` } });
    expect(res.data!.api_call_send.response.status).toBe(201);
    expect(JSON.parse(res.data!.api_call_send.response.body).friendly_name).toBe('adhoc');
    expect((await logs('api_call')).at(-1)!.message).toMatch(/^api_call_send: POST https:\/\/api\.twilio\.com\//);
  });

  it('reports an unknown template name as a GraphQL error; the server keeps serving', async () => {
    const res = await gql(SEND, { name: 'nope' });
    expect(res.errors![0].message).toBe('Notification not found: api_call "nope" (looked in app/api_calls)');
    expect((await fetch(`${served.url}/_posemu/health`)).status).toBe(200);
  });

  it('reports a refused connection in errors with no response, recorded in the outbox', async () => {
    const url = await refusedUrl();
    const res = await gql(`mutation { api_call_send(api_call: { url: "${url}/x", method: "GET" }) { response { status } errors { message } } }`);
    expect(res.data!.api_call_send.response).toBeNull();
    expect(res.data!.api_call_send.errors[0].message).toContain(`GET ${url}/x: connection refused`);
    expect(served.instance.store.outbox.list({ limit: 1 })[0]).toMatchObject({ status: 'failed', mode: 'sync' });
    expect((await logs('api_call_error')).at(-1)!.message).toContain('connection refused');
  });

  it('honours options.timeout (seconds)', async () => {
    const hang = await startSink('hang');
    try {
      const res = await gql(SEND, { name: 'echo', data: { url: hang.url }, timeout: 1 });
      expect(res.data!.api_call_send.errors[0].message).toContain('timed out after 1000 ms');
    } finally {
      await hang.close();
    }
  });

  it('refuses both template and api_call, and neither', async () => {
    const both = await gql('mutation { api_call_send(template: { name: "echo" }, api_call: { url: "http://x", method: "GET" }) { response { status } } }');
    expect(both.errors![0].message).toContain('either template or api_call, not both');
    const neither = await gql('mutation { api_call_send { response { status } } }');
    expect(neither.errors![0].message).toContain('api_call_send needs template');
  });
});

describe('email_send and sms_send', () => {
  it('put messages in the mailbox, from a template or given in full', async () => {
    const email = await gql('mutation { email_send(template: { name: "hello" }, data: { email: "a@b.c", name: "Jim" }) { is_scheduled_to_send errors { message } } }');
    expect(email.data!.email_send).toEqual({ is_scheduled_to_send: true, errors: [] });
    const sms = await gql('mutation { sms_send(sms: { to: "+48111222333", content: "Hi" }) { is_scheduled_to_send } }');
    expect(sms.data!.sms_send.is_scheduled_to_send).toBe(true);
    const box = served.instance.store.mailbox.list();
    expect(box.map((m) => [m.kind, m.to, m.subject, m.body])).toEqual([
      ['sms', '+48111222333', '', 'Hi'],
      ['email', 'a@b.c', 'Hi Jim', 'Hello Jim'],
    ]);
    expect((await logs('sms')).at(-1)!.message).toContain('sms_send: to +48111222333');
  });
});
