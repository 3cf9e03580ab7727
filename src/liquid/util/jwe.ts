import {
  constants,
  createCipheriv,
  createHmac,
  createPrivateKey,
  createPublicKey,
  publicEncrypt,
  randomBytes,
  type CipherGCMTypes,
  type KeyObject,
} from 'node:crypto';

/*
 * JWE compact serialisation for jwe_encode. The `jose` library does the work for every
 * documented key management algorithm except RSA1_5, which it no longer offers (it is
 * deprecated by RFC 8725); platformOS still documents it, so that one is done here with the
 * content encryption of RFC 7518 section 5.
 */

export const JWE_ALGORITHMS = [
  'RSA1_5', 'RSA-OAEP', 'RSA-OAEP-256',
  'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW',
  'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW', 'PBES2-HS512+A256KW',
  'A128GCMKW', 'A192GCMKW', 'A256GCMKW', 'A128KW', 'A192KW', 'A256KW', 'dir',
];

const ENCRYPTIONS: Record<string, { keyBytes: number; mac?: string }> = {
  'A128CBC-HS256': { keyBytes: 32, mac: 'sha256' },
  'A192CBC-HS384': { keyBytes: 48, mac: 'sha384' },
  'A256CBC-HS512': { keyBytes: 64, mac: 'sha512' },
  A128GCM: { keyBytes: 16 },
  A192GCM: { keyBytes: 24 },
  A256GCM: { keyBytes: 32 },
};

export const JWE_ENCRYPTIONS = Object.keys(ENCRYPTIONS);

/** The key as jose wants it: a public KeyObject for RSA/ECDH (a private PEM gives its public half), bytes otherwise. */
function keyFor(alg: string, key: string): KeyObject | Uint8Array {
  if (alg.startsWith('RSA') || alg.startsWith('ECDH')) {
    if (!key.includes('-----BEGIN')) throw new Error(`${alg} needs a PEM public key (argument 1)`);
    return key.includes('PRIVATE KEY') ? createPublicKey(createPrivateKey(key)) : createPublicKey(key);
  }
  return new TextEncoder().encode(key);
}

export async function jweEncrypt(plaintext: Buffer, key: string, alg: string, enc: string): Promise<string> {
  if (!JWE_ALGORITHMS.includes(alg)) throw new Error(`unknown alg ${JSON.stringify(alg)} (argument 2); use one of ${JWE_ALGORITHMS.join(', ')}`);
  if (!ENCRYPTIONS[enc]) throw new Error(`unknown enc ${JSON.stringify(enc)} (argument 3); use one of ${JWE_ENCRYPTIONS.join(', ')}`);
  const k = keyFor(alg, key);
  if (alg === 'RSA1_5') return rsa15(plaintext, k as KeyObject, enc);
  // Imported on first use: jose is large and only jwe_encode needs it.
  const { CompactEncrypt } = await import('jose');
  return new CompactEncrypt(plaintext).setProtectedHeader({ alg, enc }).encrypt(k);
}

function b64(buf: Buffer): string {
  return buf.toString('base64url');
}

function rsa15(plaintext: Buffer, key: KeyObject, enc: string): string {
  const { keyBytes, mac } = ENCRYPTIONS[enc];
  const cek = randomBytes(keyBytes);
  const encryptedKey = publicEncrypt({ key, padding: constants.RSA_PKCS1_PADDING }, cek);
  const header = b64(Buffer.from(JSON.stringify({ alg: 'RSA1_5', enc })));
  const aad = Buffer.from(header, 'ascii');
  let iv: Buffer;
  let ciphertext: Buffer;
  let tag: Buffer;
  if (mac) {
    // AES_CBC_HMAC_SHA2 (RFC 7518 5.2): first half of the CEK authenticates, second encrypts.
    const macKey = cek.subarray(0, keyBytes / 2);
    const encKey = cek.subarray(keyBytes / 2);
    iv = randomBytes(16);
    const cipher = createCipheriv(`aes-${encKey.length * 8}-cbc`, encKey, iv);
    ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const al = Buffer.alloc(8);
    al.writeBigUInt64BE(BigInt(aad.length * 8));
    tag = createHmac(mac, macKey).update(Buffer.concat([aad, iv, ciphertext, al])).digest().subarray(0, keyBytes / 2);
  } else {
    iv = randomBytes(12);
    const cipher = createCipheriv(`aes-${keyBytes * 8}-gcm` as CipherGCMTypes, cek, iv);
    cipher.setAAD(aad);
    ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    tag = cipher.getAuthTag();
  }
  return [header, b64(encryptedKey), b64(iv), b64(ciphertext), b64(tag)].join('.');
}
