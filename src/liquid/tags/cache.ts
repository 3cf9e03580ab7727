import { Hash, Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type Template, type TopLevelToken, type ValueToken } from 'liquidjs';
import type { AppDefinition } from '../../app/types.js';
import { getState } from '../state.js';
import { toOutput } from '../escape.js';
import { readBlock } from '../util/block.js';

interface Entry {
  html: string;
  /** ms timestamp; Infinity when no expire was given. */
  expires: number;
}

/**
 * One fragment cache per loaded app: a reload builds a new AppDefinition, which drops every
 * entry, as platformOS invalidates the cache when any view or translation changes.
 */
const CACHES = new WeakMap<AppDefinition, Map<string, Entry>>();

/**
 * {% cache key, expire: seconds %}...{% endcache %}: renders the block once and prints the
 * stored output until it expires (never, without expire, until the app changes).
 * In memory, per instance.
 */
export class CacheTag extends Tag {
  private key?: ValueToken;
  private hash: Hash;
  private templates: Template[];

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.tokenizer.skipBlank();
    const begin = this.tokenizer.p;
    const key = this.tokenizer.readValue();
    this.tokenizer.skipBlank();
    // `{% cache expire: 5 %}` has no key: the first word is a named argument.
    if (key && this.tokenizer.peek() !== ':') this.key = key;
    else this.tokenizer.p = begin;
    if (this.tokenizer.peek() === ',') this.tokenizer.advance();
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
    this.templates = readBlock(token, remain, liquid, 'endcache');
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const state = getState(ctx);
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const key = toOutput(yield evalToken(this.key, ctx));
    let cache = CACHES.get(state.app);
    if (!cache) CACHES.set(state.app, (cache = new Map()));
    const now = Date.now();
    const hit = cache.get(key);
    if (hit && hit.expires > now) {
      emitter.write(hit.html);
      return;
    }
    const html = (yield this.liquid.renderer.renderTemplates(this.templates, ctx)) as string;
    const seconds = Number(opts.expire);
    cache.set(key, { html, expires: opts.expire !== undefined && Number.isFinite(seconds) ? now + seconds * 1000 : Infinity });
    emitter.write(html);
  }
}
