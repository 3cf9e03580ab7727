import jws from 'jws';
import { FilterError } from './types.js';
import { toOutput } from '../escape.js';
import { toPlain } from '../to-plain.js';
import { signingKey, verifyingKey, JWT_ALGORITHMS } from '../jwt-keys.js';

/**
 * payload | jwt_encode: alg, secret, header_fields. The header is header_fields followed by
 * typ and alg (in that key order, as platformOS builds it); the payload is signed as given
 * (no iat is added).
 */
export function jwt_encode(payload: unknown, algorithm?: unknown, secret?: unknown, headerFields?: unknown): string {
  const alg = checkAlgorithm('jwt_encode', algorithm);
  if (secret === null || secret === undefined || toOutput(secret) === '') {
    throw new FilterError('jwt_encode', `secret (argument 2) is missing: ${alg} needs a secret or private key`);
  }
  const fields = headerFields === undefined || headerFields === null ? {} : toPlain(headerFields);
  if (typeof fields !== 'object' || Array.isArray(fields)) {
    throw new FilterError('jwt_encode', 'header_fields (argument 3) must be a hash');
  }
  const header = { ...(fields as Record<string, unknown>), typ: 'JWT', alg };
  const body = toPlain(payload);
  if (typeof body !== 'object' || body === null) {
    throw new FilterError('jwt_encode', 'payload must be a hash (use parse_json to build one)');
  }
  try {
    return jws.sign({ header: header as jws.Header, payload: JSON.stringify(body), secret: signingKey(alg, toOutput(secret)) });
  } catch (err) {
    throw new FilterError('jwt_encode', `cannot sign with ${alg}: ${(err as Error).message}`);
  }
}

/** token | jwt_decode: alg, secret, verify_signature -> [payload, header]. */
export function jwt_decode(token: unknown, algorithm?: unknown, secret?: unknown, verify: unknown = true): unknown[] {
  const alg = checkAlgorithm('jwt_decode', algorithm);
  const text = toOutput(token).trim();
  const decoded = jws.decode(text);
  if (!decoded) throw new FilterError('jwt_decode', 'not a JSON Web Token');
  if (verify !== false) {
    if (decoded.header.alg !== alg) {
      throw new FilterError('jwt_decode', `token is signed with ${decoded.header.alg}, expected ${alg}`);
    }
    let ok = false;
    try {
      ok = jws.verify(text, alg, verifyingKey(alg, toOutput(secret ?? '')));
    } catch (err) {
      throw new FilterError('jwt_decode', `cannot verify with ${alg}: ${(err as Error).message}`);
    }
    if (!ok) throw new FilterError('jwt_decode', 'signature verification failed');
  }
  const payload = typeof decoded.payload === 'string' ? JSON.parse(decoded.payload) : decoded.payload;
  return [payload, decoded.header];
}

function checkAlgorithm(filter: string, algorithm: unknown): jws.Algorithm {
  const alg = toOutput(algorithm);
  if (!JWT_ALGORITHMS.includes(alg as jws.Algorithm)) {
    throw new FilterError(filter, `unknown algorithm ${JSON.stringify(alg)} (argument 1); use one of ${JWT_ALGORITHMS.join(', ')}`);
  }
  return alg as jws.Algorithm;
}
