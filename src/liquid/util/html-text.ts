import type { parseDocument as ParseDocument } from 'htmlparser2';
import { lazyModule } from './lazy.js';

const loadHtml = lazyModule<{ parseDocument: typeof ParseDocument }>('htmlparser2');
import type * as CssSelect from 'css-select';

const loadCss = lazyModule<typeof CssSelect>('css-select');
import type { AnyNode } from 'domhandler';

export interface HtmlToTextOptions {
  /** CSS selector of the element whose text is wanted; default the whole document. */
  rootElement?: string | null;
  /** CSS selector of elements left out. @default 'script, link, style' */
  removeNodes?: string;
  /** What a line break becomes. @default ' ' */
  replaceNewline?: string;
}

/** Thrown for a CSS selector css-select cannot read (the caller names the filter and option). */
export class SelectorError extends Error {}

/**
 * The text of an HTML document or fragment (entities decoded), like Nokogiri's `text` of the
 * root element, with removed nodes left out, newlines replaced and the ends trimmed. An
 * unmatched root element gives ''.
 */
export function htmlToText(html: string, opts: HtmlToTextOptions = {}): string {
  const doc = loadHtml().parseDocument(html, { decodeEntities: true });
  const root: AnyNode | null = opts.rootElement ? select(() => loadCss().selectOne(opts.rootElement!, doc)) : doc;
  if (!root) return '';
  const removeNodes = opts.removeNodes ?? 'script, link, style';
  const removed = new Set<AnyNode>(removeNodes ? select(() => loadCss().selectAll(removeNodes, root)) : []);
  return textOf(root, removed).replace(/\r?\n/g, opts.replaceNewline ?? ' ').trim();
}

function select<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new SelectorError((err as Error).message);
  }
}

function textOf(node: AnyNode, removed: Set<AnyNode>): string {
  if (removed.has(node)) return '';
  if (node.type === 'text') return node.data;
  if ('children' in node) return node.children.map((c) => textOf(c, removed)).join('');
  return '';
}
