import type * as FastXml from 'fast-xml-parser';
import { lazyModule } from './lazy.js';

const loadXml = lazyModule<typeof FastXml>('fast-xml-parser');
import { unescapeHtml } from '../json-text.js';
import { isHash, unwrap, type Hash } from './values.js';

/*
 * XML <-> hash the way platformOS does it: Ruby's xml-simple with KeepRoot, ForceArray (on
 * by default) and 'content' as the text key. parse_xml of
 * `<letter><title maxlength="10"> Quote Letter </title></letter>` gives
 * {"letter":[{"title":[{"maxlength":"10","content":" Quote Letter "}]}]}, and to_xml writes
 * that hash back as the same elements, indented by two spaces.
 */

export interface XmlInOptions {
  /** Attribute keys start with '@' (xml-simple AttrPrefix). */
  attrPrefix: boolean;
  /** Every child element is wrapped in an array, even when it does not repeat. */
  forceArray: boolean;
}

const CONTENT_KEY = 'content';

type OrderedNode = Record<string, unknown> & { ':@'?: Record<string, string> };

let xmlParser: FastXml.XMLParser | undefined;
const parser = () =>
  (xmlParser ??= new (loadXml().XMLParser)({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  // Entities are decoded below, numeric ones included (the parser leaves those as written).
  processEntities: false,
  allowBooleanAttributes: true,
  }));

/** Parses XML text into xml-simple's hash; throws with the line and column of bad XML. */
export function xmlToHash(text: string, opts: XmlInOptions): Hash {
  const check = loadXml().XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (check !== true) throw new Error(`invalid XML at line ${check.err.line}, column ${check.err.col}: ${check.err.msg}`);
  const nodes = parser().parse(text) as OrderedNode[];
  const root = nodes.find((n) => elementName(n) !== null);
  if (!root) throw new Error('invalid XML: no root element');
  const name = elementName(root)!;
  return merge({}, name, collapse(root, name, opts), opts);
}

function elementName(node: OrderedNode): string | null {
  return Object.keys(node).find((k) => k !== ':@' && k !== '#text' && k !== '#cdata') ?? null;
}

function collapse(node: OrderedNode, name: string, opts: XmlInOptions): unknown {
  let result: Hash = {};
  const attrs = node[':@'] ?? {};
  for (const [k, v] of Object.entries(attrs)) result[opts.attrPrefix ? `@${k}` : k] = unescapeHtml(String(v));
  const children = node[name] as OrderedNode[];
  const texts: string[] = [];
  let hasElements = false;
  for (const child of children) {
    if ('#text' in child) texts.push(unescapeHtml(String(child['#text'])));
    else if ('#cdata' in child) texts.push((child['#cdata'] as OrderedNode[]).map((t) => String(t['#text'] ?? '')).join(''));
    else {
      const childName = elementName(child);
      if (childName === null) continue;
      hasElements = true;
      result = merge(result, childName, collapse(child, childName, opts), opts);
    }
  }
  const text = texts.join('');
  if (hasElements) {
    // Mixed content: text beside child elements is kept only when it is more than layout.
    if (/\S/.test(text)) result[CONTENT_KEY] = texts.length === 1 ? texts[0] : texts;
    return result;
  }
  const hasAttrs = Object.keys(attrs).length > 0;
  if (!/\S/.test(text)) return hasAttrs ? result : {};
  return hasAttrs ? merge(result, CONTENT_KEY, text, { ...opts, forceArray: false }) : text;
}

function merge(hash: Hash, key: string, value: unknown, opts: XmlInOptions): Hash {
  if (Object.prototype.hasOwnProperty.call(hash, key)) {
    const prev = hash[key];
    hash[key] = Array.isArray(prev) ? [...prev, value] : [prev, value];
  } else {
    hash[key] = opts.forceArray || Array.isArray(value) ? [value] : value;
  }
  return hash;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

function escapeXml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => XML_ESCAPES[c]);
}

function scalarText(v: unknown): string {
  const x = unwrap(v);
  if (x === null || x === undefined) return '';
  if (x instanceof Date) return x.toISOString();
  return String(x);
}

function isScalar(v: unknown): boolean {
  const x = unwrap(v);
  return !Array.isArray(x) && !isHash(x);
}

/**
 * Writes a hash (or array) as XML. A hash with a single key names the root element; otherwise
 * the root is <opt>, and an array becomes a series of <anon> elements (xml-simple's names).
 * With attrPrefix only '@' keys become attributes; otherwise every scalar value does.
 */
export function hashToXml(value: unknown, attrPrefix: boolean): string {
  let ref = unwrap(value);
  let root = 'opt';
  if (Array.isArray(ref)) ref = { anon: ref };
  if (isHash(ref) && Object.keys(ref).length === 1) {
    root = Object.keys(ref)[0];
    ref = ref[root];
  }
  return toXml(ref, root, '', attrPrefix);
}

function toXml(ref: unknown, name: string, indent: string, attrPrefix: boolean): string {
  const value = unwrap(ref);
  if (Array.isArray(value)) {
    return value
      .map((item) => {
        if (isScalar(item)) return `${indent}<${name}>${escapeXml(scalarText(item))}</${name}>\n`;
        if (isHash(unwrap(item))) return toXml(item, name, indent, attrPrefix);
        return `${indent}<${name}>\n${toXml(item, 'anon', `${indent}  `, attrPrefix)}${indent}</${name}>\n`;
      })
      .join('');
  }
  if (!isHash(value)) return `${indent}<${name}>${escapeXml(scalarText(value))}</${name}>\n`;
  let open = `${indent}<${name}`;
  const nested: string[] = [];
  let text: string | null = Object.keys(value).length === 0 ? '' : null;
  for (const [key, raw] of Object.entries(value)) {
    // nil has no XML form in xml-simple (it raises); an empty element is the useful reading.
    const item = raw === null || raw === undefined ? {} : raw;
    const attrName = attrPrefix ? (key.startsWith('@') ? key.slice(1) : null) : key;
    if (key !== CONTENT_KEY && (attrName === null || !isScalar(item))) {
      nested.push(toXml(item, key, `${indent}  `, attrPrefix));
    } else if (key === CONTENT_KEY) {
      text = escapeXml(scalarText(item));
    } else {
      open += ` ${attrName}="${escapeXml(scalarText(item))}"`;
    }
  }
  if (nested.length === 0 && text === null) return `${open} />\n`;
  if (text !== null) {
    if (nested.length) nested[0] = nested[0].replace(/^\s+/, '');
    return `${open}>${text}${nested.join('')}${nested.length ? indent : ''}</${name}>\n`;
  }
  return `${open}>\n${nested.join('')}${indent}</${name}>\n`;
}
