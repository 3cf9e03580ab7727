import { createPublicKey, type JsonWebKey } from 'node:crypto';
import jws from 'jws';
import { FilterError } from './types.js';
import { toOutput } from '../escape.js';
import { toPlain } from '../to-plain.js';
import { signingKey, verifyingKey, JWT_ALGORITHMS } from '../jwt-keys.js';
import { isHash, isNil, unwrap } from '../util/values.js';

/**
 * payload | jwt_encode: alg, secret, header_fields. The header is header_fields followed by
 * typ and alg (in that key order, as platformOS builds it); the payload is signed as given
 * (no iat is added). 'none' gives an unsigned token and needs no secret.
 */
export function jwt_encode(payload: unknown, algorithm?: unknown, secret?: unknown, headerFields?: unknown): string {
  const alg = checkAlgorithm('jwt_encode', algorithm);
  if (alg !== 'none' && (isNil(secret) || toOutput(secret) === '')) {
    throw new FilterError('jwt_encode', `secret (argument 2) is missing: ${alg} needs a secret or private key`);
  }
  const fields = isNil(headerFields) ? {} : toPlain(headerFields);
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    throw new FilterError('jwt_encode', 'header_fields (argument 3) must be a hash');
  }
  const header = { ...(fields as Record<string, unknown>), typ: 'JWT', alg };
  const body = toPlain(payload);
  if (typeof body !== 'object' || body === null) {
    throw new FilterError('jwt_encode', 'payload must be a hash (use parse_json to build one)');
  }
  try {
    const key = alg === 'none' ? '' : signingKey(alg, toOutput(secret));
    return jws.sign({ header: header as jws.Header, payload: JSON.stringify(body), secret: key });
  } catch (err) {
    throw new FilterError('jwt_encode', `cannot sign with ${alg}: ${(err as Error).message}`);
  }
}

/**
 * token | jwt_decode: alg, secret, verify_signature = true, jwks -> [payload, header].
 * With jwks (a JWK Set hash, RSA keys) the key is the one whose kid the token names, or the
 * only one in the set.
 */
export function jwt_decode(token: unknown, algorithm?: unknown, secret?: unknown, verify: unknown = true, jwks?: unknown): unknown[] {
  const alg = checkAlgorithm('jwt_decode', algorithm);
  const text = toOutput(token).trim();
  const decoded = jws.decode(text);
  if (!decoded) throw new FilterError('jwt_decode', 'not a JSON Web Token');
  if (unwrap(verify) !== false) {
    if (decoded.header.alg !== alg) {
      throw new FilterError('jwt_decode', `token is signed with ${decoded.header.alg}, expected ${alg}`);
    }
    if (alg !== 'none') {
      const key = isNil(jwks) ? verifyingKey(alg, toOutput(secret ?? '')) : keyFromJwks(jwks, decoded.header.kid);
      let ok = false;
      try {
        ok = jws.verify(text, alg, key);
      } catch (err) {
        throw new FilterError('jwt_decode', `cannot verify with ${alg}: ${(err as Error).message}`);
      }
      if (!ok) throw new FilterError('jwt_decode', 'signature verification failed');
    }
  }
  const payload = typeof decoded.payload === 'string' ? JSON.parse(decoded.payload) : decoded.payload;
  return [payload, decoded.header];
}

function keyFromJwks(jwks: unknown, kid: string | undefined): string {
  const set = toPlain(jwks);
  const keys = isHash(set) && Array.isArray(set.keys) ? set.keys : Array.isArray(set) ? set : isHash(set) ? [set] : null;
  if (!keys) throw new FilterError('jwt_decode', 'jwks (argument 4) must be a JWK Set: {"keys": [...]}');
  const jwk = (kid === undefined && keys.length === 1 ? keys[0] : keys.find((k) => isHash(k) && k.kid === kid)) as JsonWebKey | undefined;
  if (!jwk) throw new FilterError('jwt_decode', `jwks (argument 4) has no key with kid ${JSON.stringify(kid ?? null)}`);
  try {
    return createPublicKey({ key: jwk, format: 'jwk' }).export({ type: 'spki', format: 'pem' }).toString();
  } catch (err) {
    throw new FilterError('jwt_decode', `jwks (argument 4) key ${JSON.stringify(kid ?? null)} is not usable: ${(err as Error).message}`);
  }
}

function checkAlgorithm(filter: string, algorithm: unknown): jws.Algorithm {
  const alg = toOutput(algorithm);
  if (alg !== 'none' && !JWT_ALGORITHMS.includes(alg as jws.Algorithm)) {
    throw new FilterError(filter, `unknown algorithm ${JSON.stringify(alg)} (argument 1); use one of none, ${JWT_ALGORITHMS.join(', ')}`);
  }
  return alg as jws.Algorithm;
}
