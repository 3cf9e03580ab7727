import type { NotificationDef } from '../app/types.js';
import { RenderFailure, type NotificationRender } from './render.js';

/**
 * `delay`: minutes before sending (default 0). The docs allow Liquid in it
 * (`{{ 'now' | time_diff: ... | round }}`): the loader parses it like every other field, and
 * it is rendered with the notification's variables (`render` is only called then).
 */
export async function delayMinutes(def: NotificationDef, render: () => NotificationRender): Promise<number> {
  const source = def.fields.delay;
  if (!source) return 0;
  const text = (await render().source(source, {}, 'txt')).trim();
  const minutes = Number(text || 0);
  if (!Number.isFinite(minutes)) {
    throw new RenderFailure(`${def.file} (delay): must be a number of minutes, got ${JSON.stringify(text)}`);
  }
  // A computed delay whose moment has passed (the docs' time_diff example, rendered late)
  // means "send now", not an error.
  return Math.max(0, minutes);
}
