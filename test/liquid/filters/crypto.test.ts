import { constants, createDecipheriv, createECDH, createPrivateKey, createPublicKey, generateKeyPairSync, hkdfSync, privateDecrypt } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { compactDecrypt } from 'jose';
import { describe, expect, it } from 'vitest';
import { render } from '../../helpers/render.js';

describe('digest, sha1, compute_hmac (docs examples)', () => {
  it('digest defaults to sha1 hex', async () => {
    expect(await render(`{{ 'foo' | digest }}`)).toBe('0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33');
    expect(await render(`{{ 'foo' | sha1 }}`)).toBe('0beec7b5ea3f0fdbc95d0dd47f3c5bc275da8a33');
  });
  it('digest sha256 in hex, base64 and raw bytes', async () => {
    expect(await render(`{{ 'foo' | digest: 'sha256' }}`)).toBe('2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae');
    expect(await render(`{{ 'foo' | digest: 'sha256', 'base64' }}`)).toBe('LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=');
    expect(await render(`{{ 'foo' | digest: 'sha256', 'none' | base64_encode }}`)).toBe('LCa0a2j/xo/5m0U8HTBBNBNCLXBkg7+g+YpeiGJm564=\n');
  });
  it('digest rejects unknown algorithms and formats', async () => {
    await expect(render(`{{ 'foo' | digest: 'whirlpool' }}`)).rejects.toThrow(/digest: unknown algorithm "whirlpool" \(argument 1\)/);
    await expect(render(`{{ 'foo' | digest: 'md5', 'octal' }}`)).rejects.toThrow(/digest: unknown digest format "octal"/);
  });
  it('compute_hmac with MD4 (docs) and the default SHA256', async () => {
    expect(await render(`{{ 'some_data' | compute_hmac: 'some_secret', 'MD4' }}`)).toBe('cabff538af5f97ccc27d481942616492');
    // RFC 4231 test case 2.
    expect(await render(`{{ 'what do ya want for nothing?' | compute_hmac: 'Jefe' }}`)).toBe('5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
    expect(await render(`{{ 'a' | compute_hmac: 'k', 'SHA1', 'base64' }}`)).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(await render(`{{ 'a' | compute_hmac: 'k', 'RIPEMD160' }}`)).toMatch(/^[0-9a-f]{40}$/);
  });
  it('compute_hmac rejects SHA-0 and a missing secret', async () => {
    await expect(render(`{{ 'a' | compute_hmac: 'k', 'SHA' }}`)).rejects.toThrow(/compute_hmac: unsupported algorithm "SHA"/);
    await expect(render(`{{ 'a' | compute_hmac: nil }}`)).rejects.toThrow(/compute_hmac: secret \(argument 1\) is missing/);
  });
});

describe('encrypt / decrypt', () => {
  it('decrypts the docs aes-256-cbc output (IV first, URL-safe Base64)', async () => {
    const docs = 'Kkuo2eWEnTbcrtbGjAmQVMTjptS5elsgqQe-5blHpUR-ziHPI45n2wOnY30DVZGldCTNqMT_Ml0ZFiGiupKGD4ZWxVIMkdCHaq4XgiAIUew=';
    const out = await render(`{{ p | decrypt: 'aes-256-cbc', 'ThisPasswordIsReallyHardToGuessA' }}`, { p: docs });
    expect(JSON.parse(out)).toEqual({ key: 'value', another_key: 'another value' });
  });
  it('aes-128-ecb with hex key, hex output and space padding reproduces the docs ciphertext', async () => {
    // The docs' output is this payload under the key of the decrypt example (4FCD...), not 4C6C...
    const payload = 'step=2;header.amount=10;header.paymentTypeCode=ONLINE;customer.firstName=John';
    const out = await render(`{{ p | encrypt: 'aes-128-ecb', '4FCD5FAE2AC493C0F8CE8E1E6105D194', null, transform_key_to_hex: true, return_hex: true, pad_payload_right: 32 }}`, {
      p: payload,
    });
    expect(out).toBe(
      '43553EEDD9BFE36D10F99E931245CF8826903C00D235DFD300B3CC40BD263A621FC2FB9F5C3743F75D399A912AFABF92371927C6D190E0EFF19EAE9802320391FED79D92009796403EC6B426E901AB981CE53A43557C295F3D6FC9678EE0557F',
    );
    const back = await render(`{{ c | decrypt: 'aes-128-ecb', '4FCD5FAE2AC493C0F8CE8E1E6105D194', transform_key_to_hex: true, from_hex: true, disable_cipher_padding: true }}`, {
      c: out,
    });
    expect(back).toBe(payload.padEnd(96, ' '));
  });
  const roundTrips: [string, string, string][] = [
    ['aes-256-gcm', 'ThisIsA32ByteKeyForAES256GCM!!!!', 'foo bar'],
    ['aes-128-gcm', '16ByteSecretKey!', 'secret data'],
    ['chacha20-poly1305', '32ByteKeyForChaCha20Poly1305!!!!', 'baz qux'],
    ['aes-256-cbc', 'ThisPasswordIsReallyHardToGuessA', 'zażółć'],
    ['aes-192-ctr', '24ByteSecretKeyForAES192', 'ctr mode'],
  ];
  for (const [alg, key, text] of roundTrips) {
    it(`${alg} round trip (docs)`, async () => {
      const out = await render(`{% assign encrypted = text | encrypt: alg, key %}{{ encrypted | decrypt: alg, key }}`, { alg, key, text });
      expect(out).toBe(text);
    });
  }
  it('aes-256-gcm layout is IV(12) + ciphertext + tag(16), and the tag is checked', async () => {
    const key = 'ThisIsA32ByteKeyForAES256GCM!!!!';
    const enc = await render(`{{ 'foo bar' | encrypt: 'aes-256-gcm', key }}`, { key });
    const raw = Buffer.from(enc, 'base64url');
    expect(raw.length).toBe(12 + 7 + 16);
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAuthTag(raw.subarray(-16));
    expect(Buffer.concat([d.update(raw.subarray(12, -16)), d.final()]).toString()).toBe('foo bar');
    raw[13] ^= 1;
    await expect(render(`{{ p | decrypt: 'aes-256-gcm', key }}`, { key, p: raw.toString('base64') })).rejects.toThrow(/decrypt: cannot decrypt/);
  });
  it('a caller-supplied iv is used (and checked for length)', async () => {
    const iv = '123456789012';
    const a = await render(`{{ 'x' | encrypt: 'aes-128-gcm', '16ByteSecretKey!', iv }}`, { iv });
    expect(Buffer.from(a, 'base64url').subarray(0, 12).toString()).toBe(iv);
    const b = await render(`{{ 'x' | encrypt: 'aes-128-gcm', '16ByteSecretKey!', iv }}`, { iv });
    expect(b).toBe(a);
  });
  it('RSA and RSA-OAEP with PEM keys', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    for (const alg of ['RSA', 'RSA-OAEP']) {
      const out = await render(`{% assign e = 'hello' | encrypt: alg, pub %}{{ e | decrypt: alg, priv }}`, { alg, pub: publicKey, priv: privateKey });
      expect(out).toBe('hello');
    }
  });
  it('bad keys and algorithms are named', async () => {
    await expect(render(`{{ 'x' | encrypt: 'aes-256-cbc', 'short' }}`)).rejects.toThrow(/encrypt: key \(argument 2\) must be 32 bytes for aes-256-cbc, got 5/);
    await expect(render(`{{ 'x' | encrypt: 'rot13', 'k' }}`)).rejects.toThrow(/encrypt: unknown algorithm "rot13"/);
    await expect(render(`{{ 'x' | decrypt: 'aes-128-gcm', '16ByteSecretKey!' }}`)).rejects.toThrow(/decrypt: payload is too short/);
  });
});

describe('gzip', () => {
  it('docs: compress then decompress', async () => {
    expect(await render(`{% assign result = "Lorem ipsum" | gzip_compress | gzip_decompress %}{{ result }}`)).toBe('Lorem ipsum');
  });
  it('compressed bytes survive base64', async () => {
    const b64 = await render(`{{ "Lorem ipsum" | gzip_compress | base64_encode }}`);
    expect(gunzipSync(Buffer.from(b64, 'base64')).toString()).toBe('Lorem ipsum');
    expect(await render(`{{ b | base64_decode | gzip_decompress }}`, { b: b64 })).toBe('Lorem ipsum');
  });
  it('rejects data that is not gzip', async () => {
    await expect(render(`{{ 'plain' | gzip_decompress }}`)).rejects.toThrow(/gzip_decompress: input is not gzip data/);
  });
});

describe('hkdf and ecdh_compute', () => {
  it('hkdf: RFC 5869 test case 1', async () => {
    const vars = {
      ikm: Buffer.alloc(22, 0x0b).toString('base64'),
      salt: Buffer.from('000102030405060708090a0b0c', 'hex').toString('base64'),
      info: Buffer.from('f0f1f2f3f4f5f6f7f8f9', 'hex').toString('base64'),
    };
    const out = await render(
      `{% assign ikm = ikm | base64_decode %}{% assign salt = salt | base64_decode %}{% assign info = info | base64_decode %}{{ ikm | hkdf: salt, info, 42, 'sha256' | base64_encode }}`,
      vars,
    );
    expect(Buffer.from(out, 'base64').toString('hex')).toBe('3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865');
  });
  it('hkdf defaults: empty salt and info, 32 bytes, sha256', async () => {
    const out = await render(`{{ 'key' | hkdf | base64_encode }}`);
    expect(Buffer.from(out, 'base64')).toEqual(Buffer.from(hkdfSync('sha256', 'key', '', '', 32)));
  });
  it('hkdf rejects a length past 255 * HashLen', async () => {
    await expect(render(`{{ 'k' | hkdf: '', '', 9000 }}`)).rejects.toThrow(/hkdf: length \(argument 3\) must be between 1 and 8160/);
  });
  it('docs: both parties agree on the same secret (PEM and raw p256dh point)', async () => {
    const pair = () => generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    const alice = pair();
    const bob = pair();
    const vars = { alice_private_key: alice.privateKey, bob_private_key: bob.privateKey, alice_public_key: alice.publicKey, bob_public_key: bob.publicKey };
    const out = await render(
      `{% assign alice_secret = alice_private_key | ecdh_compute: bob_public_key, 'hex' %}{% assign bob_secret = bob_private_key | ecdh_compute: alice_public_key, 'hex' %}{% if alice_secret == bob_secret %}true{% endif %}`,
      vars,
    );
    expect(out).toBe('true');
    const browser = createECDH('prime256v1');
    browser.generateKeys();
    const p256dh = browser.getPublicKey().toString('base64url');
    const secret = await render(`{{ k | ecdh_compute: p, 'base64' }}`, { k: alice.privateKey, p: p256dh });
    const alicePoint = createPublicKey(alice.publicKey).export({ format: 'jwk' });
    const expected = browser.computeSecret(Buffer.concat([Buffer.from([4]), Buffer.from(alicePoint.x!, 'base64url'), Buffer.from(alicePoint.y!, 'base64url')]));
    expect(Buffer.from(secret, 'base64url')).toEqual(expected);
  });
  it('ecdh_compute rejects a non-EC key', async () => {
    await expect(render(`{{ 'nope' | ecdh_compute: 'x' }}`)).rejects.toThrow(/ecdh_compute:/);
  });
});

describe('jwe_encode', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const ec = generateKeyPairSync('ec', { namedCurve: 'prime256v1', publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
  const cases: [string, string, string, Uint8Array | string][] = [
    ['RSA-OAEP', 'A256GCM', rsa.publicKey, rsa.privateKey],
    ['RSA-OAEP-256', 'A128CBC-HS256', rsa.publicKey, rsa.privateKey],
    ['ECDH-ES', 'A256GCM', ec.publicKey, ec.privateKey],
    ['ECDH-ES+A128KW', 'A128GCM', ec.publicKey, ec.privateKey],
    ['A128KW', 'A128GCM', '16ByteSecretKey!', new TextEncoder().encode('16ByteSecretKey!')],
    ['A256GCMKW', 'A256CBC-HS512', 'ThisIsA32ByteKeyForAES256GCM!!!!', new TextEncoder().encode('ThisIsA32ByteKeyForAES256GCM!!!!')],
    ['dir', 'A256GCM', 'ThisIsA32ByteKeyForAES256GCM!!!!', new TextEncoder().encode('ThisIsA32ByteKeyForAES256GCM!!!!')],
    ['PBES2-HS256+A128KW', 'A128GCM', 'password', new TextEncoder().encode('password')],
  ];
  for (const [alg, enc, key, decryptKey] of cases) {
    it(`${alg} / ${enc} decrypts with jose`, async () => {
      const token = await render(`{{ '{"a":1}' | jwe_encode: key, alg, enc }}`, { key, alg, enc });
      const key2 = typeof decryptKey === 'string' ? createPrivateKey(decryptKey) : decryptKey;
      const opened = await compactDecrypt(token, key2, { keyManagementAlgorithms: [alg] });
      expect(new TextDecoder().decode(opened.plaintext)).toBe('{"a":1}');
      expect(opened.protectedHeader).toMatchObject({ alg, enc });
    });
  }
  it('RSA1_5 (done without jose) decrypts by hand; jwe_encode_rc is the same filter', async () => {
    const token = await render(`{{ h | jwe_encode_rc: key, 'RSA1_5', 'A128GCM' }}`, { h: { a: 1 }, key: rsa.publicKey });
    const [header, encKey, iv, body, tag] = token.split('.');
    expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toEqual({ alg: 'RSA1_5', enc: 'A128GCM' });
    const em = privateDecrypt({ key: rsa.privateKey, padding: constants.RSA_NO_PADDING }, Buffer.from(encKey, 'base64url'));
    const cek = em.subarray(em.indexOf(0, 2) + 1);
    const d = createDecipheriv('aes-128-gcm', cek, Buffer.from(iv, 'base64url'));
    d.setAAD(Buffer.from(header, 'ascii'));
    d.setAuthTag(Buffer.from(tag, 'base64url'));
    expect(Buffer.concat([d.update(Buffer.from(body, 'base64url')), d.final()]).toString()).toBe('{"a":1}');
  });
  it('unknown alg / enc and wrong keys are named', async () => {
    await expect(render(`{{ '{}' | jwe_encode: 'k', 'ROT13', 'A128GCM' }}`)).rejects.toThrow(/jwe_encode: unknown alg "ROT13" \(argument 2\)/);
    await expect(render(`{{ '{}' | jwe_encode: 'k', 'dir', 'A1GCM' }}`)).rejects.toThrow(/jwe_encode: unknown enc "A1GCM" \(argument 3\)/);
    await expect(render(`{{ '{}' | jwe_encode: 'k', 'RSA-OAEP', 'A128GCM' }}`)).rejects.toThrow(/jwe_encode: RSA-OAEP needs a PEM public key/);
  });
});

describe('nil literal arguments', () => {
  it('encrypt treats a nil iv (as the docs write it) as "generate one"', async () => {
    const out = await render(`{% assign e = 'foo bar' | encrypt: 'aes-256-gcm', k, nil, return_hex: true %}{{ e | decrypt: 'aes-256-gcm', k, from_hex: true }}`, {
      k: 'ThisIsA32ByteKeyForAES256GCM!!!!',
    });
    expect(out).toBe('foo bar');
  });
});
