import { afterAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient, HttpError } from '../../src/http/client.js';
import { redirectUrl } from '../../src/http/outbound.js';
import { redactHeaders, redactUrl } from '../../src/http/redact.js';
import { refusedUrl, startSink, type Sink } from '../helpers/twilio-stub.js';

const sinks: Sink[] = [];
afterAll(async () => {
  for (const s of sinks) await s.close();
});

async function sink(mode?: Parameters<typeof startSink>[0]): Promise<Sink> {
  const s = await startSink(mode);
  sinks.push(s);
  return s;
}

async function failure(p: Promise<unknown>): Promise<HttpError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpError);
  return err as HttpError;
}

describe('outbound redirection', () => {
  it('sends a redirected host to the target, keeping path and query', async () => {
    const s = await sink();
    const http = createHttpClient({ outbound: { 'api.twilio.com': s.url }, timeoutMs: 2000 });
    const res = await http.request({ method: 'post', url: 'https://api.twilio.com/2010-04-01/Accounts/AC1/Keys.json?x=1', body: 'a=b', headers: { 'X-Test': 'yes' } });
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({ ok: true, n: 1 });
    expect(res.sentTo).toBe(`${s.url}/2010-04-01/Accounts/AC1/Keys.json?x=1`);
    expect(s.received[0]).toMatchObject({ method: 'POST', path: '/2010-04-01/Accounts/AC1/Keys.json?x=1', body: 'a=b' });
    expect(s.received[0].headers['x-test']).toBe('yes');
  });

  it('matches host:port keys only on that port, and prefixes the target path', () => {
    const out = { 'a.test:8443': 'http://127.0.0.1:1/p/', 'b.test': 'http://127.0.0.1:2' };
    expect(redirectUrl(new URL('https://a.test:8443/x?q=1'), out).toString()).toBe('http://127.0.0.1:1/p/x?q=1');
    expect(redirectUrl(new URL('https://a.test/x'), out).toString()).toBe('https://a.test/x');
    expect(redirectUrl(new URL('https://b.test:9/y'), out).toString()).toBe('http://127.0.0.1:2/y');
    expect(redirectUrl(new URL('https://c.test/y'), out).toString()).toBe('https://c.test/y');
  });

  it('leaves other hosts alone (resolve shows where a call goes)', () => {
    const http = createHttpClient({ outbound: { 'api.twilio.com': 'http://127.0.0.1:4010' }, timeoutMs: 1000 });
    expect(http.resolve('https://api.twilio.com/x')).toBe('http://127.0.0.1:4010/x');
    expect(http.resolve('https://example.com/x')).toBe('https://example.com/x');
  });
});

describe('failures', () => {
  const http = createHttpClient({ outbound: {}, timeoutMs: 300 });

  it('a refused connection is a retryable network error naming the call', async () => {
    const url = await refusedUrl();
    const err = await failure(http.request({ method: 'GET', url: `${url}/x` }));
    expect(err.reason).toBe('network');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain(`GET ${url}/x: connection refused`);
  });

  it('a target that never answers times out', async () => {
    const s = await sink('hang');
    const err = await failure(http.request({ method: 'GET', url: s.url }));
    expect(err.reason).toBe('timeout');
    expect(err.retryable).toBe(true);
    expect(err.message).toContain('timed out after 300 ms');
  });

  it('an answer that is not HTTP is a network error', async () => {
    const s = await sink('garbage');
    const err = await failure(http.request({ method: 'GET', url: s.url }));
    expect(err.reason).toBe('network');
  });

  it('a 500 is a response, not an error', async () => {
    const s = await sink('error500');
    const res = await http.request({ method: 'GET', url: s.url });
    expect(res.status).toBe(500);
    expect(res.body).toBe('{"error":"boom"}');
  });

  it('a body over maxBytes is refused, not retried', async () => {
    const s = await sink();
    const err = await failure(http.request({ method: 'GET', url: s.url, maxBytes: 5 }));
    expect(err.reason).toBe('too_large');
    expect(err.retryable).toBe(false);
  });

  it('refuses header values with line breaks without printing them', async () => {
    const s = await sink();
    const err = await failure(http.request({ method: 'GET', url: s.url, headers: { Authorization: 'Basic c2VjcmV0\n' } }));
    expect(err.reason).toBe('invalid_request');
    expect(err.message).toContain('header Authorization');
    expect(err.message).not.toContain('c2VjcmV0');
    expect(s.received).toHaveLength(0);
  });

  it('refuses URLs that are not absolute http(s)', async () => {
    expect((await failure(http.request({ method: 'GET', url: '/relative' }))).reason).toBe('invalid_request');
    expect((await failure(http.request({ method: 'GET', url: 'ftp://example.com/x' }))).message).toContain('only http and https');
  });
});

describe('redirects', () => {
  it('are handed back as they are unless followRedirects is set', async () => {
    const s = await sink();
    const server = createServer((_req, res) => {
      res.writeHead(302, { location: `${s.url}/moved` });
      res.end();
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const http = createHttpClient({ outbound: {}, timeoutMs: 2000 });
    try {
      const first = await http.request({ method: 'GET', url });
      expect(first.status).toBe(302);
      expect(first.headers.location).toBe(`${s.url}/moved`);
      expect(s.received).toHaveLength(0);
      const followed = await http.request({ method: 'GET', url, followRedirects: true });
      expect(followed.status).toBe(200);
      expect(s.received[0].path).toBe('/moved');
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  });
});

describe('redaction', () => {
  it('filters credentials in URLs', () => {
    expect(redactUrl('https://user:pw@example.com/x?api_key=abc&page=2&token=t')).toBe('https://FILTERED@example.com/x?api_key=FILTERED&page=2&token=FILTERED');
    expect(redactUrl('not a url')).toBe('not a url');
  });

  it('filters credentials in URLs that do not parse (a missing scheme), since error messages quote them', () => {
    expect(redactUrl('api.twilio.com/x?token=t1&page=2')).toBe('api.twilio.com/x?token=FILTERED&page=2');
    expect(redactUrl('AC1:pw@api.twilio.com/x')).toBe('FILTERED@api.twilio.com/x');
    expect(redactUrl('https://[bad/x?api_key=k#f')).toBe('https://[bad/x?api_key=FILTERED#f');
  });

  it('a URL without a scheme is refused without printing its secrets', async () => {
    const err = await failure(createHttpClient({ outbound: {}, timeoutMs: 300 }).request({ method: 'GET', url: 'api.twilio.com/x?auth_token=tok-in-url' }));
    expect(err.message).toContain('not an absolute URL');
    expect(err.message).not.toContain('tok-in-url');
  });

  it('filters secret headers and keeps the rest', () => {
    expect(redactHeaders({ Authorization: 'Basic x', 'Content-Type': 'application/json', 'X-Api-Key': 'k', Cookie: 'a=b', 'X-Auth-Token': 't' })).toEqual({
      Authorization: 'FILTERED',
      'Content-Type': 'application/json',
      'X-Api-Key': 'FILTERED',
      Cookie: 'FILTERED',
      'X-Auth-Token': 'FILTERED',
    });
  });
});

describe('credentials in the URL', () => {
  it('are sent as Basic auth (also through outbound redirection) and never printed', async () => {
    const s = await sink();
    const direct = createHttpClient({ outbound: {}, timeoutMs: 2000 });
    const res = await direct.request({ method: 'GET', url: `${s.url.replace('http://', 'http://AC1:s%40cret-pw@')}/x` });
    expect(res.status).toBe(200);
    expect(res.sentTo).not.toContain('cret-pw');
    expect(s.received[0].headers.authorization).toBe(`Basic ${Buffer.from('AC1:s@cret-pw').toString('base64')}`);
    const redirected = createHttpClient({ outbound: { 'api.twilio.com': s.url }, timeoutMs: 2000 });
    await redirected.request({ method: 'GET', url: 'https://AC1:other-pw@api.twilio.com/y' });
    expect(s.received[1].headers.authorization).toBe(`Basic ${Buffer.from('AC1:other-pw').toString('base64')}`);
  });

  it('an Authorization header the caller wrote wins', async () => {
    const s = await sink();
    const http = createHttpClient({ outbound: {}, timeoutMs: 2000 });
    await http.request({ method: 'GET', url: `${s.url.replace('http://', 'http://u:p@')}/x`, headers: { authorization: 'Token t' } });
    expect(s.received[0].headers.authorization).toBe('Token t');
  });

  it('a failure message does not show the password', async () => {
    const url = (await refusedUrl()).replace('http://', 'http://AC1:leaky-pw@');
    const err = await failure(createHttpClient({ outbound: {}, timeoutMs: 300 }).request({ method: 'GET', url }));
    expect(err.message).not.toContain('leaky-pw');
    expect(err.sentTo).not.toContain('leaky-pw');
  });
});
