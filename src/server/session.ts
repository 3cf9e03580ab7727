import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import { sameToken } from './auth.js';

export const SESSION_COOKIE = '_pos_session';

export interface Session {
  id: string;
  data: Record<string, unknown>;
  authenticityToken: string;
  /** True when the browser had no valid session cookie (the reply must set one). */
  fresh: boolean;
  /** data as loaded, to write only sessions that changed. */
  snapshot: string;
}

function sign(secret: string, value: string): string {
  return createHmac('sha256', secret).update(value).digest('base64url');
}

/** The CSRF token of a session: derived, so it needs no storage and survives restarts. */
export function authenticityTokenFor(secret: string, sessionId: string): string {
  return sign(secret, `csrf:${sessionId}`);
}

export function verifyAuthenticityToken(secret: string, sessionId: string, token: unknown): boolean {
  return typeof token === 'string' && token.length > 0 && sameToken(token, authenticityTokenFor(secret, sessionId));
}

/** Reads the signed session cookie, or starts a new session. */
export function loadSession(instance: Instance, req: FastifyRequest): Session {
  const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
  const dot = raw ? raw.lastIndexOf('.') : -1;
  if (raw && dot > 0) {
    const id = raw.slice(0, dot);
    if (sameToken(raw.slice(dot + 1), sign(instance.secret, id))) {
      const data = instance.store.sessions.get(id);
      return { id, data, authenticityToken: authenticityTokenFor(instance.secret, id), fresh: false, snapshot: JSON.stringify(data) };
    }
  }
  const id = randomBytes(16).toString('hex');
  return { id, data: {}, authenticityToken: authenticityTokenFor(instance.secret, id), fresh: true, snapshot: '{}' };
}

/** Persists session values (when any) and sets the cookie for a new session. */
export function saveSession(instance: Instance, reply: FastifyReply, session: Session): void {
  const json = JSON.stringify(session.data);
  if (json !== session.snapshot) instance.store.sessions.save(session.id, session.data);
  if (session.fresh) {
    reply.header('set-cookie', `${SESSION_COOKIE}=${session.id}.${sign(instance.secret, session.id)}; Path=/; HttpOnly; SameSite=Lax`);
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}
