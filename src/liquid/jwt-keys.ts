import { createECDH, createPrivateKey, type KeyObject } from 'node:crypto';
import type jws from 'jws';

export const JWT_ALGORITHMS: jws.Algorithm[] = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'];

const CURVES: Record<string, { jwk: string; ecdh: string }> = {
  ES256: { jwk: 'P-256', ecdh: 'prime256v1' },
  ES384: { jwk: 'P-384', ecdh: 'secp384r1' },
  ES512: { jwk: 'P-521', ecdh: 'secp521r1' },
};

/**
 * The key jws signs with. HS* take the secret text; RS/PS take a PEM; ES* take a PEM or
 * (as platformOS documents for VAPID) a raw base64url private scalar.
 */
export function signingKey(alg: string, secret: string): string | KeyObject {
  const curve = CURVES[alg];
  if (!curve || secret.includes('-----BEGIN')) return secret;
  const d = Buffer.from(secret.trim(), 'base64url');
  const ecdh = createECDH(curve.ecdh);
  ecdh.setPrivateKey(d);
  const pub = ecdh.getPublicKey();
  const size = (pub.length - 1) / 2;
  return createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: curve.jwk,
      d: d.toString('base64url'),
      x: pub.subarray(1, 1 + size).toString('base64url'),
      y: pub.subarray(1 + size).toString('base64url'),
    },
  });
}

export function verifyingKey(_alg: string, secret: string): string {
  return secret;
}
