import {
  constants,
  createCipheriv,
  createDecipheriv,
  getCipherInfo,
  privateDecrypt,
  publicEncrypt,
  randomBytes,
  type CipherGCM,
  type CipherGCMTypes,
  type DecipherGCM,
} from 'node:crypto';
import { decodeBase64, urlSafeBase64 } from './base64.js';

/*
 * encrypt / decrypt as platformOS does them (Ruby OpenSSL::Cipher): the IV goes in front of
 * the ciphertext, AEAD modes (GCM, CCM, OCB, ChaCha20-Poly1305) add their 16-byte tag after
 * it, and the result is URL-safe Base64 with padding (the docs' aes-256-cbc example decrypts
 * that way) or upper-case hex. RSA and RSA-OAEP use a PEM key.
 */

export interface EncryptOptions {
  /** The key is written in hex (transform_key_to_hex). */
  hexKey: boolean;
  /** Output hex instead of Base64 (return_hex). */
  returnHex: boolean;
  /** Pad the payload with spaces to a multiple of this many bytes and turn cipher padding off. */
  padRight: number | null;
}

export interface DecryptOptions {
  hexKey: boolean;
  /** The payload is hex (from_hex). */
  fromHex: boolean;
  disablePadding: boolean;
}

const TAG_LENGTH = 16;
const AEAD_MODES = new Set(['gcm', 'ccm', 'ocb']);

type Rsa = 'rsa' | 'rsa-oaep';

function asymmetric(algorithm: string): Rsa | null {
  const a = algorithm.toLowerCase();
  return a === 'rsa' || a === 'rsa-oaep' ? a : null;
}

interface CipherSpec {
  name: string;
  ivLength: number;
  keyLength: number;
  aead: boolean;
}

function cipherSpec(algorithm: string): CipherSpec {
  const name = algorithm.toLowerCase();
  const info = getCipherInfo(name);
  if (!info) throw new Error(`unknown algorithm ${JSON.stringify(algorithm)} (argument 1)`);
  const aead = AEAD_MODES.has(info.mode) || name === 'chacha20-poly1305';
  return { name, ivLength: info.ivLength ?? 0, keyLength: info.keyLength, aead };
}

function keyBytes(key: Buffer, hex: boolean, spec: CipherSpec): Buffer {
  const k = hex ? Buffer.from(key.toString('utf8'), 'hex') : key;
  if (k.length !== spec.keyLength) {
    throw new Error(`key (argument 2) must be ${spec.keyLength} bytes for ${spec.name}, got ${k.length}${hex ? ' (after hex decoding)' : ''}`);
  }
  return k;
}

// The AEAD modes need the tag length up front (CCM and OCB insist); the others take no options.
function makeCipher(spec: CipherSpec, key: Buffer, iv: Buffer): CipherGCM {
  if (spec.aead) return createCipheriv(spec.name as CipherGCMTypes, key, iv, { authTagLength: TAG_LENGTH });
  return createCipheriv(spec.name, key, spec.ivLength ? iv : null) as CipherGCM;
}

function makeDecipher(spec: CipherSpec, key: Buffer, iv: Buffer): DecipherGCM {
  if (spec.aead) return createDecipheriv(spec.name as CipherGCMTypes, key, iv, { authTagLength: TAG_LENGTH });
  return createDecipheriv(spec.name, key, spec.ivLength ? iv : null) as DecipherGCM;
}

export function encryptPayload(payload: Buffer, algorithm: string, key: Buffer, iv: Buffer | null, opts: EncryptOptions): string {
  const rsa = asymmetric(algorithm);
  let out: Buffer;
  if (rsa) {
    if (iv) throw new Error('iv (argument 3) is not used by RSA');
    out = publicEncrypt({ key: key.toString('utf8'), padding: rsaPadding(rsa) }, payload);
  } else {
    const spec = cipherSpec(algorithm);
    const k = keyBytes(key, opts.hexKey, spec);
    const nonce = iv ?? randomBytes(spec.ivLength);
    if (spec.ivLength === 0 && nonce.length) throw new Error(`${spec.name} takes no iv (argument 3)`);
    const cipher = makeCipher(spec, k, nonce);
    let data = payload;
    if (opts.padRight) {
      const size = Math.ceil(data.length / opts.padRight) * opts.padRight;
      data = Buffer.concat([data, Buffer.alloc(size - data.length, ' ')]);
      cipher.setAutoPadding(false);
    }
    const body = Buffer.concat([cipher.update(data), cipher.final()]);
    const tag = spec.aead ? cipher.getAuthTag() : Buffer.alloc(0);
    out = Buffer.concat([spec.ivLength ? nonce : Buffer.alloc(0), body, tag]);
  }
  return opts.returnHex ? out.toString('hex').toUpperCase() : urlSafeBase64(out);
}

export function decryptPayload(payload: string, algorithm: string, key: Buffer, opts: DecryptOptions): Buffer {
  const data = opts.fromHex ? Buffer.from(payload.trim(), 'hex') : decodeBase64(payload);
  const rsa = asymmetric(algorithm);
  if (rsa) return rsaDecrypt(rsa, key.toString('utf8'), data);
  const spec = cipherSpec(algorithm);
  const k = keyBytes(key, opts.hexKey, spec);
  const iv = data.subarray(0, spec.ivLength);
  const tagAt = spec.aead ? data.length - TAG_LENGTH : data.length;
  if (tagAt < spec.ivLength) throw new Error('payload is too short for this algorithm');
  const decipher = makeDecipher(spec, k, iv);
  if (spec.aead) decipher.setAuthTag(data.subarray(tagAt));
  if (opts.disablePadding) decipher.setAutoPadding(false);
  try {
    return Buffer.concat([decipher.update(data.subarray(spec.ivLength, tagAt)), decipher.final()]);
  } catch {
    throw new Error('cannot decrypt: wrong key, algorithm or padding, or the payload was changed');
  }
}

function rsaPadding(rsa: Rsa): number {
  return rsa === 'rsa' ? constants.RSA_PKCS1_PADDING : constants.RSA_PKCS1_OAEP_PADDING;
}

/**
 * Node refuses PKCS#1 v1.5 private decryption (CVE-2023-46809, a timing oracle for servers
 * that answer many decryptions); a template decrypting its own stored data is not such an
 * oracle, so the padding is removed here from a raw RSA decryption.
 */
function rsaDecrypt(rsa: Rsa, pem: string, data: Buffer): Buffer {
  if (rsa === 'rsa-oaep') return privateDecrypt({ key: pem, padding: constants.RSA_PKCS1_OAEP_PADDING }, data);
  const em = privateDecrypt({ key: pem, padding: constants.RSA_NO_PADDING }, data);
  const sep = em.indexOf(0, 2);
  if (em[0] !== 0 || em[1] !== 2 || sep < 10) throw new Error('cannot decrypt: wrong key or the payload was changed');
  return em.subarray(sep + 1);
}
