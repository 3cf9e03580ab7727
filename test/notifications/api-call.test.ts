import { afterAll, describe, expect, it } from 'vitest';
import { closeAll, makeInstance, type TestInstance } from '../helpers/app.js';
import { startSink, type Sink } from '../helpers/twilio-stub.js';
import { isPosError } from '../../src/errors.js';

const sinks: Sink[] = [];
afterAll(async () => {
  await closeAll();
  for (const s of sinks) await s.close();
});

async function setup(files: Record<string, string>): Promise<{ inst: TestInstance; sink: Sink }> {
  const sink = await startSink();
  sinks.push(sink);
  const inst = makeInstance(files, { outbound: { 'api.example.test': sink.url } });
  inst.store.constants.set('API_TOKEN', 's3cr3t-token-value');
  return { inst, sink };
}

const logsOf = (inst: TestInstance, type?: string) => inst.store.logs.since(0, 1000, type);

const PING = `---
to: 'https://api.example.test/endpoint/{{ form.id }}'
format: http
request_type: POST
request_headers: '{
  "Content-Type": "application/json",
  "Authorization": "Bearer {{ context.constants.API_TOKEN }}"
}'
callback: >
  {% assign response_hash = response.body | parse_json %}
  {% log response_hash.n, type: 'callback' %}
  {% log response.status, type: 'callback' %}
---
{
  "first_name": "{{ form.first_name }}",
  "id": "{{ data.id }}"
}
`;

describe('api_call notifications', () => {
  it('are written to the outbox first, then delivered with the rendered request, callback and logs', async () => {
    const { inst, sink } = await setup({ 'app/api_calls/ping.liquid': PING });
    const queued = await inst.notifier.enqueue('api_call', 'ping', { form: { id: '0386676', first_name: 'Michael' } });
    expect(queued.status).toBe('queued');
    const row = inst.store.outbox.get(queued.id!)!;
    expect(row.status).toBe('pending');
    expect(sink.received).toHaveLength(0);

    await inst.notifier.flush();
    expect(sink.received).toHaveLength(1);
    const req = sink.received[0];
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/endpoint/0386676');
    expect(req.headers.authorization).toBe('Bearer s3cr3t-token-value');
    expect(req.headers['content-type']).toBe('application/json');
    // form falls back to data and data to form: both names reach the same values.
    expect(JSON.parse(req.body)).toEqual({ first_name: 'Michael', id: '0386676' });

    const done = inst.store.outbox.get(queued.id!)!;
    expect(done).toMatchObject({ status: 'delivered', attempts: 1, response_status: 200 });
    expect(JSON.parse(done.request!).headers.Authorization).toBe('FILTERED');

    const calls = logsOf(inst, 'api_call');
    expect(calls).toHaveLength(1);
    expect(calls[0].message).toMatch(/^ping: POST https:\/\/api\.example\.test\/endpoint\/0386676 -> 200 in \d+ ms \(via http:\/\/127\.0\.0\.1:\d+\)$/);
    expect(calls[0].data.page).toBe('app/api_calls/ping.liquid');
    expect(logsOf(inst, 'callback').map((l) => l.message)).toEqual(['1', '200']);
    expect(JSON.stringify(logsOf(inst))).not.toContain('s3cr3t-token-value');
  });

  it('remove line feeds from header values and warn, naming the notification and header', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/basic.liquid': `---
to: https://api.example.test/basic
request_type: GET
request_headers: |-
  {%- assign auth = 'ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' | base64_encode -%}
  {
    "Authorization": "Basic {{ auth }}"
  }
---
`,
    });
    await inst.notifier.enqueue('api_call', 'basic', {});
    await inst.notifier.enqueue('api_call', 'basic', {});
    await inst.notifier.flush();
    const expected = Buffer.from('ACaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa:bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb').toString('base64');
    expect(sink.received.map((r) => r.headers.authorization)).toEqual([`Basic ${expected}`, `Basic ${expected}`]);
    // Once per loaded file, not once per delivery.
    const warnings = logsOf(inst, 'warning');
    expect(warnings).toHaveLength(1);
    expect(warnings[0].message).toContain('basic: header Authorization contained line feeds');
    expect(warnings[0].message).not.toContain(expected.slice(0, 20));
  });

  it('skip when trigger_condition is not true, and when enabled is false', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/cond.liquid': `---
to: https://api.example.test/cond
trigger_condition: '{% if data.go == "yes" %}true{% endif %}'
---
x`,
      'app/api_calls/off.liquid': `---
to: https://api.example.test/off
enabled: false
---
x`,
    });
    const no = await inst.notifier.enqueue('api_call', 'cond', { data: { go: 'no' } });
    await inst.notifier.enqueue('api_call', 'cond', { data: { go: 'yes' } });
    expect(await inst.notifier.enqueue('api_call', 'off', {})).toEqual({ status: 'skipped' });
    await inst.notifier.flush();
    expect(sink.received.map((r) => r.path)).toEqual(['/cond']);
    expect(inst.store.outbox.get(no.id!)!.status).toBe('skipped');
    expect(logsOf(inst, 'api_call').some((l) => l.message.includes('not sent, trigger_condition rendered ""'))).toBe(true);
  });

  it('wait out delay (minutes, Liquid allowed) before they are due', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/later.liquid': `---
to: https://api.example.test/later
delay: '{{ data.minutes | plus: 1 }}'
---
x`,
    });
    const before = Date.now();
    const q = await inst.notifier.enqueue('api_call', 'later', { data: { minutes: 2 } });
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(0);
    const row = inst.store.outbox.get(q.id!)!;
    expect(row.status).toBe('pending');
    expect(row.due_at).toBeGreaterThanOrEqual(before + 3 * 60_000);
  });

  it('send files with request_type post_multipart, each downloaded through the same client', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/send_file.liquid': `---
to: 'https://api.example.test/upload'
request_type: post_multipart
request_headers: '{ "Content-Type": "application/json" }'
---
{
  "file": { "url": "https://api.example.test/my-file.jpg", "name": "my-file.jpg", "content_type": "image/jpeg" },
  "note": "hello"
}`,
    });
    await inst.notifier.enqueue('api_call', 'send_file', {});
    await inst.notifier.flush();
    expect(sink.received.map((r) => `${r.method} ${r.path}`)).toEqual(['GET /my-file.jpg', 'POST /upload']);
    const upload = sink.received[1];
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toMatch(/Content-Disposition: form-data; name="file"; filename="my-file.jpg"\r\nContent-Type: image\/jpeg\r\n\r\n\{"ok":true,"n":1\}/);
    expect(upload.body).toMatch(/Content-Disposition: form-data; name="note"\r\n\r\nhello/);
  });

  it('throw a coded error for an unknown name', async () => {
    const { inst } = await setup({});
    const err = await inst.notifier.enqueue('api_call', 'nope', {}).catch((e: unknown) => e);
    expect(isPosError(err, 'POS_ERR_UNKNOWN_NOTIFICATION')).toBe(true);
    expect((err as Error).message).toContain('api_call "nope" (looked in app/api_calls)');
  });
});

describe('api_call notifications with bad templates', () => {
  it('request_headers that are not a JSON object fail the delivery, logged with the file, without the text', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/bad_json.liquid': `---
to: https://api.example.test/x
request_headers: '{ "Authorization": "Bearer {{ context.constants.API_TOKEN }}", }'
---
`,
      'app/api_calls/array.liquid': `---
to: https://api.example.test/x
request_headers: '["a"]'
---
`,
    });
    const a = await inst.notifier.enqueue('api_call', 'bad_json', {});
    const b = await inst.notifier.enqueue('api_call', 'array', {});
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(0);
    const errors = logsOf(inst, 'api_call_error').map((l) => l.message).sort();
    expect(errors[1]).toMatch(/^app\/api_calls\/bad_json\.liquid \(request_headers\): request_headers must render to a JSON object: invalid JSON at line 1, column \d+$/);
    expect(errors[0]).toBe('app/api_calls/array.liquid (request_headers): request_headers must render to a JSON object, got an array');
    expect(JSON.stringify(logsOf(inst))).not.toContain('s3cr3t');
    expect(inst.store.outbox.get(a.id!)!.status).toBe('failed');
    expect(inst.store.outbox.get(b.id!)!.error).toContain('got an array');
  });

  it('a Liquid error in a field names the file, field and line', async () => {
    const { inst } = await setup({
      'app/api_calls/boom.liquid': `---
to: 'https://api.example.test/{{ data.x | parse_json }}'
---
`,
    });
    await inst.notifier.enqueue('api_call', 'boom', { data: { x: 'not json' } });
    await inst.notifier.flush();
    const [err] = logsOf(inst, 'api_call_error');
    expect(err.message).toMatch(/^app\/api_calls\/boom\.liquid \(to\):1:\d+ .*invalid JSON/);
  });

  it('a callback that raises is logged as api_call_error; the delivery stands', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/cb.liquid': `---
to: https://api.example.test/cb
callback: '{% assign x = response.body | append: "}" | parse_json %}'
---
body`,
    });
    const q = await inst.notifier.enqueue('api_call', 'cb', {});
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(1);
    const row = inst.store.outbox.get(q.id!)!;
    expect(row.status).toBe('delivered');
    expect(row.error).toMatch(/^callback: app\/api_calls\/cb\.liquid \(callback\):1:\d+/);
    const [err] = logsOf(inst, 'api_call_error');
    expect(err.message).toMatch(/^app\/api_calls\/cb\.liquid \(callback\):1:\d+ .*invalid JSON/);
    expect(err.data.page).toBe('app/api_calls/cb.liquid');
  });

  it('a delay that is not a number of minutes fails the delivery, recorded in the outbox (not dropped)', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/when.liquid': `---
to: https://api.example.test/when
delay: soon
---
`,
    });
    const q = await inst.notifier.enqueue('api_call', 'when', {});
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(0);
    expect(q.status).toBe('failed');
    const row = inst.store.outbox.get(q.id!)!;
    expect(row).toMatchObject({ status: 'failed', name: 'when', kind: 'api_call' });
    expect(row.error).toBe('app/api_calls/when.liquid (delay): must be a number of minutes, got "soon"');
    expect(logsOf(inst, 'api_call_error')[0].message).toBe(`${row.error} (outbox #${row.id})`);
  });

  it('a delay with broken Liquid is reported when the file loads, naming file and field', async () => {
    const { inst } = await setup({
      'app/api_calls/broken_delay.liquid': `---
to: https://api.example.test/x
delay: "{{ 5 | no_such_filter }}"
---
`,
    });
    const problem = inst.app().problems.find((p) => p.file === 'app/api_calls/broken_delay.liquid');
    expect(problem?.message).toMatch(/^app\/api_calls\/broken_delay\.liquid \(delay\):1:\d+ undefined filter: no_such_filter/);
  });

  it('a delay whose moment has passed (negative minutes) sends at once', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/late.liquid': `---
to: https://api.example.test/late
delay: "{{ -5 }}"
---
`,
    });
    await inst.notifier.enqueue('api_call', 'late', {});
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(1);
  });

  it('a multipart file URL that can never be fetched fails at once, not after retries', async () => {
    const { inst, sink } = await setup({
      'app/api_calls/bad_file.liquid': `---
to: https://api.example.test/upload
request_type: post_multipart
---
{ "file": { "url": "ftp://example.test/a.jpg" } }`,
    });
    const q = await inst.notifier.enqueue('api_call', 'bad_file', {});
    await inst.notifier.flush();
    expect(sink.received).toHaveLength(0);
    const row = inst.store.outbox.get(q.id!)!;
    expect(row).toMatchObject({ status: 'failed', attempts: 1 });
    expect(row.error).toContain('only http and https URLs can be called, got ftp:');
  });

  it('an unknown request_type is refused with the accepted ones', async () => {
    const { inst } = await setup({
      'app/api_calls/verb.liquid': `---
to: https://api.example.test/x
request_type: FETCH
---
`,
    });
    await inst.notifier.enqueue('api_call', 'verb', {});
    await inst.notifier.flush();
    expect(logsOf(inst, 'api_call_error')[0].message).toContain('app/api_calls/verb.liquid (request_type): unknown request type "FETCH"');
  });
});
