import { Hash, Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { escapeHtml, toOutput } from '../escape.js';
import { isFormObject, type FormObject } from '../../forms/form-object.js';

/**
 * {% form html-class: 'x', method: 'delete' %}...{% endform %}: the <form> of the form
 * configuration being rendered (by include_form), with the hidden inputs platformOS adds:
 * utf8, authenticity_token, form_name, page_id, slug/slug2/slug3, resource_id,
 * parent_resource_id, parent_resource_class and, for put/patch/delete, _method.
 * Options: html-id, html-class, html-novalidate, html-multipart (default true), html-data-*,
 * method, url. posemu names the form with `form_name` (platformOS's other choice, form_id, is
 * a database id posemu does not have; the server accepts a name there too).
 */
export class FormTag extends Tag {
  private hash: Hash;
  private templates: Template[] = [];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    let closed = false;
    const stream = liquid.parser
      .parseStream(remain)
      .on('tag:endform', () => {
        closed = true;
        stream.stop();
      })
      .on('template', (tpl: Template) => this.templates.push(tpl))
      .on('end', () => {
        if (!closed) throw new Error(`tag ${token.getText()} not closed`);
      });
    stream.start();
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const form = ctx.getSync(['form']);
    if (!isFormObject(form)) {
      throw new Error("{% form %} renders the form of a form configuration: use it in app/forms/<name>.liquid and show that with {% include_form 'name' %}");
    }
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const context = (ctx.getSync(['context']) ?? {}) as { authenticity_token?: unknown; page?: { id?: unknown } | null; params?: Record<string, unknown> };
    emitter.write(openingTag(form, opts, context));
    ctx.push({ form_builder: form });
    try {
      yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
    } finally {
      ctx.pop();
    }
    emitter.write('</form>');
  }
}

function openingTag(form: FormObject, opts: Record<string, unknown>, context: { authenticity_token?: unknown; page?: { id?: unknown } | null; params?: Record<string, unknown> }): string {
  const method = String(opts.method ?? form.method ?? 'post').toLowerCase();
  const attrs: Array<[string, string | null]> = [
    ['action', toOutput(opts.url ?? form.action)],
    ['method', method === 'get' ? 'get' : 'post'],
    ['accept-charset', 'UTF-8'],
  ];
  if (opts['html-multipart'] !== false && opts['html-multipart'] !== 'false') attrs.push(['enctype', 'multipart/form-data']);
  if (opts['html-id'] != null) attrs.push(['id', toOutput(opts['html-id'])]);
  if (opts['html-class'] != null) attrs.push(['class', toOutput(opts['html-class'])]);
  if (opts['html-novalidate'] != null && opts['html-novalidate'] !== false) attrs.push(['novalidate', null]);
  for (const [key, value] of Object.entries(opts)) {
    if (key.startsWith('html-data-')) attrs.push([key.slice('html-'.length), toOutput(value)]);
  }
  const params = context.params ?? {};
  const system = (form.system_fields ?? {}) as Record<string, unknown>;
  const hidden: Array<[string, unknown]> = [
    ['authenticity_token', context.authenticity_token],
    ['form_name', form.name],
    ['page_id', context.page?.id],
    ['slug', params.slug],
    ['slug2', params.slug2],
    ['slug3', params.slug3],
    ['resource_id', system.resource_id],
    ['parent_resource_id', system.parent_resource_id],
    ['parent_resource_class', system.parent_resource_class],
  ];
  if (['put', 'patch', 'delete'].includes(method)) hidden.push(['_method', method]);
  const open = `<form ${attrs.map(([k, v]) => (v === null ? k : `${k}="${escapeHtml(v)}"`)).join(' ')}>`;
  const inputs = hidden.map(([name, value]) => `<input type="hidden" name="${name}"${value === undefined || value === null || value === '' ? '' : ` value="${escapeHtml(toOutput(value))}"`}>`);
  return [open, '<input name="utf8" type="hidden" value="✓">', ...inputs, ''].join('\n');
}
