import type { Liquid, Template } from 'liquidjs';
import type { Store } from '../store/index.js';
import type { AppDefinition } from '../app/types.js';
import type { ResolvedConfig } from '../config.js';
import type { Services } from '../liquid/services.js';
import { PosError, errorMessage } from '../errors.js';
import { buildContext } from '../liquid/context.js';
import { describeError } from '../liquid/errors.js';
import { renderTemplates } from '../liquid/render.js';
import { newResponseState, type RenderState } from '../liquid/state.js';
import { createJobsStore } from './store.js';
import { createQueueWorker } from '../queue/worker.js';
import type { JobRow, Jobs } from './types.js';

export type { Jobs, JobInput, JobRow } from './types.js';

export interface JobsDeps {
  store: Store;
  app: () => AppDefinition;
  liquid: Liquid;
  services: Services;
  config: Pick<ResolvedConfig, 'worker'>;
  /** Jobs running at once. @default 4 */
  concurrency?: number;
}

/** Wait before attempt n+1 after attempt n failed: 30 s, 1 min, 2 min, 4 min. */
export function retryDelayMs(attempts: number): number {
  return 30_000 * 2 ** (attempts - 1);
}

/**
 * The background job queue: jobs are rows of the jobs table (so a restart resumes them);
 * the worker (started when config.worker is true) renders each in a scope holding only
 * the variables passed to it plus `context`, and discards the output.
 */
export function createJobs(deps: JobsDeps): Jobs {
  const { store, services } = deps;
  const table = createJobsStore(store.db);
  const worker = createQueueWorker({
    source: table,
    concurrency: deps.concurrency ?? 4,
    busy: () => store.db.inTransaction,
    process: runJob,
    onCrash(row, err) {
      const error = `job #${row.id} crashed: ${errorMessage(err)}`;
      table.finish(row.id, 'failed', error);
      services.log({ type: 'background_error', message: error });
    },
  });

  const resumed = table.recover();
  if (resumed) services.log({ type: 'info', message: `jobs: ${resumed} background job(s) left running by the previous run will run again` });
  if (deps.config.worker) worker.start();

  /** The templates a job renders and the file its errors name. */
  function templatesOf(row: JobRow, app: AppDefinition): { templates: Template[]; file: string } {
    if (row.kind === 'block') return { templates: deps.liquid.parse(row.source ?? '', row.file), file: row.file };
    // Same normalisation as partial lookups in src/liquid/tags/partial-call.ts.
    const partial = app.partials.get(row.name.replace(/^\/+/, '').replace(/\.liquid$/, ''));
    if (!partial) throw new PosError('POS_ERR_UNKNOWN_PARTIAL', `${JSON.stringify(row.name)} (can't find partial in app/views/partials or app/lib)`);
    return { templates: partial.body.templates, file: partial.body.file };
  }

  async function runJob(row: JobRow, now: number): Promise<void> {
    const app = deps.app();
    let file = row.kind === 'block' ? row.file : row.name;
    const label = `job #${row.id}${row.source_name ? ` (${row.source_name})` : ''}, attempt ${row.attempts}/${row.max_attempts}`;
    try {
      const job = templatesOf(row, app);
      file = job.file;
      const state: RenderState = {
        app,
        services,
        format: 'txt',
        url: `background:${row.id}`,
        page: file,
        partials: [],
        response: newResponseState(),
        contentFor: {},
        exports: {},
        session: {},
      };
      const context = buildContext({ constants: services.constants, exports: state.exports });
      // The scheduling request's context, as platformOS copies it into the job.
      for (const [key, value] of Object.entries(JSON.parse(row.context) as Record<string, unknown>)) {
        Object.defineProperty(context, key, { value, enumerable: true, configurable: true, writable: true });
      }
      const scope = JSON.parse(row.vars) as Record<string, unknown>;
      await renderTemplates(deps.liquid, job.templates, { state, context, scope });
      table.finish(row.id, 'done', null);
    } catch (err) {
      const lineOffset = row.kind === 'block' ? row.line_offset : 0;
      const message = describeError(err, file, (f) => (app.offsets.get(f) ?? 0) + (f === row.file ? lineOffset : 0));
      const retry = row.attempts < row.max_attempts;
      if (retry) table.retryAt(row.id, now + retryDelayMs(row.attempts), message);
      else table.finish(row.id, 'failed', message);
      services.log({ type: 'background_error', message: `${message} (${label}; ${retry ? 'will retry' : 'failed'})`, page: file });
    }
  }

  return {
    schedule(job) {
      const id = table.insert(job, Date.now());
      worker.kick();
      return id;
    },
    flush: (now) => worker.flush(now),
    list: (opts) => table.list(opts),
    get: (id) => table.get(id),
    close: () => worker.close(),
  };
}
