import { Tag, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken } from 'liquidjs';
import { PosError } from '../../errors.js';
import { getState } from '../state.js';
import { PartialCall, findPartial, hasPartial, renderPartial } from './partial-call.js';

/**
 * {% theme_render_rc 'product' %}: render (isolated scope, with/for/as, arguments) of the
 * first partial found under app/config.yml `theme_search_paths`, in order. Each search
 * path is itself Liquid (`theme/{{ context.constants.THEME | default: "custom" }}`).
 * Without theme_search_paths the name is used as is.
 */
export class ThemeRenderTag extends Tag {
  private call: PartialCall;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.call = new PartialCall(this.tokenizer, liquid, token.name);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = yield* this.call.name(ctx);
    const resolved = yield* this.resolve(ctx, name);
    const templates = findPartial(ctx, resolved);
    for (const scope of yield* this.call.scopes(ctx, name)) {
      yield* renderPartial(this.liquid, ctx.spawn(scope), resolved, templates, emitter);
    }
  }

  private *resolve(ctx: Context, name: string): Generator<unknown, string, unknown> {
    const paths = getState(ctx).app.flags.theme_search_paths;
    if (paths === undefined || paths === null) return name;
    if (!Array.isArray(paths)) throw new Error(`${this.name}: theme_search_paths in app/config.yml must be a list of paths`);
    const tried: string[] = [];
    for (const path of paths) {
      const dir = ((yield this.liquid.renderer.renderTemplates(parsePath(this.liquid, String(path)), ctx)) as string).trim();
      const candidate = `${dir.replace(/\/+$/, '')}/${name}`;
      if (hasPartial(ctx, candidate)) return candidate;
      tried.push(candidate);
    }
    throw new PosError('POS_ERR_UNKNOWN_PARTIAL', `${JSON.stringify(name)} (can't find partial in theme_search_paths: tried ${tried.join(', ')})`);
  }
}

/** Search paths are few and fixed: each is parsed once per engine. */
const PARSED = new WeakMap<Liquid, Map<string, Template[]>>();

function parsePath(liquid: Liquid, path: string): Template[] {
  let cache = PARSED.get(liquid);
  if (!cache) PARSED.set(liquid, (cache = new Map()));
  let templates = cache.get(path);
  if (!templates) cache.set(path, (templates = liquid.parse(path, 'app/config.yml (theme_search_paths)')));
  return templates;
}
