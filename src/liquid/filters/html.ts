import { SafeString, toOutput } from '../escape.js';
import { unescapeHtml } from '../json-text.js';
import type { FilterThis } from './types.js';

/**
 * Marks text as safe HTML so html output does not escape it. Entities are unescaped unless
 * raw_text: true (the docs' examples: `'abc &quot; def' | html_safe: raw_text: false`
 * gives `abc " def`). Without options the text is kept as written.
 */
export function html_safe(this: FilterThis, input: unknown, options?: unknown): SafeString {
  const opts = { ...(typeof options === 'object' && options ? options : {}), ...this.named } as Record<string, unknown>;
  const text = toOutput(input);
  return new SafeString(opts.raw_text === false ? unescapeHtml(text) : text);
}
