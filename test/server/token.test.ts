import { readFileSync } from 'node:fs';
import { describe, expect, it, beforeAll } from 'vitest';
import jwt from 'jsonwebtoken';
import twilio from 'twilio';
import { serveApp, type Served } from '../helpers/server.js';

const TOKEN_PAGE = readFileSync(new URL('../../app/views/pages/token.json.liquid', import.meta.url), 'utf8');
const SID = 'SK0123456789abcdef0123456789abcdef';
const ACCOUNT = 'AC0123456789abcdef0123456789abcdef';
const SECRET = 'twilio-api-secret-value';

let s: Served;
beforeAll(async () => {
  s = await serveApp({ 'app/views/pages/token.json.liquid': TOKEN_PAGE });
  for (const [name, value] of [
    ['TWILIO_API_KEY_SID', SID],
    ['TWILIO_ACCOUNT_SID', ACCOUNT],
    ['TWILIO_API_SECRET', SECRET],
  ]) {
    const res = await s.admin('/api/graph', {
      method: 'POST',
      body: JSON.stringify({ query: 'mutation($n: String!, $v: String!) { constant_set(name: $n, value: $v) { name value } }', variables: { n: name, v: value } }),
    });
    expect(await res.json()).toEqual({ data: { constant_set: { name, value } } });
  }
});

/** The shape of a value: same keys and JS types, values ignored. */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).sort().map(([k, x]) => [k, shape(x)]));
  return typeof v;
}

describe('the bundled Twilio token page (seed step 3-5)', () => {
  it('returns identity and a Twilio access token that verifies with the API secret', async () => {
    const res = await fetch(`${s.url}/token.json`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const body = (await res.json()) as { identity: string; token: string };
    expect(body.identity).toBe('unique-Id-Name');

    const decoded = jwt.verify(body.token, SECRET, { algorithms: ['HS256'], complete: true }) as jwt.Jwt;
    // Header bytes in platformOS's order: header fields, then typ, then alg.
    const headerJson = Buffer.from(body.token.split('.')[0], 'base64url').toString();
    expect(headerJson).toBe('{"cty":"twilio-fpa;v=1","typ":"JWT","alg":"HS256"}');

    const payload = decoded.payload as Record<string, any>;
    expect(payload.jti).toBe(`${SID}-${payload.nbf}`);
    expect(payload).toMatchObject({ iss: SID, sub: ACCOUNT, grants: { identity: 'unique-Id-Name', video: { room: '' } } });
    expect(payload.exp - payload.nbf).toBe(86_400);
    expect(Math.abs(payload.nbf - Date.now() / 1000)).toBeLessThan(60);
    expect(payload).not.toHaveProperty('iat');
  });

  it('matches what the twilio library builds from the same SIDs, secret, identity and room', async () => {
    const body = (await (await fetch(`${s.url}/token.json`)).json()) as { token: string };
    const ours = jwt.decode(body.token, { complete: true })!;

    const AccessToken = twilio.jwt.AccessToken;
    const ref = new AccessToken(ACCOUNT, SID, SECRET, { identity: 'unique-Id-Name', ttl: 86_400 });
    // twilio omits an empty room; a named one shows the claim's type and place.
    ref.addGrant(new AccessToken.VideoGrant({ room: 'a-room' }));
    const theirs = jwt.decode(ref.toJwt(), { complete: true })!;

    expect(ours.header).toEqual(theirs.header);
    const pick = (p: any) => ({ jti: p.jti, iss: p.iss, sub: p.sub, exp: p.exp, grants: p.grants });
    expect(shape(pick(ours.payload))).toEqual(shape(pick(theirs.payload)));
    const o = ours.payload as any;
    const t = theirs.payload as any;
    expect([o.iss, o.sub, o.jti.split('-')[0]]).toEqual([t.iss, t.sub, t.jti.split('-')[0]]);
    // Both expire a day after issue (twilio counts from iat, the seed from nbf).
    expect(Math.abs(o.exp - t.exp)).toBeLessThan(60);
  });

  it('hides constants from {{ context }} but reads them by name', async () => {
    const res = await s.admin('/api/app_builder/liquid_exec', {
      method: 'POST',
      body: JSON.stringify({ content: '{{ context | json }}|{{ context.constants.TWILIO_API_SECRET }}' }),
    });
    const { result, error } = (await res.json()) as { result: string; error: null };
    expect(error).toBeNull();
    const [ctx, secret] = result.split('|');
    expect(secret).toBe(SECRET);
    expect(ctx).not.toContain(SECRET);
    expect(JSON.parse(ctx)).not.toHaveProperty('constants');
  });
});
