import { Hash, Tag, type Context, type Liquid, type TagToken, type TopLevelToken } from 'liquidjs';
import { getState } from '../state.js';
import { toPlain } from '../to-plain.js';
import { isBlank } from './session.js';

/** Session key sign_in writes (platformOS keeps the signed-in user in its session). */
export const SESSION_USER_KEY = 'user_id';

/**
 * {% sign_in user_id: id, timeout_in_minutes: 15 %} (also sign_in_rc). posemu has no users
 * table yet: the id is stored in the session (`context.session.user_id`, persisted for
 * later requests like the session tag) and a `warning` log entry says that
 * `context.current_user` stays null. timeout_in_minutes is checked and not enforced.
 */
export class SignInTag extends Tag {
  private hash: Hash;

  constructor(token: TagToken, remain: TopLevelToken[], liquid: Liquid) {
    super(token, remain, liquid);
    this.hash = new Hash(this.tokenizer, liquid.options.keyValueSeparator);
  }

  *render(ctx: Context): Generator<unknown, void, unknown> {
    const opts = (yield this.hash.render(ctx)) as Record<string, unknown>;
    const name = this.token.name;
    if (isBlank(opts.user_id)) throw new Error(`${name}: user_id is required (e.g. {% ${name} user_id: user.id %})`);
    const userId = String(toPlain(opts.user_id));
    const minutes = opts.timeout_in_minutes;
    if (minutes !== undefined && minutes !== null && !(Number(minutes) > 0)) {
      throw new Error(`${name}: timeout_in_minutes must be a positive number, got ${JSON.stringify(toPlain(minutes))}`);
    }
    const state = getState(ctx);
    state.session[SESSION_USER_KEY] = userId;
    // context.session is normally the same object; outside a request keep both in step.
    const seen = (ctx.globals as { context?: { session?: Record<string, unknown> } }).context?.session;
    if (seen && seen !== state.session) seen[SESSION_USER_KEY] = userId;
    state.services.log({
      type: 'warning',
      message: `${name}: user ${userId} stored in the session (user_id); posemu has no users table, so context.current_user stays null`,
      url: state.url,
      page: state.page,
      partial: state.partials[state.partials.length - 1] ?? '',
    });
  }
}
