import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';

/** A request a stand-in received. */
export interface Received {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** An API key as the Twilio stand-in keeps it. */
export interface StubKey {
  sid: string;
  friendly_name: string;
  secret: string;
  date_created: string;
  date_updated: string;
}

export interface TwilioStub {
  /** Base URL to redirect api.twilio.com to (config.outbound). */
  url: string;
  accountSid: string;
  authToken: string;
  keys: Map<string, StubKey>;
  received: Received[];
  close(): Promise<void>;
}

/**
 * A small stand-in for Twilio's Keys API (2010-04-01), as Twilio documents it:
 * POST /2010-04-01/Accounts/{AccountSid}/Keys.json creates a key (201 with sid, friendly_name,
 * date_created, date_updated, secret; the secret only here), GET .../Keys/{Sid}.json fetches
 * one (no secret). HTTP Basic auth with AccountSid:AuthToken (or a created key's Sid:Secret
 * for GET); anything else is Twilio's 401 (error 20003). Unknown resources are Twilio's 404 (20404).
 */
export async function startTwilioStub(opts: { accountSid?: string; authToken?: string } = {}): Promise<TwilioStub> {
  const accountSid = opts.accountSid ?? `AC${randomBytes(16).toString('hex')}`;
  const authToken = opts.authToken ?? randomBytes(16).toString('hex');
  const keys = new Map<string, StubKey>();
  const received: Received[] = [];

  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const path = (req.url ?? '/').split('?')[0];
    received.push({ method: req.method ?? '', path, headers: req.headers, body });
    const create = /^\/2010-04-01\/Accounts\/([^/]+)\/Keys\.json$/.exec(path);
    const fetchOne = /^\/2010-04-01\/Accounts\/([^/]+)\/Keys\/([^/]+)\.json$/.exec(path);
    const sidInPath = (create ?? fetchOne)?.[1];
    if (!sidInPath) return twilioError(res, 404, 20404, `The requested resource ${path} was not found`);
    const user = basicUser(req.headers.authorization);
    const accountAuth = user?.name === accountSid && user.password === authToken;
    const keyAuth = user !== null && keys.get(user.name)?.secret === user.password;
    if (!(accountAuth || (keyAuth && req.method === 'GET')) || sidInPath !== accountSid) {
      res.setHeader('www-authenticate', 'Basic realm="Twilio API"');
      return twilioError(res, 401, 20003, 'Authenticate', 'Your AccountSid or AuthToken was incorrect.');
    }
    if (create && req.method === 'POST') {
      const now = rfc2822(new Date());
      const key: StubKey = {
        sid: `SK${randomBytes(16).toString('hex')}`,
        friendly_name: friendlyName(body, req.headers['content-type']),
        secret: randomBytes(16).toString('hex'),
        date_created: now,
        date_updated: now,
      };
      keys.set(key.sid, key);
      return json(res, 201, key);
    }
    if (fetchOne && req.method === 'GET') {
      const key = keys.get(fetchOne[2]);
      if (!key) return twilioError(res, 404, 20404, `The requested resource ${path} was not found`);
      const { secret: _secret, ...shown } = key;
      return json(res, 200, shown);
    }
    return twilioError(res, 405, 20004, 'Method not allowed');
  });
  const url = await listenLocal(server);
  return { url, accountSid, authToken, keys, received, close: () => closeServer(server) };
}

/** How a sink answers. */
export type SinkMode = 'ok' | 'error500' | 'garbage' | 'hang';

export interface Sink {
  url: string;
  received: Received[];
  /** Change how the next requests are answered. */
  mode: SinkMode;
  /** Resolves when the sink has received `n` requests in all. */
  waitFor(n: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * A stand-in for "some API out there": answers 200 `{"ok":true}` (mode ok), 500, bytes that
 * are not HTTP (garbage), or never (hang). Records every request.
 */
export async function startSink(mode: SinkMode = 'ok'): Promise<Sink> {
  const received: Received[] = [];
  const waiters: Array<{ n: number; resolve: () => void }> = [];
  const hanging = new Set<ServerResponse>();
  const sink: Sink = {
    url: '',
    received,
    mode,
    waitFor: (n) => (received.length >= n ? Promise.resolve() : new Promise((resolve) => waiters.push({ n, resolve }))),
    close: async () => {
      for (const res of hanging) res.destroy();
      await closeServer(server);
    },
  };
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    received.push({ method: req.method ?? '', path: req.url ?? '/', headers: req.headers, body });
    for (const w of waiters.filter((w) => received.length >= w.n)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
    if (sink.mode === 'hang') return void hanging.add(res);
    if (sink.mode === 'garbage') {
      req.socket.end('this is not HTTP\r\n\r\n');
      return;
    }
    if (sink.mode === 'error500') return json(res, 500, { error: 'boom' });
    json(res, 200, { ok: true, n: received.length });
  });
  sink.url = await listenLocal(server);
  return sink;
}

/** A URL on which nothing listens (connections are refused). */
export async function refusedUrl(): Promise<string> {
  const probe = createNetServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

function readAll(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

function basicUser(header: string | undefined): { name: string; password: string } | null {
  const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!m) return null;
  const text = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? null : { name: text.slice(0, colon), password: text.slice(colon + 1) };
}

function friendlyName(body: string, type: string | undefined): string {
  if (!body) return '';
  if (type?.includes('application/json')) {
    try {
      return String((JSON.parse(body) as { FriendlyName?: unknown }).FriendlyName ?? '');
    } catch {
      return '';
    }
  }
  return new URLSearchParams(body).get('FriendlyName') ?? '';
}

/** Twilio's date format: "Mon, 16 Aug 2010 03:45:01 +0000". */
function rfc2822(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function twilioError(res: ServerResponse, status: number, code: number, message: string, detail?: string): void {
  json(res, status, { code, message, ...(detail ? { detail } : {}), more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  return new Promise((resolve) => server.close(() => resolve()));
}
