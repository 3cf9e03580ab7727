import type { parseDocument as ParseDocument } from 'htmlparser2';
import { lazyModule } from './lazy.js';

const loadHtml = lazyModule<{ parseDocument: typeof ParseDocument }>('htmlparser2');
import type { ChildNode, Element } from 'domhandler';

/**
 * An HTML allow-list in the form of Ruby's Sanitize gem, which platformOS's sanitize and
 * markdown filters take: elements to keep (others are unwrapped, their text kept),
 * attributes per element ('all' for every element), URL protocols per element and attribute
 * ('relative' for URLs without one), attributes to add, elements dropped with their
 * contents, and whether comments stay.
 */
export interface SanitizeConfig {
  elements?: string[];
  attributes?: Record<string, string[]>;
  protocols?: Record<string, Record<string, string[]>>;
  add_attributes?: Record<string, Record<string, string>>;
  remove_contents?: string[];
  allow_comments?: boolean;
}

/** platformOS's SANITIZE_DEFAULT, as the docs of sanitize and markdown print it. */
export const SANITIZE_DEFAULT: SanitizeConfig = {
  elements: ['a', 'abbr', 'b', 'blockquote', 'br', 'cite', 'code', 'dd', 'dfn', 'dl', 'dt', 'em', 'i', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'img', 'kbd', 'li', 'mark', 'ol', 'p', 'pre', 'q', 's', 'samp', 'small', 'strike', 'strong', 'sub', 'sup', 'time', 'u', 'ul', 'var'],
  attributes: {
    a: ['href'],
    abbr: ['title'],
    blockquote: ['cite'],
    img: ['align', 'alt', 'border', 'height', 'src', 'srcset', 'width'],
    dfn: ['title'],
    q: ['cite'],
    time: ['datetime', 'pubdate'],
  },
  add_attributes: { a: { rel: 'nofollow' } },
  protocols: {
    a: { href: ['ftp', 'http', 'https', 'mailto', 'relative'] },
    blockquote: { cite: ['http', 'https', 'relative'] },
    q: { cite: ['http', 'https', 'relative'] },
    img: { src: ['http', 'https', 'relative'] },
  },
};

/** Sanitize's own defaults under every configuration: these go with their contents. */
const BASE_REMOVE_CONTENTS = ['iframe', 'math', 'noembed', 'noframes', 'noscript', 'plaintext', 'script', 'style', 'svg', 'xmp'];

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr']);
/** Elements whose text is not HTML-escaped when serialized. */
const RAW_TEXT = new Set(['script', 'style', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext', 'noscript']);

/**
 * Deep merge for extra_options: objects merge key by key, `null` removes a key, an empty
 * object empties it, anything else (arrays included) replaces.
 */
export function mergeSanitizeConfig(base: Record<string, unknown>, extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(extra)) {
    if (v === null) delete out[k];
    else if (isRecord(v) && Object.keys(v).length > 0 && isRecord(out[k])) out[k] = mergeSanitizeConfig(out[k] as Record<string, unknown>, v);
    else out[k] = v;
  }
  return out;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Cleans an HTML fragment by the configuration. */
export function sanitizeHtml(html: string, config: SanitizeConfig): string {
  const doc = loadHtml().parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  const ctx = {
    elements: new Set((config.elements ?? []).map((e) => e.toLowerCase())),
    removeContents: new Set([...BASE_REMOVE_CONTENTS, ...(config.remove_contents ?? [])].map((e) => e.toLowerCase())),
    config,
  };
  return serializeChildren(doc.children, ctx);
}

interface Ctx {
  elements: Set<string>;
  removeContents: Set<string>;
  config: SanitizeConfig;
}

function serializeChildren(nodes: ChildNode[], ctx: Ctx): string {
  return nodes.map((n) => serializeNode(n, ctx)).join('');
}

function serializeNode(node: ChildNode, ctx: Ctx): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.data);
    case 'comment':
      return ctx.config.allow_comments ? `<!--${node.data}-->` : '';
    case 'tag':
    case 'script':
    case 'style':
      return serializeElement(node, ctx);
    case 'cdata':
      return serializeChildren(node.children, ctx);
    default:
      return '';
  }
}

function serializeElement(el: Element, ctx: Ctx): string {
  const name = el.name;
  if (!ctx.elements.has(name)) {
    return ctx.removeContents.has(name) ? '' : serializeChildren(el.children, ctx);
  }
  const attrs = keptAttributes(el, ctx.config);
  const open = `<${name}${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('')}>`;
  if (VOID.has(name)) return open;
  const inner = RAW_TEXT.has(name) ? el.children.map((c) => (c.type === 'text' ? c.data : '')).join('') : serializeChildren(el.children, ctx);
  return `${open}${inner}</${name}>`;
}

function keptAttributes(el: Element, config: SanitizeConfig): Record<string, string> {
  const allowed = new Set([...(config.attributes?.[el.name] ?? []), ...(config.attributes?.all ?? [])].map((a) => a.toLowerCase()));
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(el.attribs)) {
    if (!allowed.has(name)) continue;
    const protocols = config.protocols?.[el.name]?.[name];
    if (protocols && !protocolAllowed(value, protocols)) continue;
    out[name] = value;
  }
  for (const [name, value] of Object.entries(config.add_attributes?.[el.name] ?? {})) out[name] = String(value);
  return out;
}

/** As Sanitize checks it: the scheme before ':' (ignoring whitespace and control characters), or 'relative'. */
function protocolAllowed(value: string, protocols: string[]): boolean {
  const cleaned = value.replace(/[\u0000-\u0020\u007f]+/g, '').toLowerCase();
  const m = /^([^/:?#]+):/.exec(cleaned);
  const allowed = protocols.map((p) => p.toLowerCase());
  return m ? allowed.includes(m[1]) : allowed.includes('relative');
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\u00a0/g, '&nbsp;');
}

function escapeAttribute(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/\u00a0/g, '&nbsp;');
}
