import { Drop, Hash, Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken, type ValueToken } from 'liquidjs';
import { readBlock } from '../util/block.js';

/** `tablerowloop` inside a tablerow (Ruby Liquid's TablerowloopDrop). */
class TablerowloopDrop extends Drop {
  index0 = 0;
  row = 1;
  col = 1;

  constructor(
    readonly length: number,
    private readonly cols: number,
  ) {
    super();
  }
  index(): number {
    return this.index0 + 1;
  }
  rindex(): number {
    return this.length - this.index0;
  }
  rindex0(): number {
    return this.length - this.index0 - 1;
  }
  first(): boolean {
    return this.index0 === 0;
  }
  last(): boolean {
    return this.index0 === this.length - 1;
  }
  col0(): number {
    return this.col - 1;
  }
  col_first(): boolean {
    return this.col === 1;
  }
  col_last(): boolean {
    return this.col === this.cols;
  }
  next(): void {
    this.index0++;
    if (this.col === this.cols) {
      this.col = 1;
      this.row++;
    } else this.col++;
  }
}

/**
 * {% tablerow item in collection cols: 2 limit: 3 offset: 1 %}: table rows and cells with
 * Ruby Liquid 5's exact markup (`<tr class="row1">` then a line feed, cells, `</tr>` and a
 * line feed), which liquidjs writes differently.
 */
export class TablerowTag extends Tag {
  private variable: string;
  private collection: ValueToken;
  private hash: Hash;
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.variable = this.tokenizer.readIdentifier().content;
    const inWord = this.tokenizer.readIdentifier().content;
    const collection = this.tokenizer.readValue();
    if (!this.variable || inWord !== 'in' || !collection) {
      throw new Error(`tablerow: expected {% tablerow item in collection %}, got ${JSON.stringify(token.getText())}`);
    }
    this.collection = collection;
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    this.templates = readBlock(token, remain, liquid, 'endtablerow');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const value = yield evalToken(this.collection, ctx);
    if (value === null || value === undefined || value === false) return;
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const from = opts.offset === undefined ? 0 : toInteger(opts.offset, 'offset');
    const to = opts.limit === undefined ? undefined : from + toInteger(opts.limit, 'limit');
    const items = toItems(value).slice(Math.max(from, 0), to === undefined ? undefined : Math.max(to, 0));
    const cols = opts.cols === undefined ? items.length : toInteger(opts.cols, 'cols');
    const loop = new TablerowloopDrop(items.length, cols);
    const scope: Record<string, unknown> = { tablerowloop: loop };
    emitter.write('<tr class="row1">\n');
    ctx.push(scope);
    try {
      for (const item of items) {
        scope[this.variable] = item;
        emitter.write(`<td class="col${loop.col}">`);
        ctx.breakCalled = ctx.continueCalled = false;
        yield this.liquid.renderer.renderTemplates(this.templates, ctx, emitter);
        emitter.write('</td>');
        if (ctx.breakCalled) break;
        if (loop.col_last() && !loop.last()) emitter.write(`</tr>\n<tr class="row${loop.row + 1}">`);
        loop.next();
      }
    } finally {
      ctx.breakCalled = ctx.continueCalled = false;
      ctx.pop();
    }
    emitter.write('</tr>\n');
  }
}

function toItems(value: unknown): unknown[] {
  if (Array.isArray(value)) return value;
  if (typeof value === 'object' && value !== null && !(value instanceof Drop)) return Object.entries(value);
  return [value];
}

function toInteger(value: unknown, name: string): number {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(n)) throw new Error(`tablerow: ${name} must be a number, got ${JSON.stringify(value)}`);
  return Math.trunc(n);
}
