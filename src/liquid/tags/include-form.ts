import { Hash, Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken, type ValueToken } from 'liquidjs';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { renderPartial } from './partial-call.js';
import { findForm } from '../../forms/config.js';
import { buildFormObject, failedSubmission, type FormValues } from '../../forms/form-object.js';

const RECORD_QUERY = 'query posemu_form_record($id: ID) { records(per_page: 1, filter: { id: { value: $id } }) { results { id properties } } }';

/**
 * {% include_form 'name', id: record_id, key: value %} (alias render_form): renders the form
 * file's body with `form` (see forms/form-object.ts) and the other arguments as variables.
 * With `id` the form edits that record (PUT, values filled in); after a failed submission
 * the re-rendered page shows the submitted values and `form.errors`.
 */
export class IncludeFormTag extends Tag {
  private formName: ValueToken;
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.tokenizer.skipBlank();
    const name = this.tokenizer.readValue();
    if (!name) throw new Error(`${token.name}: form name missing ({% ${token.name} 'form_name' %})`);
    this.formName = name;
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = getState(ctx);
    const form = findForm(state.app, toOutput(yield evalToken(this.formName, ctx)));
    const args = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const rawId = args.id === undefined || args.id === null ? '' : toOutput(args.id).trim();
    const id = rawId && rawId !== 'new' ? rawId : null;
    const failed = failedSubmission(state.session);
    let values: FormValues = { properties: {}, top: {} };
    if (failed && failed.form === form.name && failed.id === id) values = failed.values;
    else if (id) values = { properties: (yield* recordProperties(state.services.graphql, id, form.name)) as Record<string, unknown>, top: {} };
    const object = buildFormObject(form, state.app, { id, values, errors: failed?.form === form.name ? failed.errors : {} });
    ctx.push({ ...args, form: object });
    try {
      yield* renderPartial(this.liquid, ctx, form.file, form.body.templates, emitter);
    } finally {
      ctx.pop();
    }
  }
}

function* recordProperties(graphql: (q: string, v: Record<string, unknown>) => Promise<Record<string, unknown>>, id: string, formName: string): Generator<unknown, unknown, unknown> {
  const res = (yield graphql(RECORD_QUERY, { id })) as { data?: { records?: { results?: Array<{ properties: Record<string, unknown> }> } }; errors?: Array<{ message: string }> };
  if (res.errors?.length) throw new Error(`include_form ${formName}: ${res.errors[0].message}`);
  const record = res.data?.records?.results?.[0];
  if (!record) throw new Error(`include_form ${formName}: no record with id ${JSON.stringify(id)}`);
  return record.properties ?? {};
}
