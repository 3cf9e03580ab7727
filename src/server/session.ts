import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Instance } from '../instance.js';
import { sameToken } from './auth.js';
import { parseCookies } from '../liquid/context.js';

export const SESSION_COOKIE = '_pos_session';

/**
 * A browser session. A new one gets its id (and cookie) only when something needs it (the
 * authenticity token was read or a value was stored), so plain page views cost no crypto.
 */
export class Session {
  private sessionId: string | null;
  private token: string | null = null;
  private cookieId: string | null = null;
  /** data as loaded, to write only sessions that changed. */
  readonly snapshot: string;

  constructor(
    private readonly secret: string,
    id: string | null,
    readonly data: Record<string, unknown>,
  ) {
    this.sessionId = id;
    this.snapshot = JSON.stringify(data);
  }

  get id(): string {
    this.sessionId ??= randomBytes(16).toString('hex');
    return this.sessionId;
  }

  /** True once an id exists (from the cookie or created by this request). */
  get hasId(): boolean {
    return this.sessionId !== null;
  }

  get authenticityToken(): string {
    this.token ??= authenticityTokenFor(this.secret, this.id);
    return this.token;
  }

  /** @internal marks the id as coming from a valid cookie. */
  fromCookie(): this {
    this.cookieId = this.sessionId;
    return this;
  }

  get hadCookie(): boolean {
    return this.cookieId !== null;
  }
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

/**
 * Whether a request carries its session's CSRF token (`authenticity_token` param or
 * X-CSRF-Token header). A session that did not come from a cookie has no token yet.
 */
export function requestTokenValid(secret: string, session: Session, params: Record<string, unknown>, header: unknown): boolean {
  return session.hadCookie && verifyAuthenticityToken(secret, session.id, params.authenticity_token ?? header);
}

/** Reads the signed session cookie, or starts a new session. */
export function loadSession(instance: Instance, req: FastifyRequest): Session {
  const raw = readCookie(req.headers.cookie, SESSION_COOKIE);
  const dot = raw ? raw.lastIndexOf('.') : -1;
  if (raw && dot > 0) {
    const id = raw.slice(0, dot);
    if (sameToken(raw.slice(dot + 1), sign(instance.secret, id))) {
      return new Session(instance.secret, id, instance.store.sessions.get(id)).fromCookie();
    }
  }
  return new Session(instance.secret, null, {});
}

/** Persists changed session values and sets the cookie for a session this request created. */
export function saveSession(instance: Instance, reply: FastifyReply, session: Session): void {
  const json = JSON.stringify(session.data);
  if (json !== session.snapshot) instance.store.sessions.save(session.id, session.data);
  if (!session.hadCookie && session.hasId) {
    reply.header('set-cookie', `${SESSION_COOKIE}=${session.id}.${sign(instance.secret, session.id)}; Path=/; HttpOnly; SameSite=Lax`);
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  return parseCookies(header)[name] ?? null;
}
