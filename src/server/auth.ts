import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PosError } from '../errors.js';

/**
 * Admin token from `Authorization: Token <t>` (pos-cli), `Token token=<t>` or `Bearer <t>`.
 * The GUI, opened in a browser, may also send it as ?token= once (it then lives in a cookie).
 */
export function tokenFrom(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  if (h) {
    const m = /^(?:Token\s+(?:token=)?|Bearer\s+)"?([^"\s]+)"?\s*$/i.exec(h);
    return m ? m[1] : null;
  }
  return null;
}

export function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** preHandler for admin routes: anything but the instance token is a 401 and runs nothing. */
export function requireToken(adminToken: string) {
  return async function checkToken(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
    const token = tokenFrom(req);
    if (!token || !sameToken(token, adminToken)) throw new PosError('POS_ERR_UNAUTHORIZED');
  };
}
