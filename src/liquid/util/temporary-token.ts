import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * posemu's user temporary tokens (the `temporary_token` GraphQL property, checked by the
 * is_token_valid filter): `<payload>.<signature>`, the payload base64url JSON {u: user id,
 * e: expiry in epoch seconds}, signed with HMAC-SHA256 of the instance secret.
 */
export function createTemporaryToken(secret: string, userId: string | number, validForHours = 48, now = Date.now()): string {
  const payload = Buffer.from(JSON.stringify({ u: String(userId), e: Math.floor(now / 1000) + Math.round(validForHours * 3600) })).toString('base64url');
  return `${payload}.${sign(secret, payload)}`;
}

/** True when the token is signed by this instance, made for this user and not expired. */
export function verifyTemporaryToken(secret: string, token: string, userId: string | number, now = Date.now()): boolean {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return false;
  const expected = Buffer.from(sign(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return false;
  try {
    const data = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { u?: unknown; e?: unknown };
    return data.u === String(userId) && typeof data.e === 'number' && data.e * 1000 > now;
  } catch {
    return false;
  }
}

function sign(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`temporary_token:${payload}`).digest('base64url');
}
