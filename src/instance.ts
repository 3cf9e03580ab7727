import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync, watch, type FSWatcher } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Liquid } from 'liquidjs';
import { resolveConfig, type ResolvedConfig, type UserConfig } from './config.js';
import { openStore, type Store } from './store/index.js';
import { createEngine } from './liquid/engine.js';
import { loadApp, type LoadCache } from './app/load.js';
import { eagerParser, lazyParser, validateSources } from './app/sources.js';
import type { AppDefinition, LoadProblem, PageDef } from './app/types.js';
import { buildRouter, type Router } from './pages/router.js';
import { createGraph, type Graph } from './graphql/index.js';
import type { Services } from './liquid/services.js';
import { PosError } from './errors.js';
import { createNotifier } from './notifications/index.js';
import { createHttpClient } from './http/client.js';
import type { Notifier } from './notifications/types.js';
import type { GraphContext } from './graphql/types.js';
import { createJobs, type Jobs } from './jobs/index.js';
import { createTransactionRunner } from './store/savepoint.js';

export interface Instance {
  readonly config: ResolvedConfig;
  readonly store: Store;
  readonly liquid: Liquid;
  readonly graph: Graph;
  /** Token the admin API (GraphQL, liquid_exec, logs, GUI) requires. */
  readonly adminToken: string;
  /** Secret for signing sessions and authenticity tokens, and for encrypting constants. */
  readonly secret: string;
  readonly services: Services;
  /** api_call / email / sms notifications: outbox and delivery worker. */
  readonly notifier: Notifier;
  /** Background jobs (the background tag): the jobs table and its worker. */
  readonly jobs: Jobs;
  /** GraphQL resolver context for the app as loaded now. */
  graphContext(): GraphContext;
  /** The app as loaded now (replaced atomically on reload). */
  app(): AppDefinition;
  router(): Router<PageDef>;
  /** Reads changed files again; returns the problems that are new since the last load. */
  reload(): LoadProblem[];
  /**
   * Parses every template not parsed yet (config.lazyParse leaves them for later) and
   * reports those that fail, as a load does; resolves with the new problems.
   */
  validate(): Promise<LoadProblem[]>;
  /** Registers cleanup run by close(), last registered first. */
  onClose(fn: () => Promise<void> | void): void;
  close(): Promise<void>;
}

/** Creates a posemu instance: store, engine, app and GraphQL. No port is opened here. */
export function createInstance(user: UserConfig = {}): Instance {
  const config = resolveConfig(user);
  const { adminToken, secret } = loadKeys(config);
  const store = openStore(config.inMemory ? ':memory:' : join(config.data, 'instance.db'), secret);
  const liquid = createEngine(config);
  const graph = createGraph();
  const closers: Array<() => Promise<void> | void> = [() => store.close()];

  let cache: LoadCache | undefined;
  let current: AppDefinition;
  let router: Router<PageDef>;
  let reported = new Set<string>();
  // Only the first load may defer parsing: a reload parses what changed at once, so a
  // broken edit keeps the last good version live.
  let parse = config.lazyParse ? lazyParser(liquid) : eagerParser(liquid);

  function report(problems: readonly LoadProblem[]): LoadProblem[] {
    const fresh = problems.filter((p) => !reported.has(p.message));
    for (const p of fresh) store.logs.write({ type: 'load_error', message: p.message, page: p.file });
    return fresh;
  }

  function reload(): LoadProblem[] {
    const result = loadApp(config.root, parse, cache);
    parse = eagerParser(liquid);
    cache = result.cache;
    current = result.app;
    router = buildRouter(current.pages, { htmlFormatExactMatch: current.flags.html_format_exact_match });
    const fresh = report(current.problems);
    reported = new Set(current.problems.map((p) => p.message));
    return fresh;
  }

  async function validate(): Promise<LoadProblem[]> {
    const app = current;
    const fresh = report(await validateSources(app));
    for (const p of fresh) reported.add(p.message);
    // A reload in the meantime built a newer app with its own problem list.
    if (fresh.length && current === app) current = Object.freeze({ ...current, problems: [...current.problems, ...fresh] });
    return fresh;
  }

  const services: Services = {
    constants: () => store.constants.all(),
    log: (entry) => store.logs.write(entry),
    graphql: (query, variables) => graph.execute(query, variables, graphContext()) as Promise<Record<string, unknown>>,
    graphqlFile(name, variables) {
      const q = current.queries.get(name);
      if (!q) throw new PosError('POS_ERR_UNKNOWN_QUERY', `${JSON.stringify(name)} (looked in app/graphql)`);
      return graph.execute(q.source, variables, graphContext()) as Promise<Record<string, unknown>>;
    },
    secret,
    http: createHttpClient({ outbound: config.outbound, timeoutMs: config.httpTimeoutMs }),
    schedule: (job) => jobs.schedule(job),
    transaction: createTransactionRunner(store.db),
  };

  // Starts its delivery worker when config.worker is true (resuming what a crash left).
  const notifier = createNotifier({ store, app: () => current, liquid, services, config });
  closers.push(() => notifier.close());
  const jobs = createJobs({ store, app: () => current, liquid, services, config });
  closers.push(() => jobs.close());
  const graphContext = (): GraphContext => ({ store, app: current, notifier, services });

  const instance: Instance = {
    config,
    store,
    liquid,
    graph,
    adminToken,
    secret,
    services,
    notifier,
    jobs,
    graphContext,
    app: () => current,
    router: () => router,
    reload,
    validate,
    onClose: (fn) => void closers.push(fn),
    async close() {
      while (closers.length) await closers.pop()!();
    },
  };
  reload();
  if (config.watch) startWatching(instance);
  return instance;
}

/** admin-token and secret.key in the data dir, created on first start with mode 0600. */
function loadKeys(config: ResolvedConfig): { adminToken: string; secret: string } {
  if (config.inMemory) return { adminToken: randomBytes(24).toString('hex'), secret: randomBytes(32).toString('hex') };
  mkdirSync(config.data, { recursive: true });
  return { adminToken: readOrCreate(join(config.data, 'admin-token')), secret: readOrCreate(join(config.data, 'secret.key')) };
}

function readOrCreate(path: string): string {
  if (existsSync(path)) return readFileSync(path, 'utf8').trim();
  const value = randomBytes(32).toString('hex');
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return value;
}

/** Reloads on change, debounced so a save that touches several files reloads once. */
function startWatching(instance: Instance): void {
  const watchers: FSWatcher[] = [];
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      for (const p of instance.reload()) process.stderr.write(`posemu: ${p.message}\n`);
    }, 50);
  };
  for (const dir of [instance.config.appDir, instance.config.modulesDir]) {
    if (!existsSync(dir)) continue;
    try {
      watchers.push(watch(dir, { recursive: true }, schedule));
    } catch {
      // Some file systems cannot be watched; the app still serves, only without reload.
    }
  }
  instance.onClose(() => {
    clearTimeout(timer);
    for (const w of watchers) w.close();
  });
}
