import { Drop, type Context } from 'liquidjs';
import { getState } from '../state.js';

export type Translations = Readonly<Record<string, Record<string, unknown>>>;

/** The app's translations (app/translations and modules), by language. */
export function translationsOf(ctx: Context): Translations {
  return getState(ctx).app.translations;
}

/**
 * The language of the render: `context.language` as the template sees it (set from
 * ?language= or the session), else 'en'.
 */
export function languageOf(ctx: Context): string {
  const lang = ctx.getSync(['context', 'language']);
  return typeof lang === 'string' && lang !== '' ? lang : 'en';
}

/**
 * The value at a dotted key ('drinks.alcoholic.beer') in one language, or undefined. A key
 * that itself contains dots is found too (YAML allows `"a.b": x`): the longest matching
 * segment wins at each level.
 */
export function lookupTranslation(translations: Translations, lang: string, key: string): unknown {
  const root = translations[lang];
  return root === undefined ? undefined : walk(root, key.split('.'));
}

function walk(node: unknown, parts: string[]): unknown {
  if (parts.length === 0) return node;
  if (node instanceof Drop) node = node.valueOf();
  if (!node || typeof node !== 'object' || Array.isArray(node)) return undefined;
  const rec = node as Record<string, unknown>;
  for (let i = parts.length; i >= 1; i--) {
    const k = parts.slice(0, i).join('.');
    if (Object.prototype.hasOwnProperty.call(rec, k)) {
      const found = walk(rec[k], parts.slice(i));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
