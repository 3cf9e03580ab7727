import { resolve, join } from 'node:path';

/** Options a user (CLI flags, tests, .posemu.yml) may give. Every field is optional. */
export interface UserConfig {
  /**
   * Project directory holding app/ and modules/.
   * @default process.cwd()
   */
  root?: string;
  /**
   * Port to listen on; 0 picks a free one (tests).
   * @default 3000 (or env PORT)
   */
  port?: number;
  /**
   * Interface to bind.
   * @default '127.0.0.1'
   */
  host?: string;
  /**
   * Instance data directory (SQLite database, admin token, secret key). `':memory:'`
   * keeps everything in memory and writes nothing to disk (tests).
   * @default '<root>/.posemu'
   */
  data?: string;
  /**
   * Reload app files when they change on disk.
   * @default true
   */
  watch?: boolean;
  /**
   * Redirect outgoing hosts for local work: `{ 'api.twilio.com': 'http://127.0.0.1:4010' }`.
   * @default {}
   */
  outbound?: Record<string, string>;
  /**
   * Timeout of one outgoing HTTP call (api_call notifications, api_call_send), in ms.
   * @default 20000
   */
  httpTimeoutMs?: number;
  /**
   * Largest accepted request body, in bytes.
   * @default 5242880 (5 MiB)
   */
  bodyLimit?: number;
  /**
   * Longest a single template render may take, in ms (liquidjs renderLimit): a template
   * that loops forever fails with a clear error instead of hanging the server.
   * @default 10000
   */
  renderTimeoutMs?: number;
  /**
   * Most memory units a single render may allocate (liquidjs memoryLimit): stops a template
   * that builds a huge string.
   * @default 1e8
   */
  renderMemoryLimit?: number;
  /**
   * Print errors with stack traces and Liquid error details in 500 pages.
   * @default true (this is a development instance: platformOS shows details in staging)
   */
  development?: boolean;
  /**
   * Parse Liquid templates when first used instead of at start-up; `instance.validate()`
   * (which `posemu serve` runs right after it starts listening) parses and reports the rest.
   * Keeps start-up of a big app fast (SPEC 7). Changed files are always parsed at once.
   * @default false (`posemu serve` turns it on)
   */
  lazyParse?: boolean;
  /**
   * Start the background worker that delivers queued notifications.
   * @default true
   */
  worker?: boolean;
}

/** Config after defaults: every field set, frozen. */
export type ResolvedConfig = Readonly<Required<UserConfig>> & {
  /** Absolute path of app/. */
  readonly appDir: string;
  /** Absolute path of modules/. */
  readonly modulesDir: string;
  /** True when `data` is ':memory:'. */
  readonly inMemory: boolean;
};

export const MEMORY = ':memory:';

/** Applies defaults. The one place that reads environment variables for the instance. */
export function resolveConfig(user: UserConfig = {}): ResolvedConfig {
  const root = resolve(user.root ?? process.cwd());
  const data = user.data === MEMORY ? MEMORY : resolve(root, user.data ?? '.posemu');
  const envPort = process.env.PORT ? Number(process.env.PORT) : undefined;
  const port = user.port ?? envPort ?? 3000;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`invalid port: ${String(user.port ?? process.env.PORT)}`);
  }
  return Object.freeze({
    root,
    port,
    host: user.host ?? '127.0.0.1',
    data,
    watch: user.watch ?? true,
    outbound: Object.freeze({ ...(user.outbound ?? {}) }),
    httpTimeoutMs: user.httpTimeoutMs ?? 20_000,
    bodyLimit: user.bodyLimit ?? 5 * 1024 * 1024,
    renderTimeoutMs: user.renderTimeoutMs ?? 10_000,
    renderMemoryLimit: user.renderMemoryLimit ?? 1e8,
    development: user.development ?? true,
    worker: user.worker ?? true,
    lazyParse: user.lazyParse ?? false,
    appDir: join(root, 'app'),
    modulesDir: join(root, 'modules'),
    inMemory: data === MEMORY,
  });
}
