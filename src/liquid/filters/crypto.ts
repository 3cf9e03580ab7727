import { createECDH, createHash, createHmac, createPrivateKey, createPublicKey, getHashes, hkdfSync } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { FilterError, type FilterThis } from './types.js';
import { toOutput } from '../escape.js';
import { Bytes, fromBytes, toBytes } from '../util/bytes.js';
import { decodeBase64, urlSafeBase64 } from '../util/base64.js';
import { decryptPayload, encryptPayload } from '../util/cipher.js';
import { hmacMd4 } from '../util/md4.js';
import { jweEncrypt } from '../util/jwe.js';
import { asHash, asInteger, describe, isNil, unwrap } from '../util/values.js';

/** hex, base64 (strict, one line, as Ruby's base64digest) or none (the raw bytes). */
function formatDigest(filter: string, bytes: Buffer, format: unknown): string | Bytes {
  const f = toOutput(format ?? 'hex').toLowerCase();
  if (f === 'hex') return bytes.toString('hex');
  if (f === 'base64') return bytes.toString('base64');
  if (f === 'none') return fromBytes(bytes);
  throw new FilterError(filter, `unknown digest format ${JSON.stringify(f)} (argument 2); use hex, base64 or none`);
}

const DIGESTS = ['md5', 'sha1', 'sha256', 'sha384', 'sha512'];

/** text | digest: algorithm = 'sha1', format = 'hex'. md5, sha1, sha256, sha384, sha512. */
export function digest(input: unknown, algorithm: unknown = 'sha1', format: unknown = 'hex'): string | Bytes {
  const alg = toOutput(algorithm ?? 'sha1').toLowerCase().replace(/-/g, '');
  if (!DIGESTS.includes(alg)) {
    throw new FilterError('digest', `unknown algorithm ${JSON.stringify(toOutput(algorithm))} (argument 1); use ${DIGESTS.join(', ')}`);
  }
  return formatDigest('digest', createHash(alg).update(toBytes(input)).digest(), format);
}

/** text | sha1. The SHA-1 digest in hex. */
export function sha1(input: unknown): string {
  return createHash('sha1').update(toBytes(input)).digest('hex');
}

// compute_hmac's documented names (OpenSSL's) -> Node's. SHA (SHA-0) and MDC2 are gone from
// OpenSSL 3 and therefore from platformOS too; they get a clear error.
const HMAC_ALGORITHMS: Record<string, string> = {
  sha1: 'sha1', dss1: 'sha1', sha224: 'sha224', sha256: 'sha256', sha384: 'sha384', sha512: 'sha512',
  md4: 'md4', md5: 'md5', ripemd160: 'ripemd160',
};

/** data | compute_hmac: secret, algorithm = 'sha256', format = 'hex'. */
export function compute_hmac(input: unknown, secret: unknown, algorithm: unknown = 'sha256', format: unknown = 'hex'): string | Bytes {
  if (isNil(secret)) throw new FilterError('compute_hmac', 'secret (argument 1) is missing');
  const name = toOutput(algorithm ?? 'sha256');
  const alg = HMAC_ALGORITHMS[name.toLowerCase().replace(/-/g, '')];
  if (!alg) {
    throw new FilterError('compute_hmac', `unsupported algorithm ${JSON.stringify(name)} (argument 2); use SHA1, SHA224, SHA256, SHA384, SHA512, MD4, MD5, RIPEMD160 or DSS1`);
  }
  const key = toBytes(secret);
  const data = toBytes(input);
  const mac = alg === 'md4' ? hmacMd4(key, data) : createHmac(alg, key).update(data).digest();
  return formatDigest('compute_hmac', mac, format);
}

function flag(opts: Record<string, unknown>, name: string): boolean {
  return unwrap(opts[name]) === true;
}

/**
 * payload | encrypt: algorithm, key, iv = nil, transform_key_to_hex:, return_hex:,
 * pad_payload_right:. Any OpenSSL cipher Node has, plus RSA and RSA-OAEP with a PEM key.
 */
export function encrypt(this: FilterThis, input: unknown, algorithm: unknown, key: unknown, iv?: unknown, options?: unknown): string {
  if (algorithm === undefined || key === undefined) throw new FilterError('encrypt', 'algorithm (argument 1) and key (argument 2) are required');
  const opts = { ...asHash('encrypt', options, 'options (argument 4)'), ...this.named };
  const pad = unwrap(opts.pad_payload_right);
  try {
    return encryptPayload(toBytes(input), toOutput(algorithm), toBytes(key), isNil(iv) ? null : toBytes(iv), {
      hexKey: flag(opts, 'transform_key_to_hex'),
      returnHex: flag(opts, 'return_hex'),
      padRight: isNil(pad) ? null : asInteger('encrypt', pad, 'pad_payload_right'),
    });
  } catch (err) {
    if (err instanceof FilterError) throw err;
    throw new FilterError('encrypt', (err as Error).message);
  }
}

/**
 * payload | decrypt: algorithm, key, transform_key_to_hex:, from_hex:, disable_cipher_padding:.
 * The payload is what encrypt returned (IV first, AEAD tag last).
 */
export function decrypt(this: FilterThis, input: unknown, algorithm: unknown, key: unknown, options?: unknown): string | Bytes {
  if (algorithm === undefined || key === undefined) throw new FilterError('decrypt', 'algorithm (argument 1) and key (argument 2) are required');
  const opts = { ...asHash('decrypt', options, 'options (argument 3)'), ...this.named };
  try {
    return fromBytes(decryptPayload(toOutput(input), toOutput(algorithm), toBytes(key), {
      hexKey: flag(opts, 'transform_key_to_hex'),
      fromHex: flag(opts, 'from_hex'),
      disablePadding: flag(opts, 'disable_cipher_padding'),
    }));
  } catch (err) {
    throw new FilterError('decrypt', (err as Error).message);
  }
}

/** text | gzip_compress. Gzip bytes (binary; base64_encode them to send as text). */
export function gzip_compress(input: unknown): string | Bytes {
  return fromBytes(gzipSync(toBytes(input)));
}

/** bytes | gzip_decompress. The text inside gzip bytes. */
export function gzip_decompress(input: unknown): string | Bytes {
  const value = unwrap(input);
  // Gzip bytes that went through a capture arrive as one character per byte.
  const bytes = typeof value === 'string' && value.startsWith('\x1f\x8b') ? Buffer.from(value, 'latin1') : toBytes(input);
  try {
    return fromBytes(gunzipSync(bytes));
  } catch (err) {
    throw new FilterError('gzip_decompress', `input is not gzip data (${(err as Error).message})`);
  }
}

/**
 * ikm | hkdf: salt = '', info = '', length = 32, hash = 'sha256'. HKDF (RFC 5869) extract
 * and expand; the result is raw bytes.
 */
export function hkdf(input: unknown, salt: unknown = '', info: unknown = '', length: unknown = 32, hash: unknown = 'sha256'): string | Bytes {
  const size = asInteger('hkdf', length ?? 32, 'length (argument 3)');
  const alg = toOutput(hash ?? 'sha256').toLowerCase();
  if (!getHashes().includes(alg)) throw new FilterError('hkdf', `unknown hash_algorithm ${JSON.stringify(alg)} (argument 4)`);
  const hashLen = createHash(alg).digest().length;
  if (size < 1 || size > 255 * hashLen) throw new FilterError('hkdf', `length (argument 3) must be between 1 and ${255 * hashLen} for ${alg}, got ${size}`);
  return fromBytes(Buffer.from(hkdfSync(alg, toBytes(input), toBytes(salt ?? ''), toBytes(info ?? ''), size)));
}

/**
 * private_key | ecdh_compute: peer_public_key, output = 'none'. The ECDH shared secret; the
 * peer key is a PEM or a raw uncompressed point in URL-safe Base64 (a browser's p256dh).
 * Output none (raw bytes), hex, or base64 (URL-safe, as Web Push uses).
 */
export function ecdh_compute(input: unknown, peer: unknown, output: unknown = 'none'): string | Bytes {
  if (isNil(peer)) throw new FilterError('ecdh_compute', 'peer_public_key (argument 1) is missing');
  let secret: Buffer;
  try {
    const priv = createPrivateKey(toOutput(input));
    const curve = priv.asymmetricKeyDetails?.namedCurve;
    if (priv.asymmetricKeyType !== 'ec' || !curve) throw new Error('private key (input) must be an EC private key in PEM');
    const jwk = priv.export({ format: 'jwk' });
    const ecdh = createECDH(curve);
    ecdh.setPrivateKey(Buffer.from(jwk.d!, 'base64url'));
    secret = ecdh.computeSecret(peerPoint(toOutput(peer)));
  } catch (err) {
    throw new FilterError('ecdh_compute', (err as Error).message);
  }
  const f = toOutput(output ?? 'none').toLowerCase();
  if (f === 'none') return fromBytes(secret);
  if (f === 'hex') return secret.toString('hex');
  if (f === 'base64') return urlSafeBase64(secret);
  throw new FilterError('ecdh_compute', `unknown output ${JSON.stringify(f)} (argument 2); use none, hex or base64`);
}

/** The peer's public point, uncompressed (0x04 || X || Y). */
function peerPoint(peer: string): Buffer {
  if (!peer.includes('-----BEGIN')) return decodeBase64(peer);
  const jwk = createPublicKey(peer).export({ format: 'jwk' });
  if (!jwk.x || !jwk.y) throw new Error('peer_public_key (argument 1) must be an EC public key');
  return Buffer.concat([Buffer.from([4]), Buffer.from(jwk.x, 'base64url'), Buffer.from(jwk.y, 'base64url')]);
}

/**
 * json | jwe_encode: key, alg, enc. A compact JWE of the JSON text (a hash is written as
 * JSON first). RSA and ECDH-ES take a PEM public key; the symmetric algorithms take the
 * secret (or, for dir, the content key itself) as text.
 */
export async function jwe_encode(input: unknown, key: unknown, alg: unknown, enc: unknown): Promise<string> {
  if (key === undefined || alg === undefined || enc === undefined) {
    throw new FilterError('jwe_encode', 'key (argument 1), alg (argument 2) and enc (argument 3) are required');
  }
  const value = unwrap(input);
  const text = typeof value === 'object' && value !== null ? JSON.stringify(value) : toOutput(value);
  try {
    return await jweEncrypt(Buffer.from(text, 'utf8'), toOutput(key), toOutput(alg), toOutput(enc));
  } catch (err) {
    throw new FilterError('jwe_encode', `${(err as Error).message} (${describe(toOutput(alg))} / ${describe(toOutput(enc))})`);
  }
}

export const jwe_encode_rc = jwe_encode;
