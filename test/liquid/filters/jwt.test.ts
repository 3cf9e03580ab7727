import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

const payload = { key: 'value', another_key: 'another value' };
const DOCS_TOKEN =
  'eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJ2YWx1ZSIsImFub3RoZXJfa2V5IjoiYW5vdGhlciB2YWx1ZSJ9.XT8sHXyPTA9DoHzssXh1q6Uv2D1ENosW0F3Ixle85L0';

describe('jwt_encode (docs examples, byte for byte)', () => {
  it('HS256', async () => {
    expect(await render(`{{ payload | jwt_encode: 'HS256', 'this-is-secret' }}`, { payload })).toBe(DOCS_TOKEN);
  });
  it('HS256 with header fields first', async () => {
    expect(await render(`{{ payload | jwt_encode: 'HS256', 'this-is-secret', headers }}`, { payload, headers: { cty: 'custom' } })).toBe(
      'eyJjdHkiOiJjdXN0b20iLCJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiJ9.eyJrZXkiOiJ2YWx1ZSIsImFub3RoZXJfa2V5IjoiYW5vdGhlciB2YWx1ZSJ9.DHizgDTArO7RpQE3124ufD9oirmQwrlftpxBwc9wGGA',
    );
  });
  it("'none' needs no secret and gives an unsigned token", async () => {
    const token = await render(`{{ payload | jwt_encode: 'none' }}`, { payload });
    expect(token.split('.')).toHaveLength(3);
    expect(token.endsWith('.')).toBe(true);
    expect(JSON.parse(await render(`{{ t | jwt_decode: 'none' | json }}`, { t: token }))).toEqual([payload, { typ: 'JWT', alg: 'none' }]);
  });
  it('bad algorithm and missing secret are named', async () => {
    await expect(render(`{{ payload | jwt_encode: 'HS999', 's' }}`, { payload })).rejects.toThrow(/jwt_encode: unknown algorithm "HS999" \(argument 1\)/);
    await expect(render(`{{ payload | jwt_encode: 'HS256' }}`, { payload })).rejects.toThrow(/jwt_encode: secret \(argument 2\) is missing/);
  });
});

describe('jwt_decode', () => {
  it('docs example: [payload, header]', async () => {
    expect(JSON.parse(await render(`{{ t | jwt_decode: 'HS256', 'this-is-secret' | json }}`, { t: DOCS_TOKEN }))).toEqual([payload, { typ: 'JWT', alg: 'HS256' }]);
  });
  it('a wrong secret fails unless verification is off', async () => {
    await expect(render(`{{ t | jwt_decode: 'HS256', 'wrong' }}`, { t: DOCS_TOKEN })).rejects.toThrow(/jwt_decode: signature verification failed/);
    expect(await render(`{{ t | jwt_decode: 'HS256', 'wrong', false | first | json }}`, { t: DOCS_TOKEN })).toBe(JSON.stringify(payload));
  });
  it('RS256 with a PEM key and with a JWK Set (jwks)', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const vars = {
      payload,
      priv: privateKey.export({ type: 'pkcs1', format: 'pem' }),
      pub: publicKey.export({ type: 'spki', format: 'pem' }),
      jwks: { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] },
    };
    const token = await render(`{{ payload | jwt_encode: 'RS256', priv, h }}`, { ...vars, h: { kid: 'k1' } });
    expect(await render(`{{ t | jwt_decode: 'RS256', pub | first | json }}`, { ...vars, t: token })).toBe(JSON.stringify(payload));
    expect(await render(`{{ t | jwt_decode: 'RS256', '', true, jwks | last | json }}`, { ...vars, t: token })).toBe('{"kid":"k1","typ":"JWT","alg":"RS256"}');
    const other = await render(`{{ payload | jwt_encode: 'RS256', priv, h }}`, { ...vars, h: { kid: 'k2' } });
    await expect(render(`{{ t | jwt_decode: 'RS256', '', true, jwks }}`, { ...vars, t: other })).rejects.toThrow(/jwt_decode: jwks \(argument 4\) has no key with kid "k2"/);
  });
  it('a token signed with another algorithm is refused', async () => {
    await expect(render(`{{ t | jwt_decode: 'HS512', 'this-is-secret' }}`, { t: DOCS_TOKEN })).rejects.toThrow(/jwt_decode: token is signed with HS256, expected HS512/);
    await expect(render(`{{ 'abc' | jwt_decode: 'HS256', 's' }}`)).rejects.toThrow(/jwt_decode: not a JSON Web Token/);
  });
});
