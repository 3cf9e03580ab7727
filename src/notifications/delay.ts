import type { Liquid } from 'liquidjs';
import type { LiquidSource, NotificationDef } from '../app/types.js';
import { parseTemplate } from '../liquid/engine.js';
import { describeError } from '../liquid/errors.js';
import { RenderFailure, type NotificationRender } from './render.js';

/** delay templates by notification, parsed once per loaded file. */
const parsed = new WeakMap<NotificationDef, LiquidSource>();

/**
 * `delay`: minutes before sending (default 0). The loader keeps it as a plain value; the docs
 * allow Liquid in it (`{{ 'now' | time_diff: ... | round }}`), so text with Liquid in it is
 * parsed here and rendered with the notification's variables (`render` is only called then).
 */
export async function delayMinutes(liquid: Liquid, def: NotificationDef, render: () => NotificationRender): Promise<number> {
  const raw = def.frontMatter.delay;
  if (raw === undefined || raw === null || raw === '') return 0;
  let text = String(raw);
  if (typeof raw === 'string' && /\{\{|\{%/.test(raw)) {
    let src = parsed.get(def);
    if (!src) {
      const file = `${def.file} (delay)`;
      try {
        src = { file, templates: parseTemplate(liquid, raw, file) };
      } catch (err) {
        throw new RenderFailure(describeError(err, file));
      }
      parsed.set(def, src);
    }
    text = await render().source(src, {}, 'txt');
  }
  const minutes = Number(text.trim() || 0);
  if (!Number.isFinite(minutes)) {
    throw new RenderFailure(`${def.file} (delay): must be a number of minutes, got ${JSON.stringify(text.trim())}`);
  }
  // A computed delay whose moment has passed (the docs' time_diff example, rendered late)
  // means "send now", not an error.
  return Math.max(0, minutes);
}
