import { Hash, Tag, evalToken, type Context, type Emitter, type Liquid, type TagToken, type TopLevelToken, type ValueToken } from 'liquidjs';
import type { AppDefinition } from '../../app/types.js';
import { escapeHtml, toOutput } from '../escape.js';
import { getState } from '../state.js';
import { toPlain } from '../to-plain.js';
import { HCAPTCHA_TEST_SITE_KEY } from '../context.js';

/**
 * The providers' public test site keys: the widgets load and always pass, which is what a
 * local instance can offer (real keys live in the Partner Portal, not in the app).
 */
const TEST_KEYS = {
  recaptcha: '6LeIxAcTAAAAAJcZVRqyHh71UMIEGNQ_MXjiZKhI',
  hcaptcha: HCAPTCHA_TEST_SITE_KEY,
};

const STRATEGIES = ['recaptcha_v2', 'recaptcha_v3', 'hcaptcha'] as const;
type Strategy = (typeof STRATEGIES)[number];

/** Apps already warned, so each loaded app logs the warning once per strategy. */
const WARNED = new WeakMap<AppDefinition, Set<string>>();

/**
 * {% spam_protection "recaptcha_v2" %} (also recaptcha_v3 with `action:`, and hcaptcha with
 * `invisible:` / `html_attributes:`): prints the widget markup. posemu verifies nothing:
 * every submission passes locally, and a warning in the logs says so.
 */
export class SpamProtectionTag extends Tag {
  private strategy?: ValueToken;
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    const begin = this.tokenizer.p;
    const strategy = this.tokenizer.readValue();
    this.tokenizer.skipBlank();
    if (strategy && this.tokenizer.peek() !== ':') this.strategy = strategy;
    else this.tokenizer.p = begin;
    if (this.tokenizer.peek() === ',') this.tokenizer.advance();
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }

  *render(ctx: Context, emitter: Emitter): Generator<unknown, void, unknown> {
    const name = this.strategy ? toOutput(yield evalToken(this.strategy, ctx)).trim() : 'recaptcha_v2';
    if (!(STRATEGIES as readonly string[]).includes(name)) {
      throw new Error(`spam_protection: unknown strategy ${JSON.stringify(name)} (supported: ${STRATEGIES.join(', ')})`);
    }
    const opts = toPlain(yield this.hash.render(ctx)) as Record<string, unknown>;
    warnOnce(ctx, name);
    emitter.write(widget(name as Strategy, opts));
  }
}

function widget(strategy: Strategy, opts: Record<string, unknown>): string {
  if (strategy === 'recaptcha_v3') {
    const action = toOutput(opts.action);
    if (!/^[A-Za-z0-9/_]+$/.test(action)) {
      throw new Error(`spam_protection recaptcha_v3: action must be alphanumeric characters and slashes, got ${JSON.stringify(action)}`);
    }
    const key = TEST_KEYS.recaptcha;
    const id = `g-recaptcha-response-${action.replace(/\//g, '-')}`;
    return (
      `<script src="https://www.google.com/recaptcha/api.js?render=${key}"></script>` +
      `<input type="hidden" name="g-recaptcha-response" id="${id}">` +
      `<script>grecaptcha.ready(function(){grecaptcha.execute('${key}',{action:'${action}'}).then(function(t){document.getElementById('${id}').value=t;});});</script>`
    );
  }
  if (strategy === 'recaptcha_v2') {
    return `<script src="https://www.google.com/recaptcha/api.js" async defer></script><div class="g-recaptcha" data-sitekey="${TEST_KEYS.recaptcha}"${attributes(opts)}></div>`;
  }
  const size = opts.invisible === true ? ' data-size="invisible"' : '';
  return `<script src="https://js.hcaptcha.com/1/api.js" async defer></script><div class="h-captcha" data-sitekey="${TEST_KEYS.hcaptcha}"${size}${attributes(opts)}></div>`;
}

/** `html_attributes: { "data-size": "compact" }` -> ` data-size="compact"`. */
function attributes(opts: Record<string, unknown>): string {
  const attrs = opts.html_attributes;
  if (attrs === undefined || attrs === null) return '';
  if (typeof attrs !== 'object' || Array.isArray(attrs)) throw new Error('spam_protection: html_attributes must be a hash');
  return Object.entries(attrs as Record<string, unknown>)
    .map(([k, v]) => ` ${escapeHtml(k)}="${escapeHtml(toOutput(v))}"`)
    .join('');
}

function warnOnce(ctx: Context, strategy: string): void {
  const state = getState(ctx);
  let warned = WARNED.get(state.app);
  if (!warned) WARNED.set(state.app, (warned = new Set()));
  if (warned.has(strategy)) return;
  warned.add(strategy);
  state.services.log({
    type: 'warning',
    message: `spam_protection ${strategy}: posemu does not verify spam protection; the widget uses the provider's test site key and every submission passes locally`,
    url: state.url,
    page: state.page,
    partial: state.partials[state.partials.length - 1] ?? '',
  });
}
