import { Hash, Tag, type Context, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { getState } from '../state.js';
import { toPlain } from '../to-plain.js';
import { AssignTarget } from '../util/assign-target.js';
import { PartialCall, findPartial } from './partial-call.js';
import { MAX_ATTEMPTS, type JobInput, type JobPriority } from '../../jobs/types.js';

/** Options of the tag itself; every other named argument is a variable of the job. */
const OPTIONS = new Set(['delay', 'max_attempts', 'source_name', 'priority']);
const PRIORITIES: readonly JobPriority[] = ['low', 'default', 'high'];

/**
 * {% background job_id = 'path/to/partial', delay: 0.1, max_attempts: 3, source_name: 'x', priority: 'low', arg: value %}
 * and the deprecated block form {% background delay: 0.5, data: x %}...{% endbackground %}.
 * The job is queued (durably, in the jobs table) and renders later with only the passed
 * variables plus a copy of this request's `context`; its output is discarded. `job_id`
 * gets the job's id (as text).
 *
 * Decisions where the docs are silent: delay/max_attempts/source_name/priority are not
 * passed to the job as variables; the context copy leaves out `page` and `layout` (the
 * docs say page/layout metadata must be passed explicitly); a block's source text is
 * stored, so editing the file later does not change a queued job.
 */
export class BackgroundTag extends Tag {
  private target?: AssignTarget;
  private call?: PartialCall;
  private hash?: Hash;
  private block?: { source: string; lineOffset: number };

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    if (hasTarget(this.tokenizer.input, this.tokenizer.p, this.tokenizer.N)) {
      this.target = AssignTarget.read(this.tokenizer, token.name);
      this.call = new PartialCall(this.tokenizer, liquid, token.name);
      return;
    }
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    this.block = readBody(token, remain, liquid);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const state = getState(ctx);
    const args = (yield (this.call ? this.call.hash : this.hash!).render(ctx)) as Record<string, unknown>;
    const common = jobOptions(args);
    const context = { ...(toPlain((ctx.globals as { context?: unknown }).context) as Record<string, unknown>), page: null, layout: null };
    let job: JobInput;
    if (this.call) {
      const name = yield* this.call.name(ctx);
      findPartial(ctx, name); // fails now, naming the partial, rather than later in the job
      job = { kind: 'partial', name, context, ...common };
    } else {
      const file = this.token.file ?? state.page;
      job = { kind: 'block', source: this.block!.source, file, lineOffset: this.block!.lineOffset, context, ...common };
    }
    const id = state.services.schedule(job);
    if (this.target) yield* this.target.set(ctx, String(id));
  }
}

/** `name =` (not `name ==`, not `name:`) opens the partial form. */
function hasTarget(input: string, p: number, end: number): boolean {
  const m = /^\s*[A-Za-z_][\w-]*(?:\.[\w-]+|\[[^\]]*\])*\s*=(?!=)/.exec(input.slice(p, end));
  return m !== null;
}

function jobOptions(args: Record<string, unknown>): Pick<JobInput, 'vars' | 'delayMinutes' | 'maxAttempts' | 'sourceName' | 'priority'> {
  const vars: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(args)) if (!OPTIONS.has(key)) vars[key] = toPlain(value);
  return {
    vars,
    delayMinutes: number(args.delay, 'delay', 0, (n) => n >= 0, 'a number of minutes, 0 or more'),
    maxAttempts: number(args.max_attempts, 'max_attempts', 1, (n) => Number.isInteger(n) && n >= 1 && n <= MAX_ATTEMPTS, `a whole number from 1 to ${MAX_ATTEMPTS}`),
    sourceName: args.source_name === undefined || args.source_name === null ? '' : String(args.source_name),
    priority: priority(args.priority),
  };
}

function number(value: unknown, name: string, fallback: number, ok: (n: number) => boolean, expected: string): number {
  if (value === undefined || value === null || value === '') return fallback;
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  if (!Number.isFinite(n) || !ok(n)) throw new Error(`background: ${name} must be ${expected}, got ${JSON.stringify(toPlain(value))}`);
  return n;
}

function priority(value: unknown): JobPriority {
  if (value === undefined || value === null || value === '') return 'default';
  const p = String(value) as JobPriority;
  if (!PRIORITIES.includes(p)) throw new Error(`background: priority must be one of ${PRIORITIES.join(', ')}, got ${JSON.stringify(String(value))}`);
  return p;
}

/**
 * Parses the block up to {% endbackground %} (so syntax errors show at load) and keeps its
 * source text. Inside {% liquid %} the text is statements, so it is wrapped in a liquid tag
 * that starts on the line the block starts, keeping line numbers.
 */
function readBody(token: TagToken, remain: TopLevelToken[], liquid: Liquid): { source: string; lineOffset: number } {
  let end: TagToken | undefined;
  const stream = liquid.parser
    .parseStream(remain)
    .on(`tag:end${token.name}`, (tag: TagToken) => {
      end = tag;
      stream.stop();
    })
    .on('template', (_tpl: Template) => undefined)
    .on('end', () => {
      if (!end) throw new Error(`tag ${token.getText()} not closed (missing {% end${token.name} %})`);
    });
  stream.start();
  const body = token.input.slice(token.end, end!.begin);
  const inLiquidTag = !token.input.startsWith('{%', token.begin);
  const lineOffset = countLines(token.input, token.end);
  return { source: inLiquidTag ? `{% liquid ${body}\n%}` : body, lineOffset };
}

function countLines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
